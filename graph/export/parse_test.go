package export_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"testing"
)

// graphml is the part of GraphML that Gephi reads.
type graphml struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID       string `xml:"id,attr"`
		For      string `xml:"for,attr"`
		AttrName string `xml:"attr.name,attr"`
		AttrType string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
	} `xml:"graph"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

// elements is a graph read back from either format: node IDs with their
// attributes, and edges as "source target role".
type elements struct {
	nodes map[string]map[string]string
	edges map[string]string
	order []string
}

func parseGraphML(t *testing.T, body []byte) elements {
	t.Helper()
	var g graphml
	if err := xml.Unmarshal(body, &g); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%.500s", err, body)
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Fatalf("edgedefault = %q", g.Graph.EdgeDefault)
	}
	declared := map[string]string{}
	for _, k := range g.Keys {
		if k.AttrName == "" || k.AttrType != "string" {
			t.Fatalf("key %+v lacks attr.name or attr.type", k)
		}
		declared[k.ID] = k.For
	}
	el := elements{nodes: map[string]map[string]string{}, edges: map[string]string{}}
	for _, n := range g.Graph.Nodes {
		attrs := map[string]string{}
		for _, d := range n.Data {
			if declared[d.Key] != "node" {
				t.Fatalf("node %s uses key %q, declared for %q", n.ID, d.Key, declared[d.Key])
			}
			attrs[d.Key] = d.Value
		}
		el.add(t, n.ID, attrs)
	}
	for _, e := range g.Graph.Edges {
		role := ""
		for _, d := range e.Data {
			if declared[d.Key] != "edge" {
				t.Fatalf("edge %s uses key %q, declared for %q", e.ID, d.Key, declared[d.Key])
			}
			if d.Key == "e_role" {
				role = d.Value
			}
		}
		el.addEdge(t, e.ID, e.Source, e.Target, role)
	}
	return el
}

func parseCytoscape(t *testing.T, body []byte) elements {
	t.Helper()
	var doc struct {
		Elements struct {
			Nodes []struct{ Data map[string]string }
			Edges []struct{ Data map[string]string }
		}
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("Cytoscape JSON does not parse: %v\n%.500s", err, body)
	}
	el := elements{nodes: map[string]map[string]string{}, edges: map[string]string{}}
	for _, n := range doc.Elements.Nodes {
		el.add(t, n.Data["id"], n.Data)
	}
	for _, e := range doc.Elements.Edges {
		el.addEdge(t, e.Data["id"], e.Data["source"], e.Data["target"], e.Data["role"])
	}
	return el
}

func (el *elements) add(t *testing.T, id string, attrs map[string]string) {
	if id == "" || el.nodes[id] != nil || attrs["label"] == "" || attrs["kind"] == "" {
		t.Fatalf("node %q with %v: empty, repeated, or without label and kind", id, attrs)
	}
	el.nodes[id] = attrs
	el.order = append(el.order, id)
}

func (el *elements) addEdge(t *testing.T, id, src, dst, role string) {
	if id == "" || el.edges[id] != "" || el.nodes[src] == nil || el.nodes[dst] == nil || role == "" {
		t.Fatalf("edge %q %s→%s (%s): empty, repeated, without role, or an end that is not a node", id, src, dst, role)
	}
	el.edges[id] = fmt.Sprintf("%s %s %s", src, dst, role)
}
