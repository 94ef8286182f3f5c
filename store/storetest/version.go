package storetest

import (
	"context"
	"testing"

	"github.com/newsgraph/kg"
)

// versioned is graph.Versioned, restated so that the suite does not
// import the GraphQL package: a store whose DataVersion differs after
// every write, by any process, so that a response cache can trust it.
type versioned interface {
	DataVersion(ctx context.Context) (int64, error)
}

// RunDataVersion checks the data version of a store that has one, and
// skips for one that has not. open must return two stores on one empty
// database, as two processes would open it, and arrange for both to be
// closed. The version must hold still while the data does and move after
// a save that writes, whichever of the two stores made it. Whether saving
// a document that is already stored unchanged moves it is left to the
// store: a needless move only empties a cache.
func RunDataVersion(t *testing.T, open func(t *testing.T) (s, other kg.Store)) {
	ctx := context.Background()
	s, other := open(t)
	vs, ok := s.(versioned)
	if !ok {
		t.Skipf("%T has no DataVersion; the response cache is off for it", s)
	}
	vo := other.(versioned)
	version := func(v versioned) int64 {
		t.Helper()
		n, err := v.DataVersion(ctx)
		if err != nil {
			t.Fatalf("data version: %v", err)
		}
		return n
	}

	v0 := version(vs)
	if got := version(vs); got != v0 {
		t.Fatalf("the version of an untouched store moved from %d to %d", v0, got)
	}
	xs := Fixtures()
	SaveAll(t, s, xs[:1])
	v1 := version(vs)
	if v1 == v0 {
		t.Fatal("the version did not move after this store saved")
	}
	readAll(t, s, xs[:1])
	readAll(t, other, xs[:1])
	if got := version(vs); got != v1 {
		t.Fatalf("reads moved the version from %d to %d", v1, got)
	}

	o1 := version(vo)
	SaveAll(t, other, xs[1:2])
	v2 := version(vs)
	if v2 == v1 {
		t.Fatal("the version did not move after another store saved")
	}
	if got := version(vo); got == o1 {
		t.Fatal("the other store's version did not move after it saved")
	}

	// A new extraction of a stored document rewrites its events.
	again := Fixtures()[0]
	again.Document.Extractor = Extractor + "+again"
	o2 := version(vo)
	SaveAll(t, s, []*kg.Extraction{again})
	if version(vs) == v2 {
		t.Fatal("the version did not move after this store saved a new extraction of a stored document")
	}
	if version(vo) == o2 {
		t.Fatal("the other store's version did not move after this store saved a new extraction")
	}
}

// readAll runs one read of each kind over what xs saved.
func readAll(t *testing.T, s kg.Store, xs []*kg.Extraction) {
	t.Helper()
	ctx := context.Background()
	for _, x := range xs {
		if _, err := s.Document(ctx, x.Document.ID); err != nil {
			t.Fatalf("document %s: %v", x.Document.ID, err)
		}
		if _, err := s.Events(ctx, EventIDs(allEvents([]*kg.Extraction{x}))); err != nil {
			t.Fatalf("events: %v", err)
		}
		if len(x.Entities) > 0 {
			if _, err := s.SearchEntities(ctx, kg.EntityQuery{Text: x.Entities[0].Name}); err != nil {
				t.Fatalf("search: %v", err)
			}
		}
	}
	if _, err := s.FindEvents(ctx, kg.EventFilter{}); err != nil {
		t.Fatalf("find events: %v", err)
	}
	if _, err := s.Stats(ctx); err != nil {
		t.Fatalf("stats: %v", err)
	}
}
