package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// versionedStore counts store calls and saves, passes the data version
// through, and fails FindEvents (after counting it) while failFind is set.
type versionedStore struct {
	*countingStore
	saves    atomic.Int64
	failFind atomic.Bool
}

func (v *versionedStore) FindEvents(ctx context.Context, f kg.EventFilter) (kg.EventPage, error) {
	page, err := v.countingStore.FindEvents(ctx, f)
	if v.failFind.Load() {
		return kg.EventPage{}, kg.Errorf(kg.EUNAVAILABLE, "find events: failing as told")
	}
	return page, err
}

func (v *versionedStore) DataVersion(ctx context.Context) (int64, error) {
	return v.countingStore.Store.(graph.Versioned).DataVersion(ctx)
}

func (v *versionedStore) Save(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	v.saves.Add(1)
	return v.countingStore.Store.Save(ctx, x)
}

// TestResponseCache checks that a repeated query is answered without the
// store, that anything deciding the answer (variables, scopes) gets its
// own entry, and that every write, through the API, through the store or
// by another process, makes the next answer fresh.
func TestResponseCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	xs := storetest.Fixtures()
	storetest.SaveAll(t, s, xs[:2])
	vs := &versionedStore{countingStore: &countingStore{Store: s}}
	h := graph.NewHandler(vs, graph.Options{ResponseCache: 100, Logger: discard()})

	const q = `query($types: [EventType!]) { events(where: {types: $types}) { totalCount } }`
	send := func(vars map[string]any, scopes ...graph.Scope) (total int, errs int) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req = req.WithContext(graph.WithScopes(req.Context(), scopes...))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var r struct {
			Data   struct{ Events struct{ TotalCount int } }
			Errors []any
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
			t.Fatalf("decode %s: %v", rec.Body, err)
		}
		return r.Data.Events.TotalCount, len(r.Errors)
	}
	finds := func(want int64) {
		t.Helper()
		if got := vs.finds.Load(); got != want {
			t.Fatalf("%d FindEvents calls, want %d", got, want)
		}
	}
	all := map[string]any{}
	signed := map[string]any{"types": []string{"SIGNED"}}

	n0, _ := send(all, graph.ScopeRead)
	send(all, graph.ScopeRead)
	finds(1)
	send(signed, graph.ScopeRead)
	send(all, graph.ScopeRead, graph.ScopeWrite)
	finds(3)
	send(signed, graph.ScopeRead)
	finds(3)

	// A write through the store itself.
	storetest.SaveAll(t, s, xs[2:3])
	n1, _ := send(all, graph.ScopeRead)
	finds(4)
	if n1 <= n0 {
		t.Fatalf("total after a save = %d, before %d", n1, n0)
	}
	// A write by another process: another store on the same file.
	other, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	storetest.SaveAll(t, other, xs[3:4])
	if n2, _ := send(all, graph.ScopeRead); n2 <= n1 {
		t.Fatalf("total after another process saved = %d, before %d", n2, n1)
	}
	finds(5)

	// Answers with errors are not kept: a failed read is read again, and
	// once the store recovers the answer has no error.
	ratified := map[string]any{"types": []string{"RATIFIED"}}
	vs.failFind.Store(true)
	for range 2 {
		if _, errs := send(ratified, graph.ScopeRead); errs == 0 {
			t.Fatal("a failing store gave no error")
		}
	}
	finds(7)
	vs.failFind.Store(false)
	if _, errs := send(ratified, graph.ScopeRead); errs != 0 {
		t.Fatalf("%d errors after the store recovered: an answer with errors was kept", errs)
	}
	finds(8)

	// Mutations always run.
	for range 2 {
		var out any
		query(t, withScopes(h, graph.ScopeRead, graph.ScopeWrite), ingestMutation, map[string]any{"articles": []map[string]any{{"text": "The State Duma ratified the Treaty on Arctic Cooperation on March 11, 2025."}}}, &out)
	}
	if got := vs.saves.Load(); got != 2 {
		t.Fatalf("%d saves for two ingest mutations, want 2", got)
	}
}
