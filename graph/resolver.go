package graph

import "github.com/newsgraph/kg"

// Resolver is the root of the resolvers; it only carries dependencies.
// Per-request state (dataloaders) travels in the context instead.
type Resolver struct {
	Store kg.Store
}
