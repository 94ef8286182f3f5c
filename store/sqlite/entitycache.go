package sqlite

import (
	"context"
	"database/sql"
	"slices"

	"github.com/newsgraph/kg"
)

// maxCachedEntities bounds the entity cache. Entities are few next to
// events (the 100,000-event benchmark store has 1,760), and every event
// page names a few dozen of them.
const maxCachedEntities = 100_000

// entityGeneration is the query of the entity generation (migration
// 0004), which any change to an entity, its aliases or its roles moves.
// Saves that bring only known entities leave it, and the cache, alone.
const entityGeneration = `SELECT generation FROM entity_generation`

func newEntityCache() *genCache[kg.Entity] {
	return &genCache[kg.Entity]{maxCost: maxCachedEntities,
		cost: func(*kg.Entity) int { return 1 }, copy: copyEntity}
}

func copyEntity(e *kg.Entity) *kg.Entity {
	c := *e
	c.Aliases, c.Roles = slices.Clone(c.Aliases), slices.Clone(c.Roles)
	return &c
}

// loadEntities returns the entities of ids that exist, with their aliases
// and roles, from the cache when it holds tx's generation.
func (s *Store) loadEntities(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*kg.Entity, error) {
	return load(ctx, s, tx, s.entities, entityGeneration, ids, readEntities)
}
