package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// genCache keeps values read at one generation of a counter that triggers
// move on every change to the rows the values are read from, whichever
// program makes it (migrations 0004 and 0006): what was read in a
// snapshot of generation g is what every snapshot of generation g holds.
// Misses are never kept, since a later snapshot of the same generation
// may hold a row an earlier one lacked. Values go in and out as copies,
// so that the cache and its callers never share one that either could
// change. Past maxCost (the sum of cost over the values) it starts over.
type genCache[V any] struct {
	maxCost int
	cost    func(*V) int
	copy    func(*V) *V

	mu    sync.RWMutex
	gen   int64
	byID  map[string]*V
	spent int
}

// lookup puts copies of the cached values of ids into out and returns the
// IDs it did not have, all of them unless gen is the cache's.
func (c *genCache[V]) lookup(gen int64, ids []string, out map[string]*V) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if gen != c.gen || c.byID == nil {
		return ids
	}
	var missing []string
	for _, id := range ids {
		if v, ok := c.byID[id]; ok {
			out[id] = c.copy(v)
		} else {
			missing = append(missing, id)
		}
	}
	return missing
}

// add caches values read at gen. An older generation than the cache's is
// dropped; a newer one, or a full cache, starts it over.
func (c *genCache[V]) add(gen int64, vs map[string]*V) {
	cost := 0
	for _, v := range vs {
		cost += c.cost(v)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case gen < c.gen:
		return
	case gen > c.gen || c.byID == nil || c.spent+cost > c.maxCost:
		c.gen, c.byID, c.spent = gen, make(map[string]*V, len(vs)), 0
	}
	for id, v := range vs {
		c.byID[id] = c.copy(v)
	}
	c.spent += cost
}

// load returns the values of ids that exist, from c when it holds the
// generation that genQuery reads in tx, and from read otherwise.
func load[V any](ctx context.Context, s *Store, tx *sql.Tx, c *genCache[V], genQuery string, ids []string,
	read func(context.Context, querier, []string) (map[string]*V, error)) (map[string]*V, error) {
	q := s.in(tx)
	var gen int64
	if err := q.QueryRowContext(ctx, genQuery).Scan(&gen); err != nil {
		return nil, err
	}
	out := make(map[string]*V, len(ids))
	missing := c.lookup(gen, ids, out)
	if len(missing) == 0 {
		return out, nil
	}
	got, err := read(ctx, q, missing)
	if err != nil {
		return nil, err
	}
	c.add(gen, got)
	for id, v := range got {
		out[id] = v
	}
	return out, nil
}
