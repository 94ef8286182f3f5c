package storetest

// Semantics of the traversal queries that every backend implements, where
// the doc comments of kg.Store leave a choice. reference.go is their
// executable form; the cases below hold hand counts so it cannot drift.
//
// Event filters (PathQuery.Events, SubgraphQuery.Events): an event may be
// passed through when FindEvents with the same filter would return it
// (types, statuses, agent/object/location/participant lists, documents,
// dates). After, Limit and Descending are ignored, even when invalid; the
// other fields are validated as FindEvents does (EINVALID).
//
// Paths:
//   - Only shortest paths: d is the length of the shortest path, and every
//     path of length d is returned (up to Limit, 0 meaning 10). Nothing
//     within MaxHops is an empty result, not an error.
//   - A hop joins two distinct participants of one event, in any roles; an
//     entity holding two roles in one event counts once, so every path is
//     returned once and never repeats an entity or an event.
//   - FromID == ToID (stored) is one path of zero hops: EntityIDs [FromID],
//     EventIDs empty; the event filter does not apply to it.
//   - Order (PathLess): by hops, then the sequence From, event, entity,
//     event, … compared element by element as byte strings.
//   - EINVALID (checked first): MaxHops outside 1..kg.MaxPathHops, Limit
//     < 0, a bad event filter. ENOTFOUND: FromID or ToID ("" included) is
//     not a stored entity.
//
// Subgraph:
//   - Level 0 is the stored seeds, in SeedIDs order, unknown IDs and
//     repeats dropped; none stored (SeedIDs empty included) is ENOTFOUND.
//   - Level k keeps the events, passing the filter and not kept yet, that
//     have a participant among the entities added at level k-1, in
//     FindEvents order (SortKey ascending, unresolved last, then ID); each
//     event is followed at once by its participants not kept yet, by ID.
//     Entities added at level Depth are not expanded.
//   - MaxNodes (0 meaning kg.MaxSubgraphNodes) counts kept entities plus
//     kept events. Nodes are kept in the order above until it is spent;
//     Truncated is true exactly when a node that an unbounded walk would
//     keep was left out, so a budget filled exactly is not truncated.
//   - Entities and Events come in the order kept. Events carry all their
//     participants, including those cut.
//   - EINVALID: Depth outside 1..kg.MaxSubgraphDepth, MaxNodes outside
//     0..kg.MaxSubgraphNodes, a bad event filter.
//
// Counterparts (conflicts.go): C is a counterpart of X when X is an agent
// of an event E1 and C ≠ X an agent of an event E2 of the same type (in
// Types when given) with an object in common. E1 may be E2 (co-signers).
// Events of every status count. ObjectIDs are every such object, EventIDs
// every such E2, both sorted; order is most objects first, then entity ID;
// Limit 0 means 20. ENOTFOUND for an unknown EntityID; EINVALID for an
// unknown type or a negative limit; an entity that never acts has none.
//
// Conflicts (conflicts.go): every pair A.ID < B.ID that kg.Disagreement
// accepts, with its kind; EntityIDs keep pairs where either event has one
// of them in any role (unknown IDs match nothing). Order: type name as a
// byte string, then A.ID, then B.ID; Limit 0 means 100. EINVALID for an
// unknown type or a negative limit.
//
// ListEntities: entities with ID > After (byte order), of Kinds when
// given, in ID order, complete with aliases and roles; Limit 0 means 1000.
// EINVALID for a negative limit or an unknown kind.

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/kg"
)

