package export

import (
	"bufio"
	"encoding/json"
	"io"
)

// cytoscape writes Cytoscape JSON: the .cyjs file Cytoscape desktop opens,
// whose elements Cytoscape.js takes as they are. Nodes and edges are
// separate arrays, so all nodes must come first.
type cytoscape struct {
	w            *bufio.Writer
	nodes, edges int
	edgesOpen    bool
}

// cyElement is one element; data is a map so that absent attributes are
// absent rather than empty, and json sorts its keys for stable files.
type cyElement struct {
	Data map[string]string `json:"data"`
}

const cyHeader = `{"format_version":"1.0","generated_by":"newsgraph kg","target_cytoscapejs_version":"~3",` +
	`"data":{"name":"news knowledge graph"},"elements":{"nodes":[`

func newCytoscape(w io.Writer) (sink, error) {
	c := &cytoscape{w: bufio.NewWriter(w)}
	_, err := c.w.WriteString(cyHeader)
	return c, err
}

func (c *cytoscape) write(n int, data map[string]string) error {
	if n > 0 {
		c.w.WriteByte(',')
	}
	c.w.WriteByte('\n')
	b, err := json.Marshal(cyElement{Data: data})
	if err != nil {
		return err
	}
	_, err = c.w.Write(b)
	return err
}

func (c *cytoscape) node(n Node) error {
	data := map[string]string{"id": n.ID}
	for _, a := range n.attrs() {
		data[a.key] = a.value
	}
	c.nodes++
	return c.write(c.nodes-1, data)
}

func (c *cytoscape) openEdges() {
	if !c.edgesOpen {
		c.w.WriteString("\n],\"edges\":[")
		c.edgesOpen = true
	}
}

func (c *cytoscape) edge(e Edge) error {
	c.openEdges()
	data := map[string]string{"id": e.ID, "source": e.Source, "target": e.Target}
	for _, a := range e.attrs() {
		data[a.key] = a.value
	}
	c.edges++
	return c.write(c.edges-1, data)
}

func (c *cytoscape) close() error {
	c.openEdges()
	c.w.WriteString("\n]}}\n")
	return c.w.Flush()
}
