package neo4jstore

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// conflictChunk is how many candidate pairs are decided per event read, so
// a small limit stops early without loading every candidate's events.
const conflictChunk = 200

// Counterparts returns the other agents of the same actions on the same
// objects as q.EntityID; events of every status count, since each carries
// its own. Returns ENOTFOUND for an unknown entity. See kg.Store.
func (s *Store) Counterparts(ctx context.Context, q kg.CounterpartQuery) ([]kg.Counterpart, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	limit := q.Limit
	params := map[string]any{"id": q.EntityID, "types": list(q.Types), "limit": int64(limit)}
	var out []kg.Counterpart
	err := s.read(ctx, "counterparts", func(tx neo4j.ManagedTransaction) error {
		known, err := knownEntities(ctx, tx, []string{q.EntityID})
		if err != nil {
			return err
		}
		if !known[q.EntityID] {
			return kg.Errorf(kg.ENOTFOUND, "entity %q not found", q.EntityID)
		}
		recs, err := collect(ctx, tx, cypherCounterparts, params)
		if err != nil {
			return err
		}
		out = make([]kg.Counterpart, len(recs))
		for i, r := range recs {
			out[i] = kg.Counterpart{Entity: nodeEntity(recordNode(r, "other")),
				ObjectIDs: sortedStrings(r, "objectIds"), EventIDs: sortedStrings(r, "eventIds")}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Conflicts returns pairs of events that disagree, by type, then by the
// pair's IDs. See kg.Store.
func (s *Store) Conflicts(ctx context.Context, f kg.ConflictFilter) ([]kg.Conflict, error) {
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	limit := f.Limit
	cypher := cypherConflictCandidates
	if len(f.EntityIDs) > 0 {
		cypher = cypherConflictCandidatesByEntities
	}
	params := map[string]any{"types": list(f.Types), "entityIds": list(f.EntityIDs)}
	var out []kg.Conflict
	err := s.read(ctx, "conflicts", func(tx neo4j.ManagedTransaction) error {
		out = nil
		recs, err := collect(ctx, tx, cypher, params)
		if err != nil {
			return err
		}
		for start := 0; start < len(recs) && len(out) < limit; start += conflictChunk {
			if err := ctx.Err(); err != nil {
				return err
			}
			chunk := recs[start:min(start+conflictChunk, len(recs))]
			if out, err = decideConflicts(ctx, tx, chunk, out, limit); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// decideConflicts loads the events of some candidate pairs and appends
// those that kg.Disagreement says disagree, up to limit, keeping the
// candidates' order.
func decideConflicts(ctx context.Context, tx neo4j.ManagedTransaction, pairs []*neo4j.Record, out []kg.Conflict, limit int) ([]kg.Conflict, error) {
	var ids []string
	seen := map[string]bool{}
	for _, r := range pairs {
		for _, id := range []string{str(r, "first"), str(r, "second")} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	events, err := loadEvents(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*kg.Event, len(events))
	for _, e := range events {
		if e != nil {
			byID[e.ID] = e
		}
	}
	for _, r := range pairs {
		a, b := byID[str(r, "first")], byID[str(r, "second")]
		if a == nil || b == nil {
			continue
		}
		if kind, ok := kg.Disagreement(a, b); ok {
			out = append(out, kg.Conflict{Kind: kind, A: a, B: b})
			if len(out) == limit {
				break
			}
		}
	}
	return out, nil
}

// sortedStrings reads a list column of strings, sorted: collect() keeps no
// useful order.
func sortedStrings(r *neo4j.Record, key string) []string {
	out := stringList(r, key)
	sort.Strings(out)
	return out
}

// stringList reads a list column of strings.
func stringList(r *neo4j.Record, key string) []string {
	v, _ := r.Get(key)
	vs, _ := v.([]any)
	out := make([]string, 0, len(vs))
	for _, x := range vs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
