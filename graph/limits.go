package graph

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/model"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// CodeDepthLimit is extensions.code of a query nested too deeply.
const CodeDepthLimit = "DEPTH_LIMIT_EXCEEDED"

func init() {
	// Like gqlgen's complexity limit, a query rejected before execution is
	// a request error, whose HTTP status depends on the response's media
	// type (see conform). Registering BAD_USER_INPUT changes nothing for
	// resolver errors: gqlgen consults kinds only for request errors.
	errcode.RegisterErrorType(CodeDepthLimit, errcode.KindProtocol)
	// gqlgen leaves its own complexity error a user error (HTTP 200 with
	// "data": null), which would be a response without data and status 200.
	errcode.RegisterErrorType("COMPLEXITY_LIMIT_EXCEEDED", errcode.KindProtocol)
	errcode.RegisterErrorType(CodeBadUserInput, errcode.KindProtocol)
	errcode.RegisterErrorType(CodeForbidden, errcode.KindProtocol)
}

// pageSizeLimit rejects operations with a `first` argument above max
// before anything runs; the resolvers' own bound is MaxPageSize.
type pageSizeLimit struct{ max int }

// PageSizeLimit returns a handler extension that rejects operations whose
// `first` arguments, literal or from variables, exceed max.
func PageSizeLimit(max int) graphql.HandlerExtension { return pageSizeLimit{max} }

func (p pageSizeLimit) ExtensionName() string                   { return "PageSizeLimit" }
func (p pageSizeLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (p pageSizeLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	seen := map[string]bool{}
	var largest int64
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if arg := s.Arguments.ForName("first"); arg != nil {
					if v, err := arg.Value.Value(oc.Variables); err == nil {
						largest = max(largest, asInt(v))
					}
				}
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				// A fragment's arguments are the same wherever it is
				// spread, so each is read once.
				if s.Definition != nil && !seen[s.Name] {
					seen[s.Name] = true
					walk(s.Definition.SelectionSet)
				}
			}
		}
	}
	walk(oc.Operation.SelectionSet)
	if largest > int64(p.max) {
		err := gqlerror.Errorf("first must be at most %d on this server, got %d", p.max, largest)
		errcode.Set(err, CodeBadUserInput)
		return err
	}
	return nil
}

func asInt(v any) int64 {
	switch n := v.(type) {
	case int:
		return int64(n)
	case int64:
		return n
	case float64:
		return int64(n)
	case json.Number:
		i, _ := n.Int64()
		return i
	}
	return 0
}

// depthLimit rejects operations whose selections nest deeper than max.
// Introspection is exempt: GraphiQL's own schema query nests type
// references about ten deep.
type depthLimit struct{ max int }

// DepthLimit returns a handler extension that rejects operations nested
// deeper than max fields.
func DepthLimit(max int) graphql.HandlerExtension { return depthLimit{max} }

func (d depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (d depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if depth := selectionDepth(oc.Operation.SelectionSet); depth > d.max {
		err := gqlerror.Errorf("operation nests %d fields deep, more than the limit of %d", depth, d.max)
		errcode.Set(err, CodeDepthLimit)
		return err
	}
	return nil
}

// selectionDepth counts nested fields; fragments add no level of their
// own. Validation has already rejected fragment cycles.
func selectionDepth(set ast.SelectionSet) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			d = 1 + selectionDepth(s.SelectionSet)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = selectionDepth(s.Definition.SelectionSet)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// complexity prices connections and searches at their page size times
// their selection, so that nesting pages inside pages is what the
// complexity limit stops.
func complexity() ComplexityRoot {
	var c ComplexityRoot
	page := func(child int, first *int, def int) int {
		n := def
		if first != nil && *first > 0 {
			n = *first
		}
		return 1 + n*child
	}
	entityEvents := func(child int, _ *kg.Role, _ *model.EventWhere, _ *model.EventSort, first *int, _ *string) int {
		return page(child, first, DefaultPageSize)
	}
	c.Person.Events, c.State.Events, c.Institution.Events = entityEvents, entityEvents, entityEvents
	c.Agreement.Events, c.Place.Events = entityEvents, entityEvents
	c.Document.Events = func(child int, _ *model.EventWhere, _ *model.EventSort, first *int, _ *string) int {
		return page(child, first, DefaultPageSize)
	}
	c.Query.Events = c.Document.Events
	c.Query.SearchEntities = func(child int, _ string, _ []kg.EntityKind, first *int) int {
		return page(child, first, 10)
	}
	c.Query.Nodes = func(child int, ids []string) int { return 1 + len(ids)*child }
	traversalCosts(&c)
	return c
}
