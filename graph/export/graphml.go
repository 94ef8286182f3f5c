package export

import (
	"encoding/xml"
	"fmt"
	"io"
)

// graphMLNamespace is GraphML's XML namespace; Gephi and NetworkX expect it.
const graphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

// sink receives a graph's elements, every node before any edge, as the
// Cytoscape format needs, and writes them as they come so that the whole
// store can stream through it.
type sink interface {
	node(Node) error
	edge(Edge) error
	// close ends the document and flushes what the sink buffers.
	close() error
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	XMLName xml.Name  `xml:"node"`
	ID      string    `xml:"id,attr"`
	Data    []gmlData `xml:"data"`
}

type gmlEdge struct {
	XMLName xml.Name  `xml:"edge"`
	ID      string    `xml:"id,attr"`
	Source  string    `xml:"source,attr"`
	Target  string    `xml:"target,attr"`
	Data    []gmlData `xml:"data"`
}

type gmlKey struct {
	XMLName  xml.Name `xml:"key"`
	ID       string   `xml:"id,attr"`
	For      string   `xml:"for,attr"`
	AttrName string   `xml:"attr.name,attr"`
	AttrType string   `xml:"attr.type,attr"`
}

// graphML writes GraphML through encoding/xml, which escapes text and
// replaces characters XML cannot hold, so no sentence can break the file.
type graphML struct{ enc *xml.Encoder }

// edgeKeyPrefix keeps edge key IDs apart from node key IDs: GraphML key IDs
// share one namespace, and nodes and edges both have a label.
const edgeKeyPrefix = "e_"

func newGraphML(w io.Writer) (sink, error) {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return nil, err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	root := xml.StartElement{Name: xml.Name{Local: "graphml"}, Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: graphMLNamespace}}}
	if err := enc.EncodeToken(root); err != nil {
		return nil, err
	}
	// Gephi types attributes by their declarations; undeclared data is
	// dropped, so every key is declared up front.
	for _, k := range nodeKeys {
		if err := enc.Encode(gmlKey{ID: k, For: "node", AttrName: k, AttrType: "string"}); err != nil {
			return nil, err
		}
	}
	for _, k := range edgeKeys {
		if err := enc.Encode(gmlKey{ID: edgeKeyPrefix + k, For: "edge", AttrName: k, AttrType: "string"}); err != nil {
			return nil, err
		}
	}
	graph := xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "id"}, Value: "kg"}, {Name: xml.Name{Local: "edgedefault"}, Value: "directed"}}}
	if err := enc.EncodeToken(graph); err != nil {
		return nil, err
	}
	return &graphML{enc: enc}, nil
}

func (g *graphML) node(n Node) error {
	el := gmlNode{ID: n.ID}
	for _, a := range n.attrs() {
		el.Data = append(el.Data, gmlData{Key: a.key, Value: a.value})
	}
	return g.enc.Encode(el)
}

func (g *graphML) edge(e Edge) error {
	el := gmlEdge{ID: e.ID, Source: e.Source, Target: e.Target}
	for _, a := range e.attrs() {
		el.Data = append(el.Data, gmlData{Key: edgeKeyPrefix + a.key, Value: a.value})
	}
	return g.enc.Encode(el)
}

func (g *graphML) close() error {
	for _, name := range []string{"graph", "graphml"} {
		if err := g.enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}}); err != nil {
			return fmt.Errorf("graphml: %w", err)
		}
	}
	return g.enc.Close()
}
