package graph

import (
	"context"
	"encoding/json"
	"log/slog"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Defaults of Options.
const (
	DefaultMaxDepth      = 10
	DefaultMaxComplexity = 10000
)

// Options tune the GraphQL handler. The zero value is the production
// setting: introspection off and default limits.
type Options struct {
	// Introspection allows __schema and __type queries (GraphiQL needs it).
	Introspection bool
	// MaxDepth bounds how deeply selections nest; 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxComplexity bounds the cost of a query, where a connection costs
	// its page size times its selection; 0 means DefaultMaxComplexity.
	MaxComplexity int
	// MaxPageSize bounds every `first` argument before execution; 0, or
	// anything above the resolvers' own MaxPageSize, means MaxPageSize.
	MaxPageSize int
	// CheckScopes refuses, with FORBIDDEN and HTTP 403, a query whose
	// context lacks ScopeRead and a mutation whose context lacks
	// ScopeWrite (see WithScopes). The server sets it; a handler built
	// without it leaves scopes to the resolvers.
	CheckScopes bool
	// Logger receives internal errors and panics; nil means slog.Default().
	Logger *slog.Logger
	// ResponseCache keeps the responses of up to this many distinct
	// queries while the store's data does not change (see responseCache);
	// 0 turns it off. It needs a store that implements Versioned, as
	// store/sqlite and store/neo4j do, and is off, with a warning, for
	// one that does not.
	ResponseCache int
}

// NewHandler returns the GraphQL HTTP handler over s: POST and GET, query
// limits, one error presenter, and fresh dataloaders for every operation.
// Timeouts and body limits belong to the HTTP server around it.
func NewHandler(s kg.Store, opt Options) *handler.Server {
	if opt.MaxDepth == 0 {
		opt.MaxDepth = DefaultMaxDepth
	}
	if opt.MaxComplexity == 0 {
		opt.MaxComplexity = DefaultMaxComplexity
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{Store: s}, Complexity: complexity()}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(conform{transport.GET{}})
	srv.AddTransport(conform{transport.POST{}})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if opt.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(requireQuery{}) // after APQ, which may supply the query
	if opt.CheckScopes {
		srv.Use(scopeCheck{})
	}
	srv.Use(DepthLimit(opt.MaxDepth))
	if opt.MaxPageSize > 0 && opt.MaxPageSize < MaxPageSize {
		srv.Use(PageSizeLimit(opt.MaxPageSize))
	}
	srv.Use(extension.FixedComplexityLimit(opt.MaxComplexity))
	if opt.ResponseCache > 0 {
		if v, ok := s.(Versioned); ok {
			// Before the dataloaders, so that a cached answer makes none.
			srv.AroundOperations(newResponseCache(v, opt.ResponseCache, opt.Logger).around)
		} else {
			opt.Logger.Warn("graphql: response cache off: the store cannot tell when its data changes")
		}
	}
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(dataload.With(ctx, dataload.New(s)))
	})
	srv.SetErrorPresenter(presentError(opt.Logger))
	srv.SetRecoverFunc(recoverPanic(opt.Logger))
	return srv
}

// conform makes a gqlgen transport answer as the GraphQL over HTTP spec
// asks, where gqlgen differs:
//   - a document that fails to parse or validate (gqlgen: 422) gets 200
//     under application/json, which the spec recommends for every
//     well-formed request; application/graphql-response+json keeps
//     gqlgen's 400;
//   - a request without a query (gqlgen: 422) is malformed: 400;
//   - a mutation over GET (gqlgen: 406) gets 405 with Allow: POST;
//   - FORBIDDEN gets 403;
//   - a request error carries no "data" entry, as the GraphQL spec says
//     of errors raised before execution (gqlgen writes "data": null).
type conform struct{ graphql.Transport }

// httpStatus carries the status that an extension chose for a request
// error to conform's writer.
type httpStatus struct{ code int }

type httpStatusKey struct{}

// setStatus asks for code as the status of the request error that the
// caller is about to return.
func setStatus(ctx context.Context, code int) {
	if st, ok := ctx.Value(httpStatusKey{}).(*httpStatus); ok {
		st.code = code
	}
}

func (t conform) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	st := &httpStatus{}
	r = r.WithContext(context.WithValue(r.Context(), httpStatusKey{}, st))
	t.Transport.Do(&conformWriter{ResponseWriter: w, st: st}, r, exec)
}

type conformWriter struct {
	http.ResponseWriter
	st           *httpStatus
	wrote        bool
	requestError bool
}

func (w *conformWriter) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.wrote = true
	if code >= 400 {
		w.requestError = true
		mediaType, _, _ := mime.ParseMediaType(w.Header().Get("Content-Type"))
		switch {
		case w.st.code != 0:
			code = w.st.code
		case code == http.StatusNotAcceptable:
			w.Header().Set("Allow", "POST")
			code = http.StatusMethodNotAllowed
		case code == http.StatusUnprocessableEntity && mediaType == "application/json":
			code = http.StatusOK
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write relies on gqlgen writing each response in one call.
func (w *conformWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if !w.requestError {
		return w.ResponseWriter.Write(b)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err == nil {
		if _, ok := fields["data"]; ok {
			delete(fields, "data")
			if out, err := json.Marshal(fields); err == nil {
				_, err = w.ResponseWriter.Write(out)
				return len(b), err
			}
		}
	}
	return w.ResponseWriter.Write(b)
}

// requireQuery marks a request without a query (after APQ had its chance
// to supply one) as malformed, HTTP 400; gqlgen reports the error.
type requireQuery struct{}

func (requireQuery) ExtensionName() string                   { return "RequireQuery" }
func (requireQuery) Validate(graphql.ExecutableSchema) error { return nil }
func (requireQuery) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if strings.TrimSpace(p.Query) == "" {
		setStatus(ctx, http.StatusBadRequest)
	}
	return nil
}

// scopeCheck refuses operations that the request's scopes do not allow.
type scopeCheck struct{}

func (scopeCheck) ExtensionName() string                   { return "ScopeCheck" }
func (scopeCheck) Validate(graphql.ExecutableSchema) error { return nil }
func (scopeCheck) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	need := ScopeRead
	if oc.Operation.Operation == ast.Mutation {
		need = ScopeWrite
	}
	if HasScope(ctx, need) {
		return nil
	}
	setStatus(ctx, http.StatusForbidden)
	err := gqlerror.Errorf("this operation needs the %s scope, which the API key does not have", need)
	errcode.Set(err, CodeForbidden)
	return err
}
