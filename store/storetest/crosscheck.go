package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/newsgraph/kg"
)

// runCrosscheck compares the traversal and conflict queries with the
// reference on a generated store, large enough for hubs, long chains and
// many ties, and too large to count by hand.
func runCrosscheck(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s := open(t)
	xs := Fixtures()
	for n := 0; n < 100; n++ {
		xs = append(xs, Generate(n, 20))
	}
	var crowded, webbed []string
	for n := 0; n < 30; n++ {
		x, y := crowd("Contested", n, 6, 4, 3, 10), crowd("Web", n, 60, 80, 10, 20)
		xs = append(xs, x, y)
		for _, e := range x.Entities {
			crowded = append(crowded, e.ID)
		}
		for _, e := range y.Entities {
			webbed = append(webbed, e.ID)
		}
	}
	SaveAll(t, s, xs)
	es := allEvents(xs)
	ents := mergedEntities(xs)
	ids := make([]string, 0, len(ents))
	known := map[string]bool{}
	for id := range ents {
		ids = append(ids, id)
		known[id] = true
	}
	sort.Strings(ids)
	pick := func(i int) string { return ids[i%len(ids)] }
	// Entities that take part in events, so that most pairs are connected.
	var active []string
	for _, e := range es {
		active = append(active, memberIDs(e)...)
	}
	active = slices.Compact(sortedCopy(active))
	pickActive := func(i int) string { return active[i%len(active)] }

	t.Run("Paths", func(t *testing.T) {
		found := 0
		for i := 0; i < 40; i++ {
			q := kg.PathQuery{FromID: webbed[i*37%len(webbed)], ToID: webbed[(i*101+7)%len(webbed)],
				MaxHops: 1 + i%kg.MaxPathHops, Limit: i % 4 * 5}
			switch i % 4 {
			case 0: // long chains, or none, among the generated reports
				q.FromID, q.ToID, q.MaxHops = pickActive(i*37), pickActive(i*101+7), kg.MaxPathHops
			case 1: // many paths of one or two hops
				q.FromID, q.ToID = crowded[i*37%len(crowded)], crowded[(i*101+7)%len(crowded)]
			}
			if i%5 == 4 {
				q.Events = kg.EventFilter{Statuses: []kg.Status{kg.StatusOccurred}, From: "2005-01-01"}
			}
			got, err := s.Paths(ctx, q)
			if err != nil {
				t.Fatalf("paths %+v: %v", q, err)
			}
			want := refPaths(es, q)
			checkPaths(t, es, q, got)
			if !samePaths(got, want) {
				t.Fatalf("paths %+v =\n%v\nwant\n%v", q, fmtPaths(got), fmtPaths(want))
			}
			if len(want) > 0 {
				found++
			}
		}
		t.Logf("%d of 40 queries found paths", found)
		if found < 25 {
			t.Fatalf("only %d of 40 queries found a path; the check is too weak", found)
		}
	})

	t.Run("Subgraph", func(t *testing.T) {
		for i := 0; i < 30; i++ {
			q := kg.SubgraphQuery{SeedIDs: []string{pick(i * 53)}, Depth: 1 + i%kg.MaxSubgraphDepth,
				MaxNodes: []int{0, 40, 150}[i%3]}
			if i%4 == 3 {
				q.SeedIDs = append(q.SeedIDs, pick(i*59+1))
				q.Events = kg.EventFilter{Types: []kg.EventType{kg.EventSigned, kg.EventRatified, kg.EventApproved}}
			}
			checkSubgraph(t, s, ents, es, q, refSubgraph(es, known, q))
		}
	})

	t.Run("Counterparts", func(t *testing.T) {
		for i := 0; i < 30; i++ {
			q := kg.CounterpartQuery{EntityID: pick(i * 71)}
			if i%3 == 2 {
				q.Types, q.Limit = []kg.EventType{kg.EventSigned, kg.EventWithdrew}, 3
			}
			checkCounterparts(t, s, ents, q, refCounterparts(es, q))
		}
		q := kg.CounterpartQuery{EntityID: GenStateID(3)}
		if len(refCounterparts(es, q)) == 0 {
			t.Fatal("a generated state has no counterparts; the check is too weak")
		}
		checkCounterparts(t, s, ents, q, refCounterparts(es, q))
	})

	t.Run("Conflicts", func(t *testing.T) {
		all := refConflicts(es, kg.ConflictFilter{Limit: 1 << 20})
		t.Logf("%d conflicts in the generated store", len(all))
		if len(all) < 3 {
			t.Fatalf("only %d conflicts in the generated store; the check is too weak", len(all))
		}
		for _, f := range []kg.ConflictFilter{
			{Limit: 1 << 20},
			{},
			{Limit: 3},
			{Types: []kg.EventType{kg.EventWithdrew, kg.EventApproved}},
			{EntityIDs: []string{all[0].A, GenStateID(7)}},
			{EntityIDs: []string{GenAgreementID(1), GenAgreementID(2), GenAgreementID(3)}, Limit: 2},
		} {
			checkConflicts(t, s, es, f, refConflicts(es, f))
		}
	})

	t.Run("ListEntities", func(t *testing.T) {
		if got := EntityIDs(ListPages(t, s, kg.EntityList{Limit: 97}, len(ids))); !slices.Equal(got, ids) {
			t.Fatalf("paging listed %d entities, want %d in ID order", len(got), len(ids))
		}
	})
}

