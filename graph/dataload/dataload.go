// Package dataload batches the entity, document and event lookups of one
// GraphQL request into few store calls. It is named dataload, not loaders,
// because package loaders is ingestion.
package dataload

import (
	"context"
	"time"

	"github.com/newsgraph/kg"
	"github.com/vikstrous/dataloadgen"
)

// Wait is how long a loader collects keys before it calls the store.
// gqlgen starts sibling field resolvers together, so a short wait already
// gathers a whole level of a query; dataloadgen's default of 16ms would add
// that much latency to every level.
const Wait = time.Millisecond

// Loaders batch and cache lookups by ID for one request. A missing ID loads
// as nil without error, so a resolver decides whether absence is an error.
type Loaders struct {
	Entities  *dataloadgen.Loader[string, *kg.Entity]
	Documents *dataloadgen.Loader[string, *kg.Document]
	Events    *dataloadgen.Loader[string, *kg.Event]
	// AgreementEvents maps an agreement ID to its events as object, in
	// date order, at most MaxAgreementEvents of them; every Agreement
	// field derives from this one list.
	AgreementEvents *dataloadgen.Loader[string, []*kg.Event]
	// StatesByCountry maps an ISO country code to the stored State.
	StatesByCountry *dataloadgen.Loader[string, *kg.Entity]
}

// New returns fresh loaders over s. Make one per request: the loaders cache
// what they load, and a request must not see another's stale values.
func New(s kg.Store) *Loaders {
	return &Loaders{
		Entities:  dataloadgen.NewLoader(batch(s.Entities), dataloadgen.WithWait(Wait)),
		Documents: dataloadgen.NewLoader(batch(s.Documents), dataloadgen.WithWait(Wait)),
		Events:    dataloadgen.NewLoader(batch(s.Events), dataloadgen.WithWait(Wait)),

		AgreementEvents: dataloadgen.NewLoader(agreementEvents(s), dataloadgen.WithWait(Wait)),
		StatesByCountry: dataloadgen.NewLoader(statesByCountry(s), dataloadgen.WithWait(Wait)),
	}
}

// batch adapts a kg.Store batch call, which returns values in key order
// with nil for missing ones, to dataloadgen's fetch signature.
func batch[V any](fetch func(context.Context, []string) ([]*V, error)) func(context.Context, []string) ([]*V, []error) {
	return func(ctx context.Context, ids []string) ([]*V, []error) {
		vs, err := fetch(ctx, ids)
		if err != nil {
			return nil, []error{err}
		}
		return vs, nil
	}
}

type ctxKey struct{}

// With returns ctx carrying l.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the loaders that With put in ctx. It panics when there are
// none: that is a wiring mistake, not a request error.
func For(ctx context.Context) *Loaders {
	l, ok := ctx.Value(ctxKey{}).(*Loaders)
	if !ok {
		panic("dataload: no loaders in context; install graph.NewHandler's operation middleware")
	}
	return l
}
