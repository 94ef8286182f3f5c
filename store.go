package kg

import "context"

// Store keeps the graph. Implementations: store/sqlite (embedded default)
// and store/neo4j (production). Every implementation passes store/storetest.
type Store interface {
	// Save writes one document with its entities and events as one unit:
	// after a failure, either all of it is stored or none of it. Saving a
	// document whose ID is already stored replaces that document's events,
	// so saving the same extraction twice changes nothing. Entities are
	// merged by ID; their aliases and roles accumulate.
	// Returns EINVALID if the extraction is malformed, EUNAVAILABLE if the
	// database cannot be reached.
	Save(ctx context.Context, x *Extraction) (SaveResult, error)

	// Document returns the stored document with the given ID and extractor
	// version, or ENOTFOUND.
	Document(ctx context.Context, id string) (*Document, error)

	// Documents returns the documents with the given IDs, in the same order;
	// missing ones are nil. It is the batch call behind dataloaders.
	Documents(ctx context.Context, ids []string) ([]*Document, error)

	// Entities returns the entities with the given IDs, in the same order;
	// missing ones are nil.
	Entities(ctx context.Context, ids []string) ([]*Entity, error)

	// Events returns the events with the given IDs, in the same order;
	// missing ones are nil.
	Events(ctx context.Context, ids []string) ([]*Event, error)

	// FindEvents returns one page of the events that match f, in f's order,
	// and the total number of matches. Returns EINVALID for a bad filter.
	FindEvents(ctx context.Context, f EventFilter) (EventPage, error)

	// SearchEntities returns entities whose name or alias matches q, best
	// first. Returns EINVALID for an empty query.
	SearchEntities(ctx context.Context, q EntityQuery) ([]EntityMatch, error)

	// ListEntities returns one page of all stored entities in ID order.
	ListEntities(ctx context.Context, q EntityList) ([]*Entity, error)

	// Paths returns the shortest paths from q.FromID to q.ToID of at most
	// q.MaxHops hops, each path once, in a stable order (by length, then
	// by the IDs along it). No path is an empty result, not an error.
	// Returns ENOTFOUND when either entity is unknown, EINVALID for bad
	// bounds.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)

	// Subgraph returns the neighbourhood of q.SeedIDs. Returns ENOTFOUND
	// when no seed is known, EINVALID for bad bounds.
	Subgraph(ctx context.Context, q SubgraphQuery) (*Subgraph, error)

	// Counterparts returns the other agents of q.EntityID's actions, those
	// sharing the most objects first, then by ID.
	Counterparts(ctx context.Context, q CounterpartQuery) ([]Counterpart, error)

	// Conflicts returns pairs of events that disagree (see Disagreement),
	// ordered by type, then by the pair's IDs.
	Conflicts(ctx context.Context, f ConflictFilter) ([]Conflict, error)

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// Ping returns EUNAVAILABLE when the database cannot serve requests.
	Ping(ctx context.Context) error

	// Close releases the store.
	Close() error
}

// SaveResult tells what Save changed.
type SaveResult struct {
	// Unchanged is true when the same document, read by the same extractor
	// version, was already stored; nothing was written.
	Unchanged bool
	Entities  int
	Events    int
}

// EventFilter selects events. Empty fields do not filter. Lists within a
// field are alternatives; fields combine with AND.
type EventFilter struct {
	Types    []EventType
	Statuses []Status
	// AgentIDs, ObjectIDs, LocationIDs and ParticipantIDs match entities
	// in the agent role, the object role, the location role, or any role.
	AgentIDs       []string
	ObjectIDs      []string
	LocationIDs    []string
	ParticipantIDs []string
	DocumentIDs    []string
	// From and To ("YYYY-MM-DD", inclusive) keep events whose date bounds
	// overlap the range; unresolved dates never overlap a range.
	From, To string
	// Descending sorts latest first; the default is earliest first, with
	// unresolved dates last. Ties break on ID.
	Descending bool
	// After is the (SortKey, ID) of the last event of the previous page.
	After *EventCursor
	// Limit caps the page; 0 means no limit.
	Limit int
	// NoTotal spares counting every match, for a caller that will not
	// show the count: EventPage.Total is then -1.
	NoTotal bool
}

// EventCursor marks a position in a sorted event list.
type EventCursor struct {
	SortKey string
	ID      string
}

// EventPage is one page of events and the number of all matches (-1 when
// the filter asked for NoTotal).
type EventPage struct {
	Events []*Event
	Total  int
}

// EntityQuery is a search for entities by name.
type EntityQuery struct {
	Text  string
	Kinds []EntityKind
	Limit int
}

// EntityMatch is a search hit; higher Score is better.
type EntityMatch struct {
	Entity *Entity
	Score  float64
}

// Stats counts stored things.
type Stats struct {
	Documents int
	Entities  int
	Events    int
}
