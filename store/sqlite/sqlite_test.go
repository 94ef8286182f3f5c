package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

func open(t *testing.T) kg.Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "kg.db"))
}

func openAt(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, open)
}

func TestOpenCreatesDirectories(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "kg.db")
	s := openAt(t, path)
	if err := s.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file: %v", err)
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s := openAt(t, path)
	xs := storetest.Fixtures()
	storetest.SaveAll(t, s, xs)
	want, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	migrations, err := s.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(ctx); kg.ErrorCode(err) != kg.EUNAVAILABLE {
		t.Fatalf("ping after close = %v, want %s", err, kg.EUNAVAILABLE)
	}

	for i := 0; i < 2; i++ {
		s := openAt(t, path)
		if got, err := s.Stats(ctx); err != nil || got != want {
			t.Fatalf("reopen %d: stats = %+v, %v; want %+v", i, got, err, want)
		}
		got, err := s.Migrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, migrations) || len(got) == 0 {
			t.Fatalf("reopen %d: migrations = %v, want %v", i, got, migrations)
		}
		doc, err := s.Document(ctx, xs[1].Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := doc.Title, xs[1].Document.Title; got != want {
			t.Fatalf("title = %q, want %q", got, want)
		}
		// Saving the same fixtures is still recognised after reopening.
		res, err := s.Save(ctx, storetest.Fixtures()[0])
		if err != nil || !res.Unchanged {
			t.Fatalf("re-save after reopen = %+v, %v; want Unchanged", res, err)
		}
		s.Close()
	}
}

// TestSaveIsAtomic makes a save fail after its document, entities and
// first events are written and checks that none of them remain.
func TestSaveIsAtomic(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "kg.db"))
	storetest.SaveAll(t, s, storetest.Fixtures()[:1])
	before, _ := s.Stats(ctx)

	for name, spoil := range map[string]func(x *kg.Extraction){
		// The foreign key fires only on the last event's participants.
		"unknown participant": func(x *kg.Extraction) {
			last := &x.Events[len(x.Events)-1]
			last.Participants = append(last.Participants, kg.Participant{EntityID: "person:nobody", Role: kg.RoleAgent})
		},
		// The last event's ID collides with a stored event of another document.
		"event ID taken": func(x *kg.Extraction) {
			x.Events[len(x.Events)-1].ID = storetest.Fixtures()[0].Events[0].ID
		},
	} {
		t.Run(name, func(t *testing.T) {
			x := storetest.Generate(7, 20)
			spoil(x)
			if _, err := s.Save(ctx, x); err == nil {
				t.Fatal("save succeeded")
			}
			if got, _ := s.Stats(ctx); got != before {
				t.Fatalf("stats = %+v, want %+v", got, before)
			}
			evs, err := s.Events(ctx, []string{x.Events[0].ID, x.Events[1].ID})
			if err != nil {
				t.Fatal(err)
			}
			if evs[0] != nil || evs[1] != nil {
				t.Fatal("first events of the failed save are stored")
			}
			if ms, err := s.SearchEntities(ctx, kg.EntityQuery{Text: x.Entities[0].Name}); err != nil || len(ms) != 0 {
				t.Fatalf("search index kept names of the failed save: %v, %v", len(ms), err)
			}
		})
	}
}

// TestConcurrentReaders reads while one writer saves: every read must
// succeed and see each document either whole or not at all.
func TestConcurrentReaders(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "kg.db"))
	const docs, events = 30, 20
	xs := make([]*kg.Extraction, docs)
	for i := range xs {
		xs[i] = storetest.Generate(i, events)
	}

	done := make(chan struct{})
	errs := make(chan error, 8)
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				x := xs[(i*7+r)%docs]
				page, err := s.FindEvents(ctx, kg.EventFilter{DocumentIDs: []string{x.Document.ID}, Limit: 5})
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
				if page.Total != 0 && page.Total != events {
					errs <- fmt.Errorf("reader %d saw %d of %d events of %s", r, page.Total, events, x.Document.ID)
					return
				}
				st, err := s.Stats(ctx)
				if err != nil {
					errs <- fmt.Errorf("reader %d stats: %w", r, err)
					return
				}
				if st.Events%events != 0 || st.Events/events != st.Documents {
					errs <- fmt.Errorf("reader %d saw a partial save: %+v", r, st)
					return
				}
			}
		}(r)
	}
	for _, x := range xs {
		if _, err := s.Save(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if st, _ := s.Stats(ctx); st.Documents != docs || st.Events != docs*events {
		t.Fatalf("stats = %+v", st)
	}
}

// TestConcurrentWriters saves from several goroutines at once; saves queue
// rather than fail with SQLITE_BUSY.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "kg.db"))
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := s.Save(ctx, storetest.Generate(i, 10)); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if st, _ := s.Stats(ctx); st.Documents != 40 || st.Events != 400 {
		t.Fatalf("stats = %+v", st)
	}
}
