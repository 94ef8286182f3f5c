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
	// Limit caps the number of paths returned; 0 means DefaultPathLimit.
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
	// Limit caps the counterparts returned; 0 means DefaultCounterpartLimit.
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
	// Limit caps the page; 0 means DefaultEntityListLimit.
	Limit int
}

// Default page sizes of the traversal queries, used when a query leaves
// its Limit at 0 (the Store contract states them).
const (
	DefaultPathLimit        = 10
	DefaultCounterpartLimit = 20
	DefaultConflictLimit    = 100
	DefaultEntityListLimit  = 1000
)

// Normalize checks q against the traversal limits and fills in the
// default limit, so that every store accepts and refuses the same queries.
func (q *PathQuery) Normalize() error {
	if q.MaxHops < 1 || q.MaxHops > MaxPathHops {
		return Errorf(EINVALID, "max hops %d is not between 1 and %d", q.MaxHops, MaxPathHops)
	}
	return defaultLimit(&q.Limit, DefaultPathLimit)
}

// Normalize checks q's depth and node budget; a budget of 0 becomes
// MaxSubgraphNodes.
func (q *SubgraphQuery) Normalize() error {
	switch {
	case q.Depth < 1 || q.Depth > MaxSubgraphDepth:
		return Errorf(EINVALID, "depth %d is not between 1 and %d", q.Depth, MaxSubgraphDepth)
	case q.MaxNodes < 0 || q.MaxNodes > MaxSubgraphNodes:
		return Errorf(EINVALID, "max nodes %d is not between 0 and %d", q.MaxNodes, MaxSubgraphNodes)
	}
	if q.MaxNodes == 0 {
		q.MaxNodes = MaxSubgraphNodes
	}
	return nil
}

// Normalize checks q's event types and fills in the default limit.
func (q *CounterpartQuery) Normalize() error {
	if err := validTypes(q.Types); err != nil {
		return err
	}
	return defaultLimit(&q.Limit, DefaultCounterpartLimit)
}

// Normalize checks f's event types and fills in the default limit.
func (f *ConflictFilter) Normalize() error {
	if err := validTypes(f.Types); err != nil {
		return err
	}
	return defaultLimit(&f.Limit, DefaultConflictLimit)
}

// Normalize checks q's kinds and fills in the default page size.
func (q *EntityList) Normalize() error {
	for _, k := range q.Kinds {
		if !k.Valid() {
			return Errorf(EINVALID, "unknown entity kind %q", k)
		}
	}
	return defaultLimit(&q.Limit, DefaultEntityListLimit)
}

func defaultLimit(limit *int, def int) error {
	if *limit < 0 {
		return Errorf(EINVALID, "negative limit %d", *limit)
	}
	if *limit == 0 {
		*limit = def
	}
	return nil
}

func validTypes(ts []EventType) error {
	for _, t := range ts {
		if !t.Valid() {
			return Errorf(EINVALID, "unknown event type %q", t)
		}
	}
	return nil
}

// SubgraphNodes spends a subgraph's node budget, the one rule both stores
// follow: nodes are kept in the order offered until the budget is spent;
// the first node refused for lack of room marks the subgraph truncated.
// A budget filled exactly is not truncated.
type SubgraphNodes struct {
	budget int
	// Entities and Events are the IDs kept, in the order kept.
	Entities, Events []string
	entity, event    map[string]bool
	Truncated        bool
}

// NewSubgraphNodes returns an empty selection with room for budget nodes.
func NewSubgraphNodes(budget int) *SubgraphNodes {
	return &SubgraphNodes{budget: budget, entity: map[string]bool{}, event: map[string]bool{}}
}

// Room is how many more nodes fit.
func (n *SubgraphNodes) Room() int { return n.budget - len(n.Entities) - len(n.Events) }

// KeepEntity keeps id and reports true, or reports false when id is
// already kept or, setting Truncated, when nothing more fits.
func (n *SubgraphNodes) KeepEntity(id string) bool { return n.keep(id, n.entity, &n.Entities) }

// KeepEvent is KeepEntity for an event.
func (n *SubgraphNodes) KeepEvent(id string) bool { return n.keep(id, n.event, &n.Events) }

func (n *SubgraphNodes) keep(id string, seen map[string]bool, order *[]string) bool {
	if seen[id] {
		return false
	}
	if n.Room() <= 0 {
		n.Truncated = true
		return false
	}
	seen[id] = true
	*order = append(*order, id)
	return true
}
