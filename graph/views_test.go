package graph_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

// eventFields selects every field of an Event that shows another record,
// so that a view built without one of them is caught.
const eventFields = `fragment V on Event {
  id agents { id } objects { id } locations { id }
  participants { role entity { id } }
  document { id } evidence { sentence document { id } }
  date { value precision earliest latest text }
}`

// shownEvent is an Event as eventFields shows it.
type shownEvent struct {
	ID                         string
	Agents, Objects, Locations []struct{ ID string }
	Participants               []struct {
		Role   string
		Entity struct{ ID string }
	}
	Document struct{ ID string }
	Evidence []struct {
		Sentence string
		Document struct{ ID string }
	}
	Date struct {
		Value, Earliest, Latest, Text *string
		Precision                     string
	}
}

// TestEventViewsEverywhere checks that every field returning events shows
// their entities, documents and dates as the store holds them: the
// entities and documents are read for the selection before the events
// are returned (see eventViews), so a field that reads them wrongly or
// not at all shows empty lists or errors here.
func TestEventViewsEverywhere(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	all, err := fx.store.FindEvents(context.Background(), kg.EventFilter{Limit: 100})
	if err != nil || len(all.Events) == 0 {
		t.Fatalf("fixture events: %v, %d", err, len(all.Events))
	}
	anEvent := all.Events[0].ID
	for _, c := range []struct{ name, query string }{
		{"events nodes", `{ events(first: 100) { nodes { ...V } } }`},
		{"events edges", `{ events(first: 100) { edges { node { ...V } } } }`},
		{"entity events", `{ entity(name: "Putin") { ... on Person { events { nodes { ...V } } } } }`},
		{"timeline", `{ entity(name: "Russia") { ... on State { timeline { edges { node { ...V } } } } } }`},
		{"agreement lists", `{ entity(name: "Treaty on Comprehensive Strategic Partnership") { ... on Agreement {
			signings(first: 5) { ...V } approvals(first: 5) { ...V } ratifications(first: 5) { ...V }
			entryIntoForce(first: 5) { ...V } proposals(first: 5) { ...V } withdrawals(first: 5) { ...V }
			stageAsOf(date: "2030-01-01") { event { ...V } } } } }`},
		{"counterparts", `{ entity(name: "Putin") { ... on Person { counterparts { events { ...V } } } } }`},
		{"path", `{ path(from: "Putin", to: "Iran") { events { ...V } steps { event { ...V } } } }`},
		{"subgraph", `{ subgraph(around: ["Federation Council"]) { nodes { event { ...V } } } }`},
		{"conflicts", `{ conflicts { a { ...V } b { ...V } } }`},
		{"node and nodes", `{ node(id: "` + anEvent + `") { ...V } nodes(ids: ["` + anEvent + `", "person:nobody"]) { ... on Event { ...V } } }`},
		{"document events", `{ node(id: "` + all.Events[0].DocumentID + `") { ... on Document { events { nodes { ...V } } } } }`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out any
			query(t, fx.handler, c.query+"\n"+eventFields, nil, &out)
			shown := collectEvents(t, out)
			if len(shown) == 0 {
				t.Fatal("no events in the answer; the case tests nothing")
			}
			for _, s := range shown {
				checkShown(t, fx.store, s)
			}
		})
	}
}

// collectEvents finds every object of the answer that eventFields made.
func collectEvents(t *testing.T, v any) []shownEvent {
	var out []shownEvent
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["participants"]; ok {
			b, _ := json.Marshal(v)
			var s shownEvent
			if err := json.Unmarshal(b, &s); err != nil {
				t.Fatal(err)
			}
			return []shownEvent{s}
		}
		for _, x := range v {
			out = append(out, collectEvents(t, x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, collectEvents(t, x)...)
		}
	}
	return out
}

func checkShown(t *testing.T, s kg.Store, got shownEvent) {
	t.Helper()
	es, err := s.Events(context.Background(), []string{got.ID})
	if err != nil || es[0] == nil {
		t.Fatalf("event %s: %v", got.ID, err)
	}
	want := es[0]
	inRole := func(role kg.Role) []string {
		var ids []string
		for _, p := range want.Participants {
			if p.Role == role {
				ids = append(ids, p.EntityID)
			}
		}
		return ids
	}
	ids := func(xs []struct{ ID string }) []string {
		var out []string
		for _, x := range xs {
			out = append(out, x.ID)
		}
		return out
	}
	for role, shown := range map[kg.Role][]struct{ ID string }{kg.RoleAgent: got.Agents, kg.RoleObject: got.Objects, kg.RoleLocation: got.Locations} {
		if g, w := ids(shown), inRole(role); !slices.Equal(g, w) {
			t.Errorf("%s %s = %v, want %v", got.ID, role, g, w)
		}
	}
	if g, w := len(got.Participants), len(want.Participants); g != w {
		t.Errorf("%s: %d participants, want %d", got.ID, g, w)
	}
	for i, p := range got.Participants {
		if i < len(want.Participants) && (!strings.EqualFold(p.Role, string(want.Participants[i].Role)) || p.Entity.ID != want.Participants[i].EntityID) {
			t.Errorf("%s participant %d = %+v, want %+v", got.ID, i, p, want.Participants[i])
		}
	}
	if g, w := got.Document.ID, want.DocumentID; g != w {
		t.Errorf("%s document = %q, want %q", got.ID, g, w)
	}
	if g, w := len(got.Evidence), len(want.Evidence); g != w {
		t.Fatalf("%s: %d evidence, want %d", got.ID, g, w)
	}
	for i, v := range got.Evidence {
		if v.Sentence != want.Evidence[i].Sentence || v.Document.ID != want.Evidence[i].DocumentID {
			t.Errorf("%s evidence %d = %+v, want %+v", got.ID, i, v, want.Evidence[i])
		}
	}
	d := got.Date
	if orEmpty(d.Value) != want.Date.Value || orEmpty(d.Earliest) != want.Date.Earliest || orEmpty(d.Latest) != want.Date.Latest ||
		orEmpty(d.Text) != want.Date.Text || !strings.EqualFold(d.Precision, strings.ReplaceAll(string(want.Date.Precision), "-", "_")) {
		t.Errorf("%s date = %+v, want %+v", got.ID, d, want.Date)
	}
}

// orEmpty reads a nullable string, where null stands for the empty one.
func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
