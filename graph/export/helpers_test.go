package export_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/export"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// openStore returns a temporary SQLite store holding xs.
func openStore(t *testing.T, xs []*kg.Extraction) kg.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	storetest.SaveAll(t, s, xs)
	return s
}

// fixtures are the shared store fixtures and the disputing report.
func fixtures() []*kg.Extraction { return append(storetest.Fixtures(), storetest.Dispute()) }

// get requests url from the export handler over s.
func get(t *testing.T, s kg.Store, url string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	export.NewHandler(s).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
	return rec
}

// wantOK checks a download's status and headers.
func wantOK(t *testing.T, rec *httptest.ResponseRecorder, ctype, filename string) {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, body %s", rec.Code, rec.Body)
	}
	if got := rec.Header().Get("Content-Type"); got != ctype {
		t.Fatalf("Content-Type = %q, want %q", got, ctype)
	}
	if got, want := rec.Header().Get("Content-Disposition"), `attachment; filename="`+filename+`"`; got != want {
		t.Fatalf("Content-Disposition = %q, want %q", got, want)
	}
}

// wantJSONError checks an error response: status, JSON body, code.
func wantJSONError(t *testing.T, rec *httptest.ResponseRecorder, status int, code string) string {
	t.Helper()
	var body struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("error body %q (%s) is not JSON: %v", rec.Body, rec.Header().Get("Content-Type"), err)
	}
	if rec.Code != status || len(body.Errors) != 1 || body.Errors[0].Extensions.Code != code || body.Errors[0].Message == "" {
		t.Fatalf("status %d, errors %+v; want %d with code %s", rec.Code, body.Errors, status, code)
	}
	if rec.Header().Get("Content-Disposition") != "" {
		t.Fatal("an error came as an attachment")
	}
	return body.Errors[0].Message
}

// pagingStore records how the whole-graph export reads the store.
type pagingStore struct {
	kg.Store
	lists, finds atomic.Int64
	maxLimit     atomic.Int64
	failList     error
}

func (p *pagingStore) note(limit int) {
	for {
		old := p.maxLimit.Load()
		if int64(limit) <= old || p.maxLimit.CompareAndSwap(old, int64(limit)) {
			return
		}
	}
}

func (p *pagingStore) ListEntities(ctx context.Context, q kg.EntityList) ([]*kg.Entity, error) {
	p.lists.Add(1)
	if q.Limit == 0 {
		q.Limit = 1 << 30 // unbounded, to fail the check
	}
	p.note(q.Limit)
	if p.failList != nil {
		return nil, p.failList
	}
	return p.Store.ListEntities(ctx, q)
}

func (p *pagingStore) FindEvents(ctx context.Context, f kg.EventFilter) (kg.EventPage, error) {
	p.finds.Add(1)
	if f.Limit == 0 {
		f.Limit = 1 << 30
	}
	p.note(f.Limit)
	return p.Store.FindEvents(ctx, f)
}
