package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// TestDataVersion checks that the data version moves with every commit,
// this store's and another store's on the same file (as another process
// would), and only then.
func TestDataVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s, other := openAt(t, path), openAt(t, path)
	version := func() int64 {
		t.Helper()
		v, err := s.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	if _, err := s.FindEvents(ctx, kg.EventFilter{}); err != nil {
		t.Fatal(err)
	}
	if got := version(); got != v0 {
		t.Fatalf("a read moved the version from %d to %d", v0, got)
	}
	storetest.SaveAll(t, s, storetest.Fixtures()[:1])
	v1 := version()
	if v1 == v0 {
		t.Fatal("the version did not move after this store saved")
	}
	storetest.SaveAll(t, other, storetest.Fixtures()[1:2])
	if v2 := version(); v2 == v1 {
		t.Fatal("the version did not move after another store saved")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DataVersion(ctx); kg.ErrorCode(err) != kg.EUNAVAILABLE {
		t.Fatalf("version after close: %v, want %s", err, kg.EUNAVAILABLE)
	}
}
