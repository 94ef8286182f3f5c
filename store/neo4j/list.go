package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// ListEntities returns one page of entities in ID order. See kg.Store.
func (s *Store) ListEntities(ctx context.Context, q kg.EntityList) ([]*kg.Entity, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	limit := q.Limit
	params := map[string]any{"after": q.After, "kinds": list(q.Kinds), "limit": int64(limit)}
	var out []*kg.Entity
	err := s.read(ctx, "list entities", func(tx neo4j.ManagedTransaction) error {
		recs, err := collect(ctx, tx, cypherListEntities, params)
		if err != nil {
			return err
		}
		out = make([]*kg.Entity, len(recs))
		for i, r := range recs {
			out[i] = nodeEntity(recordNode(r, "e"))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// knownEntities returns which of ids are stored.
func knownEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]bool, error) {
	recs, err := collect(ctx, tx, cypherKnownEntities, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(recs))
	for _, r := range recs {
		known[str(r, "id")] = true
	}
	return known, nil
}

// loadEntities reads entities by ID inside tx, keyed by ID.
func loadEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]*kg.Entity, error) {
	byID := make(map[string]*kg.Entity, len(ids))
	if len(ids) == 0 {
		return byID, nil
	}
	recs, err := collect(ctx, tx, cypherEntities, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		e := nodeEntity(recordNode(r, "e"))
		byID[e.ID] = e
	}
	return byID, nil
}
