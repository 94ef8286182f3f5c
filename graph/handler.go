package graph

import (
	"context"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/vektah/gqlparser/v2/ast"
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
	// Logger receives internal errors and panics; nil means slog.Default().
	Logger *slog.Logger
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
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if opt.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(DepthLimit(opt.MaxDepth))
	srv.Use(extension.FixedComplexityLimit(opt.MaxComplexity))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(dataload.With(ctx, dataload.New(s)))
	})
	srv.SetErrorPresenter(presentError(opt.Logger))
	srv.SetRecoverFunc(recoverPanic(opt.Logger))
	return srv
}
