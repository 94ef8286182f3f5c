package graph_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

const eventIDsQuery = `query($where: EventWhere, $sort: EventSort, $first: Int, $after: String) {
  events(where: $where, sort: $sort, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

type eventIDsPage struct {
	Events struct {
		TotalCount int
		Edges      []struct {
			Cursor string
			Node   struct{ ID string }
		}
		PageInfo struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
	}
}

func (p eventIDsPage) ids() []string {
	var ids []string
	for _, e := range p.Events.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids
}

func TestEventsFilter(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	docID := fx.xs[1].Document.ID
	for _, c := range []struct {
		name  string
		where map[string]any
		want  kg.EventFilter
	}{
		{"all", nil, kg.EventFilter{}},
		{"type", map[string]any{"types": []string{"APPROVED"}}, kg.EventFilter{Types: []kg.EventType{kg.EventApproved}}},
		{"types", map[string]any{"types": []string{"SIGNED", "RATIFIED"}},
			kg.EventFilter{Types: []kg.EventType{kg.EventSigned, kg.EventRatified}}},
		{"status", map[string]any{"statuses": []string{"PLANNED"}}, kg.EventFilter{Statuses: []kg.Status{kg.StatusPlanned}}},
		{"agent by name", map[string]any{"agent": "Federation Council"}, kg.EventFilter{AgentIDs: []string{storetest.FederationCouncilID}}},
		{"agent by alias", map[string]any{"agent": "russian senate"}, kg.EventFilter{AgentIDs: []string{storetest.FederationCouncilID}}},
		{"agent by ID", map[string]any{"agent": storetest.PutinID}, kg.EventFilter{AgentIDs: []string{storetest.PutinID}}},
		{"object", map[string]any{"object": "2001 treaty"}, kg.EventFilter{ObjectIDs: []string{storetest.OldTreatyID}}},
		{"participant", map[string]any{"participant": "Moscow"}, kg.EventFilter{ParticipantIDs: []string{storetest.MoscowID}}},
		{"document", map[string]any{"document": docID}, kg.EventFilter{DocumentIDs: []string{docID}}},
		{"date range", map[string]any{"dateFrom": "2025-04-01", "dateTo": "2025-04-30"}, kg.EventFilter{From: "2025-04-01", To: "2025-04-30"}},
		{"open range", map[string]any{"dateFrom": "2025-06-01"}, kg.EventFilter{From: "2025-06-01"}},
		{"combined", map[string]any{"types": []string{"APPROVED"}, "statuses": []string{"OCCURRED"}, "dateTo": "2025-04-30"},
			kg.EventFilter{Types: []kg.EventType{kg.EventApproved}, Statuses: []kg.Status{kg.StatusOccurred}, To: "2025-04-30"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := expectEvents(fx.xs, c.want)
			if len(want) == 0 {
				t.Fatalf("fixture selects nothing for %+v; the case tests nothing", c.want)
			}
			var p eventIDsPage
			query(t, fx.handler, eventIDsQuery, map[string]any{"where": c.where, "first": 100}, &p)
			if got := p.ids(); !reflect.DeepEqual(got, want) {
				t.Fatalf("events =\n%v\nwant\n%v", got, want)
			}
			if got, want := p.Events.TotalCount, len(want); got != want {
				t.Fatalf("totalCount = %d, want %d", got, want)
			}
		})
	}
	t.Run("unknown agent matches nothing", func(t *testing.T) {
		var p eventIDsPage
		query(t, fx.handler, eventIDsQuery, map[string]any{"where": map[string]any{"agent": "Nobody Atall"}}, &p)
		if got := len(p.ids()); got != 0 || p.Events.TotalCount != 0 {
			t.Fatalf("got %d events, totalCount %d, want none", got, p.Events.TotalCount)
		}
	})
}

func TestEventsPages(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	for _, c := range []struct {
		sort  string
		where map[string]any
		first int
	}{
		{"ASC", nil, 3},
		{"DESC", nil, 4},
		{"ASC", map[string]any{"types": []string{"APPROVED", "PROPOSED"}}, 2},
		{"DESC", map[string]any{"dateFrom": "2025-03-01"}, 1},
	} {
		t.Run(fmt.Sprintf("%s/%v/%d", c.sort, c.where, c.first), func(t *testing.T) {
			f := kg.EventFilter{Descending: c.sort == "DESC"}
			if c.where != nil {
				if ts, ok := c.where["types"]; ok {
					for _, s := range ts.([]string) {
						f.Types = append(f.Types, kg.EventType(s))
					}
				}
				f.From, _ = c.where["dateFrom"].(string)
			}
			want := expectEvents(fx.xs, f)
			var got []string
			var after any
			for pages := 0; ; pages++ {
				if pages > len(want) {
					t.Fatal("pagination does not end")
				}
				var p eventIDsPage
				query(t, fx.handler, eventIDsQuery, map[string]any{"where": c.where, "sort": map[string]any{"date": c.sort},
					"first": c.first, "after": after}, &p)
				if got, want := p.Events.TotalCount, len(want); got != want {
					t.Fatalf("page %d: totalCount = %d, want %d", pages, got, want)
				}
				if n := len(p.Events.Edges); n > c.first || (n < c.first && p.Events.PageInfo.HasNextPage) {
					t.Fatalf("page %d: %d edges with first %d, hasNextPage %v", pages, n, c.first, p.Events.PageInfo.HasNextPage)
				}
				if got, want := p.Events.PageInfo.HasPreviousPage, pages > 0; got != want {
					t.Fatalf("page %d: hasPreviousPage = %v", pages, got)
				}
				got = append(got, p.ids()...)
				if !p.Events.PageInfo.HasNextPage {
					break
				}
				last := p.Events.Edges[len(p.Events.Edges)-1].Cursor
				if end := p.Events.PageInfo.EndCursor; end == nil || *end != last {
					t.Fatalf("endCursor %v is not the last edge's cursor %s", end, last)
				}
				after = last
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pages gave\n%v\nwant every event once, in order:\n%v", got, want)
			}
		})
	}
	t.Run("first 0 counts only", func(t *testing.T) {
		var p eventIDsPage
		query(t, fx.handler, eventIDsQuery, map[string]any{"first": 0}, &p)
		if len(p.Events.Edges) != 0 || !p.Events.PageInfo.HasNextPage || p.Events.TotalCount != len(expectEvents(fx.xs, kg.EventFilter{})) {
			t.Fatalf("first 0 = %+v", p.Events)
		}
	})
	t.Run("default page size", func(t *testing.T) {
		var p eventIDsPage
		query(t, fx.handler, eventIDsQuery, nil, &p)
		total := len(expectEvents(fx.xs, kg.EventFilter{}))
		if got, want := len(p.Events.Edges), min(total, graph.DefaultPageSize); got != want {
			t.Fatalf("default page has %d edges, want %d", got, want)
		}
	})
}
