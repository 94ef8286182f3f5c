package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/newsgraph/kg"
)

// Semantics of Subgraph are noted at the top of traverse.go.

func runSubgraph(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s, xs := loadedDispute(t, open)
	es := allEvents(xs)
	ents := mergedEntities(xs)
	known := map[string]bool{}
	for id := range ents {
		known[id] = true
	}
	a, b := xs[0].Events, xs[1].Events

	hand := []struct {
		name      string
		q         kg.SubgraphQuery
		entities  []string
		events    []string
		truncated bool
	}{
		{"depth 1", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 1},
			[]string{PutinID, TreatyID, PezeshkianID, MoscowID}, []string{a[0].ID, b[2].ID}, false},
		{"budget filled exactly", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 1, MaxNodes: 6},
			[]string{PutinID, TreatyID, PezeshkianID, MoscowID}, []string{a[0].ID, b[2].ID}, false},
		{"last event cut", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 1, MaxNodes: 5},
			[]string{PutinID, TreatyID, PezeshkianID, MoscowID}, []string{a[0].ID}, true},
		{"participant cut", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 1, MaxNodes: 4},
			[]string{PutinID, TreatyID, PezeshkianID}, []string{a[0].ID}, true},
		{"seed only", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 3, MaxNodes: 1},
			[]string{PutinID}, nil, true},
		{"seeds cut", kg.SubgraphQuery{SeedIDs: []string{TehranID, MoscowID, PutinID}, Depth: 3, MaxNodes: 2},
			[]string{TehranID, MoscowID}, nil, true},
		{"unknown and repeated seeds", kg.SubgraphQuery{SeedIDs: []string{"person:nobody", PutinID, PutinID}, Depth: 1},
			[]string{PutinID, TreatyID, PezeshkianID, MoscowID}, []string{a[0].ID, b[2].ID}, false},
		{"entity without events", kg.SubgraphQuery{SeedIDs: []string{AraghchiID}, Depth: 3, MaxNodes: 1},
			[]string{AraghchiID}, nil, false},
		{"filter, depth 2", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 2,
			Events: kg.EventFilter{DocumentIDs: []string{xs[1].Document.ID}, Limit: -5}},
			[]string{PutinID, TreatyID, DumaID, FederationCouncilID}, []string{b[2].ID, b[3].ID, b[0].ID, b[1].ID}, false},
	}
	for _, c := range hand {
		t.Run(c.name, func(t *testing.T) {
			want := refSubgraph(es, known, c.q)
			if !reflect.DeepEqual(want, refGraph{c.entities, c.events, c.truncated}) {
				t.Fatalf("reference gives %+v, hand-made %v %v %v", want, c.entities, c.events, c.truncated)
			}
			checkSubgraph(t, s, ents, es, c.q, want)
		})
	}

	t.Run("against reference", func(t *testing.T) {
		seeds := [][]string{{PutinID}, {TreatyID}, {OldTreatyID}, {TehranID, MoscowID}, {IranID, "person:nobody", DumaID}}
		filters := []kg.EventFilter{
			{},
			{Types: []kg.EventType{kg.EventApproved, kg.EventSigned}},
			{Statuses: []kg.Status{kg.StatusOccurred}},
			{From: "2025-04-01", To: "2025-06-30"},
			{LocationIDs: []string{MoscowID}},
		}
		for _, seed := range seeds {
			for depth := 1; depth <= kg.MaxSubgraphDepth; depth++ {
				for _, max := range []int{0, 1, 3, 7, 12, 25} {
					for _, f := range filters {
						q := kg.SubgraphQuery{SeedIDs: seed, Depth: depth, MaxNodes: max, Events: f}
						checkSubgraph(t, s, ents, es, q, refSubgraph(es, known, q))
					}
				}
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		for _, c := range []struct {
			name string
			q    kg.SubgraphQuery
			code string
		}{
			{"no seeds", kg.SubgraphQuery{Depth: 1}, kg.ENOTFOUND},
			{"unknown seeds", kg.SubgraphQuery{SeedIDs: []string{"person:nobody", "state:atlantis"}, Depth: 1}, kg.ENOTFOUND},
			{"depth 0", kg.SubgraphQuery{SeedIDs: []string{PutinID}}, kg.EINVALID},
			{"depth too deep", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: kg.MaxSubgraphDepth + 1}, kg.EINVALID},
			{"negative max nodes", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 1, MaxNodes: -1}, kg.EINVALID},
			{"too many nodes", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 1, MaxNodes: kg.MaxSubgraphNodes + 1}, kg.EINVALID},
			{"bad filter", kg.SubgraphQuery{SeedIDs: []string{PutinID}, Depth: 1,
				Events: kg.EventFilter{To: "2025-13-01"}}, kg.EINVALID},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Subgraph(ctx, c.q)
				wantCode(t, err, c.code)
			})
		}
	})
}

// checkSubgraph compares a store's subgraph with the reference, node
// contents included, and checks the contract's invariants.
func checkSubgraph(t *testing.T, s kg.Store, ents map[string]*kg.Entity, es []*kg.Event, q kg.SubgraphQuery, want refGraph) {
	t.Helper()
	g, err := s.Subgraph(context.Background(), q)
	if err != nil {
		t.Fatalf("subgraph %+v: %v", q, err)
	}
	got := refGraph{Truncated: g.Truncated}
	in := map[string]bool{}
	for _, e := range g.Entities {
		got.Entities = append(got.Entities, e.ID)
		in[e.ID] = true
		if w := ents[e.ID]; w == nil || !reflect.DeepEqual(normEntity(*e), normEntity(*w)) {
			t.Fatalf("subgraph %+v: entity %+v, want %+v", q, e, w)
		}
	}
	byID := map[string]*kg.Event{}
	for _, e := range es {
		byID[e.ID] = e
	}
	for _, e := range g.Events {
		got.Events = append(got.Events, e.ID)
		if w := byID[e.ID]; w == nil {
			t.Fatalf("subgraph %+v: unknown event %s", q, e.ID)
		} else if d := diffEvent(e, w); d != "" {
			t.Fatalf("subgraph %+v: %s", q, d)
		}
		inside := 0
		for _, id := range memberIDs(e) {
			if in[id] {
				inside++
			}
		}
		switch {
		case inside == 0:
			t.Fatalf("subgraph %+v: event %s has no participant among the entities", q, e.ID)
		case inside < len(memberIDs(e)) && !g.Truncated:
			t.Fatalf("subgraph %+v: event %s has participants outside, but not truncated", q, e.ID)
		}
	}
	max := q.MaxNodes
	if max == 0 {
		max = kg.MaxSubgraphNodes
	}
	if n := len(g.Entities) + len(g.Events); n > max {
		t.Fatalf("subgraph %+v has %d nodes, more than %d", q, n, max)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("subgraph %+v =\n%+v\nwant\n%+v", q, got, want)
	}
}
