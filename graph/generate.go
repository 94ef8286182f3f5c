// Package graph is the GraphQL API of the knowledge graph: gqlgen's
// generated executor, thin resolvers over a kg.Store, and the handler that
// adds limits, error codes and per-request dataloaders.
package graph

//go:generate go tool gqlgen generate
