package neo4jstore

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DataVersion returns a number that differs after every write transaction
// of this store, by this process or another, so that a cache of answers
// can tell that it went stale; 0 means no write yet. It is a random
// token, not a count: a counter would start again at 0 when the database
// is emptied and could come back to a value a cache still holds, and it
// would lean on Neo4j's write lock to not lose concurrent increments.
// Writes made without this store (cypher-shell, Browser) do not move it.
// Returns EUNAVAILABLE when the server cannot be reached.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.read(ctx, "data version", func(tx neo4j.ManagedTransaction) error {
		recs, err := collect(ctx, tx, cypherDataVersion, nil)
		if err != nil || len(recs) == 0 {
			v = 0
			return err
		}
		raw, _ := recs[0].Get("value")
		n, ok := raw.(int64)
		if !ok {
			return fmt.Errorf("data version is %T, not an integer", raw)
		}
		v = n
		return nil
	})
	return v, err
}

// bumpVersion gives the data version a new token inside tx, so that the
// data and the version that announces it commit together: a reader never
// sees the new data under the old version. Two writers each take the
// node's write lock, so the one that commits last decides the token, and
// either token differs from the one before both (but for a chance in
// 2^63). It belongs at the end of every write transaction, where the
// lock is held only until the commit.
func bumpVersion(ctx context.Context, tx neo4j.ManagedTransaction) error {
	token := rand.Int64()
	for token == 0 {
		token = rand.Int64()
	}
	return run(ctx, tx, cypherBumpDataVersion, map[string]any{"token": token})
}
