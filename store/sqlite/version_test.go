package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// TestDataVersion runs the shared data version checks with two stores on
// one file, as two processes would open it.
func TestDataVersion(t *testing.T) {
	storetest.RunDataVersion(t, func(t *testing.T) (kg.Store, kg.Store) {
		path := filepath.Join(t.TempDir(), "kg.db")
		return openAt(t, path), openAt(t, path)
	})
}

// TestDataVersionClosed checks that a closed store reports EUNAVAILABLE
// rather than a version a cache would trust.
func TestDataVersionClosed(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "kg.db"))
	if _, err := s.DataVersion(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DataVersion(ctx); kg.ErrorCode(err) != kg.EUNAVAILABLE {
		t.Fatalf("version after close: %v, want %s", err, kg.EUNAVAILABLE)
	}
}
