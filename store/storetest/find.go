package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/newsgraph/kg"
)

// Matches reports whether e passes f, ignoring After and Limit. It is the
// reference semantics of kg.EventFilter that every backend must agree with.
func Matches(f kg.EventFilter, e *kg.Event) bool {
	anyIn := func(ids, want []string) bool {
		for _, id := range ids {
			if slices.Contains(want, id) {
				return true
			}
		}
		return false
	}
	all := make([]string, len(e.Participants))
	for i, p := range e.Participants {
		all[i] = p.EntityID
	}
	switch {
	case len(f.Types) > 0 && !slices.Contains(f.Types, e.Type),
		len(f.Statuses) > 0 && !slices.Contains(f.Statuses, e.Status),
		len(f.DocumentIDs) > 0 && !slices.Contains(f.DocumentIDs, e.DocumentID),
		len(f.AgentIDs) > 0 && !anyIn(e.Agents(), f.AgentIDs),
		len(f.ObjectIDs) > 0 && !anyIn(e.Objects(), f.ObjectIDs),
		len(f.LocationIDs) > 0 && !anyIn(locations(e), f.LocationIDs),
		len(f.ParticipantIDs) > 0 && !anyIn(all, f.ParticipantIDs),
		(f.From != "" || f.To != "") && !e.Date.Overlaps(f.From, f.To):
		return false
	}
	return true
}

func locations(e *kg.Event) []string {
	var ids []string
	for _, p := range e.Participants {
		if p.Role == kg.RoleLocation {
			ids = append(ids, p.EntityID)
		}
	}
	return ids
}

// Less orders events as FindEvents does: by SortKey then ID, ascending, or
// both descending when desc is set; unresolved dates come last either way.
func Less(a, b *kg.Event, desc bool) bool {
	ka, kb := a.Date.SortKey(), b.Date.SortKey()
	if ua, ub := !a.Date.Resolved(), !b.Date.Resolved(); ua != ub {
		return ub
	}
	if ka != kb {
		return (ka < kb) != desc
	}
	return (a.ID < b.ID) != desc
}

// expect filters and sorts es by the reference semantics.
func expect(es []*kg.Event, f kg.EventFilter) []string {
	var out []*kg.Event
	for _, e := range es {
		if Matches(f, e) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return Less(out[i], out[j], f.Descending) })
	return EventIDs(out)
}

func find(t *testing.T, s kg.Store, f kg.EventFilter) kg.EventPage {
	t.Helper()
	page, err := s.FindEvents(context.Background(), f)
	if err != nil {
		t.Fatalf("find %+v: %v", f, err)
	}
	return page
}

