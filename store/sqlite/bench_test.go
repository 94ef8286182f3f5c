package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// BenchmarkSave saves documents of 20 events each into a growing store.
func BenchmarkSave(b *testing.B) {
	ctx := context.Background()
	s := openAt(b, filepath.Join(b.TempDir(), "kg.db"))
	xs := make([]*kg.Extraction, b.N)
	for i := range xs {
		xs[i] = storetest.Generate(i, 20)
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := s.Save(ctx, xs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "docs/s")
}

// BenchmarkFindEvents queries a store of 100,000 events (5,000 documents),
// built once per run.
func BenchmarkFindEvents(b *testing.B) {
	ctx := context.Background()
	s := buildStore(b, 5000, 20)
	filters := []struct {
		name string
		f    kg.EventFilter
	}{
		{"type+range", kg.EventFilter{Types: []kg.EventType{kg.EventApproved}, From: "2010-01-01", To: "2015-12-31"}},
		{"object", kg.EventFilter{ObjectIDs: []string{storetest.GenAgreementID(42)}}},
		{"agent+status+desc", kg.EventFilter{AgentIDs: []string{storetest.GenStateID(3)},
			Statuses: []kg.Status{kg.StatusOccurred}, Descending: true}},
		{"all", kg.EventFilter{}},
	}
	for _, c := range filters {
		b.Run("page20/"+c.name, func(b *testing.B) {
			f := c.f
			f.Limit = 20
			var total int
			for i := 0; i < b.N; i++ {
				page, err := s.FindEvents(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				total = page.Total
			}
			b.ReportMetric(float64(total), "matches")
		})
		b.Run("count/"+c.name, func(b *testing.B) {
			var n int
			for i := 0; i < b.N; i++ {
				var err error
				if n, err = s.CountEvents(ctx, c.f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
	b.Run("page20/deep", func(b *testing.B) {
		// The 250th page of the whole store, reached by its cursor.
		first, err := s.FindEvents(ctx, kg.EventFilter{Limit: 5000})
		if err != nil {
			b.Fatal(err)
		}
		last := first.Events[len(first.Events)-1]
		f := kg.EventFilter{Limit: 20, After: &kg.EventCursor{SortKey: last.Date.SortKey(), ID: last.ID}}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.FindEvents(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkSearchEntities(b *testing.B) {
	ctx := context.Background()
	s := buildStore(b, 500, 20)
	for _, q := range []string{"Agreement 0042", "Agrement 0042", "stitution 01", "Pl"} {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.SearchEntities(ctx, kg.EntityQuery{Text: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func buildStore(b *testing.B, docs, events int) *sqlite.Store {
	b.Helper()
	ctx := context.Background()
	s := openAt(b, filepath.Join(b.TempDir(), "kg.db"))
	start := time.Now()
	for i := 0; i < docs; i++ {
		if _, err := s.Save(ctx, storetest.Generate(i, events)); err != nil {
			b.Fatal(err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("built %+v in %v", st, time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	return s
}
