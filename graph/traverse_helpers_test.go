package graph_test

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// newDisputeFixture is newFixture plus storetest.Dispute, the later report
// that contradicts the others: with it the store holds conflicts of both
// kinds and a second agreement that Russia and Iran signed together.
func newDisputeFixture(t *testing.T, opt graph.Options) *fixture {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	xs := append(storetest.Fixtures(), storetest.Dispute())
	storetest.SaveAll(t, s, xs)
	return &fixture{store: s, xs: xs, handler: graph.NewHandler(s, opt)}
}

// withScopes grants every request through h the given scopes, as the
// server's authentication middleware does for a configured key.
func withScopes(h http.Handler, scopes ...graph.Scope) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(graph.WithScopes(r.Context(), scopes...)))
	})
}

// allEvents indexes the fixture events by ID.
func allEvents(xs []*kg.Extraction) map[string]*kg.Event {
	m := map[string]*kg.Event{}
	for _, x := range xs {
		for i := range x.Events {
			m[x.Events[i].ID] = &x.Events[i]
		}
	}
	return m
}

// The traversal calls that countingStore in helpers_test.go does not count.

func (c *countingStore) Paths(ctx context.Context, q kg.PathQuery) ([]kg.Path, error) {
	c.calls.Add(1)
	return c.Store.Paths(ctx, q)
}

func (c *countingStore) Subgraph(ctx context.Context, q kg.SubgraphQuery) (*kg.Subgraph, error) {
	c.calls.Add(1)
	return c.Store.Subgraph(ctx, q)
}

func (c *countingStore) ListEntities(ctx context.Context, q kg.EntityList) ([]*kg.Entity, error) {
	c.calls.Add(1)
	return c.Store.ListEntities(ctx, q)
}

func (c *countingStore) Counterparts(ctx context.Context, q kg.CounterpartQuery) ([]kg.Counterpart, error) {
	c.calls.Add(1)
	return c.Store.Counterparts(ctx, q)
}

func (c *countingStore) Conflicts(ctx context.Context, f kg.ConflictFilter) ([]kg.Conflict, error) {
	c.calls.Add(1)
	return c.Store.Conflicts(ctx, f)
}

type idOnly struct{ ID string }

func ids(xs []idOnly) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.ID
	}
	return out
}
