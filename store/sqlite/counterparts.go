package sqlite

import (
	"context"
	"database/sql"
	"sort"

	"github.com/newsgraph/kg"
)

// counterpartQuery finds, for the entity's actions as agent, every other
// agent of an event of the same type on one of the same objects, with that
// object and event. Events of every status count: the query is about who
// is reported to act on what, and each event carries its status. It reads
// only participants: their event type makes "events of type T on object
// O" one index range. CROSS JOIN keeps the join order whatever the
// planner's statistics say.
const counterpartQuery = `WITH mine AS (
		SELECT DISTINCT o1.event_type AS type, o1.entity_id AS object
		FROM event_participants a
		CROSS JOIN event_participants o1 ON o1.event_id = a.event_id AND o1.role = 'object'
		WHERE a.entity_id = ?1 AND a.role = 'agent' AND (?2 = '[]' OR a.event_type IN ` + inJSON2 + `))
	SELECT DISTINCT c.entity_id, m.object, o2.event_id
	FROM mine m
	CROSS JOIN event_participants o2 ON o2.entity_id = m.object AND o2.role = 'object' AND o2.event_type = m.type
	CROSS JOIN event_participants c ON c.event_id = o2.event_id AND c.role = 'agent'
	WHERE c.entity_id <> ?1`

// Counterparts returns the other agents of the same actions on the same
// objects as q.EntityID, most shared objects first. Returns ENOTFOUND for
// an unknown entity. See kg.Store.
func (s *Store) Counterparts(ctx context.Context, q kg.CounterpartQuery) ([]kg.Counterpart, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	limit := q.Limit

	var out []kg.Counterpart
	err := s.readTx(ctx, "counterparts", func(tx *sql.Tx) error {
		known, err := knownEntities(ctx, tx, []string{q.EntityID})
		if err != nil {
			return err
		}
		if !known[q.EntityID] {
			return kg.Errorf(kg.ENOTFOUND, "entity %q not found", q.EntityID)
		}
		type shared struct{ objects, events map[string]bool }
		byID := map[string]*shared{}
		rows, err := tx.QueryContext(ctx, counterpartQuery, q.EntityID, jsonIDs(asStrings(q.Types)))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var who, object, event string
			if err := rows.Scan(&who, &object, &event); err != nil {
				return err
			}
			sh := byID[who]
			if sh == nil {
				sh = &shared{objects: map[string]bool{}, events: map[string]bool{}}
				byID[who] = sh
			}
			sh.objects[object], sh.events[event] = true, true
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for id, sh := range byID {
			out = append(out, kg.Counterpart{Entity: &kg.Entity{ID: id}, ObjectIDs: sortedKeys(sh.objects), EventIDs: sortedKeys(sh.events)})
		}
		sort.Slice(out, func(i, j int) bool {
			if a, b := len(out[i].ObjectIDs), len(out[j].ObjectIDs); a != b {
				return a > b
			}
			return out[i].Entity.ID < out[j].Entity.ID
		})
		out = out[:min(len(out), limit)]
		ids := make([]string, len(out))
		for i, c := range out {
			ids[i] = c.Entity.ID
		}
		ents, err := s.loadEntities(ctx, tx, ids)
		if err != nil {
			return err
		}
		for i := range out {
			out[i].Entity = ents[out[i].Entity.ID]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