func runFind(t *testing.T, open func(t *testing.T) kg.Store) {
	s, xs := loaded(t, open)
	es := allEvents(xs)
	docA, docB, docC := xs[0].Document.ID, xs[1].Document.ID, xs[2].Document.ID

	cases := []struct {
		name string
		f    kg.EventFilter
		n    int // hand-counted, so the reference cannot drift unnoticed
	}{
		{"all", kg.EventFilter{}, 17},
		{"type", kg.EventFilter{Types: []kg.EventType{kg.EventApproved}}, 4},
		{"types", kg.EventFilter{Types: []kg.EventType{kg.EventWithdrew, kg.EventEnteredIntoForce}}, 4},
		{"status", kg.EventFilter{Statuses: []kg.Status{kg.StatusPlanned}}, 2},
		{"statuses", kg.EventFilter{Statuses: []kg.Status{kg.StatusDenied, kg.StatusNegated, kg.StatusAlleged}}, 3},
		{"agent", kg.EventFilter{AgentIDs: []string{FederationCouncilID}}, 2},
		{"agents", kg.EventFilter{AgentIDs: []string{PutinID, IranID}}, 6},
		{"agent is not object", kg.EventFilter{AgentIDs: []string{TreatyID}}, 0},
		{"object", kg.EventFilter{ObjectIDs: []string{OldTreatyID}}, 2},
		{"participant any role", kg.EventFilter{ParticipantIDs: []string{MoscowID, TehranID}}, 2},
		{"location", kg.EventFilter{LocationIDs: []string{MoscowID, TehranID}}, 2},
		{"location is not object", kg.EventFilter{LocationIDs: []string{TreatyID}}, 0},
		{"location is not agent", kg.EventFilter{LocationIDs: []string{PutinID}}, 0},
		{"location and agent", kg.EventFilter{LocationIDs: []string{MoscowID, TehranID}, AgentIDs: []string{PezeshkianID}}, 1},
		{"participant agent", kg.EventFilter{ParticipantIDs: []string{PezeshkianID}}, 2},
		{"document", kg.EventFilter{DocumentIDs: []string{docB}}, 4},
		{"documents", kg.EventFilter{DocumentIDs: []string{docA, docC, "doc:missing"}}, 8},
		{"from", kg.EventFilter{From: "2025-05-01"}, 5},
		{"to", kg.EventFilter{To: "2025-01-17"}, 3},
		{"range", kg.EventFilter{From: "2025-04-01", To: "2025-04-30"}, 6},
		{"range one day", kg.EventFilter{From: "2025-04-16", To: "2025-04-16"}, 3},
		{"on-or-before is open to the past", kg.EventFilter{To: "2021-12-31"}, 1},
		{"approved by federation council", kg.EventFilter{Types: []kg.EventType{kg.EventApproved}, AgentIDs: []string{FederationCouncilID}}, 2},
		{"combined", kg.EventFilter{Types: []kg.EventType{kg.EventApproved, kg.EventSigned}, Statuses: []kg.Status{kg.StatusOccurred},
			ObjectIDs: []string{TreatyID}, DocumentIDs: []string{docB, docC}, From: "2025-04-17"}, 4},
		{"combined participant", kg.EventFilter{ParticipantIDs: []string{TreatyID}, AgentIDs: []string{MajlisID}, To: "2025-05-20"}, 1},
	}
	for _, c := range cases {
		for _, desc := range []bool{false, true} {
			f := c.f
			f.Descending = desc
			t.Run(fmt.Sprintf("%s/desc=%v", c.name, desc), func(t *testing.T) {
				want := expect(es, f)
				if got := len(want); got != c.n {
					t.Fatalf("reference finds %d, hand count %d", got, c.n)
				}
				page := find(t, s, f)
				if got := EventIDs(page.Events); !reflect.DeepEqual(got, want) && len(want)+len(got) > 0 {
					t.Fatalf("ids =\n%v\nwant\n%v", got, want)
				}
				if got, want := page.Total, c.n; got != want {
					t.Fatalf("total = %d, want %d", got, want)
				}
				f.NoTotal = true
				uncounted := find(t, s, f)
				if got := EventIDs(uncounted.Events); !reflect.DeepEqual(got, EventIDs(page.Events)) {
					t.Fatalf("ids without the total =\n%v\nwant\n%v", got, EventIDs(page.Events))
				}
				if got := uncounted.Total; got != -1 {
					t.Fatalf("total without counting = %d, want -1", got)
				}
			})
		}
	}

	t.Run("UnresolvedLast", func(t *testing.T) {
		for _, desc := range []bool{false, true} {
			page := find(t, s, kg.EventFilter{Descending: desc})
			n := len(page.Events)
			for i, e := range page.Events {
				if got, want := e.Date.Resolved(), i < n-5; got != want {
					t.Fatalf("desc=%v: event %d resolved = %v, want %v (5 unresolved, last)", desc, i, got, want)
				}
			}
			first := page.Events[0].Date.SortKey()
			if got, want := first, map[bool]string{false: "2022-01-01", true: "2025-09-29"}[desc]; got != want {
				t.Fatalf("desc=%v: first sort key = %q, want %q", desc, got, want)
			}
		}
	})

	t.Run("Pages", func(t *testing.T) { runPages(t, open) })

	t.Run("BadFilter", func(t *testing.T) {
		for _, f := range []kg.EventFilter{
			{Types: []kg.EventType{"SOLD"}},
			{Statuses: []kg.Status{"rumoured"}},
			{From: "17 January 2025"},
			{To: "2025-13-01"},
			{From: "2025-05-01", To: "2025-04-01"},
			{Limit: -1},
		} {
			_, err := s.FindEvents(context.Background(), f)
			wantCode(t, err, kg.EINVALID)
		}
	})
}

// runPages walks a larger store page by page, where many events share a
// date so that ties must break on ID.
func runPages(t *testing.T, open func(t *testing.T) kg.Store) {
	s := open(t)
	xs := append(Fixtures(), bulk(60))
	SaveAll(t, s, xs)
	es := allEvents(xs)
	for _, f := range []kg.EventFilter{
		{Limit: 7},
		{Limit: 7, Descending: true},
		{Limit: 4, Types: []kg.EventType{kg.EventApproved, kg.EventRatified}},
		{Limit: 5, From: "2025-03-01", Descending: true},
		{Limit: 1, ObjectIDs: []string{OldTreatyID}},
	} {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			want := expect(es, f)
			var got []string
			for pages := 0; ; pages++ {
				if pages > len(want)+1 {
					t.Fatal("pagination does not end")
				}
				page := find(t, s, f)
				if got, want := page.Total, len(want); got != want {
					t.Fatalf("page %d total = %d, want %d", pages, got, want)
				}
				if len(page.Events) > f.Limit {
					t.Fatalf("page %d has %d events, limit %d", pages, len(page.Events), f.Limit)
				}
				if len(page.Events) == 0 {
					break
				}
				got = append(got, EventIDs(page.Events)...)
				last := page.Events[len(page.Events)-1]
				f.After = &kg.EventCursor{SortKey: last.Date.SortKey(), ID: last.ID}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pages gave\n%v\nwant\n%v", got, want)
			}
		})
	}
}

// bulk is one document with n events spread over few dates, a third of
// them unresolved, so that pages cut through runs of equal sort keys.
func bulk(n int) *kg.Extraction {
	b := newDoc("Digest of treaty news", "https://digest.example/weekly", "", "api", kg.Day(day(2025, 6, 30)))
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Russia", Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on Comprehensive Strategic Partnership"})
	dates := []kg.Date{kg.Day(day(2025, 3, 3)), kg.Unresolved("soon"), kg.Month(2025, time.March), kg.Day(day(2025, 6, 1)), kg.Unresolved("later")}
	for i := 0; i < n; i++ {
		s := b.sentence(fmt.Sprintf("Item %d: Russia acted on the treaty.", i), "digest")
		d := dates[i%len(dates)]
		d.Text = fmt.Sprintf("%s #%d", d.Text, i) // distinct event IDs
		b.event(kg.EventTypes[i%len(kg.EventTypes)], kg.StatusOccurred, d, ev(s), agent(RussiaID), object(TreatyID))
	}
	return b.done()
}
