package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// fixture is a temporary SQLite store holding the storetest fixtures, and
// the GraphQL handler over it.
type fixture struct {
	store   kg.Store
	xs      []*kg.Extraction
	handler http.Handler
}

func newFixture(t *testing.T, opt graph.Options) *fixture {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	xs := storetest.Fixtures()
	storetest.SaveAll(t, s, xs)
	return &fixture{store: s, xs: xs, handler: graph.NewHandler(s, opt)}
}

// gqlError is one entry of a response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string { c, _ := e.Extensions["code"].(string); return c }

type response struct {
	status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts query with vars to h and decodes the response.
func do(t *testing.T, h http.Handler, query string, vars map[string]any) response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	r := response{status: rec.Code}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("decode response %q: %v", rec.Body.String(), err)
	}
	return r
}

// query runs a query that must succeed and decodes its data into out.
func query(t *testing.T, h http.Handler, q string, vars map[string]any, out any) {
	t.Helper()
	r := do(t, h, q, vars)
	if r.status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("query failed: status %d, errors %+v", r.status, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode data %s: %v", r.Data, err)
	}
}

// wantError checks that r carries exactly one error, with code.
func wantError(t *testing.T, r response, code string) gqlError {
	t.Helper()
	if len(r.Errors) != 1 {
		t.Fatalf("errors = %+v, want one with code %s", r.Errors, code)
	}
	if got := r.Errors[0].code(); got != code {
		t.Fatalf("error code = %q (%+v), want %q", got, r.Errors[0], code)
	}
	return r.Errors[0]
}

// expectEvents lists the IDs of the fixture events that f selects, in
// f's order, using the shared suite's reference semantics.
func expectEvents(xs []*kg.Extraction, f kg.EventFilter) []string {
	var es []*kg.Event
	for _, x := range xs {
		for i := range x.Events {
			if storetest.Matches(f, &x.Events[i]) {
				es = append(es, &x.Events[i])
			}
		}
	}
	slices.SortFunc(es, func(a, b *kg.Event) int {
		if storetest.Less(a, b, f.Descending) {
			return -1
		}
		return 1
	})
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

// countingStore counts the store calls a request makes.
type countingStore struct {
	kg.Store
	calls, entities, documents, events, finds atomic.Int64
}

func (c *countingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	c.calls.Add(1)
	c.entities.Add(1)
	return c.Store.Entities(ctx, ids)
}

func (c *countingStore) Documents(ctx context.Context, ids []string) ([]*kg.Document, error) {
	c.calls.Add(1)
	c.documents.Add(1)
	return c.Store.Documents(ctx, ids)
}

func (c *countingStore) Document(ctx context.Context, id string) (*kg.Document, error) {
	c.calls.Add(1)
	c.documents.Add(1)
	return c.Store.Document(ctx, id)
}

func (c *countingStore) Events(ctx context.Context, ids []string) ([]*kg.Event, error) {
	c.calls.Add(1)
	c.events.Add(1)
	return c.Store.Events(ctx, ids)
}

func (c *countingStore) FindEvents(ctx context.Context, f kg.EventFilter) (kg.EventPage, error) {
	c.calls.Add(1)
	c.finds.Add(1)
	return c.Store.FindEvents(ctx, f)
}

func (c *countingStore) SearchEntities(ctx context.Context, q kg.EntityQuery) ([]kg.EntityMatch, error) {
	c.calls.Add(1)
	return c.Store.SearchEntities(ctx, q)
}