// runCanceled checks that every traversal gives up on a canceled context
// instead of answering.
func runCanceled(t *testing.T, open func(t *testing.T) kg.Store) {
	s, _ := loadedDispute(t, open)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	calls := map[string]func() error{
		"ListEntities": func() error { _, err := s.ListEntities(canceled, kg.EntityList{}); return err },
		"Paths": func() error {
			_, err := s.Paths(canceled, kg.PathQuery{FromID: DumaID, ToID: MajlisID, MaxHops: 3})
			return err
		},
		"Subgraph": func() error {
			_, err := s.Subgraph(canceled, kg.SubgraphQuery{SeedIDs: []string{TreatyID}, Depth: 2})
			return err
		},
		"Counterparts": func() error { _, err := s.Counterparts(canceled, kg.CounterpartQuery{EntityID: IranID}); return err },
		"Conflicts":    func() error { _, err := s.Conflicts(canceled, kg.ConflictFilter{}); return err },
	}
	for name, call := range calls {
		if err := call(); err == nil {
			t.Errorf("%s with a canceled context succeeded", name)
		}
	}
}

// crowd returns report n about a few actors and agreements, so that many
// documents make claims about the same actions, with every status and
// precision, some without an agent: dense in paths, ties and conflicts.
// Names carry tag; agents, objects and places size the pools.
func crowd(tag string, n, agents, objects, places, events int) *kg.Extraction {
	r := rand.New(rand.NewPCG(uint64(n), uint64(len(tag))<<8|uint64(agents)))
	b := newDoc(fmt.Sprintf("%s report %d", tag, n), "", "", "generated", kg.Unresolved(""))
	b.x.Document.Extractor = "crowd/v1"
	seen := map[string]bool{}
	use := func(kind kg.EntityKind, name string) string {
		id := kg.EntityID(kind, name)
		if !seen[id] {
			seen[id] = true
			b.entity(kg.Entity{Kind: kind, Name: name})
		}
		return id
	}
	types := []kg.EventType{kg.EventSigned, kg.EventRatified, kg.EventWithdrew}
	for j := 0; j < events; j++ {
		ps := []kg.Participant{object(use(kg.KindAgreement, fmt.Sprintf("%s accord %d", tag, r.IntN(objects))))}
		// No agent, one, or two different ones.
		first := r.IntN(agents)
		for k, n := 0, r.IntN(3); k < n; k++ {
			ps = append(ps, agent(use(kg.KindState, fmt.Sprintf("%s state %d", tag, (first+k)%agents))))
		}
		if r.IntN(5) == 0 {
			ps = append(ps, place(use(kg.KindPlace, fmt.Sprintf("%s city %d", tag, r.IntN(places)))))
		}
		d := genDate(r)
		d.Text = fmt.Sprintf("%s (claim %d)", d.Text, j) // keeps event IDs distinct
		s := b.sentence(fmt.Sprintf("Claim %d of %s report %d.", j, tag, n), "crowd")
		b.event(types[r.IntN(len(types))], kg.Statuses[r.IntN(len(kg.Statuses))], d, ev(s), ps...)
	}
	return b.done()
}
