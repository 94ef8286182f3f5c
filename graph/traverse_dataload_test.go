package graph_test

import (
	"testing"

	"github.com/newsgraph/kg/graph"
)

// TestTraversalStoreCalls checks that a nested subgraph and path query
// costs a bounded number of store calls: the subgraph's own entities and
// events are cached, every agreement's fields share one events call, and
// what remains is batched.
func TestTraversalStoreCalls(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	cs := &countingStore{Store: fx.store}
	h := graph.NewHandler(cs, graph.Options{MaxComplexity: 1 << 20})
	var r struct {
		Subgraph struct {
			Nodes []struct {
				Entity *struct {
					Name          string
					Parties       []struct{ Name string }
					Signatories   []struct{ Name string }
					Signings      []struct{ ID string }
					Ratifications []struct{ ID string }
					StageAsOf     *struct{ Stage string }
				}
				Event *struct {
					Agents, Objects []struct{ Name string }
					Document        struct{ Title string }
					Evidence        []struct{ Document struct{ Title string } }
				}
			}
		}
		Path []struct {
			Entities []struct{ Name string }
			Events   []struct {
				Agents   []struct{ Name string }
				Document struct{ Title string }
			}
			Steps []struct {
				From, To struct{ Name string }
				Event    struct{ ID string }
			}
		}
	}
	query(t, h, `{
	  subgraph(around: ["Russia-Iran treaty", "2001 treaty"], depth: 2) { nodes {
	    entity { name ... on Agreement { parties { name } signatories { name } signings { id } ratifications { id } stageAsOf(date: "2025-12-31") { stage } } }
	    event { agents { name } objects { name } document { title } evidence { document { title } } }
	  } }
	  path(from: "Vladimir Putin", to: "Iran", maxHops: 3, first: 20) {
	    entities { name } events { agents { name } document { title } } steps { from { name } event { id } to { name } }
	  }
	}`, nil, &r)
	lookups, agreements := 0, 0
	for _, n := range r.Subgraph.Nodes {
		if e := n.Entity; e != nil && e.StageAsOf != nil {
			agreements++
			lookups += len(e.Parties) + len(e.Signatories) + len(e.Signings) + len(e.Ratifications) + 1
		}
		if e := n.Event; e != nil {
			lookups += len(e.Agents) + len(e.Objects) + 1 + len(e.Evidence)
		}
	}
	for _, p := range r.Path {
		lookups += len(p.Entities) + 3*len(p.Steps)
		for _, e := range p.Events {
			lookups += len(e.Agents) + 1
		}
	}
	if lookups < 200 || agreements < 2 || len(r.Path) < 5 {
		t.Fatalf("%d lookups, %d agreements, %d paths: the query does not exercise batching", lookups, agreements, len(r.Path))
	}
	// Three name searches, the subgraph, the paths, one events call for
	// both agreements, one list of states, and a few batches of entities,
	// events and documents (a batch closes after dataload.Wait, so a slow
	// machine may split one).
	if got := cs.calls.Load(); got > 16 {
		t.Fatalf("%d store calls for %d lookups (entities %d, documents %d, events %d, finds %d); dataloaders do not batch",
			got, lookups, cs.entities.Load(), cs.documents.Load(), cs.events.Load(), cs.finds.Load())
	}
	if got := cs.finds.Load(); got != 1 {
		t.Fatalf("FindEvents called %d times for %d agreements, want 1", got, agreements)
	}
	t.Logf("%d lookups in %d store calls (entities %d, documents %d, events %d)", lookups, cs.calls.Load(),
		cs.entities.Load(), cs.documents.Load(), cs.events.Load())
}
