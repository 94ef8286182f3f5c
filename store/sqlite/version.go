package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// versionConn is a connection kept apart for PRAGMA data_version, whose
// value is per connection: it changes whenever any other connection, in
// this process or another, commits. This connection never writes, so
// every commit to the file changes what it reports.
type versionConn struct {
	mu     sync.Mutex
	conn   *sql.Conn
	closed bool
	epoch  int64 // connections replaced so far
}

// DataVersion returns a number that differs after every commit to the
// database, by this store or by another process, so that a cache of
// answers can tell that it went stale. It is not a count of commits.
// Returns EUNAVAILABLE when the database cannot be read.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	c := &s.version
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, dbError("data version", sql.ErrConnDone)
	}
	if c.conn == nil {
		// Not bound to ctx: the connection outlives this call.
		conn, err := s.read.Conn(context.Background())
		if err != nil {
			return 0, dbError("data version", err)
		}
		c.conn = conn
	}
	var v int64
	if err := c.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		if ctx.Err() == nil {
			// A broken connection is not kept. The next call takes a
			// fresh one, whose numbering starts over; the epoch keeps
			// its values apart from the old one's, since commits may
			// have been missed in between.
			c.conn.Close()
			c.conn = nil
			c.epoch++
		}
		return 0, dbError("data version", err)
	}
	return c.epoch<<40 | v, nil
}

// close returns the connection to the pool, if it was taken.
func (c *versionConn) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	if c.conn == nil {
		return nil
	}
	return c.conn.Close()
}
