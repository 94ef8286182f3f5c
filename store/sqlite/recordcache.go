package sqlite

import (
	"context"
	"database/sql"
	"slices"

	"github.com/newsgraph/kg"
)

// Bounds of the record caches. Document texts are bounded by their size,
// since one article can be megabytes.
const (
	maxCachedEvents    = 100_000
	maxCachedTextBytes = 64 << 20
)

// recordGeneration is the query of the record generation (migration
// 0006), which any change or removal of a stored document or event moves.
// Events are written once, with their participants and evidence, so a
// save of new documents leaves it, and the caches, alone. Reading a page's
// events and documents by ID was most of the cost of an events request in
// the pure-Go SQLite: four statements per request for rows that do not
// change once written.
const recordGeneration = `SELECT generation FROM record_generation`

func newEventCache() *genCache[kg.Event] {
	return &genCache[kg.Event]{maxCost: maxCachedEvents,
		cost: func(*kg.Event) int { return 1 }, copy: copyEvent}
}

func newDocumentCache() *genCache[kg.Document] {
	return &genCache[kg.Document]{maxCost: maxCachedTextBytes,
		cost: func(d *kg.Document) int { return len(d.Text) + 1 },
		copy: func(d *kg.Document) *kg.Document { c := *d; return &c }}
}

func copyEvent(e *kg.Event) *kg.Event {
	c := *e
	c.Participants, c.Evidence = slices.Clone(c.Participants), slices.Clone(c.Evidence)
	return &c
}

// loadEvents returns the events of ids that exist, with their participants
// and evidence, from the cache when it holds tx's generation.
func (s *Store) loadEvents(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*kg.Event, error) {
	return load(ctx, s, tx, s.events, recordGeneration, ids, readEvents)
}

// loadDocuments is loadEvents for documents.
func (s *Store) loadDocuments(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*kg.Document, error) {
	return load(ctx, s, tx, s.documents, recordGeneration, ids, readDocuments)
}
