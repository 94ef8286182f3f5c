package graph_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

const pathQuery = `query($from: String!, $to: String!, $maxHops: Int, $where: EventWhere, $first: Int) {
  path(from: $from, to: $to, maxHops: $maxHops, where: $where, first: $first) {
    length
    entities { id name }
    events { id type }
    steps { from { id } event { id participants { entity { id } } } to { id } }
  }
}`

type pathResult struct {
	Path []struct {
		Length   int
		Entities []struct{ ID, Name string }
		Events   []struct{ ID, Type string }
		Steps    []struct {
			From  idOnly
			Event struct {
				ID           string
				Participants []struct{ Entity idOnly }
			}
			To idOnly
		}
	}
}

func TestPath(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	for _, c := range []struct {
		name     string
		vars     map[string]any
		from, to string
		q        kg.PathQuery
	}{
		{"by name", map[string]any{"from": "Vladimir Putin", "to": "Iran"}, storetest.PutinID, storetest.IranID,
			kg.PathQuery{MaxHops: 3, Limit: 5}},
		{"by ID, more paths", map[string]any{"from": storetest.PutinID, "to": storetest.IranID, "first": 50}, storetest.PutinID, storetest.IranID,
			kg.PathQuery{MaxHops: 3, Limit: 50}},
		{"through signings only", map[string]any{"from": "Putin", "to": "Tehran", "maxHops": 4, "where": map[string]any{"types": []string{"SIGNED", "APPROVED"}}},
			storetest.PutinID, storetest.TehranID,
			kg.PathQuery{MaxHops: 4, Limit: 5, Events: kg.EventFilter{Types: []kg.EventType{kg.EventSigned, kg.EventApproved}}}},
		{"too far", map[string]any{"from": "Vladimir Putin", "to": "European Union", "maxHops": 1}, storetest.PutinID, storetest.EUID,
			kg.PathQuery{MaxHops: 1, Limit: 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.q.FromID, c.q.ToID = c.from, c.to
			want, err := fx.store.Paths(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			var r pathResult
			query(t, fx.handler, pathQuery, c.vars, &r)
			if len(r.Path) != len(want) {
				t.Fatalf("%d paths, want %d: %v", len(r.Path), len(want), want)
			}
			for i, p := range r.Path {
				var ents, evs []string
				for _, e := range p.Entities {
					ents = append(ents, e.ID)
				}
				for _, e := range p.Events {
					evs = append(evs, e.ID)
				}
				if !reflect.DeepEqual(ents, want[i].EntityIDs) || !reflect.DeepEqual(evs, want[i].EventIDs) || p.Length != len(evs) {
					t.Fatalf("path %d = %v via %v (length %d), want %v via %v", i, ents, evs, p.Length, want[i].EntityIDs, want[i].EventIDs)
				}
				if len(p.Steps) != p.Length || ents[0] != c.from || ents[len(ents)-1] != c.to {
					t.Fatalf("path %d: %d steps for length %d, from %s to %s", i, len(p.Steps), p.Length, ents[0], ents[len(ents)-1])
				}
				for j, s := range p.Steps {
					in := map[string]bool{}
					for _, pt := range s.Event.Participants {
						in[pt.Entity.ID] = true
					}
					if s.From.ID != ents[j] || s.To.ID != ents[j+1] || s.Event.ID != evs[j] || !in[s.From.ID] || !in[s.To.ID] {
						t.Fatalf("path %d step %d = %+v does not join %s and %s through %s", i, j, s, ents[j], ents[j+1], evs[j])
					}
				}
			}
			if c.name != "too far" && len(want) == 0 {
				t.Fatal("the store finds no path; the case tests nothing")
			}
		})
	}
}

func TestTraversalBounds(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	for _, c := range []struct {
		name, q string
		code    string
	}{
		{"maxHops over", `{ path(from: "Putin", to: "Iran", maxHops: 7) { length } }`, graph.CodeBadUserInput},
		{"maxHops zero", `{ path(from: "Putin", to: "Iran", maxHops: 0) { length } }`, graph.CodeBadUserInput},
		{"paths over page", `{ path(from: "Putin", to: "Iran", first: 101) { length } }`, graph.CodeBadUserInput},
		{"unknown from", `{ path(from: "Nobody Atall", to: "Iran") { length } }`, graph.CodeNotFound},
		{"unknown to ID", `{ path(from: "Putin", to: "person:nobody-atall") { length } }`, graph.CodeNotFound},
		{"depth over", `{ subgraph(around: ["Putin"], depth: 4) { truncated } }`, graph.CodeBadUserInput},
		{"depth zero", `{ subgraph(around: ["Putin"], depth: 0) { truncated } }`, graph.CodeBadUserInput},
		{"maxNodes over", `{ subgraph(around: ["Putin"], maxNodes: 2001) { truncated } }`, graph.CodeBadUserInput},
		{"maxNodes zero", `{ subgraph(around: ["Putin"], maxNodes: 0) { truncated } }`, graph.CodeBadUserInput},
		{"no seeds", `{ subgraph(around: []) { truncated } }`, graph.CodeBadUserInput},
		{"unknown seeds", `{ subgraph(around: ["Nobody Atall"]) { truncated } }`, graph.CodeNotFound},
		{"conflicts over page", `{ conflicts(first: 101) { kind } }`, graph.CodeBadUserInput},
		{"counterparts over page", `{ entity(name: "Putin") { counterparts(first: 101) { objects { id } } } }`, graph.CodeBadUserInput},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantError(t, do(t, fx.handler, c.q, nil), c.code)
		})
	}
}

func TestTraversalComplexity(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	// The largest drawing allowed must pass the default limit...
	var out map[string]any
	query(t, fx.handler, `{ subgraph(around: ["Putin"], depth: 3, maxNodes: 2000) {
	  nodes { id label kind data { id label kind type status date precision earliest latest country } }
	  edges { id source target role data { id source target role label } } truncated } }`, nil, &out)
	// ...while a page of events under each of its nodes must not.
	r := do(t, fx.handler, `{ subgraph(around: ["Putin"], maxNodes: 2000) {
	  nodes { entity { ... on Person { events(first: 20) { nodes { id } } } } } } }`, nil)
	wantError(t, r, "COMPLEXITY_LIMIT_EXCEEDED")
}
