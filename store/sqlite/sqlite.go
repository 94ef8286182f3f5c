// Package sqlite is the embedded default kg.Store: one SQLite file per
// graph, through the pure-Go modernc.org/sqlite driver.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	"github.com/newsgraph/kg"
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

var _ kg.Store = (*Store)(nil)

// Store is a kg.Store in one SQLite file. It is safe for concurrent use:
// readers run in parallel on WAL snapshots while one writer saves.
type Store struct {
	path string
	// write has a single connection, so saves queue in Go rather than
	// contend for SQLite's write lock; read has several.
	write *sql.DB
	read  *sql.DB
	// mu serialises saves; the single write connection would too, but a
	// mutex lets a waiting Save give up when its context ends.
	mu chan struct{}
	// saves counts commits since the planner statistics were refreshed.
	saves int
	// stmts keeps the read pool's prepared statements.
	stmts stmts
	// entities, events and documents cache rows by generation.
	entities  *genCache[kg.Entity]
	events    *genCache[kg.Event]
	documents *genCache[kg.Document]
	// version answers DataVersion.
	version versionConn

	closeOnce sync.Once
	closeErr  error
}

// Open opens or creates the database at path, creating parent directories,
// and applies pending migrations. Returns EUNAVAILABLE when the file cannot
// be opened.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, kg.Errorf(kg.EINVALID, "sqlite: empty database path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("sqlite: create directory for %s: %w", path, err)
	}
	s := &Store{path: path, mu: make(chan struct{}, 1),
		entities: newEntityCache(), events: newEventCache(), documents: newDocumentCache()}
	var err error
	if s.write, err = openDB(path, true); err != nil {
		return nil, err
	}
	if s.read, err = openDB(path, false); err != nil {
		s.write.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: migrate %s: %w", path, err)
	}
	if err := s.optimize(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.stmts.prepare(ctx, s.read, fixedQueries...); err != nil {
		s.Close()
		return nil, dbError("prepare queries", err)
	}
	return s, nil
}

func openDB(path string, writer bool) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	// NORMAL is safe in WAL mode: a power cut may lose the last commits,
	// never consistency.
	q.Add("_pragma", "synchronous(NORMAL)")
	if writer {
		// IMMEDIATE takes the write lock at BEGIN, so another process's
		// writer makes us wait on busy_timeout instead of failing midway.
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
		// Traversals read scattered pages; mapping the file spares a
		// system call per page that misses the small page cache.
		q.Add("_pragma", "mmap_size(1073741824)")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if writer {
		db.SetMaxOpenConns(1)
	} else {
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
	}
	db.SetConnMaxIdleTime(0)
	return db, nil
}

// Path returns the database file.
func (s *Store) Path() string { return s.path }

// Close releases the store. It is safe to call more than once.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		errS := errors.Join(s.stmts.close(), s.version.close())
		errR := s.read.Close()
		errW := s.write.Close()
		s.closeErr = errors.Join(errS, errR, errW)
	})
	return s.closeErr
}

// Ping returns EUNAVAILABLE when the database cannot serve requests.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return dbError("ping", err)
	}
	return nil
}

// Stats counts what is stored.
func (s *Store) Stats(ctx context.Context) (kg.Stats, error) {
	var st kg.Stats
	err := s.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM events)`).Scan(&st.Documents, &st.Entities, &st.Events)
	if err != nil {
		return kg.Stats{}, dbError("stats", err)
	}
	return st, nil
}

// dbError wraps err with what was being done, giving it a kg code: context
// ends become ETIMEOUT, a locked or closed database EUNAVAILABLE. The
// original error stays in the chain for errors.Is.
func dbError(op string, err error) error {
	if err == nil {
		return nil
	}
	var ke *kg.Error
	if errors.As(err, &ke) {
		return fmt.Errorf("sqlite: %s: %w", op, err)
	}
	code, msg := kg.EINTERNAL, "internal error"
	var se *sqlite3.Error
	switch {
	case errors.Is(err, context.Canceled):
		code, msg = kg.ETIMEOUT, "request canceled"
	case errors.Is(err, context.DeadlineExceeded):
		code, msg = kg.ETIMEOUT, "request timed out"
	case errors.Is(err, sql.ErrConnDone) || err.Error() == "sql: database is closed":
		code, msg = kg.EUNAVAILABLE, "database is closed"
	case errors.As(err, &se):
		switch se.Code() & 0xff {
		case sqlite3lib.SQLITE_BUSY, sqlite3lib.SQLITE_LOCKED:
			code, msg = kg.EUNAVAILABLE, "database is busy"
		case sqlite3lib.SQLITE_CANTOPEN, sqlite3lib.SQLITE_IOERR, sqlite3lib.SQLITE_FULL, sqlite3lib.SQLITE_READONLY:
			code, msg = kg.EUNAVAILABLE, "database is unavailable"
		case sqlite3lib.SQLITE_INTERRUPT:
			code, msg = kg.ETIMEOUT, "request interrupted"
		}
	}
	if code == kg.EINTERNAL {
		return fmt.Errorf("sqlite: %s: %w", op, err)
	}
	return fmt.Errorf("sqlite: %s: %w (%w)", op, kg.Errorf(code, "%s", msg), err)
}

// lock takes the save lock, or gives up when ctx ends.
func (s *Store) lock(ctx context.Context) error {
	select {
	case s.mu <- struct{}{}:
		return nil
	case <-ctx.Done():
		return dbError("wait for writer", ctx.Err())
	}
}

func (s *Store) unlock() { <-s.mu }

// optimizeEvery is how many saves pass between refreshes of the planner's
// statistics. Without them SQLite guesses that a status filter is
// selective and walks most of the events table.
const optimizeEvery = 500

// optimize refreshes planner statistics of tables that changed much, as
// SQLite advises for long-lived connections. The caller holds the save
// lock, or is Open.
func (s *Store) optimize(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, `PRAGMA analysis_limit = 1000`); err != nil {
		return dbError("set analysis limit", err)
	}
	if _, err := s.write.ExecContext(ctx, `PRAGMA optimize = 0x10002`); err != nil {
		return dbError("optimize", err)
	}
	if err := s.dropSamples(ctx); err != nil {
		return err
	}
	s.saves = 0
	return nil
}

// dropSamples deletes the index samples that ANALYZE keeps in
// sqlite_stat4 when SQLite is built with it, as modernc.org/sqlite is.
// With samples, a statement whose parameter meets an indexed column is
// compiled again each time the parameter is bound, so that the plan can
// follow the value: every prepared statement of a request was parsed and
// planned anew, 8% of an events request's CPU. Our queries are shaped so
// that one plan suits every value, and sqlite_stat1's averages choose it.
// Connections load statistics with the schema, so read connections opened
// after this see no samples.
func (s *Store) dropSamples(ctx context.Context) error {
	var n int
	if err := s.write.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat4'`).Scan(&n); err != nil {
		return dbError("find index samples", err)
	}
	if n == 0 {
		return nil
	}
	if _, err := s.write.ExecContext(ctx, `DELETE FROM sqlite_stat4`); err != nil {
		return dbError("drop index samples", err)
	}
	return nil
}
