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
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	f := traversalFilter(q.Events)
	if err := validFilter(f); err != nil {
		return nil, err
	}
	var g *kg.Subgraph
	err := s.read(ctx, "subgraph", func(tx neo4j.ManagedTransaction) error {
		known, err := knownEntities(ctx, tx, q.SeedIDs)
		if err != nil {
			return err
		}
		w := subgraphWalk{kg.NewSubgraphNodes(q.MaxNodes)}
		var frontier []string
		for _, id := range q.SeedIDs {
			if known[id] && w.KeepEntity(id) {
				frontier = append(frontier, id)
			}
		}
		if len(frontier) == 0 {
			return kg.Errorf(kg.ENOTFOUND, "none of the seed entities is stored")
		}
		params := filterParams(f)
		for level := 1; level <= q.Depth && len(frontier) > 0 && !w.Truncated; level++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			params["frontier"], params["seen"] = frontier, strs(w.Events)
			params["fit"] = int64(w.Room() + 1) // one more than fits tells whether anything was cut
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

// subgraphWalk reads a Subgraph's levels into the node budget.
type subgraphWalk struct{ *kg.SubgraphNodes }

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
		if !w.KeepEvent(id) {
			return next // the level's events are new, so only a full budget refuses one
		}
		for _, r := range recs[i:j] {
			if e := str(r, "entityId"); w.KeepEntity(e) {
				next = append(next, e)
			} else if w.Truncated {
				return next
			}
		}
		i = j
	}
	return next
}

// load reads the entities and events taken, in the order taken.
func (w *subgraphWalk) load(ctx context.Context, tx neo4j.ManagedTransaction) (*kg.Subgraph, error) {
	byID, err := loadEntities(ctx, tx, w.Entities)
	if err != nil {
		return nil, err
	}
	events, err := loadEvents(ctx, tx, w.Events)
	if err != nil {
		return nil, err
	}
	g := &kg.Subgraph{Truncated: w.Truncated}
	for _, id := range w.Entities {
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
