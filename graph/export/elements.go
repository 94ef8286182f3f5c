// Package export turns the graph into files other tools open: GraphML for
// Gephi, Cytoscape JSON, and events as CSV for spreadsheets and dashboards,
// for a subgraph or streamed from the whole store. The GraphQL subgraph
// query builds its nodes and edges here too, so that downloads and API
// answers agree on IDs, labels and attributes.
package export

import (
	"strings"

	"github.com/newsgraph/kg"
)

// NodeKind is what a node stands for. Its values are the GraphQL NodeKind
// enum names, so files and API answers can be styled by the same rules.
type NodeKind string

// Node kinds: one per entity kind, and events.
const (
	KindPerson      NodeKind = "PERSON"
	KindState       NodeKind = "STATE"
	KindInstitution NodeKind = "INSTITUTION"
	KindAgreement   NodeKind = "AGREEMENT"
	KindPlace       NodeKind = "PLACE"
	KindEvent       NodeKind = "EVENT"
)

// Node is an entity or an event as a graph node. Exactly one of Entity and
// Event is set.
type Node struct {
	ID     string
	Label  string
	Kind   NodeKind
	Entity *kg.Entity
	Event  *kg.Event
}

// Edge links an event to one participant. Agents point to the event and
// the event points to objects and locations, so that a directed drawing
// reads like the sentence: Putin → SIGNED → treaty.
type Edge struct {
	ID, Source, Target string
	Role               kg.Role
	EventID, EntityID  string
}

// Label is the role in lower case, for display.
func (e Edge) Label() string { return string(e.Role) }

// EntityNode returns the node of e.
func EntityNode(e *kg.Entity) Node {
	return Node{ID: e.ID, Label: e.Name, Kind: NodeKind(strings.ToUpper(string(e.Kind))), Entity: e}
}

// EventNode returns the node of e. Its label is the type and the date (or
// the date's words), with the status when the event is not reported as
// having happened: a planned signing must not look like a signing.
func EventNode(e *kg.Event) Node {
	label := string(e.Type)
	switch {
	case e.Date.Value != "":
		label += " " + e.Date.Value
	case e.Date.Text != "":
		label += " (" + e.Date.Text + ")"
	}
	if e.Status != kg.StatusOccurred {
		label += " [" + string(e.Status) + "]"
	}
	return Node{ID: e.ID, Label: label, Kind: KindEvent, Event: e}
}

// EventEdges returns the edges of e to the participants that keep accepts;
// nil keeps all. A participant left out of a bounded subgraph must lose its
// edge too: Cytoscape.js refuses an edge whose end is not a node.
func EventEdges(e *kg.Event, keep func(entityID string) bool) []Edge {
	edges := make([]Edge, 0, len(e.Participants))
	for _, p := range e.Participants {
		if keep != nil && !keep(p.EntityID) {
			continue
		}
		// Entity IDs are slugs and event IDs hex, neither holds "_", so the
		// ID is unique; it is also a valid XML NMTOKEN, as GraphML wants.
		ed := Edge{ID: e.ID + "_" + string(p.Role) + "_" + p.EntityID, Role: p.Role, EventID: e.ID, EntityID: p.EntityID,
			Source: e.ID, Target: p.EntityID}
		if p.Role == kg.RoleAgent {
			ed.Source, ed.Target = p.EntityID, e.ID
		}
		edges = append(edges, ed)
	}
	return edges
}

// Elements flattens g: its entities, then its events, then the edges
// between them.
func Elements(g *kg.Subgraph) ([]Node, []Edge) {
	nodes := make([]Node, 0, len(g.Entities)+len(g.Events))
	in := make(map[string]bool, len(g.Entities))
	for _, e := range g.Entities {
		nodes = append(nodes, EntityNode(e))
		in[e.ID] = true
	}
	var edges []Edge
	for _, e := range g.Events {
		nodes = append(nodes, EventNode(e))
		edges = append(edges, EventEdges(e, func(id string) bool { return in[id] })...)
	}
	return nodes, edges
}

// EnumName spells a domain value the way the GraphQL enums do:
// "on-or-before" becomes "ON_OR_BEFORE", "occurred" "OCCURRED".
func EnumName(s string) string { return strings.ToUpper(strings.ReplaceAll(s, "-", "_")) }

// attr is one attribute of a node or edge in a file.
type attr struct{ key, value string }

// attrs lists n's attributes in a fixed order, leaving out empty ones.
// They match the fields of the GraphQL SubgraphNodeData type.
func (n Node) attrs() []attr {
	all := []attr{{"label", n.Label}, {"kind", string(n.Kind)}}
	if e := n.Event; e != nil {
		all = append(all, attr{"type", string(e.Type)}, attr{"status", EnumName(string(e.Status))},
			attr{"date", e.Date.Value}, attr{"precision", EnumName(string(e.Date.Precision))},
			attr{"earliest", e.Date.Earliest}, attr{"latest", e.Date.Latest})
	}
	if e := n.Entity; e != nil {
		all = append(all, attr{"country", e.Country})
	}
	out := all[:0]
	for _, a := range all {
		if a.value != "" {
			out = append(out, a)
		}
	}
	return out
}

// nodeKeys are every key attrs may return, in order, for GraphML's
// declarations.
var nodeKeys = []string{"label", "kind", "type", "status", "date", "precision", "earliest", "latest", "country"}

func (e Edge) attrs() []attr {
	return []attr{{"role", EnumName(string(e.Role))}, {"label", e.Label()}}
}

var edgeKeys = []string{"role", "label"}
