package graph_test

import (
	"testing"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

// WhoApprovedWhat is the query the README shows.
const WhoApprovedWhat = `query WhoApprovedWhat {
  events(where: {types: [APPROVED, RATIFIED]}, sort: {date: ASC}, first: 100) {
    totalCount
    nodes {
      type
      status
      date { value precision earliest latest text }
      agents { name kind }
      objects { name }
      evidence { sentence document { title url published { value } } }
    }
  }
}`

type dateValue struct {
	Value, Earliest, Latest, Text *string
	Precision                     string
}

func str(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

func TestWhoApprovedWhat(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	var r struct {
		Events struct {
			TotalCount int
			Nodes      []struct {
				Type, Status string
				Date         dateValue
				Agents       []struct{ Name, Kind string }
				Objects      []struct{ Name string }
				Evidence     []struct {
					Sentence string
					Document struct {
						Title     string
						URL       *string
						Published *struct{ Value *string }
					}
				}
			}
		}
	}
	query(t, fx.handler, WhoApprovedWhat, nil, &r)
	found := map[string]bool{}
	for _, e := range r.Events.Nodes {
		if e.Type != "APPROVED" && e.Type != "RATIFIED" {
			t.Fatalf("event of type %s in an APPROVED/RATIFIED query", e.Type)
		}
		if len(e.Evidence) == 0 || e.Evidence[0].Sentence == "" || e.Evidence[0].Document.Title == "" {
			t.Fatalf("event without evidence: %+v", e)
		}
		if len(e.Agents) == 1 {
			found[e.Type+" "+e.Agents[0].Name+" "+str(e.Date.Value)+" "+e.Date.Precision] = true
		}
	}
	for _, want := range []string{
		"APPROVED Federation Council 2025-04-16 DAY",
		"APPROVED Federation Council 2025-04-18 DAY", // the disagreeing source stays separate
		"APPROVED Islamic Consultative Assembly 2025-05-21 DAY",
		"APPROVED Guardian Council ../2025-06-01 ON_OR_BEFORE",
		"RATIFIED State Duma 2025-04-08 DAY",
	} {
		if !found[want] {
			t.Errorf("missing %q in %v", want, found)
		}
	}
	if got, want := r.Events.TotalCount, len(r.Events.Nodes); got != want {
		t.Fatalf("totalCount %d, nodes %d", got, want)
	}
}

func TestDateValues(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	q := `query($agent: String, $types: [EventType!]) {
	  events(where: {agent: $agent, types: $types}) { nodes { date { value precision earliest latest text } } }
	}`
	for _, c := range []struct {
		agent, typ string
		want       dateValue
	}{
		{"Guardian Council", "APPROVED", dateValue{Value: p("../2025-06-01"), Precision: "ON_OR_BEFORE", Latest: p("2025-06-01")}},
		{"Majlis", "PROPOSED", dateValue{Value: p("2025-05-12/2025-05-18"), Precision: "INTERVAL", Earliest: p("2025-05-12"), Latest: p("2025-05-18")}},
		{"European Union", "PROPOSED", dateValue{Value: p("--03-12"), Precision: "DAY_OF_YEAR_UNKNOWN"}},
		{"Russia", "RATIFIED", dateValue{Precision: "UNRESOLVED", Text: p("in the coming weeks")}},
	} {
		var r struct {
			Events struct{ Nodes []struct{ Date dateValue } }
		}
		query(t, fx.handler, q, map[string]any{"agent": c.agent, "types": []string{c.typ}}, &r)
		if len(r.Events.Nodes) != 1 {
			t.Fatalf("%s %s: %d events, want 1", c.agent, c.typ, len(r.Events.Nodes))
		}
		got := r.Events.Nodes[0].Date
		if str(got.Value) != str(c.want.Value) || got.Precision != c.want.Precision || str(got.Earliest) != str(c.want.Earliest) ||
			str(got.Latest) != str(c.want.Latest) || str(got.Text) != str(c.want.Text) {
			t.Errorf("%s %s date = %s %s [%s, %s] %q, want %s %s [%s, %s] %q", c.agent, c.typ,
				str(got.Value), got.Precision, str(got.Earliest), str(got.Latest), str(got.Text),
				str(c.want.Value), c.want.Precision, str(c.want.Earliest), str(c.want.Latest), str(c.want.Text))
		}
	}
}

func p(s string) *string { return &s }

func TestEntityAndDocumentEvents(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	var r struct {
		Entity struct {
			AsAgent struct{ TotalCount int } `json:"asAgent"`
			Any     struct{ TotalCount int } `json:"any"`
			Signed  struct {
				Nodes []struct {
					Participants []struct {
						Role   string
						Entity struct{ ID string }
					}
					Document struct {
						Events struct{ TotalCount int }
					}
				}
			} `json:"signed"`
		}
	}
	query(t, fx.handler, `{ entity(name: "Vladimir Putin") {
	  asAgent: events(role: AGENT) { totalCount }
	  any: events { totalCount }
	  signed: events(where: {types: [SIGNED]}, first: 1) { nodes { participants { role entity { id } } document { events { totalCount } } } }
	} }`, nil, &r)
	if got, want := r.Entity.AsAgent.TotalCount, 2; got != want {
		t.Fatalf("Putin as agent: %d events, want %d", got, want)
	}
	if got, want := r.Entity.Any.TotalCount, 2; got != want {
		t.Fatalf("Putin in any role: %d events, want %d", got, want)
	}
	n := r.Entity.Signed.Nodes
	if len(n) != 1 || len(n[0].Participants) != 4 || n[0].Document.Events.TotalCount != len(fx.xs[0].Events) {
		t.Fatalf("signing = %+v", n)
	}
	roles := map[string]string{}
	for _, p := range n[0].Participants {
		roles[p.Entity.ID] = p.Role
	}
	if roles[storetest.MoscowID] != "LOCATION" || roles[storetest.TreatyID] != "OBJECT" || roles[storetest.PutinID] != "AGENT" {
		t.Fatalf("participants = %v", roles)
	}
}

func TestDocumentFields(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	q := `query($id: ID!) { node(id: $id) { ... on Document {
	  title url author source contentHash text published { value precision } events { totalCount } } } }`
	type doc struct {
		Title, Source, ContentHash, Text string
		URL, Author                      *string
		Published                        *struct{ Value, Precision string }
		Events                           struct{ TotalCount int }
	}
	var r struct{ Node doc }
	signing := fx.xs[0].Document
	query(t, fx.handler, q, map[string]any{"id": signing.ID}, &r)
	if r.Node.Title != signing.Title || str(r.Node.URL) != signing.URL || str(r.Node.Author) != signing.Author ||
		r.Node.Published == nil || r.Node.Published.Value != "2025-01-17" || r.Node.Published.Precision != "DAY" ||
		r.Node.ContentHash != signing.ContentHash || r.Node.Text != signing.Text || r.Node.Events.TotalCount != len(fx.xs[0].Events) {
		t.Fatalf("document = %+v", r.Node)
	}
	undated := fx.xs[3].Document
	query(t, fx.handler, q, map[string]any{"id": undated.ID}, &r)
	if r.Node.URL != nil || r.Node.Author != nil || r.Node.Published != nil {
		t.Fatalf("unknown url, author and publication date should be null: %+v", r.Node)
	}
}
