package graph

import "context"

// Scope is a permission an API key grants.
type Scope string

// Scopes. Reading the graph and writing to it are separate so that a
// dashboard's key cannot change what an analyst sees.
const (
	ScopeRead  Scope = "read"
	ScopeWrite Scope = "write"
)

type scopesKey struct{}

// WithScopes returns a context whose request holds the given scopes. The
// server's authentication middleware calls it once per request; a server
// without configured keys listens on localhost only and grants both.
func WithScopes(ctx context.Context, scopes ...Scope) context.Context {
	return context.WithValue(ctx, scopesKey{}, scopes)
}

// HasScope reports whether the request in ctx holds s. A context that
// never passed through WithScopes holds nothing.
func HasScope(ctx context.Context, s Scope) bool {
	held, _ := ctx.Value(scopesKey{}).([]Scope)
	for _, h := range held {
		if h == s {
			return true
		}
	}
	return false
}

// scopesOf returns the scopes the request in ctx holds.
func scopesOf(ctx context.Context) []Scope {
	held, _ := ctx.Value(scopesKey{}).([]Scope)
	return held
}
