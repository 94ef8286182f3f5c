package kg

// Limits on traversals. They keep one request's work bounded whatever the
// graph looks like; the API rejects larger values with EINVALID.
const (
	MaxPathHops      = 6
	MaxSubgraphDepth = 3
	MaxSubgraphNodes = 2000
)

// PathQuery asks for the shortest chains of events that connect two
// entities. One hop is entity → event → entity: both entities take part in
// the event, in any role.
type PathQuery struct {
	FromID, ToID string
	// MaxHops is at least 1 and at most MaxPathHops.
	MaxHops int
	// Events restricts the events a path may pass through; its paging
	// fields (After, Limit, Descending) are ignored.
	Events EventFilter
	// Limit caps the number of paths returned; 0 means 10.
	Limit int
}

// Path is a chain from one entity to another. EntityIDs has one more element
// than EventIDs: EntityIDs[i] and EntityIDs[i+1] both take part in
// EventIDs[i]. An entity never appears twice in one path.
type Path struct {
	EntityIDs []string
	EventIDs  []string
}

// SubgraphQuery asks for the neighbourhood of some entities. Depth 1 is the
// seeds, their events and those events' other participants; each further
// level repeats that from the entities just added.
type SubgraphQuery struct {
	SeedIDs []string
	// Depth is at least 1 and at most MaxSubgraphDepth.
	Depth int
	// MaxNodes caps entities plus events; 0 means MaxSubgraphNodes. Nearer
	// levels are kept first; within a level, earlier events first.
	MaxNodes int
	// Events restricts which events are followed; paging fields are ignored.
	Events EventFilter
}

// Subgraph is a bounded part of the graph. Every event in Events has at
// least one participant in Entities; participants outside Entities were
// cut by MaxNodes, and Truncated says so.
type Subgraph struct {
	Entities  []*Entity
	Events    []*Event
	Truncated bool
}

// CounterpartQuery asks who else took part in the same kind of action on
// the same objects as one entity ("who else signed what Putin signed").
type CounterpartQuery struct {
	EntityID string
	// Types narrows the actions compared; empty means every type.
	Types []EventType
	// Limit caps the counterparts returned; 0 means 20.
	Limit int
}

// Counterpart is another agent of the same action on the same object.
type Counterpart struct {
	Entity *Entity
	// ObjectIDs are the objects both acted on, sorted.
	ObjectIDs []string
	// EventIDs are the counterpart's events on those objects, sorted.
	EventIDs []string
}

// EntityList pages through every stored entity in ID order, for exports
// of the whole graph.
type EntityList struct {
	Kinds []EntityKind
	// After is the ID of the last entity of the previous page.
	After string
	// Limit caps the page; 0 means 1000.
	Limit int
}
