package storetest

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/kg"
)

// Semantics of Counterparts and Conflicts are noted at the top of
// traverse.go.

func runCounterparts(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s, xs := loadedDispute(t, open)
	es := allEvents(xs)
	ents := mergedEntities(xs)
	a, b, c, e := xs[0].Events, xs[1].Events, xs[2].Events, xs[4].Events
	sorted := func(ids ...string) []string { return sortedCopy(ids) }

	for _, tc := range []struct {
		name string
		q    kg.CounterpartQuery
		want []refCounterpart // by hand
	}{
		{"co-signer and later signings", kg.CounterpartQuery{EntityID: PutinID}, []refCounterpart{
			{PezeshkianID, []string{TreatyID}, sorted(a[0].ID, c[3].ID, e[5].ID)}}},
		{"most objects first", kg.CounterpartQuery{EntityID: IranID}, []refCounterpart{
			{RussiaID, sorted(TreatyID, OldTreatyID), sorted(a[2].ID, e[6].ID)},
			{EUID, []string{TreatyID}, []string{xs[3].Events[3].ID}},
			{MajlisID, []string{TreatyID}, []string{c[4].ID}},
			{DumaID, []string{TreatyID}, sorted(b[0].ID, b[3].ID, e[1].ID, e[2].ID)}}},
		{"types", kg.CounterpartQuery{EntityID: IranID, Types: []kg.EventType{kg.EventRatified}}, []refCounterpart{
			{DumaID, []string{TreatyID}, sorted(b[0].ID, e[1].ID, e[2].ID)},
			{RussiaID, []string{TreatyID}, []string{a[2].ID}}}},
		{"limit", kg.CounterpartQuery{EntityID: IranID, Limit: 2}, []refCounterpart{
			{RussiaID, sorted(TreatyID, OldTreatyID), sorted(a[2].ID, e[6].ID)},
			{EUID, []string{TreatyID}, []string{xs[3].Events[3].ID}}}},
		{"approvals", kg.CounterpartQuery{EntityID: FederationCouncilID}, []refCounterpart{
			{GuardianID, []string{TreatyID}, []string{c[2].ID}},
			{MajlisID, []string{TreatyID}, sorted(c[0].ID, e[3].ID)}}},
		{"type without counterparts", kg.CounterpartQuery{EntityID: IranID, Types: []kg.EventType{kg.EventWithdrew}}, nil},
		{"never an agent", kg.CounterpartQuery{EntityID: TreatyID}, nil},
		{"no events", kg.CounterpartQuery{EntityID: AraghchiID}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if want := refCounterparts(es, tc.q); !reflect.DeepEqual(want, tc.want) {
				t.Fatalf("reference gives\n%+v\nhand-made\n%+v", want, tc.want)
			}
			checkCounterparts(t, s, ents, tc.q, tc.want)
		})
	}

	t.Run("against reference", func(t *testing.T) {
		for id := range ents {
			for _, types := range [][]kg.EventType{nil, {kg.EventSigned, kg.EventProposed}} {
				q := kg.CounterpartQuery{EntityID: id, Types: types}
				checkCounterparts(t, s, ents, q, refCounterparts(es, q))
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		_, err := s.Counterparts(ctx, kg.CounterpartQuery{EntityID: "person:nobody"})
		wantCode(t, err, kg.ENOTFOUND)
		_, err = s.Counterparts(ctx, kg.CounterpartQuery{EntityID: PutinID, Types: []kg.EventType{"SOLD"}})
		wantCode(t, err, kg.EINVALID)
		_, err = s.Counterparts(ctx, kg.CounterpartQuery{EntityID: PutinID, Limit: -1})
		wantCode(t, err, kg.EINVALID)
	})
}

func checkCounterparts(t *testing.T, s kg.Store, ents map[string]*kg.Entity, q kg.CounterpartQuery, want []refCounterpart) {
	t.Helper()
	cs, err := s.Counterparts(context.Background(), q)
	if err != nil {
		t.Fatalf("counterparts %+v: %v", q, err)
	}
	var got []refCounterpart
	for _, c := range cs {
		if c.Entity == nil {
			t.Fatalf("counterparts %+v: counterpart without entity", q)
		}
		if w := ents[c.Entity.ID]; w == nil || !reflect.DeepEqual(normEntity(*c.Entity), normEntity(*w)) {
			t.Fatalf("counterparts %+v: entity %+v, want %+v", q, c.Entity, w)
		}
		got = append(got, refCounterpart{c.Entity.ID, c.ObjectIDs, c.EventIDs})
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("counterparts %+v =\n%+v\nwant\n%+v", q, got, want)
	}
}

func runConflicts(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s, xs := loadedDispute(t, open)
	es := allEvents(xs)

	for _, tc := range []struct {
		name         string
		f            kg.ConflictFilter
		date, status int // hand counts
	}{
		{"all", kg.ConflictFilter{}, 5, 3},
		{"entity in agent role", kg.ConflictFilter{EntityIDs: []string{FederationCouncilID}}, 1, 2},
		{"entity in location role", kg.ConflictFilter{EntityIDs: []string{MoscowID}}, 2, 1},
		{"entity in object role", kg.ConflictFilter{EntityIDs: []string{TreatyID}}, 5, 3},
		{"entities", kg.ConflictFilter{EntityIDs: []string{PezeshkianID, "person:nobody", DumaID}}, 3, 1},
		{"entity without conflicts", kg.ConflictFilter{EntityIDs: []string{OldTreatyID}}, 0, 0},
		{"unknown entity", kg.ConflictFilter{EntityIDs: []string{"person:nobody"}}, 0, 0},
		{"types", kg.ConflictFilter{Types: []kg.EventType{kg.EventSigned, kg.EventRatified}}, 3, 1},
		{"type without conflicts", kg.ConflictFilter{Types: []kg.EventType{kg.EventProposed}}, 0, 0},
		{"type and entity", kg.ConflictFilter{Types: []kg.EventType{kg.EventApproved}, EntityIDs: []string{MajlisID}}, 0, 0},
		{"limit across types", kg.ConflictFilter{Limit: 4}, 2, 2},
		{"limit with entity", kg.ConflictFilter{EntityIDs: []string{DumaID}, Limit: 1}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := refConflicts(es, tc.f)
			date, status := 0, 0
			for _, c := range want {
				switch c.Kind {
				case kg.ConflictDate:
					date++
				case kg.ConflictStatus:
					status++
				}
			}
			if date != tc.date || status != tc.status {
				t.Fatalf("reference finds %d date and %d status conflicts, hand count %d and %d", date, status, tc.date, tc.status)
			}
			checkConflicts(t, s, es, tc.f, want)
		})
	}

	t.Run("pairs", func(t *testing.T) {
		// The Federation Council's approval on April 16 (Duma article) and
		// April 18 (Majlis article), and its denial (dispute).
		b, c, e := xs[1].Events, xs[2].Events, xs[4].Events
		want := []refConflict{
			{kg.ConflictDate, kg.EventApproved, min(b[1].ID, c[1].ID), max(b[1].ID, c[1].ID)},
			{kg.ConflictStatus, kg.EventApproved, min(b[1].ID, e[0].ID), max(b[1].ID, e[0].ID)},
			{kg.ConflictStatus, kg.EventApproved, min(c[1].ID, e[0].ID), max(c[1].ID, e[0].ID)},
		}
		slices.SortFunc(want, func(x, y refConflict) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
		checkConflicts(t, s, es, kg.ConflictFilter{EntityIDs: []string{FederationCouncilID}}, want)
	})

	t.Run("only across documents", func(t *testing.T) {
		// Without the dispute: the Federation Council's two dates and
		// Putin's two signings.
		s, xs := loaded(t, open)
		want := refConflicts(allEvents(xs), kg.ConflictFilter{})
		if got := len(want); got != 2 {
			t.Fatalf("reference finds %d conflicts in the fixtures, hand count 2", got)
		}
		checkConflicts(t, s, allEvents(xs), kg.ConflictFilter{}, want)
	})

	t.Run("errors", func(t *testing.T) {
		_, err := s.Conflicts(ctx, kg.ConflictFilter{Types: []kg.EventType{"SOLD"}})
		wantCode(t, err, kg.EINVALID)
		_, err = s.Conflicts(ctx, kg.ConflictFilter{Limit: -1})
		wantCode(t, err, kg.EINVALID)
	})
}

func checkConflicts(t *testing.T, s kg.Store, es []*kg.Event, f kg.ConflictFilter, want []refConflict) {
	t.Helper()
	cs, err := s.Conflicts(context.Background(), f)
	if err != nil {
		t.Fatalf("conflicts %+v: %v", f, err)
	}
	byID := map[string]*kg.Event{}
	for _, e := range es {
		byID[e.ID] = e
	}
	var got []refConflict
	for _, c := range cs {
		if c.A == nil || c.B == nil {
			t.Fatalf("conflicts %+v: conflict without events: %+v", f, c)
		}
		for _, e := range []*kg.Event{c.A, c.B} {
			if w := byID[e.ID]; w == nil {
				t.Fatalf("conflicts %+v: unknown event %s", f, e.ID)
			} else if d := diffEvent(e, w); d != "" {
				t.Fatalf("conflicts %+v: %s", f, d)
			}
		}
		got = append(got, refConflict{c.Kind, c.A.Type, c.A.ID, c.B.ID})
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("conflicts %+v =\n%+v\nwant\n%+v", f, got, want)
	}
}
