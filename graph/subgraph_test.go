package graph_test

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

// cytoscapeQuery and graphologyQuery are the recipes of the schema's
// subgraph description, kept word for word.
const cytoscapeQuery = `query($around: [String!]!, $depth: Int, $maxNodes: Int, $where: EventWhere) {
  subgraph(around: $around, depth: $depth, maxNodes: $maxNodes, where: $where) {
    nodes { data { id label kind type status date country } }
    edges { data { id source target role label } }
    truncated
  }
}`

const graphologyQuery = `query($around: [String!]!) {
  subgraph(around: $around) {
    nodes { key: id attributes: data { label kind type status date country } }
    edges { key: id source target attributes: data { role label } }
  }
}`

// cyElements is what Cytoscape.js takes as `elements`.
type cyElements struct {
	Nodes []struct {
		Data map[string]any `json:"data"`
	} `json:"nodes"`
	Edges []struct {
		Data map[string]any `json:"data"`
	} `json:"edges"`
	Truncated bool `json:"truncated"`
}

func TestSubgraph(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	events := allEvents(fx.xs)
	for _, c := range []struct {
		name string
		vars map[string]any
		q    kg.SubgraphQuery
	}{
		{"one seed", map[string]any{"around": []string{"Vladimir Putin"}},
			kg.SubgraphQuery{SeedIDs: []string{storetest.PutinID}, Depth: 1, MaxNodes: 200}},
		{"two seeds, deeper", map[string]any{"around": []string{storetest.MajlisID, "Duma"}, "depth": 2},
			kg.SubgraphQuery{SeedIDs: []string{storetest.MajlisID, storetest.DumaID}, Depth: 2, MaxNodes: 200}},
		{"date range", map[string]any{"around": []string{"Russia-Iran treaty"}, "where": map[string]any{"dateFrom": "2025-04-01", "dateTo": "2025-04-30"}},
			kg.SubgraphQuery{SeedIDs: []string{storetest.TreatyID}, Depth: 1, MaxNodes: 200, Events: kg.EventFilter{From: "2025-04-01", To: "2025-04-30"}}},
		{"truncated", map[string]any{"around": []string{"Russia-Iran treaty"}, "depth": 3, "maxNodes": 7},
			kg.SubgraphQuery{SeedIDs: []string{storetest.TreatyID}, Depth: 3, MaxNodes: 7}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, err := fx.store.Subgraph(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			var r struct{ Subgraph cyElements }
			query(t, fx.handler, cytoscapeQuery, c.vars, &r)
			g := r.Subgraph
			var wantNodes, gotNodes []string
			for _, e := range want.Entities {
				wantNodes = append(wantNodes, e.ID)
			}
			for _, e := range want.Events {
				wantNodes = append(wantNodes, e.ID)
			}
			kinds := map[string]string{}
			for _, n := range g.Nodes {
				id, _ := n.Data["id"].(string)
				gotNodes = append(gotNodes, id)
				kinds[id], _ = n.Data["kind"].(string)
				if e := events[id]; e != nil && (n.Data["type"] != string(e.Type) || n.Data["kind"] != "EVENT" || n.Data["country"] != nil) {
					t.Fatalf("event node %v does not carry the event's type", n.Data)
				}
				if l, _ := n.Data["label"].(string); l == "" {
					t.Fatalf("node %s without label", id)
				}
			}
			if !reflect.DeepEqual(gotNodes, wantNodes) || g.Truncated != want.Truncated {
				t.Fatalf("nodes =\n%v (truncated %v)\nwant\n%v (truncated %v)", gotNodes, g.Truncated, wantNodes, want.Truncated)
			}
			if c.name == "truncated" && !g.Truncated {
				t.Fatal("maxNodes 7 did not truncate; the case tests nothing")
			}
			// Every participant inside the subgraph has its edge, agents
			// pointing to the event, and no edge leaves the node set.
			var wantEdges, gotEdges []string
			for _, e := range want.Events {
				for _, p := range e.Participants {
					if _, in := kinds[p.EntityID]; !in {
						continue
					}
					from, to := e.ID, p.EntityID
					if p.Role == kg.RoleAgent {
						from, to = to, from
					}
					wantEdges = append(wantEdges, from+" "+to+" "+string(p.Role))
				}
			}
			seenID := map[string]bool{}
			for _, ed := range g.Edges {
				d := ed.Data
				src, _ := d["source"].(string)
				dst, _ := d["target"].(string)
				role, _ := d["role"].(string)
				id, _ := d["id"].(string)
				if seenID[id] || id == "" || d["label"] == "" {
					t.Fatalf("edge %v: duplicate or empty id or label", d)
				}
				seenID[id] = true
				if kinds[src] == "" || kinds[dst] == "" {
					t.Fatalf("edge %v leaves the node set", d)
				}
				gotEdges = append(gotEdges, src+" "+dst+" "+map[string]string{"AGENT": "agent", "OBJECT": "object", "LOCATION": "location"}[role])
			}
			sort.Strings(wantEdges)
			sort.Strings(gotEdges)
			if len(wantEdges) == 0 || !reflect.DeepEqual(gotEdges, wantEdges) {
				t.Fatalf("edges =\n%v\nwant\n%v", gotEdges, wantEdges)
			}
		})
	}
}

