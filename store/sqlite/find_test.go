package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// findFilters covers both ways FindEvents reads: from the participant rows
// of one entity (any role or one, with type, status, date, document and
// other participant conditions) and from the events table (no entity, or
// several), with date ranges of every width and open ends.
func findFilters() []kg.EventFilter {
	types := func(ts ...kg.EventType) []kg.EventType { return ts }
	occurred := []kg.Status{kg.StatusOccurred}
	var fs []kg.EventFilter
	for i := range 4 {
		state, person, treaty := storetest.GenStateID(i*7), storetest.GenPersonID(i*31), storetest.GenAgreementID(i*97)
		year := fmt.Sprint(2001 + i*6)
		fs = append(fs,
			kg.EventFilter{AgentIDs: []string{state}},
			kg.EventFilter{AgentIDs: []string{person}, Types: types(kg.EventSigned, kg.EventRatified)},
			kg.EventFilter{ObjectIDs: []string{treaty}},
			kg.EventFilter{ParticipantIDs: []string{state}, Statuses: occurred},
			kg.EventFilter{ParticipantIDs: []string{treaty}, From: year + "-01-01", To: year + "-12-31"},
			kg.EventFilter{AgentIDs: []string{state}, ObjectIDs: []string{treaty, storetest.GenAgreementID(i)}},
			kg.EventFilter{AgentIDs: []string{state, person}, To: year + "-06-30"},
			kg.EventFilter{Types: types(kg.EventTypes[i]), From: year + "-01-01", To: year + "-12-31"},
			kg.EventFilter{Types: types(kg.EventTypes[i], kg.EventApproved), From: year + "-03-10", To: year + "-03-10"},
			kg.EventFilter{Statuses: occurred, From: year + "-05-01"},
			kg.EventFilter{To: year + "-02-01"},
			kg.EventFilter{From: year + "-01-01", To: fmt.Sprint(2004+i*6) + "-12-31"},
			kg.EventFilter{LocationIDs: []string{kg.EntityID(kg.KindPlace, fmt.Sprintf("Place %03d", i*13))}},
		)
	}
	fs = append(fs,
		kg.EventFilter{},
		kg.EventFilter{ParticipantIDs: []string{storetest.RussiaID}, AgentIDs: []string{storetest.PutinID}},
		kg.EventFilter{ParticipantIDs: []string{storetest.TreatyID}, Statuses: occurred, DocumentIDs: []string{"doc:missing"}},
		kg.EventFilter{ObjectIDs: []string{storetest.TreatyID}, From: "2025-04-01"},
	)
	var both []kg.EventFilter
	for _, f := range fs {
		desc := f
		desc.Descending = true
		both = append(both, f, desc)
	}
	return both
}

// TestFindEventsPlans checks FindEvents against the reference semantics of
// storetest on a generated store, whole and page by page, for filters
// that take each of its query plans.
func TestFindEventsPlans(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "kg.db"))
	xs := storetest.Fixtures()
	for n := range 150 {
		xs = append(xs, storetest.Generate(n, 20))
	}
	storetest.SaveAll(t, s, xs)
	var es []*kg.Event
	for _, x := range xs {
		for i := range x.Events {
			es = append(es, &x.Events[i])
		}
	}
	nonEmpty := 0
	for _, f := range findFilters() {
		var want []string
		for _, e := range es {
			if storetest.Matches(f, e) {
				want = append(want, e.ID)
			}
		}
		byID := map[string]*kg.Event{}
		for _, e := range es {
			byID[e.ID] = e
		}
		sort.Slice(want, func(i, j int) bool { return storetest.Less(byID[want[i]], byID[want[j]], f.Descending) })
		if len(want) > 0 {
			nonEmpty++
		}
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			all, err := s.FindEvents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(all.Events); all.Total != len(want) || !slices.Equal(got, want) {
				t.Fatalf("total %d, events\n%v\nwant %d:\n%v", all.Total, got, len(want), want)
			}
			if n, err := s.CountEvents(ctx, f); err != nil || n != len(want) {
				t.Fatalf("CountEvents = %d, %v; want %d", n, err, len(want))
			}
			// Pages of 7 cut through runs of equal dates and through the
			// border between dated and unplaced events.
			f.Limit = 7
			var got []string
			for range len(want)/7 + 2 {
				page, err := s.FindEvents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if page.Total != len(want) {
					t.Fatalf("page total %d, want %d", page.Total, len(want))
				}
				if len(page.Events) == 0 {
					break
				}
				got = append(got, ids(page.Events)...)
				last := page.Events[len(page.Events)-1]
				f.After = &kg.EventCursor{SortKey: last.Date.SortKey(), ID: last.ID}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("pages gave\n%v\nwant\n%v", got, want)
			}
		})
	}
	if nonEmpty < 80 {
		t.Fatalf("only %d filters match anything; the check is too weak", nonEmpty)
	}
}

func ids(es []*kg.Event) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}
