package sqlite_test

import (
	"context"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// BenchmarkTraversals runs the traversal and conflict queries on a store of
// 100,000 events (5,000 documents), built once per run:
//
//	go test ./store/sqlite -run X -bench Traversals
func BenchmarkTraversals(b *testing.B) {
	ctx := context.Background()
	s := buildStore(b, 5000, 20)
	person, person2, state := storetest.GenPersonID(1), storetest.GenPersonID(2), storetest.GenStateID(3)
	agreement := storetest.GenAgreementID(42)

	for _, c := range []struct {
		name string
		q    kg.SubgraphQuery
	}{
		{"person", kg.SubgraphQuery{SeedIDs: []string{person}, Depth: 2, MaxNodes: 200}},
		{"state", kg.SubgraphQuery{SeedIDs: []string{state}, Depth: 2, MaxNodes: 200}},
		{"agreement", kg.SubgraphQuery{SeedIDs: []string{agreement}, Depth: 2, MaxNodes: 200}},
		{"agreement/depth3/2000", kg.SubgraphQuery{SeedIDs: []string{agreement}, Depth: 3, MaxNodes: 2000}},
	} {
		b.Run("Subgraph/"+c.name, func(b *testing.B) {
			var nodes int
			for i := 0; i < b.N; i++ {
				g, err := s.Subgraph(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				nodes = len(g.Entities) + len(g.Events)
			}
			b.ReportMetric(float64(nodes), "nodes")
		})
	}

	for _, c := range []struct {
		name string
		q    kg.PathQuery
	}{
		{"person-person", kg.PathQuery{FromID: person, ToID: person2, MaxHops: 3}},
		{"state-agreement", kg.PathQuery{FromID: state, ToID: agreement, MaxHops: 3}},
		{"person-person/occurred", kg.PathQuery{FromID: person, ToID: person2, MaxHops: 3,
			Events: kg.EventFilter{Statuses: []kg.Status{kg.StatusOccurred}}}},
		{"person-person/6hops", kg.PathQuery{FromID: person, ToID: person2, MaxHops: 6}},
		// Negated events only: a sparse graph, so the search runs deep.
		{"person-person/negated/6hops", kg.PathQuery{FromID: person, ToID: person2, MaxHops: 6,
			Events: kg.EventFilter{Statuses: []kg.Status{kg.StatusNegated}}}},
	} {
		b.Run("Paths/"+c.name, func(b *testing.B) {
			var n, hops int
			for i := 0; i < b.N; i++ {
				ps, err := s.Paths(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ps)
				if n > 0 {
					hops = len(ps[0].EventIDs)
				}
			}
			b.ReportMetric(float64(n), "paths")
			b.ReportMetric(float64(hops), "hops")
		})
	}

	for _, c := range []struct {
		name string
		f    kg.ConflictFilter
	}{
		{"all/first100", kg.ConflictFilter{}},
		{"agreement", kg.ConflictFilter{EntityIDs: []string{agreement}}},
		{"state", kg.ConflictFilter{EntityIDs: []string{state}}},
	} {
		b.Run("Conflicts/"+c.name, func(b *testing.B) {
			var n int
			for i := 0; i < b.N; i++ {
				cs, err := s.Conflicts(ctx, c.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(cs)
			}
			b.ReportMetric(float64(n), "conflicts")
		})
	}

	for _, id := range []string{person, state} {
		b.Run("Counterparts/"+id, func(b *testing.B) {
			var n int
			for i := 0; i < b.N; i++ {
				cs, err := s.Counterparts(ctx, kg.CounterpartQuery{EntityID: id})
				if err != nil {
					b.Fatal(err)
				}
				n = len(cs)
			}
			b.ReportMetric(float64(n), "counterparts")
		})
	}

	b.Run("ListEntities/page1000", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.ListEntities(ctx, kg.EntityList{After: "institution:"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
