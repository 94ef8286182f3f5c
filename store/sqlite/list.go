package sqlite

import (
	"context"
	"database/sql"

	"github.com/newsgraph/kg"
)

// ListEntities returns one page of the stored entities in ID order. See
// kg.Store.
func (s *Store) ListEntities(ctx context.Context, q kg.EntityList) ([]*kg.Entity, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	limit := q.Limit
	query, args := `SELECT id FROM entities WHERE id > ?`, []any{q.After}
	if len(q.Kinds) > 0 {
		query += ` AND kind IN (` + placeholders(len(q.Kinds)) + `)`
		args = append(args, stringArgs(asStrings(q.Kinds))...)
	}
	query += ` ORDER BY id LIMIT ?`
	args = append(args, limit)

	var out []*kg.Entity
	err := s.readTx(ctx, "list entities", func(tx *sql.Tx) error {
		ids, err := columnStrings(ctx, tx, query, args...)
		if err != nil || len(ids) == 0 {
			return err
		}
		byID, err := s.loadEntities(ctx, tx, ids)
		if err != nil {
			return err
		}
		out = make([]*kg.Entity, 0, len(ids))
		for _, id := range ids {
			out = append(out, byID[id])
		}
		return nil
	})
	return out, err
}

// columnStrings returns the one string column of a query's rows.
func columnStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
