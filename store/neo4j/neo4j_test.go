package neo4jstore

import (
	"context"
	"os"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// Test-only statements: they empty the database between subtests and
// count everything, which the store itself never does.
const (
	testWipe               = `MATCH (n) DETACH DELETE n`
	testCountNodes         = `MATCH (n) RETURN count(n) AS n`
	testCountRelationships = `MATCH ()-[r]->() RETURN count(r) AS n`
)

// TestStoreSuite runs the shared store suite against real Neo4j 5 at
// KG_TEST_NEO4J_URI (KG_TEST_NEO4J_USER, KG_TEST_NEO4J_PASSWORD, KG_TEST_NEO4J_DATABASE).
// It DELETES EVERYTHING in that database: point it at a test instance
// (docker-compose.neo4j.yml). Without the variable it skips, or fails when
// KG_REQUIRE_NEO4J=1.
func TestStoreSuite(t *testing.T) {
	uri := os.Getenv("KG_TEST_NEO4J_URI")
	if uri == "" {
		msg := "SKIPPING the store suite against Neo4j: KG_TEST_NEO4J_URI is not set (docker compose -f docker-compose.neo4j.yml up -d; see that file)"
		if os.Getenv("KG_REQUIRE_NEO4J") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	cfg := Config{URI: uri, User: os.Getenv("KG_TEST_NEO4J_USER"), Password: os.Getenv("KG_TEST_NEO4J_PASSWORD"),
		Database: os.Getenv("KG_TEST_NEO4J_DATABASE"), BatchSize: 7}
	storetest.Run(t, func(t *testing.T) kg.Store {
		return openEmpty(t, cfg)
	})
	t.Run("DataVersion", func(t *testing.T) { storetest.RunDataVersion(t, openPair(cfg)) })
}

// openPair returns an opener for storetest.RunDataVersion: two stores on
// one emptied database, as two processes would open it.
func openPair(cfg Config) func(t *testing.T) (kg.Store, kg.Store) {
	return func(t *testing.T) (kg.Store, kg.Store) {
		s := openEmpty(t, cfg)
		other, err := Open(context.Background(), cfg)
		if err != nil {
			t.Fatalf("open %s again: %v", cfg.URI, err)
		}
		t.Cleanup(func() { other.Close() })
		return s, other
	}
}

// openEmpty opens a store on an emptied database and closes it after t.
func openEmpty(t testing.TB, cfg Config) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open %s: %v", cfg.URI, err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.write(ctx, "wipe", func(tx neo4j.ManagedTransaction) error { return run(ctx, tx, testWipe, nil) }); err != nil {
		t.Fatalf("wipe: %v", err)
	}
	return s
}

// graphCounts counts every node and relationship.
func graphCounts(t testing.TB, s *Store) (nodes, rels int64) {
	t.Helper()
	ctx := context.Background()
	err := s.read(ctx, "count", func(tx neo4j.ManagedTransaction) error {
		var err error
		if nodes, err = single[int64](ctx, tx, testCountNodes, nil, "n"); err != nil {
			return err
		}
		rels, err = single[int64](ctx, tx, testCountRelationships, nil, "n")
		return err
	})
	if err != nil {
		t.Fatalf("count: %v", err)
	}
	return nodes, rels
}

// TestOpenUnreachable needs no server: a port nobody listens on must give
// EUNAVAILABLE, not a hang or an internal error.
func TestOpenUnreachable(t *testing.T) {
	ctx := context.Background()
	_, err := Open(ctx, Config{URI: "bolt://127.0.0.1:1", MaxRetryTime: 1})
	if got, want := kg.ErrorCode(err), kg.EUNAVAILABLE; got != want {
		t.Fatalf("code = %q (%v), want %q", got, err, want)
	}
	_, err = Open(ctx, Config{URI: "http://127.0.0.1:1"})
	if got, want := kg.ErrorCode(err), kg.EINVALID; got != want {
		t.Fatalf("bad scheme: code = %q (%v), want %q", got, err, want)
	}
}
