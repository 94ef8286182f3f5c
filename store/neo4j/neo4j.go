// Package neo4jstore keeps the knowledge graph in Neo4j 5, the production
// store. The graph reads naturally in Cypher:
//
//	(:Entity:Person|State|Institution|Agreement|Place {id, kind, name, aliases, roles, country, wikidataId})
//	(agent:Entity)-[:SIGNED|APPROVED|RATIFIED|ENTERED_INTO_FORCE|PROPOSED|WITHDREW
//	    {eventId, status, documentId, date, dateValue, precision, earliest, latest, dateText}]->(object:Entity)
//	(:Event {id, type, status, documentId, date, dateValue, precision, earliest, latest, dateText, sortKey})
//	(:Event)-[:AGENT|OBJECT|LOCATION {ord}]->(:Entity)
//	(:Event)-[:REPORTED_IN]->(:Document)
//	(:Event)-[:EVIDENCE {ord, sentence, start, end, rule}]->(:Document)
//	(:DataVersion {key: 'graph', value})   one node; see DataVersion
//
// so MATCH (i:Institution)-[a:APPROVED]->(t:Agreement) RETURN i.name, t.name, a.date
// answers "who approved what, and when" in one hop. The action relationship
// exists for every status; filter on a.status = 'occurred' for facts. date,
// earliest and latest are native Neo4j dates (date is set only when the day
// is known); dateValue keeps the ISO form ("2025-04", "../2026-01-17").
//
// Paths uses Cypher's GQL shortest-path selector (ALL SHORTEST over a
// quantified path pattern), so the store needs Neo4j 5.21 or later.
//
// Evidence is a relationship property set rather than a node: a sentence has
// no identity of its own, belongs to exactly one claim and one document, and
// is deleted with its event, so a node would only add a hop.
package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

var _ kg.Store = (*Store)(nil)

// Config says how to reach Neo4j.
type Config struct {
	// URI is bolt://, neo4j:// (routing) or neo4j+s:// (routing over TLS).
	URI string
	// User and Password are basic-auth credentials; an empty User connects
	// without authentication.
	User, Password string
	// Database is the database name; empty means the server's default.
	Database string
	// BatchSize caps the rows of one UNWIND statement; 0 means 500.
	BatchSize int
	// MaxRetryTime bounds how long a transaction is retried after transient
	// failures such as a lost connection; 0 means 30s.
	MaxRetryTime time.Duration
}

// DefaultBatchSize is the rows per UNWIND statement when Config leaves it 0.
const DefaultBatchSize = 500

// Store is a kg.Store backed by Neo4j.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	batch  int
}

// Open connects to Neo4j, checks that it answers, and creates the
// constraints and indexes the store relies on. Returns EUNAVAILABLE if the
// server cannot be reached and EINVALID for a malformed configuration.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, kg.Errorf(kg.EINVALID, "neo4j: no URI configured")
	}
	if cfg.BatchSize < 0 {
		return nil, kg.Errorf(kg.EINVALID, "neo4j: batch size %d is negative", cfg.BatchSize)
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	retry := cfg.MaxRetryTime
	if retry == 0 {
		retry = 30 * time.Second
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.MaxTransactionRetryTime = retry
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j open: %w", kg.Errorf(kg.EINVALID, "neo4j: bad URI: %v", err))
	}
	s := &Store{driver: drv, db: cfg.Database, batch: cfg.BatchSize}
	if s.batch == 0 {
		s.batch = DefaultBatchSize
	}
	if err := s.Ping(ctx); err != nil {
		drv.Close(ctx)
		return nil, err
	}
	if err := s.createSchema(ctx); err != nil {
		drv.Close(ctx)
		return nil, err
	}
	return s, nil
}

// createSchema creates constraints and indexes if they do not exist, each in
// its own transaction as Neo4j requires, then waits for them to be online so
// that the first search sees the full-text index.
func (s *Store) createSchema(ctx context.Context) error {
	for _, stmt := range schemaStatements {
		if err := s.write(ctx, "create schema", func(tx neo4j.ManagedTransaction) error {
			return run(ctx, tx, stmt, nil)
		}); err != nil {
			return err
		}
	}
	return s.write(ctx, "await indexes", func(tx neo4j.ManagedTransaction) error {
		return run(ctx, tx, cypherAwaitIndexes, map[string]any{"seconds": 60})
	})
}

// Ping returns EUNAVAILABLE when the server cannot serve requests.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return wrap("ping", err)
	}
	return nil
}

// Close releases the driver's connections.
func (s *Store) Close() error {
	return s.driver.Close(context.Background())
}

// Stats counts documents, entities and events from Neo4j's label counts.
func (s *Store) Stats(ctx context.Context) (kg.Stats, error) {
	var st kg.Stats
	err := s.read(ctx, "stats", func(tx neo4j.ManagedTransaction) error {
		for _, c := range []struct {
			cypher string
			n      *int
		}{{cypherCountDocuments, &st.Documents}, {cypherCountEntities, &st.Entities}, {cypherCountEvents, &st.Events}} {
			n, err := single[int64](ctx, tx, c.cypher, nil, "n")
			if err != nil {
				return err
			}
			*c.n = int(n)
		}
		return nil
	})
	return st, err
}

// session opens a session whose bookmarks are shared across the store, so a
// read after a write sees it even when routed to another cluster member.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    s.db,
		AccessMode:      mode,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
}

// write runs fn in a managed write transaction, which the driver retries
// on transient failures; fn must therefore have no effect outside tx.
func (s *Store) write(ctx context.Context, op string, fn func(tx neo4j.ManagedTransaction) error) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return nil, fn(tx) })
	return wrap(op, err)
}

// read runs fn in a managed read transaction routed to a reader.
func (s *Store) read(ctx context.Context, op string, fn func(tx neo4j.ManagedTransaction) error) error {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return nil, fn(tx) })
	return wrap(op, err)
}

// run executes a statement and discards its records.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// collect executes a statement and returns all its records.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// single executes a statement that returns one record and reads one column.
func single[T any](ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, key string) (T, error) {
	var zero T
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return zero, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return zero, err
	}
	v, ok := rec.Get(key)
	if !ok {
		return zero, fmt.Errorf("statement returned no %q column", key)
	}
	t, ok := v.(T)
	if !ok {
		return zero, fmt.Errorf("column %q is %T, not %T", key, v, zero)
	}
	return t, nil
}
