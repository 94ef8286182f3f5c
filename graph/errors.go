package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/kg"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Codes of extensions.code for errors that come from the graph, beside
// gqlgen's own (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
// COMPLEXITY_LIMIT_EXCEEDED) and DEPTH_LIMIT_EXCEEDED.
const (
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeNotFound     = "NOT_FOUND"
	CodeConflict     = "CONFLICT"
	CodeUnavailable  = "UNAVAILABLE"
	CodeTimeout      = "TIMEOUT"
	CodeInternal     = "INTERNAL"
	// CodeForbidden: the request's API key lacks the scope the operation
	// needs (see access.go).
	CodeForbidden = "FORBIDDEN"

	CodeIntrospectionDisabled = "INTROSPECTION_DISABLED"
)

// codes maps kg error codes to extensions.code, in one place.
var codes = map[string]string{
	kg.EINVALID:     CodeBadUserInput,
	kg.ENOTFOUND:    CodeNotFound,
	kg.ECONFLICT:    CodeConflict,
	kg.EUNAVAILABLE: CodeUnavailable,
	kg.ETIMEOUT:     CodeTimeout,
	kg.EINTERNAL:    CodeInternal,
}

// presentError is the one exit of every error. A *kg.Error keeps its
// user-safe message; gqlgen's own errors (parsing, validation, limits)
// pass as they are; anything else is logged here, at the edge, and leaves
// as "internal error" so that no SQL or driver detail reaches a client.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		path := graphql.GetPath(ctx)
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Unwrap() == nil {
			return gqlErr
		}
		if gqlErr != nil && len(gqlErr.Path) > 0 {
			path = gqlErr.Path
		}
		code, msg := codes[kg.ErrorCode(err)], kg.ErrorMessage(err)
		var kgErr *kg.Error
		switch {
		case errors.As(err, &kgErr):
		case errors.Is(err, context.DeadlineExceeded):
			code, msg = CodeTimeout, "request timed out"
		case errors.Is(err, context.Canceled):
			code, msg = CodeUnavailable, "request canceled"
		case isIntrospection(ctx):
			// gqlgen's only error on __schema and __type is a plain one
			// for introspection being switched off.
			code, msg = CodeIntrospectionDisabled, "introspection is disabled on this server"
		default:
			log.ErrorContext(ctx, "graphql: internal error", "path", path.String(), "err", err)
		}
		if code == CodeInternal {
			msg = "internal error"
		}
		return &gqlerror.Error{Message: msg, Path: path, Extensions: map[string]any{"code": code}}
	}
}

func isIntrospection(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Field.Field != nil && strings.HasPrefix(fc.Field.Name, "__")
}

// recoverPanic turns a resolver panic into an internal error, logging the
// stack once.
func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "graphql: panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return kg.Errorf(kg.EINTERNAL, "internal error")
	}
}
