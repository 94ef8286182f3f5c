package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts bounds the statements a store keeps prepared. The queries that
// go through them have SQL texts that depend on a filter's shape, never on
// its values (ID sets are one JSON parameter), so ordinary traffic needs a
// few dozen; past the bound, queries are prepared for one use, as before.
const maxStmts = 256

// stmts keeps prepared statements of the read pool by SQL text. Preparing
// costs about as much as running a small query (the driver parses and
// plans each time), and database/sql keeps each statement prepared on
// every connection that has run it.
//
// Preparing a statement on the pool takes a connection from it, so it
// must never happen while the caller holds one in a transaction: with
// every connection held by a transaction waiting to prepare, none would
// be left. Statements are therefore prepared at Open (the fixed ones) or
// before a transaction begins (prepare), and a transaction that meets an
// unprepared text runs it unprepared.
type stmts struct {
	mu     sync.RWMutex
	byText map[string]*sql.Stmt
	closed bool
}

// lookup returns the prepared statement of text, or nil.
func (c *stmts) lookup(text string) *sql.Stmt {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.byText[text]
}

// get returns the prepared statement of text, preparing it on db first
// while there is room, or nil. The caller must hold no connection of db.
func (c *stmts) get(ctx context.Context, db *sql.DB, text string) *sql.Stmt {
	if st := c.lookup(text); st != nil {
		return st
	}
	// A failed prepare fails again, with its error, when the query runs.
	_ = c.prepare(ctx, db, text)
	return c.lookup(text)
}

// prepare prepares on db those of texts that are not prepared yet, while
// there is room. The caller must hold no connection of db.
func (c *stmts) prepare(ctx context.Context, db *sql.DB, texts ...string) error {
	for _, text := range texts {
		c.mu.RLock()
		_, done := c.byText[text]
		full := c.closed || len(c.byText) >= maxStmts
		c.mu.RUnlock()
		if done || full {
			continue
		}
		// Not under the lock: preparing waits for a free connection.
		st, err := db.PrepareContext(ctx, text)
		if err != nil {
			return err
		}
		c.mu.Lock()
		if _, done := c.byText[text]; done || c.closed {
			st.Close()
		} else {
			if c.byText == nil {
				c.byText = map[string]*sql.Stmt{}
			}
			c.byText[text] = st
		}
		c.mu.Unlock()
	}
	return nil
}

// close closes every statement; later lookups find none.
func (c *stmts) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	var first error
	for _, st := range c.byText {
		if err := st.Close(); err != nil && first == nil {
			first = err
		}
	}
	c.byText = nil
	return first
}

// fixedQueries are the read queries whose text never changes; Open
// prepares them.
var fixedQueries = []string{entityGeneration, entitiesByID, aliasesByID, rolesByID,
	eventsByID, participantsByID, evidenceByID, documentsByID, recordGeneration}

// cached is a querier that runs queries through the store's prepared
// statements, inside tx when it is set. Outside a transaction it prepares
// a text it meets for the first time; inside one it does not (see stmts).
type cached struct {
	s  *Store
	tx *sql.Tx
}

// in returns a querier over tx (nil: none) that reuses prepared
// statements.
func (s *Store) in(tx *sql.Tx) cached { return cached{s: s, tx: tx} }

func (c cached) stmt(ctx context.Context, query string) *sql.Stmt {
	if c.tx == nil {
		// Holding no connection, it may take one to prepare.
		return c.s.stmts.get(ctx, c.s.read, query)
	}
	if st := c.s.stmts.lookup(query); st != nil {
		return c.tx.StmtContext(ctx, st)
	}
	return nil
}

// QueryContext runs query with args.
func (c cached) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	switch st := c.stmt(ctx, query); {
	case st != nil:
		return st.QueryContext(ctx, args...)
	case c.tx != nil:
		return c.tx.QueryContext(ctx, query, args...)
	default:
		return c.s.read.QueryContext(ctx, query, args...)
	}
}

// QueryRowContext runs query with args, for one row.
func (c cached) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	switch st := c.stmt(ctx, query); {
	case st != nil:
		return st.QueryRowContext(ctx, args...)
	case c.tx != nil:
		return c.tx.QueryRowContext(ctx, query, args...)
	default:
		return c.s.read.QueryRowContext(ctx, query, args...)
	}
}
