package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"github.com/newsgraph/kg"
)

// Bounds of the record cache; past either, it starts over. 100,000 events
// with their evidence take about 80 MB; document texts are bounded by
// their size, since one article can be megabytes.
const (
	maxCachedEvents    = 100_000
	maxCachedTextBytes = 64 << 20
)

// recordCache keeps events (with participants and evidence) and documents
// read at one record generation (migration 0006). Reading them is most of
// the cost of an events page in the pure-Go SQLite: four statements that
// look up every row by ID, once per request, for rows that never change
// once written. Triggers move the generation whenever any program changes
// or removes a stored document or event, so that what was read at
// generation g is what every snapshot of generation g holds; new rows
// leave it alone, and so does a save of new documents. Misses are not
// kept, since a later snapshot of the same generation may hold a row an
// earlier one lacked.
type recordCache struct {
	mu        sync.RWMutex
	gen       int64
	events    map[string]*kg.Event
	docs      map[string]*kg.Document
	textBytes int
}

// recordGeneration is the query of the current record generation.
const recordGeneration = `SELECT generation FROM record_generation`

// lookupEvents puts copies of the cached events of ids into out and
// returns the IDs it did not have, all of them unless gen is the cache's.
func (c *recordCache) lookupEvents(gen int64, ids []string, out map[string]*kg.Event) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if gen != c.gen || c.events == nil {
		return ids
	}
	var missing []string
	for _, id := range ids {
		if e, ok := c.events[id]; ok {
			out[id] = copyEvent(e)
		} else {
			missing = append(missing, id)
		}
	}
	return missing
}

// lookupDocuments is lookupEvents for documents.
func (c *recordCache) lookupDocuments(gen int64, ids []string, out map[string]*kg.Document) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if gen != c.gen || c.docs == nil {
		return ids
	}
	var missing []string
	for _, id := range ids {
		if d, ok := c.docs[id]; ok {
			copied := *d
			out[id] = &copied
		} else {
			missing = append(missing, id)
		}
	}
	return missing
}

// addEvents caches events read at gen; see use.
func (c *recordCache) addEvents(gen int64, es map[string]*kg.Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.use(gen, len(es), 0) {
		return
	}
	for id, e := range es {
		c.events[id] = copyEvent(e)
	}
}

// addDocuments caches documents read at gen; see use.
func (c *recordCache) addDocuments(gen int64, ds map[string]*kg.Document) {
	size := 0
	for _, d := range ds {
		size += len(d.Text)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.use(gen, 0, size) {
		return
	}
	for id, d := range ds {
		copied := *d
		c.docs[id] = &copied
	}
	c.textBytes += size
}

// use readies the cache for events and text bytes read at gen and reports
// whether to add them: rows of an older generation than the cache's are
// dropped, a newer generation or a full cache starts it over. The caller
// holds mu.
func (c *recordCache) use(gen int64, events, textBytes int) bool {
	switch {
	case gen < c.gen:
		return false
	case gen > c.gen || c.events == nil || len(c.events)+events > maxCachedEvents ||
		c.textBytes+textBytes > maxCachedTextBytes:
		c.gen, c.textBytes = gen, 0
		c.events, c.docs = make(map[string]*kg.Event), make(map[string]*kg.Document)
	}
	return true
}

// copyEvent copies e, so that the cache and its callers never share a
// value that either could change.
func copyEvent(e *kg.Event) *kg.Event {
	c := *e
	c.Participants, c.Evidence = slices.Clone(c.Participants), slices.Clone(c.Evidence)
	return &c
}

// loadEvents returns the events of ids that exist, with their participants
// and evidence, from the cache when it holds tx's generation and from the
// database otherwise.
func (s *Store) loadEvents(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*kg.Event, error) {
	q := s.in(tx)
	var gen int64
	if err := q.QueryRowContext(ctx, recordGeneration).Scan(&gen); err != nil {
		return nil, err
	}
	out := make(map[string]*kg.Event, len(ids))
	missing := s.records.lookupEvents(gen, ids, out)
	if len(missing) == 0 {
		return out, nil
	}
	read, err := readEvents(ctx, q, missing)
	if err != nil {
		return nil, err
	}
	s.records.addEvents(gen, read)
	for id, e := range read {
		out[id] = e
	}
	return out, nil
}

// loadDocuments is loadEvents for documents.
func (s *Store) loadDocuments(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*kg.Document, error) {
	q := s.in(tx)
	var gen int64
	if err := q.QueryRowContext(ctx, recordGeneration).Scan(&gen); err != nil {
		return nil, err
	}
	out := make(map[string]*kg.Document, len(ids))
	missing := s.records.lookupDocuments(gen, ids, out)
	if len(missing) == 0 {
		return out, nil
	}
	read, err := readDocuments(ctx, q, missing)
	if err != nil {
		return nil, err
	}
	s.records.addDocuments(gen, read)
	for id, d := range read {
		out[id] = d
	}
	return out, nil
}
