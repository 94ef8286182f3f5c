package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

const conflictsQuery = `query($entity: String, $types: [EventType!], $first: Int) {
  conflicts(entity: $entity, types: $types, first: $first) {
    kind summary
    a { id status date { value } evidence { sentence document { title } } }
    b { id status date { value } evidence { sentence document { title } } }
  }
}`

type conflictSide struct {
	ID, Status string
	Date       struct{ Value *string }
	Evidence   []struct {
		Sentence string
		Document struct{ Title string }
	}
}

func TestConflicts(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	for _, c := range []struct {
		name   string
		vars   map[string]any
		filter kg.ConflictFilter
	}{
		{"all", map[string]any{"first": 100}, kg.ConflictFilter{Limit: 100}},
		{"by name", map[string]any{"entity": "Federation Council"}, kg.ConflictFilter{EntityIDs: []string{storetest.FederationCouncilID}, Limit: 20}},
		{"by type", map[string]any{"types": []string{"RATIFIED", "SIGNED"}}, kg.ConflictFilter{Types: []kg.EventType{kg.EventRatified, kg.EventSigned}, Limit: 20}},
		{"first", map[string]any{"first": 2}, kg.ConflictFilter{Limit: 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, err := fx.store.Conflicts(context.Background(), c.filter)
			if err != nil {
				t.Fatal(err)
			}
			var r struct {
				Conflicts []struct {
					Kind, Summary string
					A, B          conflictSide
				}
			}
			query(t, fx.handler, conflictsQuery, c.vars, &r)
			if len(r.Conflicts) != len(want) || len(want) == 0 {
				t.Fatalf("%d conflicts, want %d (and some)", len(r.Conflicts), len(want))
			}
			kinds := map[string]bool{}
			for i, g := range r.Conflicts {
				w := want[i]
				if g.A.ID != w.A.ID || g.B.ID != w.B.ID || g.Kind != strings.ToUpper(string(w.Kind)) {
					t.Fatalf("conflict %d = %s %s/%s, want %s %s/%s", i, g.Kind, g.A.ID, g.B.ID, w.Kind, w.A.ID, w.B.ID)
				}
				kinds[g.Kind] = true
				// Both sides' evidence, and a summary that names both sources.
				for _, side := range []conflictSide{g.A, g.B} {
					if len(side.Evidence) == 0 || side.Evidence[0].Sentence == "" ||
						!strings.Contains(g.Summary, "“"+side.Evidence[0].Document.Title+"”") {
						t.Fatalf("conflict %d: side %s lacks evidence, or the summary %q lacks its source", i, side.ID, g.Summary)
					}
				}
				if g.Kind == "DATE" && (!strings.HasPrefix(g.Summary, "Sources disagree on when ") ||
					!strings.Contains(g.Summary, str(g.A.Date.Value)) || !strings.Contains(g.Summary, str(g.B.Date.Value))) {
					t.Fatalf("date conflict summary %q lacks the dates", g.Summary)
				}
				if g.Kind == "STATUS" && !strings.Contains(g.Summary, strings.ToLower(g.A.Status)) {
					t.Fatalf("status conflict summary %q lacks the statuses", g.Summary)
				}
			}
			if c.name == "all" && (!kinds["DATE"] || !kinds["STATUS"]) {
				t.Fatalf("kinds %v, want both DATE and STATUS", kinds)
			}
		})
	}
	t.Run("unknown entity matches nothing", func(t *testing.T) {
		var r struct{ Conflicts []any }
		query(t, fx.handler, conflictsQuery, map[string]any{"entity": "Nobody Atall"}, &r)
		if len(r.Conflicts) != 0 {
			t.Fatalf("conflicts of an unknown entity: %v", r.Conflicts)
		}
	})
	t.Run("summary names the disputed actor", func(t *testing.T) {
		var r struct {
			Conflicts []struct{ Kind, Summary string }
		}
		query(t, fx.handler, conflictsQuery, map[string]any{"entity": "Federation Council", "types": []string{"APPROVED"}}, &r)
		for _, c := range r.Conflicts {
			if !strings.Contains(c.Summary, "Federation Council approved Treaty on Comprehensive Strategic Partnership") {
				t.Fatalf("summary %q", c.Summary)
			}
		}
	})
	t.Run("agreement field", func(t *testing.T) {
		want, err := fx.store.Conflicts(context.Background(), kg.ConflictFilter{EntityIDs: []string{storetest.TreatyID}, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Entity struct{ Conflicts []struct{ A idOnly } }
		}
		query(t, fx.handler, `{ entity(name: "Russia-Iran treaty") { ... on Agreement { conflicts(first: 100) { a { id } } } } }`, nil, &r)
		if len(r.Entity.Conflicts) != len(want) || len(want) == 0 {
			t.Fatalf("treaty conflicts: %d, want %d", len(r.Entity.Conflicts), len(want))
		}
	})
}