func runPaths(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s, xs := loadedDispute(t, open)
	es := allEvents(xs)
	docA, docD := xs[0].Document.ID, xs[3].Document.ID

	cases := []struct {
		name       string
		q          kg.PathQuery
		n, hops    int // hand counts
		first, all []string
	}{
		{name: "one hop", q: kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 3}, n: 1, hops: 1},
		{name: "two events join one pair", q: kg.PathQuery{FromID: RussiaID, ToID: IranID, MaxHops: 1}, n: 2, hops: 1},
		{name: "status filter", q: kg.PathQuery{FromID: RussiaID, ToID: IranID, MaxHops: 1,
			Events: kg.EventFilter{Statuses: []kg.Status{kg.StatusPlanned}}}, n: 1, hops: 1},
		{name: "default limit", q: kg.PathQuery{FromID: DumaID, ToID: MajlisID, MaxHops: 2}, n: 10, hops: 2},
		{name: "limit above count", q: kg.PathQuery{FromID: DumaID, ToID: MajlisID, MaxHops: 2, Limit: 20}, n: 12, hops: 2},
		{name: "limit", q: kg.PathQuery{FromID: DumaID, ToID: MajlisID, MaxHops: 6, Limit: 3}, n: 3, hops: 2},
		{name: "reversed", q: kg.PathQuery{FromID: MajlisID, ToID: DumaID, MaxHops: 2, Limit: 20}, n: 12, hops: 2},
		{name: "paging fields ignored", q: kg.PathQuery{FromID: DumaID, ToID: MajlisID, MaxHops: 2, Limit: 20,
			Events: kg.EventFilter{Limit: -1, Descending: true, After: &kg.EventCursor{SortKey: "2030-01-01", ID: "event:~"}}}, n: 12, hops: 2},
		{name: "through a place", q: kg.PathQuery{FromID: OldTreatyID, ToID: PutinID, MaxHops: 6}, n: 1, hops: 2},
		{name: "location to location", q: kg.PathQuery{FromID: MoscowID, ToID: TehranID, MaxHops: 2}, n: 2, hops: 2},
		{name: "beyond max hops", q: kg.PathQuery{FromID: OldTreatyID, ToID: PutinID, MaxHops: 1}, n: 0},
		{name: "document filter lengthens", q: kg.PathQuery{FromID: OldTreatyID, ToID: PutinID, MaxHops: 3,
			Events: kg.EventFilter{DocumentIDs: []string{docA, docD}}}, n: 3, hops: 3},
		{name: "document filter, too short", q: kg.PathQuery{FromID: OldTreatyID, ToID: PutinID, MaxHops: 2,
			Events: kg.EventFilter{DocumentIDs: []string{docA, docD}}}, n: 0},
		{name: "date filter lengthens", q: kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 2,
			Events: kg.EventFilter{From: "2025-02-01"}}, n: 1, hops: 2},
		{name: "type filter cuts", q: kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 6,
			Events: kg.EventFilter{Types: []kg.EventType{kg.EventApproved}}}, n: 0},
		{name: "agent filter", q: kg.PathQuery{FromID: PutinID, ToID: TreatyID, MaxHops: 2,
			Events: kg.EventFilter{AgentIDs: []string{PezeshkianID}}}, n: 1, hops: 1},
		{name: "location filter", q: kg.PathQuery{FromID: RussiaID, ToID: IranID, MaxHops: 3,
			Events: kg.EventFilter{LocationIDs: []string{MoscowID}}}, n: 1, hops: 1},
		{name: "isolated entity", q: kg.PathQuery{FromID: AraghchiID, ToID: PutinID, MaxHops: kg.MaxPathHops}, n: 0},
		{name: "to itself", q: kg.PathQuery{FromID: PutinID, ToID: PutinID, MaxHops: 1}, n: 1, hops: 0,
			all: []string{PutinID}},
		{name: "to itself, filter ignored", q: kg.PathQuery{FromID: AraghchiID, ToID: AraghchiID, MaxHops: 1,
			Events: kg.EventFilter{Types: []kg.EventType{kg.EventWithdrew}}}, n: 1, hops: 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := refPaths(es, c.q)
			if got := len(want); got != c.n {
				t.Fatalf("reference finds %d paths, hand count %d", got, c.n)
			}
			got, err := s.Paths(ctx, c.q)
			if err != nil {
				t.Fatalf("paths %+v: %v", c.q, err)
			}
			checkPaths(t, es, c.q, got)
			if !samePaths(got, want) {
				t.Fatalf("paths =\n%v\nwant\n%v", fmtPaths(got), fmtPaths(want))
			}
			for _, p := range got {
				if got, want := len(p.EventIDs), c.hops; got != want {
					t.Fatalf("path %v has %d hops, want %d", p, got, want)
				}
			}
		})
	}

	t.Run("one hop is the signing", func(t *testing.T) {
		got, err := s.Paths(ctx, kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 2})
		if err != nil {
			t.Fatal(err)
		}
		want := []kg.Path{{EntityIDs: []string{PutinID, PezeshkianID}, EventIDs: []string{xs[0].Events[0].ID}}}
		if !samePaths(got, want) {
			t.Fatalf("paths = %v, want %v", fmtPaths(got), fmtPaths(want))
		}
	})

	t.Run("limit keeps the first in order", func(t *testing.T) {
		all, err := s.Paths(ctx, kg.PathQuery{FromID: DumaID, ToID: MajlisID, MaxHops: 2, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for n := 1; n <= len(all); n += 4 {
			got, err := s.Paths(ctx, kg.PathQuery{FromID: DumaID, ToID: MajlisID, MaxHops: 2, Limit: n})
			if err != nil {
				t.Fatal(err)
			}
			if !samePaths(got, all[:n]) {
				t.Fatalf("limit %d = %v, want the first %d of %v", n, fmtPaths(got), n, fmtPaths(all))
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		for _, c := range []struct {
			name string
			q    kg.PathQuery
			code string
		}{
			{"unknown from", kg.PathQuery{FromID: "person:nobody", ToID: PutinID, MaxHops: 2}, kg.ENOTFOUND},
			{"unknown to", kg.PathQuery{FromID: PutinID, ToID: "person:nobody", MaxHops: 2}, kg.ENOTFOUND},
			{"unknown itself", kg.PathQuery{FromID: "person:nobody", ToID: "person:nobody", MaxHops: 2}, kg.ENOTFOUND},
			{"empty", kg.PathQuery{MaxHops: 2}, kg.ENOTFOUND},
			{"zero hops", kg.PathQuery{FromID: PutinID, ToID: PezeshkianID}, kg.EINVALID},
			{"negative hops", kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: -1}, kg.EINVALID},
			{"too many hops", kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: kg.MaxPathHops + 1}, kg.EINVALID},
			{"negative limit", kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 2, Limit: -1}, kg.EINVALID},
			{"bad type", kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 2,
				Events: kg.EventFilter{Types: []kg.EventType{"SOLD"}}}, kg.EINVALID},
			{"bad status", kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 2,
				Events: kg.EventFilter{Statuses: []kg.Status{"rumoured"}}}, kg.EINVALID},
			{"bad range", kg.PathQuery{FromID: PutinID, ToID: PezeshkianID, MaxHops: 2,
				Events: kg.EventFilter{From: "2025-05-01", To: "2025-04-01"}}, kg.EINVALID},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Paths(ctx, c.q)
				wantCode(t, err, c.code)
			})
		}
	})
}

