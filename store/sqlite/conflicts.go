package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"sort"

	"github.com/newsgraph/kg"
)

// claimColumns reads the events that may conflict, without their evidence,
// one row per participant; kg.Disagreement needs nothing else.
const claimColumns = `SELECT e.id, e.type, e.document_id, e.status, e.date_value, e.date_precision,
	coalesce(e.date_earliest, ''), coalesce(e.date_latest, ''), e.date_text, p.entity_id, p.role
	FROM events e JOIN event_participants p ON p.event_id = e.id`

// claimsOfType reads every event of one type.
const claimsOfType = claimColumns + ` WHERE e.type = ?`

// claimsNear reads the events that share an object and a type with an
// event of one of a JSON set of entities, those events included, from
// participants alone (see counterpartQuery).
const claimsNear = claimColumns + ` WHERE e.id IN (
	SELECT o2.event_id FROM event_participants s
	CROSS JOIN event_participants o1 ON o1.event_id = s.event_id AND o1.role = 'object'
	CROSS JOIN event_participants o2 ON o2.entity_id = o1.entity_id AND o2.role = 'object' AND o2.event_type = o1.event_type
	WHERE s.entity_id IN ` + inJSON + ` AND s.event_type IN ` + inJSON + `)`

// Conflicts returns pairs of events that kg.Disagreement finds
// disagreeing, by type name, then by the pair's IDs. See kg.Store.
//
// The database only gathers candidates, events of one type that share an
// object; Disagreement decides. Without an entity filter the types are
// read one at a time, in order, until the limit is reached.
func (s *Store) Conflicts(ctx context.Context, f kg.ConflictFilter) ([]kg.Conflict, error) {
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	limit := f.Limit
	types := asStrings(f.Types)
	if len(types) == 0 {
		types = asStrings(kg.EventTypes)
	}
	sort.Strings(types)
	types = slices.Compact(types)

	var out []kg.Conflict
	err := s.readTx(ctx, "conflicts", func(tx *sql.Tx) error {
		var found []kg.Conflict
		if len(f.EntityIDs) > 0 {
			claims, err := readClaims(ctx, tx, claimsNear, jsonIDs(f.EntityIDs), jsonIDs(types))
			if err != nil {
				return err
			}
			if found, err = disagreements(ctx, claims, f.EntityIDs); err != nil {
				return err
			}
		} else {
			for _, t := range types {
				claims, err := readClaims(ctx, tx, claimsOfType, t)
				if err != nil {
					return err
				}
				more, err := disagreements(ctx, claims, nil)
				if err != nil {
					return err
				}
				if found = append(found, more...); len(found) >= limit {
					break
				}
			}
		}
		sort.Slice(found, func(i, j int) bool { return conflictLess(found[i], found[j]) })
		found = found[:min(len(found), limit)]
		ids := make([]string, 0, 2*len(found))
		for _, c := range found {
			ids = append(ids, c.A.ID, c.B.ID)
		}
		full, err := s.loadEvents(ctx, tx, ids)
		if err != nil {
			return err
		}
		for _, c := range found {
			out = append(out, kg.Conflict{Kind: c.Kind, A: full[c.A.ID], B: full[c.B.ID]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func conflictLess(a, b kg.Conflict) bool {
	switch {
	case a.A.Type != b.A.Type:
		return a.A.Type < b.A.Type
	case a.A.ID != b.A.ID:
		return a.A.ID < b.A.ID
	default:
		return a.B.ID < b.B.ID
	}
}

// readClaims reads events, without evidence, from a claimColumns query.
func readClaims(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]*kg.Event, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[string]*kg.Event{}
	var out []*kg.Event
	for rows.Next() {
		var e kg.Event
		var p kg.Participant
		if err := rows.Scan(&e.ID, &e.Type, &e.DocumentID, &e.Status, &e.Date.Value, &e.Date.Precision,
			&e.Date.Earliest, &e.Date.Latest, &e.Date.Text, &p.EntityID, &p.Role); err != nil {
			return nil, err
		}
		got := byID[e.ID]
		if got == nil {
			got = &e
			byID[e.ID] = got
			out = append(out, got)
		}
		got.Participants = append(got.Participants, p)
	}
	return out, rows.Err()
}

// disagreements pairs the claims that share a type and an object, each
// pair once with the lower ID first, and keeps those kg.Disagreement finds
// disagreeing. With entities given, a pair needs one of them among either
// event's participants.
func disagreements(ctx context.Context, claims []*kg.Event, entities []string) ([]kg.Conflict, error) {
	type key struct {
		t      kg.EventType
		object string
	}
	groups := map[key][]*kg.Event{}
	for _, e := range claims {
		for _, o := range e.Objects() {
			k := key{e.Type, o}
			groups[k] = append(groups[k], e)
		}
	}
	wanted := make(map[string]bool, len(entities))
	for _, id := range entities {
		wanted[id] = true
	}
	touches := func(e *kg.Event) bool {
		for _, p := range e.Participants {
			if wanted[p.EntityID] {
				return true
			}
		}
		return false
	}
	seen := map[[2]string]bool{}
	var out []kg.Conflict
	for _, g := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sort.Slice(g, func(i, j int) bool { return g[i].ID < g[j].ID })
		for i, a := range g {
			for _, b := range g[i+1:] {
				if a.DocumentID == b.DocumentID || seen[[2]string{a.ID, b.ID}] {
					continue
				}
				seen[[2]string{a.ID, b.ID}] = true
				if len(wanted) > 0 && !touches(a) && !touches(b) {
					continue
				}
				if kind, ok := kg.Disagreement(a, b); ok {
					out = append(out, kg.Conflict{Kind: kind, A: a, B: b})
				}
			}
		}
	}
	return out, nil
}
