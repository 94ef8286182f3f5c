package sqlite

import (
	"context"
	"database/sql"

	"github.com/newsgraph/kg"
)

// Subgraph returns the neighbourhood of q.SeedIDs, level by level, within
// q.MaxNodes. See kg.Store and the semantics noted in store/storetest.
//
// Each level is two queries: the not yet kept events of the entities just
// added, earliest first and no more than can still fit, then those events'
// participants. Nodes are kept in that order until the budget is spent, so
// a cut always falls in the last level reached.
func (s *Store) Subgraph(ctx context.Context, q kg.SubgraphQuery) (*kg.Subgraph, error) {
	switch {
	case q.Depth < 1 || q.Depth > kg.MaxSubgraphDepth:
		return nil, kg.Errorf(kg.EINVALID, "depth %d is not between 1 and %d", q.Depth, kg.MaxSubgraphDepth)
	case q.MaxNodes < 0 || q.MaxNodes > kg.MaxSubgraphNodes:
		return nil, kg.Errorf(kg.EINVALID, "max nodes %d is not between 0 and %d", q.MaxNodes, kg.MaxSubgraphNodes)
	}
	cond, condArgs, err := followable(q.Events)
	if err != nil {
		return nil, err
	}
	budget := q.MaxNodes
	if budget == 0 {
		budget = kg.MaxSubgraphNodes
	}
	// CROSS JOIN drives from the frontier's participants, whatever the
	// planner's statistics say: the work is that of the frontier's events.
	levelEvents := `SELECT DISTINCT e.id FROM event_participants fp
		CROSS JOIN events e ON e.id = fp.event_id
		WHERE fp.entity_id IN ` + inJSON + ` AND e.id NOT IN ` + inJSON + andCond(cond) + `
		ORDER BY e.sort_key, e.id LIMIT ?`
	levelParticipants := `SELECT DISTINCT event_id, entity_id FROM event_participants
		WHERE event_id IN ` + inJSON + ` ORDER BY event_id, entity_id`

	var g kg.Subgraph
	err = s.readTx(ctx, "subgraph", func(tx *sql.Tx) error {
		known, err := knownEntities(ctx, tx, q.SeedIDs)
		if err != nil {
			return err
		}
		k := newKeeper(budget)
		for _, id := range q.SeedIDs {
			if known[id] && !k.entity[id] && !k.keepEntity(id) {
				break
			}
		}
		if len(k.entities) == 0 {
			return kg.Errorf(kg.ENOTFOUND, "none of the %d seed entities is known", len(q.SeedIDs))
		}
		frontier := k.entities
		for level := 1; level <= q.Depth && len(frontier) > 0 && !k.truncated; level++ {
			args := append([]any{jsonIDs(frontier), jsonIDs(k.events)}, condArgs...)
			// One more than fits tells whether anything was cut.
			args = append(args, k.room()+1)
			evs, err := columnStrings(ctx, tx, levelEvents, args...)
			if err != nil {
				return err
			}
			if len(evs) == 0 {
				break
			}
			parts := map[string][]string{}
			err = eachRow(ctx, tx, levelParticipants, []any{jsonIDs(evs)}, func(ev, ent string) {
				parts[ev] = append(parts[ev], ent)
			})
			if err != nil {
				return err
			}
			start := len(k.entities)
		events:
			for _, ev := range evs {
				if !k.keepEvent(ev) {
					break
				}
				for _, ent := range parts[ev] {
					if !k.entity[ent] && !k.keepEntity(ent) {
						break events
					}
				}
			}
			frontier = k.entities[start:]
		}
		g.Truncated = k.truncated
		ents, err := loadEntities(ctx, tx, k.entities)
		if err != nil {
			return err
		}
		evs, err := loadEvents(ctx, tx, k.events)
		if err != nil {
			return err
		}
		for _, id := range k.entities {
			g.Entities = append(g.Entities, ents[id])
		}
		for _, id := range k.events {
			g.Events = append(g.Events, evs[id])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &g, nil
}

// keeper collects the nodes of a subgraph in the order they are kept and
// notes when one had to be left out.
type keeper struct {
	budget    int
	entities  []string
	events    []string
	entity    map[string]bool
	truncated bool
}

func newKeeper(budget int) *keeper {
	return &keeper{budget: budget, entity: map[string]bool{}}
}

func (k *keeper) room() int { return k.budget - len(k.entities) - len(k.events) }

// keepEntity keeps id, or reports false and marks the subgraph truncated
// when the budget is spent.
func (k *keeper) keepEntity(id string) bool {
	if k.room() <= 0 {
		k.truncated = true
		return false
	}
	k.entities = append(k.entities, id)
	k.entity[id] = true
	return true
}

// keepEvent keeps id like keepEntity; callers pass only new events.
func (k *keeper) keepEvent(id string) bool {
	if k.room() <= 0 {
		k.truncated = true
		return false
	}
	k.events = append(k.events, id)
	return true
}
