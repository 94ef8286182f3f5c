package neo4jstore

import (
	"context"

	"github.com/newsgraph/kg"
)

// TRANSITIONAL: replaced by the real implementations in this session.

func (s *Store) ListEntities(ctx context.Context, q kg.EntityList) ([]*kg.Entity, error) {
	return nil, kg.Errorf(kg.EINTERNAL, "ListEntities is not implemented yet")
}
func (s *Store) Paths(ctx context.Context, q kg.PathQuery) ([]kg.Path, error) {
	return nil, kg.Errorf(kg.EINTERNAL, "Paths is not implemented yet")
}
func (s *Store) Subgraph(ctx context.Context, q kg.SubgraphQuery) (*kg.Subgraph, error) {
	return nil, kg.Errorf(kg.EINTERNAL, "Subgraph is not implemented yet")
}
func (s *Store) Counterparts(ctx context.Context, q kg.CounterpartQuery) ([]kg.Counterpart, error) {
	return nil, kg.Errorf(kg.EINTERNAL, "Counterparts is not implemented yet")
}
func (s *Store) Conflicts(ctx context.Context, f kg.ConflictFilter) ([]kg.Conflict, error) {
	return nil, kg.Errorf(kg.EINTERNAL, "Conflicts is not implemented yet")
}
