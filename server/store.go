package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/newsgraph/kg"
	neo4jstore "github.com/newsgraph/kg/store/neo4j"
	"github.com/newsgraph/kg/store/sqlite"
)

// openStore opens the backend that c names.
func openStore(ctx context.Context, c Config) (kg.Store, error) {
	switch c.Store {
	case "neo4j":
		s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: c.Neo4j.URI, User: c.Neo4j.User,
			Password: c.Neo4j.Password, Database: c.Neo4j.Database})
		if err != nil {
			return nil, fmt.Errorf("open neo4j store at %s: %w", c.Neo4j.URI, err)
		}
		return s, nil
	default:
		path := filepath.Join(c.DataDir, "kg.db")
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			return nil, fmt.Errorf("open sqlite store: %w", err)
		}
		return s, nil
	}
}