// checkPaths checks what holds of any answer: shape, ends, no repeated
// entity, each hop's event joins its two entities and passes the filter.
func checkPaths(t *testing.T, es []*kg.Event, q kg.PathQuery, got []kg.Path) {
	t.Helper()
	byID := map[string]*kg.Event{}
	for _, e := range es {
		byID[e.ID] = e
	}
	for _, p := range got {
		n := len(p.EntityIDs)
		switch {
		case n != len(p.EventIDs)+1:
			t.Fatalf("path %v: %d entities for %d events", p, n, len(p.EventIDs))
		case p.EntityIDs[0] != q.FromID || p.EntityIDs[n-1] != q.ToID:
			t.Fatalf("path %v does not run from %s to %s", p, q.FromID, q.ToID)
		case len(p.EventIDs) > q.MaxHops:
			t.Fatalf("path %v is longer than %d hops", p, q.MaxHops)
		}
		if ids := sortedCopy(p.EntityIDs); len(slices.Compact(ids)) != n {
			t.Fatalf("path %v repeats an entity", p)
		}
		for i, id := range p.EventIDs {
			e := byID[id]
			if e == nil {
				t.Fatalf("path %v: unknown event %s", p, id)
			}
			ids := memberIDs(e)
			if !slices.Contains(ids, p.EntityIDs[i]) || !slices.Contains(ids, p.EntityIDs[i+1]) {
				t.Fatalf("path %v: event %s does not join %s and %s", p, id, p.EntityIDs[i], p.EntityIDs[i+1])
			}
			if !Matches(q.Events, e) {
				t.Fatalf("path %v: event %s does not pass the filter", p, id)
			}
		}
	}
	for i := 1; i < len(got); i++ {
		if !PathLess(got[i-1], got[i]) {
			t.Fatalf("paths out of order or repeated: %v then %v", got[i-1], got[i])
		}
	}
}

// samePaths compares paths, taking a nil and an empty list of events as
// equal.
func samePaths(a, b []kg.Path) bool {
	return slices.EqualFunc(a, b, func(x, y kg.Path) bool {
		return slices.Equal(x.EntityIDs, y.EntityIDs) && slices.Equal(x.EventIDs, y.EventIDs)
	})
}

func fmtPaths(ps []kg.Path) string {
	s := ""
	for _, p := range ps {
		s += fmt.Sprintf("  %v via %v\n", p.EntityIDs, p.EventIDs)
	}
	return s
}
