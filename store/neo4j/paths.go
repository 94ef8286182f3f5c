package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// Paths returns the shortest chains of events from q.FromID to q.ToID,
// found by Neo4j's shortest-path search. See kg.Store.
func (s *Store) Paths(ctx context.Context, q kg.PathQuery) ([]kg.Path, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	cypher := pathStatements[q.MaxHops]
	f := traversalFilter(q.Events)
	if err := validFilter(f); err != nil {
		return nil, err
	}
	limit := q.Limit
	params := filterParams(f)
	params["fromId"], params["toId"], params["limit"] = q.FromID, q.ToID, int64(limit)
	var out []kg.Path
	err := s.read(ctx, "paths", func(tx neo4j.ManagedTransaction) error {
		out = nil
		known, err := knownEntities(ctx, tx, []string{q.FromID, q.ToID})
		if err != nil {
			return err
		}
		for _, id := range []string{q.FromID, q.ToID} {
			if !known[id] {
				return kg.Errorf(kg.ENOTFOUND, "entity %q not found", id)
			}
		}
		if q.FromID == q.ToID {
			// The path of no hops; a shortest-path search needs two nodes.
			out = []kg.Path{{EntityIDs: []string{q.FromID}}}
			return nil
		}
		recs, err := collect(ctx, tx, cypher, params)
		if err != nil {
			return err
		}
		for _, r := range recs {
			out = append(out, kg.Path{EntityIDs: stringList(r, "entityIds"), EventIDs: stringList(r, "eventIds")})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
