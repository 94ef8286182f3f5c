package graph_test

import (
	"io"
	"log/slog"
	"testing"

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
