package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg/store/storetest"
)

// TestOpenDropsIndexSamples analyses a populated store outside the store,
// as an operator's sqlite3 shell or an older version would, and reopens
// it: Open must leave no sqlite_stat4 samples, or every prepared query
// would be planned again on each use (see dropSamples).
func TestOpenDropsIndexSamples(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s := openAt(t, path)
	storetest.SaveAll(t, s, storetest.Fixtures())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	samples := func(db *sql.DB) int {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_stat4`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	if samples(db) == 0 {
		t.Fatal("ANALYZE kept no samples: this SQLite lacks STAT4, and dropSamples's reason is gone")
	}

	s = openAt(t, path)
	defer s.Close()
	if got := samples(db); got != 0 {
		t.Fatalf("sqlite_stat4 rows after Open = %d, want 0", got)
	}
	page, err := s.Events(ctx, []string{storetest.Fixtures()[0].Events[0].ID})
	if err != nil || page[0] == nil {
		t.Fatalf("reading an event after dropping samples: %v, %v", page, err)
	}
}
