package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// TestEntityCache checks that cached entities follow every change: a new
// alias saved through the same store, one saved through another store on
// the same file (as another process would), and a caller that changes
// what it was given.
func TestEntityCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s, other := openAt(t, path), openAt(t, path)
	storetest.SaveAll(t, s, []*kg.Extraction{storetest.Generate(0, 20)})
	var ids []string
	for _, e := range storetest.Generate(0, 20).Entities {
		ids = append(ids, e.ID)
	}
	aliases := func(want int) []*kg.Entity {
		t.Helper()
		es, err := s.Entities(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range es {
			if e == nil {
				t.Fatalf("entity %s missing", ids[i])
			}
			if got := len(e.Aliases); got != want {
				t.Fatalf("%s has aliases %q, want %d", e.ID, e.Aliases, want)
			}
		}
		return es
	}
	// Generated document n gives every entity the alias "… alias n%3".
	aliases(1)
	es := aliases(1) // from the cache
	es[0].Aliases[0], es[0].Name = "changed by a caller", "changed"
	if got := aliases(1); got[0].Aliases[0] == "changed by a caller" || got[0].Name == "changed" {
		t.Fatalf("a caller's change reached the cache: %+v", got[0])
	}

	// Document 3 brings the same aliases as document 0 for the entities
	// they share: nothing changes. Document 1 adds one to each entity it
	// names, through the other store.
	storetest.SaveAll(t, s, []*kg.Extraction{storetest.Generate(3, 20)})
	aliases(1)
	storetest.SaveAll(t, other, []*kg.Extraction{storetest.Generate(1, 20)})
	shared := map[string]bool{}
	for _, e := range storetest.Generate(1, 20).Entities {
		shared[e.ID] = true
	}
	got, err := s.Entities(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, e := range got {
		want := 1
		if shared[e.ID] {
			want, changed = 2, changed+1
		}
		if len(e.Aliases) != want {
			t.Fatalf("%s has aliases %q after another store saved, want %d", e.ID, e.Aliases, want)
		}
	}
	if changed == 0 {
		t.Fatal("documents 0 and 1 share no entity; the check is too weak")
	}
}
