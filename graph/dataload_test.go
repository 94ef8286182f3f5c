package graph_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"

	gql "github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestNestedQueryStoreCalls checks that dataloaders batch a nested query:
// every event's agents, objects, locations, participants and documents
// would be dozens of store calls one by one.
func TestNestedQueryStoreCalls(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	cs := &countingStore{Store: fx.store}
	h := graph.NewHandler(cs, graph.Options{})
	var r struct {
		Events struct {
			Nodes []struct {
				Agents, Objects, Locations []struct{ Name string }
				Participants               []struct{ Entity struct{ Name string } }
				Document                   struct{ Title string }
				Evidence                   []struct{ Document struct{ Title string } }
			}
		}
	}
	query(t, h, `{ events(first: 100) { nodes {
	  agents { name } objects { name } locations { name }
	  participants { entity { name } }
	  document { title }
	  evidence { document { title } }
	} } }`, nil, &r)
	lookups := 0
	for _, e := range r.Events.Nodes {
		lookups += len(e.Agents) + len(e.Objects) + len(e.Locations) + len(e.Participants) + 1 + len(e.Evidence)
	}
	if lookups < 50 {
		t.Fatalf("only %d lookups; the query does not exercise batching", lookups)
	}
	// One FindEvents, and entities and documents each in a few batches
	// (a batch closes after dataload.Wait, so a slow machine may split one).
	if got := cs.finds.Load(); got != 1 {
		t.Fatalf("FindEvents called %d times, want 1", got)
	}
	if got := cs.calls.Load(); got > 10 {
		t.Fatalf("%d store calls for %d lookups (entities %d, documents %d); dataloaders do not batch",
			got, lookups, cs.entities.Load(), cs.documents.Load())
	}
	t.Logf("%d lookups in %d store calls (entities %d, documents %d)", lookups, cs.calls.Load(), cs.entities.Load(), cs.documents.Load())
}

// TestEventPagePrefetch checks that an event page reads the entities and
// documents its selection needs in one call each, made by the events
// field itself rather than by the dataloaders after their wait, through
// fragments and edges too, and reads none that it does not select.
func TestEventPagePrefetch(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	for _, c := range []struct {
		name, query         string
		entities, documents int64
	}{
		{"nodes", `{ events(first: 100) { nodes { agents { name } objects { name } document { title } } } }`, 1, 1},
		{"edges and fragments", `query { events(first: 100) { edges { node { ...E } } } }
			fragment E on Event { participants { entity { name } } evidence { document { title } } }`, 1, 1},
		{"skipped", `query($no: Boolean = false) { events(first: 100) { nodes { id agents @include(if: $no) { name } } } }`, 0, 0},
		{"no lookups", `{ events(first: 100) { totalCount nodes { id date { value } evidence { sentence } } } }`, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			cs := &fieldRecorder{countingStore: countingStore{Store: fx.store}}
			var out any
			query(t, graph.NewHandler(cs, graph.Options{}), c.query, nil, &out)
			if got, want := cs.entities.Load(), c.entities; got != want {
				t.Errorf("%d entity reads, want %d", got, want)
			}
			if got, want := cs.documents.Load(), c.documents; got != want {
				t.Errorf("%d document reads, want %d", got, want)
			}
			for _, f := range cs.fields {
				if f != "events" {
					t.Errorf("entities or documents read for field %q, want all for events", f)
				}
			}
		})
	}
}

// fieldRecorder records the GraphQL field for which each entity and
// document read is made.
type fieldRecorder struct {
	countingStore
	mu     sync.Mutex
	fields []string
}

func (r *fieldRecorder) record(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name := "(none)"
	if fc := gql.GetFieldContext(ctx); fc != nil && fc.Field.Field != nil {
		name = fc.Field.Name
	}
	r.fields = append(r.fields, name)
}

func (r *fieldRecorder) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	r.record(ctx)
	return r.countingStore.Entities(ctx, ids)
}

func (r *fieldRecorder) Documents(ctx context.Context, ids []string) ([]*kg.Document, error) {
	r.record(ctx)
	return r.countingStore.Documents(ctx, ids)
}

// TestTotalCountOnlySelected checks that an event connection asks the
// store to count every match only when its selection, fragments
// included, asks for totalCount.
func TestTotalCountOnlySelected(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	for _, c := range []struct {
		name, query string
		count       bool
	}{
		{"total", `{ events { totalCount } }`, true},
		{"total in a fragment", `query { events { ...C } } fragment C on EventConnection { totalCount }`, true},
		{"page only", `{ events { nodes { id } pageInfo { hasNextPage } } }`, false},
		{"total skipped", `query($no: Boolean = false) { events { totalCount @include(if: $no) nodes { id } } }`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fr := &filterRecorder{Store: fx.store}
			var out struct{ Events struct{ TotalCount *int } }
			query(t, graph.NewHandler(fr, graph.Options{}), c.query, nil, &out)
			if got, want := !fr.last.NoTotal, c.count; got != want {
				t.Fatalf("store counted = %v, want %v", got, want)
			}
			if c.count && (out.Events.TotalCount == nil || *out.Events.TotalCount <= 0) {
				t.Fatalf("totalCount = %v, want the number of events", out.Events.TotalCount)
			}
		})
	}
}

// filterRecorder keeps the filter of the last FindEvents.
type filterRecorder struct {
	kg.Store
	last kg.EventFilter
}

func (r *filterRecorder) FindEvents(ctx context.Context, f kg.EventFilter) (kg.EventPage, error) {
	r.last = f
	return r.Store.FindEvents(ctx, f)
}
