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
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	cond, condArgs, err := followable(q.Events)
	if err != nil {
		return nil, err
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
		k := kg.NewSubgraphNodes(q.MaxNodes)
		for _, id := range q.SeedIDs {
			if known[id] {
				k.KeepEntity(id)
			}
		}
		if len(k.Entities) == 0 {
			return kg.Errorf(kg.ENOTFOUND, "none of the %d seed entities is known", len(q.SeedIDs))
		}
		frontier := k.Entities
		for level := 1; level <= q.Depth && len(frontier) > 0 && !k.Truncated; level++ {
			args := append([]any{jsonIDs(frontier), jsonIDs(k.Events)}, condArgs...)
			// One more than fits tells whether anything was cut.
			args = append(args, k.Room()+1)
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
			start := len(k.Entities)
		events:
			for _, ev := range evs {
				if !k.KeepEvent(ev) {
					break // the level's events are new, so only a full budget refuses one
				}
				for _, ent := range parts[ev] {
					if !k.KeepEntity(ent) && k.Truncated {
						break events
					}
				}
			}
			frontier = k.Entities[start:]
		}
		g.Truncated = k.Truncated
		ents, err := s.loadEntities(ctx, tx, k.Entities)
		if err != nil {
			return err
		}
		evs, err := s.loadEvents(ctx, tx, k.Events)
		if err != nil {
			return err
		}
		for _, id := range k.Entities {
			g.Entities = append(g.Entities, ents[id])
		}
		for _, id := range k.Events {
			g.Events = append(g.Events, evs[id])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &g, nil
}
