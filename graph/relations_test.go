package graph_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

func TestEntityEventsByLocation(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	for _, id := range []string{storetest.MoscowID, storetest.TehranID} {
		want := expectEvents(fx.xs, kg.EventFilter{LocationIDs: []string{id}})
		if len(want) == 0 {
			t.Fatalf("no fixture event is located in %s; the case tests nothing", id)
		}
		var r struct {
			Node struct {
				Events struct {
					TotalCount int
					Nodes      []idOnly
				}
			}
		}
		query(t, fx.handler, `query($id: ID!) { node(id: $id) { ... on Place { events(role: LOCATION, first: 100) { totalCount nodes { id } } } } }`,
			map[string]any{"id": id}, &r)
		if got := ids(r.Node.Events.Nodes); !reflect.DeepEqual(got, want) || r.Node.Events.TotalCount != len(want) {
			t.Fatalf("%s events(role: LOCATION) = %v (total %d), want %v", id, got, r.Node.Events.TotalCount, want)
		}
	}
}

const timelineQuery = `query($name: String!, $first: Int, $after: String, $sort: EventSort) {
  entity(name: $name) { timeline(first: $first, after: $after, sort: $sort) {
    totalCount
    edges { cursor roles node { id participants { role entity { id } } } }
    pageInfo { hasNextPage endCursor }
  } }
}`

type timelinePage struct {
	Entity struct {
		Timeline struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Roles  []string
				Node   struct {
					ID           string
					Participants []struct {
						Role   string
						Entity idOnly
					}
				}
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
}

func TestTimeline(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	for _, c := range []struct {
		name, id string
		sort     string
		wantRole string
	}{
		{"Vladimir Putin", storetest.PutinID, "ASC", "AGENT"},
		{"Russia–Iran treaty", storetest.TreatyID, "DESC", "OBJECT"},
		{"Moscow", storetest.MoscowID, "ASC", "LOCATION"},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := expectEvents(fx.xs, kg.EventFilter{ParticipantIDs: []string{c.id}, Descending: c.sort == "DESC"})
			var got []string
			var after any
			for page := 0; ; page++ {
				if page > len(want) {
					t.Fatal("timeline pages do not end")
				}
				var r timelinePage
				query(t, fx.handler, timelineQuery, map[string]any{"name": c.name, "first": 3, "after": after,
					"sort": map[string]any{"date": c.sort}}, &r)
				tl := r.Entity.Timeline
				if tl.TotalCount != len(want) {
					t.Fatalf("totalCount = %d, want %d", tl.TotalCount, len(want))
				}
				for _, e := range tl.Edges {
					got = append(got, e.Node.ID)
					// The edge's roles are exactly the entity's roles among
					// the event's participants.
					var roles []string
					for _, p := range e.Node.Participants {
						if p.Entity.ID == c.id {
							roles = append(roles, p.Role)
						}
					}
					if !reflect.DeepEqual(e.Roles, roles) || !slices.Contains(roles, c.wantRole) {
						t.Fatalf("event %s: roles %v, participants say %v (want %s among them)", e.Node.ID, e.Roles, roles, c.wantRole)
					}
				}
				if !tl.PageInfo.HasNextPage {
					break
				}
				after = *tl.PageInfo.EndCursor
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("timeline =\n%v\nwant\n%v", got, want)
			}
		})
	}
}

func TestCounterparts(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	q := `query($name: String!, $types: [EventType!], $first: Int) { entity(name: $name) {
	  counterparts(types: $types, first: $first) { entity { id name } objects { id } events { id type agents { id } } }
	} }`
	type counterpart struct {
		Entity  struct{ ID, Name string }
		Objects []idOnly
		Events  []struct {
			ID, Type string
			Agents   []idOnly
		}
	}
	for _, c := range []struct {
		name, id string
		types    []string
		first    int
	}{
		{"Vladimir Putin", storetest.PutinID, nil, 20},
		{"Federation Council", storetest.FederationCouncilID, []string{"APPROVED"}, 20},
		{"Federation Council", storetest.FederationCouncilID, []string{"APPROVED"}, 1},
		{"Iran", storetest.IranID, nil, 20},
	} {
		var types []kg.EventType
		for _, s := range c.types {
			types = append(types, kg.EventType(s))
		}
		want, err := fx.store.Counterparts(context.Background(), kg.CounterpartQuery{EntityID: c.id, Types: types, Limit: c.first})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 {
			t.Fatalf("%s has no counterparts in the fixtures; the case tests nothing", c.name)
		}
		var r struct {
			Entity struct{ Counterparts []counterpart }
		}
		query(t, fx.handler, q, map[string]any{"name": c.name, "types": c.types, "first": c.first}, &r)
		got := r.Entity.Counterparts
		if len(got) != len(want) {
			t.Fatalf("%s: %d counterparts, want %d", c.name, len(got), len(want))
		}
		for i, g := range got {
			w := want[i]
			if g.Entity.ID != w.Entity.ID || g.Entity.Name != w.Entity.Name || !reflect.DeepEqual(ids(g.Objects), w.ObjectIDs) {
				t.Fatalf("%s counterpart %d = %+v, want %s with objects %v", c.name, i, g, w.Entity.ID, w.ObjectIDs)
			}
			var evIDs []string
			for _, e := range g.Events {
				evIDs = append(evIDs, e.ID)
				if !slices.Contains(ids(e.Agents), g.Entity.ID) {
					t.Fatalf("%s: counterpart event %s does not have %s as agent", c.name, e.ID, g.Entity.ID)
				}
			}
			if !reflect.DeepEqual(evIDs, w.EventIDs) {
				t.Fatalf("%s counterpart %s events %v, want %v", c.name, g.Entity.ID, evIDs, w.EventIDs)
			}
		}
	}
	// The example the issue names: who else signed what Putin signed.
	var r struct {
		Entity struct{ Counterparts []counterpart }
	}
	query(t, fx.handler, q, map[string]any{"name": "Putin", "types": []string{"SIGNED"}}, &r)
	if len(r.Entity.Counterparts) == 0 || r.Entity.Counterparts[0].Entity.ID != storetest.PezeshkianID {
		t.Fatalf("who else signed what Putin signed = %+v, want Masoud Pezeshkian first", r.Entity.Counterparts)
	}
}
