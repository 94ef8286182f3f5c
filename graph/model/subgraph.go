package model

import (
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/export"
)

// Subgraph is the answer of Query.subgraph: the flat elements package
// export builds for downloads too.
type Subgraph struct {
	Nodes     []SubgraphNode
	Edges     []SubgraphEdge
	Truncated bool
}

// NewSubgraph flattens g.
func NewSubgraph(g *kg.Subgraph) *Subgraph {
	nodes, edges := export.Elements(g)
	out := &Subgraph{Nodes: make([]SubgraphNode, len(nodes)), Edges: make([]SubgraphEdge, len(edges)), Truncated: g.Truncated}
	for i := range nodes {
		out.Nodes[i] = SubgraphNode{nodes[i]}
	}
	for i := range edges {
		out.Edges[i] = SubgraphEdge{edges[i]}
	}
	return out
}

// SubgraphNode backs both SubgraphNode and SubgraphNodeData: Data returns
// the node itself, so the flat attributes need no copy. Methods without a
// context run inline, which matters at thousands of nodes, where a
// resolver per field would start a goroutine each.
type SubgraphNode struct{ N export.Node }

// ID returns the entity's or event's ID.
func (n SubgraphNode) ID() string { return n.N.ID }

// Label returns the display label.
func (n SubgraphNode) Label() string { return n.N.Label }

// Kind returns the node kind.
func (n SubgraphNode) Kind() export.NodeKind { return n.N.Kind }

// Data returns the node, seen as its flat attributes.
func (n SubgraphNode) Data() SubgraphNode { return n }

// Entity returns the entity of an entity node, or nil.
func (n SubgraphNode) Entity() Entity { return NewEntity(n.N.Entity) }

// Type returns an event node's type, or nil.
func (n SubgraphNode) Type() *kg.EventType {
	if n.N.Event == nil {
		return nil
	}
	return &n.N.Event.Type
}

// Status returns an event node's status, or nil.
func (n SubgraphNode) Status() *kg.Status {
	if n.N.Event == nil {
		return nil
	}
	return &n.N.Event.Status
}

// Precision returns an event node's date precision, or nil.
func (n SubgraphNode) Precision() *kg.Precision {
	if n.N.Event == nil {
		return nil
	}
	return &n.N.Event.Date.Precision
}

// Date returns an event node's ISO date value, or nil.
func (n SubgraphNode) Date() *string { return n.eventDate(func(d kg.Date) string { return d.Value }) }

// Earliest returns an event node's earliest possible day, or nil.
func (n SubgraphNode) Earliest() *string {
	return n.eventDate(func(d kg.Date) string { return d.Earliest })
}

// Latest returns an event node's latest possible day, or nil.
func (n SubgraphNode) Latest() *string {
	return n.eventDate(func(d kg.Date) string { return d.Latest })
}

func (n SubgraphNode) eventDate(part func(kg.Date) string) *string {
	if n.N.Event == nil {
		return nil
	}
	return Nullable(part(n.N.Event.Date))
}

// Country returns an entity node's country code, or nil.
func (n SubgraphNode) Country() *string {
	if n.N.Entity == nil {
		return nil
	}
	return Nullable(n.N.Entity.Country)
}

// SubgraphEdge backs both SubgraphEdge and SubgraphEdgeData.
type SubgraphEdge struct{ E export.Edge }

// ID returns the edge's ID.
func (e SubgraphEdge) ID() string { return e.E.ID }

// Source returns the ID of the node the edge leaves.
func (e SubgraphEdge) Source() string { return e.E.Source }

// Target returns the ID of the node the edge enters.
func (e SubgraphEdge) Target() string { return e.E.Target }

// Role returns the participant's role.
func (e SubgraphEdge) Role() kg.Role { return e.E.Role }

// Label returns the role in lower case.
func (e SubgraphEdge) Label() string { return e.E.Label() }

// Data returns the edge, seen as its flat attributes.
func (e SubgraphEdge) Data() SubgraphEdge { return e }

// PathStep is one hop of a path, by ID; resolvers load the objects.
type PathStep struct {
	FromID, EventID, ToID string
}
