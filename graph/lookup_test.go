package graph_test

import (
	"slices"
	"testing"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

const entityQuery = `query($name: String!, $kind: EntityKind) {
  entity(name: $name, kind: $kind) {
    __typename id name kind aliases country wikidataId
    ... on Person { roles }
  }
}`

type entityResult struct {
	Entity *struct {
		Typename   string `json:"__typename"`
		ID, Name   string
		Kind       string
		Aliases    []string
		Country    *string
		WikidataID *string
		Roles      []string
	}
}

func TestEntityByNameOrAlias(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	for _, c := range []struct {
		name, kind       string
		wantID, wantType string
	}{
		{"Vladimir Putin", "", storetest.PutinID, "Person"},
		{"putin", "", storetest.PutinID, "Person"},
		{"Majlis", "", storetest.MajlisID, "Institution"},
		{"Russian Senate", "", storetest.FederationCouncilID, "Institution"},
		{"Russia–Iran treaty", "", storetest.TreatyID, "Agreement"},
		{"Islamic Republic of Iran", "STATE", storetest.IranID, "State"},
		{"Tehran", "PLACE", storetest.TehranID, "Place"},
		{storetest.DumaID, "", storetest.DumaID, "Institution"},
	} {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]any{"name": c.name}
			if c.kind != "" {
				vars["kind"] = c.kind
			}
			var r entityResult
			query(t, fx.handler, entityQuery, vars, &r)
			if r.Entity == nil {
				t.Fatalf("entity(%q) = null, want %s", c.name, c.wantID)
			}
			if r.Entity.ID != c.wantID || r.Entity.Typename != c.wantType {
				t.Fatalf("entity(%q) = %s %s, want %s %s", c.name, r.Entity.Typename, r.Entity.ID, c.wantType, c.wantID)
			}
		})
	}
	t.Run("fields", func(t *testing.T) {
		var r entityResult
		query(t, fx.handler, entityQuery, map[string]any{"name": "Pezeshkian"}, &r)
		e := r.Entity
		if e == nil || e.Kind != "PERSON" || e.Country == nil || *e.Country != "IR" || e.WikidataID == nil {
			t.Fatalf("Pezeshkian = %+v", e)
		}
		if !slices.Contains(e.Aliases, "Dr. Pezeshkian") || !slices.Contains(e.Roles, "President of Iran") {
			t.Fatalf("aliases %v and roles %v do not accumulate over documents", e.Aliases, e.Roles)
		}
		query(t, fx.handler, entityQuery, map[string]any{"name": "Federation Council"}, &r)
		if r.Entity == nil || r.Entity.WikidataID != nil {
			t.Fatalf("unknown wikidataId should be null: %+v", r.Entity)
		}
	})
	for _, c := range []struct{ name, kind string }{{"Nobody Atall", ""}, {"Putin", "STATE"}, {"Consultative", ""}} {
		t.Run("null for "+c.name+"/"+c.kind, func(t *testing.T) {
			vars := map[string]any{"name": c.name}
			if c.kind != "" {
				vars["kind"] = c.kind
			}
			var r entityResult
			query(t, fx.handler, entityQuery, vars, &r)
			if r.Entity != nil {
				t.Fatalf("entity(%q, %q) = %+v, want null (only exact names and aliases count)", c.name, c.kind, r.Entity)
			}
		})
	}
}

func TestSearchEntities(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	var r struct {
		SearchEntities []struct {
			Score  float64
			Entity struct{ ID string }
		}
	}
	query(t, fx.handler, `{ searchEntities(query: "Pezeshkain", first: 3) { score entity { id } } }`, nil, &r)
	if len(r.SearchEntities) == 0 || r.SearchEntities[0].Entity.ID != storetest.PezeshkianID {
		t.Fatalf("search for a typo = %+v, want %s first", r.SearchEntities, storetest.PezeshkianID)
	}
	query(t, fx.handler, `{ searchEntities(query: "Russia", kinds: [AGREEMENT]) { entity { id kind } } }`, nil, &r)
	if len(r.SearchEntities) == 0 || r.SearchEntities[0].Entity.ID != storetest.TreatyID {
		t.Fatalf("search by kind = %+v", r.SearchEntities)
	}
}

func TestNode(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	ev := fx.xs[0].Events[0]
	doc := fx.xs[0].Document
	for id, typ := range map[string]string{
		storetest.PutinID: "Person", storetest.RussiaID: "State", storetest.DumaID: "Institution",
		storetest.TreatyID: "Agreement", storetest.MoscowID: "Place", ev.ID: "Event", doc.ID: "Document",
	} {
		t.Run(typ, func(t *testing.T) {
			var r struct {
				Node *struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
			query(t, fx.handler, `query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": id}, &r)
			if r.Node == nil || r.Node.Typename != typ || r.Node.ID != id {
				t.Fatalf("node(%s) = %+v, want a %s", id, r.Node, typ)
			}
		})
	}
	// A missing node is null without an error, as Relay clients expect:
	// absence is an answer, not a failure.
	for _, id := range []string{"person:nobody", "event:0000", "doc:0000", "nonsense", ""} {
		t.Run("missing "+id, func(t *testing.T) {
			r := do(t, fx.handler, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			if len(r.Errors) != 0 || string(r.Data) != `{"node":null}` {
				t.Fatalf("node(%q) = %s %+v, want null and no error", id, r.Data, r.Errors)
			}
		})
	}
	t.Run("nodes", func(t *testing.T) {
		var r struct{ Nodes []*struct{ ID string } }
		query(t, fx.handler, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
			map[string]any{"ids": []string{doc.ID, "person:nobody", storetest.IranID}}, &r)
		if len(r.Nodes) != 3 || r.Nodes[0].ID != doc.ID || r.Nodes[1] != nil || r.Nodes[2].ID != storetest.IranID {
			t.Fatalf("nodes = %+v", r.Nodes)
		}
	})
}
