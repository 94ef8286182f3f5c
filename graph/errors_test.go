package graph_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

func TestErrors(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	t.Run("malformed query", func(t *testing.T) {
		r := do(t, fx.handler, `{ events(first: 1) { nodes { id }`, nil)
		// GraphQL over HTTP: with application/json a request error is 200
		// and has no data (400 is for application/graphql-response+json).
		if r.status != http.StatusOK || string(r.Data) != "" {
			t.Fatalf("status = %d, data %s; want 200 and no data", r.status, r.Data)
		}
		if e := wantError(t, r, "GRAPHQL_PARSE_FAILED"); e.Message == "" {
			t.Fatal("parse error without a message")
		}
	})
	t.Run("unknown field", func(t *testing.T) {
		r := do(t, fx.handler, `{ events { nodes { colour } } }`, nil)
		if r.status != http.StatusOK || string(r.Data) != "" {
			t.Fatalf("status = %d, data %s; want 200 and no data", r.status, r.Data)
		}
		wantError(t, r, "GRAPHQL_VALIDATION_FAILED")
	})
	for _, c := range []struct{ name, q string }{
		{"page size over the limit", `{ events(first: 101) { totalCount } }`},
		{"negative page size", `{ events(first: -1) { totalCount } }`},
		{"search page over the limit", `{ searchEntities(query: "Iran", first: 500) { score } }`},
		{"malformed cursor", `{ events(after: "not a cursor") { totalCount } }`},
		{"malformed date", `{ events(where: {dateFrom: "April 2025"}) { totalCount } }`},
		{"empty search", `{ searchEntities(query: "") { score } }`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, fx.handler, c.q, nil)
			e := wantError(t, r, graph.CodeBadUserInput)
			if strings.Contains(e.Message, "kg error") || e.Message == "" {
				t.Fatalf("message %q is not the user-safe one", e.Message)
			}
		})
	}
}

// failingStore fails every call the way a broken database would.
type failingStore struct {
	kg.Store
	err error
}

func (f failingStore) FindEvents(context.Context, kg.EventFilter) (kg.EventPage, error) {
	return kg.EventPage{}, f.err
}

func (f failingStore) Entities(context.Context, []string) ([]*kg.Entity, error) { return nil, f.err }

func (f failingStore) SearchEntities(context.Context, kg.EntityQuery) ([]kg.EntityMatch, error) {
	panic("search exploded")
}

func TestInternalErrorsRevealNothing(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	secret := "SQL logic error near SELECT e.id FROM events /secret/path/kg.db"
	for _, c := range []struct {
		name, q string
		err     error
		code    string
	}{
		{"internal", `{ events { totalCount } }`, fmt.Errorf("find events: %w", errors.New(secret)), graph.CodeInternal},
		{"unavailable", `{ events { totalCount } }`, fmt.Errorf("find: %w", kg.Errorf(kg.EUNAVAILABLE, "database is unavailable")), graph.CodeUnavailable},
		{"timeout", `{ events { totalCount } }`, fmt.Errorf("find: %w: %s", context.DeadlineExceeded, secret), graph.CodeTimeout},
		{"dataloader", `{ node(id: "person:vladimir-putin") { id } }`, errors.New(secret), graph.CodeInternal},
		{"panic", `{ searchEntities(query: "x") { score } }`, nil, graph.CodeInternal},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := graph.NewHandler(failingStore{fx.store, c.err}, graph.Options{Logger: discard()})
			r := do(t, h, c.q, nil)
			e := wantError(t, r, c.code)
			if strings.Contains(e.Message, "secret") || strings.Contains(e.Message, "SQL") || strings.Contains(e.Message, "exploded") {
				t.Fatalf("message %q leaks internals", e.Message)
			}
			if len(e.Path) == 0 {
				t.Fatalf("error %+v has no path", e)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	t.Run("depth", func(t *testing.T) {
		nested := `{ events { nodes { agents { ... on Person { events { nodes { agents { ... on Person {
		  events { nodes { agents { ... on Person { events { nodes { id } } } } } } } } } } } } } } }`
		r := do(t, fx.handler, nested, nil)
		if r.status != http.StatusOK || string(r.Data) != "" {
			t.Fatalf("status %d data %s, want 200 and no data", r.status, r.Data)
		}
		wantError(t, r, graph.CodeDepthLimit)
	})
	t.Run("depth through fragments", func(t *testing.T) {
		q := `{ events { ...E } }
		fragment E on EventConnection { nodes { agents { ...P } } }
		fragment P on Person { events { nodes { agents { ... on Person { events { nodes { objects { ... on Agreement {
		  events { nodes { id } } } } } } } } } } }`
		wantError(t, do(t, fx.handler, q, nil), graph.CodeDepthLimit)
	})
	t.Run("complexity", func(t *testing.T) {
		q := `{ events(first: 100) { nodes { agents { ... on Person { events(first: 100) { nodes { id type } } } } } } }`
		r := do(t, fx.handler, q, nil)
		wantError(t, r, "COMPLEXITY_LIMIT_EXCEEDED")
	})
	t.Run("ordinary queries pass", func(t *testing.T) {
		var out map[string]any
		query(t, fx.handler, WhoApprovedWhat, nil, &out)
	})
}

func TestIntrospectionSwitch(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	q := `{ __schema { queryType { name } } }`
	wantError(t, do(t, fx.handler, q, nil), graph.CodeIntrospectionDisabled)
	on := graph.NewHandler(fx.store, graph.Options{Introspection: true})
	var out struct {
		Schema struct{ QueryType struct{ Name string } } `json:"__schema"`
	}
	query(t, on, q, nil, &out)
	if got, want := out.Schema.QueryType.Name, "Query"; got != want {
		t.Fatalf("query type = %q, want %q", got, want)
	}
	// GraphiQL's full introspection query nests type references deeply; the
	// depth limit must not stop it.
	var full map[string]any
	query(t, on, introspectionQuery, nil, &full)
}

const introspectionQuery = `query IntrospectionQuery {
  __schema { queryType { name } types { ...FullType } directives { name args { ...InputValue } } }
}
fragment FullType on __Type {
  kind name fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } }
  inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name } possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }`