// TestSubgraphGraphologyShape checks that the graphology recipe yields
// graphology's serialized form: nodes with key and attributes, edges with
// key, source, target and attributes, and nothing else.
func TestSubgraphGraphologyShape(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	var r struct {
		Subgraph map[string][]map[string]json.RawMessage
	}
	query(t, fx.handler, graphologyQuery, map[string]any{"around": []string{"Putin"}}, &r)
	nodes, edges := r.Subgraph["nodes"], r.Subgraph["edges"]
	if len(nodes) == 0 || len(edges) == 0 {
		t.Fatalf("empty subgraph: %v", r.Subgraph)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	if got := keys(nodes[0]); !slices.Equal(got, []string{"attributes", "key"}) {
		t.Fatalf("node keys = %v", got)
	}
	if got := keys(edges[0]); !slices.Equal(got, []string{"attributes", "key", "source", "target"}) {
		t.Fatalf("edge keys = %v", got)
	}
}

func TestSubgraphObjects(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	var r struct {
		Subgraph struct {
			Nodes []struct {
				ID, Kind string
				Entity   *struct{ ID, Name string }
				Event    *struct {
					ID     string
					Agents []struct{ Name string }
				}
			}
		}
	}
	query(t, fx.handler, `{ subgraph(around: ["Federation Council"]) { nodes { id kind entity { id name } event { id agents { name } } } } }`, nil, &r)
	sawEvent := false
	for _, n := range r.Subgraph.Nodes {
		switch {
		case n.Kind == "EVENT" && n.Event != nil && n.Entity == nil && n.Event.ID == n.ID:
			sawEvent = sawEvent || len(n.Event.Agents) > 0
		case n.Kind != "EVENT" && n.Entity != nil && n.Event == nil && n.Entity.ID == n.ID && n.Entity.Name != "":
		default:
			t.Fatalf("node %+v: entity and event do not match its kind", n)
		}
	}
	if !sawEvent {
		t.Fatal("no event node with agents")
	}
}

// TestSubgraphUnknownFilterEntity checks that a where naming no entity
// keeps the seeds and follows no event, rather than following all.
func TestSubgraphUnknownFilterEntity(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	var r struct{ Subgraph cyElements }
	query(t, fx.handler, cytoscapeQuery, map[string]any{"around": []string{"Putin", "Iran"},
		"where": map[string]any{"agent": "Nobody Atall"}}, &r)
	var got []string
	for _, n := range r.Subgraph.Nodes {
		got = append(got, n.Data["id"].(string))
	}
	if want := []string{storetest.PutinID, storetest.IranID}; !reflect.DeepEqual(got, want) || len(r.Subgraph.Edges) != 0 {
		t.Fatalf("nodes %v, %d edges; want the seeds %v alone", got, len(r.Subgraph.Edges), want)
	}
}
