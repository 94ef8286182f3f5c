package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"github.com/newsgraph/kg"
)

// maxCachedEntities bounds the entity cache; past it the cache starts
// over. Entities are few next to events (the 100,000-event benchmark
// store has 1,760), and every event page names a few dozen of them.
const maxCachedEntities = 100_000

// entityCache keeps entities read at one entity generation (migration
// 0004): triggers increment the generation whenever any program changes
// an entity, its aliases or its roles, so entities read in a snapshot of
// generation g are the same in every snapshot of generation g. Saves that
// bring only known entities leave it, and the cache, untouched.
type entityCache struct {
	mu   sync.RWMutex
	gen  int64
	byID map[string]*kg.Entity
}

// lookup puts copies of the cached entities of ids into out and returns
// the IDs it did not have, all of them unless gen is the cache's.
func (c *entityCache) lookup(gen int64, ids []string, out map[string]*kg.Entity) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if gen != c.gen || c.byID == nil {
		return ids
	}
	var missing []string
	for _, id := range ids {
		if e, ok := c.byID[id]; ok {
			out[id] = copyEntity(e)
		} else {
			missing = append(missing, id)
		}
	}
	return missing
}

// add caches entities read at gen. An older generation than the cache's
// is dropped; a newer one replaces the cache.
func (c *entityCache) add(gen int64, es map[string]*kg.Entity) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case gen < c.gen:
		return
	case gen > c.gen || c.byID == nil || len(c.byID)+len(es) > maxCachedEntities:
		c.gen, c.byID = gen, make(map[string]*kg.Entity, len(es))
	}
	for id, e := range es {
		c.byID[id] = copyEntity(e)
	}
}

// copyEntity copies e, so that the cache and its callers never share a
// value that either could change.
func copyEntity(e *kg.Entity) *kg.Entity {
	c := *e
	c.Aliases, c.Roles = slices.Clone(c.Aliases), slices.Clone(c.Roles)
	return &c
}

// entityGeneration is the query of the current entity generation.
const entityGeneration = `SELECT generation FROM entity_generation`

// loadEntities returns the entities of ids that exist, from the cache when
// it holds tx's generation and from the database otherwise.
func (s *Store) loadEntities(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*kg.Entity, error) {
	q := s.in(tx)
	var gen int64
	if err := q.QueryRowContext(ctx, entityGeneration).Scan(&gen); err != nil {
		return nil, err
	}
	out := make(map[string]*kg.Entity, len(ids))
	missing := s.entities.lookup(gen, ids, out)
	if len(missing) == 0 {
		return out, nil
	}
	read, err := readEntities(ctx, q, missing)
	if err != nil {
		return nil, err
	}
	s.entities.add(gen, read)
	for id, e := range read {
		out[id] = e
	}
	return out, nil
}
