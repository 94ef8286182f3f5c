package graph

import (
	"context"

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
	// a protocol error: HTTP 422.
	errcode.RegisterErrorType(CodeDepthLimit, errcode.KindProtocol)
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
	return c
}
