package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// Subgraph returns the neighbourhood of q.SeedIDs, level by level: one
// statement per level finds the new events of the entities the previous
// level added, and the node budget is spent here in their order, so that
// nearer levels and earlier events are kept first. See kg.Store.
func (s *Store) Subgraph(ctx context.Context, q kg.SubgraphQuery) (*kg.Subgraph, error) {
	switch {
	case q.Depth < 1 || q.Depth > kg.MaxSubgraphDepth:
		return nil, kg.Errorf(kg.EINVALID, "depth %d is not between 1 and %d", q.Depth, kg.MaxSubgraphDepth)
	case q.MaxNodes < 0 || q.MaxNodes > kg.MaxSubgraphNodes:
		return nil, kg.Errorf(kg.EINVALID, "max nodes %d is not between 0 and %d", q.MaxNodes, kg.MaxSubgraphNodes)
	}
	f := traversalFilter(q.Events)
	if err := validFilter(f); err != nil {
		return nil, err
	}
	budget := q.MaxNodes
	if budget == 0 {
		budget = kg.MaxSubgraphNodes
	}
	var g *kg.Subgraph
	err := s.read(ctx, "subgraph", func(tx neo4j.ManagedTransaction) error {
		known, err := knownEntities(ctx, tx, q.SeedIDs)
		if err != nil {
			return err
		}
		w := &subgraphWalk{budget: budget, entities: map[string]bool{}, events: map[string]bool{}}
		var frontier []string
		for _, id := range q.SeedIDs {
			if known[id] && w.addEntity(id) {
				frontier = append(frontier, id)
			}
		}
		if len(frontier) == 0 {
			return kg.Errorf(kg.ENOTFOUND, "none of the seed entities is stored")
		}
		params := filterParams(f)
		for level := 1; level <= q.Depth && len(frontier) > 0 && !w.truncated; level++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			params["frontier"], params["seen"] = frontier, strs(w.eventOrder)
			params["fit"] = int64(w.budget - len(w.entityOrder) - len(w.eventOrder) + 1)
			recs, err := collect(ctx, tx, cypherSubgraphLevel, params)
			if err != nil {
				return err
			}
			frontier = w.level(recs)
		}
		g, err = w.load(ctx, tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// traversalFilter drops the paging fields, which traversals ignore.
func traversalFilter(f kg.EventFilter) kg.EventFilter {
	f.After, f.Limit, f.Descending = nil, 0, false
	return f
}

// subgraphWalk is what a Subgraph has taken so far, in the order taken.
type subgraphWalk struct {
	budget                  int
	entities, events        map[string]bool
	entityOrder, eventOrder []string
	truncated               bool
}

func (w *subgraphWalk) full() bool { return len(w.entityOrder)+len(w.eventOrder) >= w.budget }

// addEntity takes an entity if it is new and fits, and reports whether it
// was taken.
func (w *subgraphWalk) addEntity(id string) bool {
	if w.entities[id] {
		return false
	}
	if w.full() {
		w.truncated = true
		return false
	}
	w.entities[id] = true
	w.entityOrder = append(w.entityOrder, id)
	return true
}

// level takes one level's rows (eventId, entityId, in the order kept) and
// returns the entities it added, the next frontier. Once something does
// not fit, the walk ends: a cut always falls in the last level reached.
func (w *subgraphWalk) level(recs []*neo4j.Record) []string {
	var next []string
	for i := 0; i < len(recs); {
		id := str(recs[i], "eventId")
		j := i
		for j < len(recs) && str(recs[j], "eventId") == id {
			j++
		}
		if w.full() {
			// Events left at this level do not fit.
			w.truncated = true
			return next
		}
		w.events[id] = true
		w.eventOrder = append(w.eventOrder, id)
		for _, r := range recs[i:j] {
			if e := str(r, "entityId"); w.addEntity(e) {
				next = append(next, e)
			} else if w.truncated {
				return next
			}
		}
		i = j
	}
	return next
}

// load reads the entities and events taken, in the order taken.
func (w *subgraphWalk) load(ctx context.Context, tx neo4j.ManagedTransaction) (*kg.Subgraph, error) {
	byID, err := loadEntities(ctx, tx, w.entityOrder)
	if err != nil {
		return nil, err
	}
	events, err := loadEvents(ctx, tx, w.eventOrder)
	if err != nil {
		return nil, err
	}
	g := &kg.Subgraph{Truncated: w.truncated}
	for _, id := range w.entityOrder {
		if e := byID[id]; e != nil {
			g.Entities = append(g.Entities, e)
		}
	}
	for _, e := range events {
		if e != nil {
			g.Events = append(g.Events, e)
		}
	}
	return g, nil
}
