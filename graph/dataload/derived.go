package dataload

import (
	"context"
	"fmt"

	"github.com/newsgraph/kg"
)

// MaxAgreementEvents caps the events AgreementEvents keeps per agreement,
// earliest first, so that one famous treaty cannot fill a request's memory.
const MaxAgreementEvents = 1000

// agreementEvents loads the events that have each agreement as object, in
// date order. One FindEvents serves the whole batch when the agreements
// together have few enough events; otherwise each agreement gets its own
// capped call, so a busy agreement cannot crowd out the others.
func agreementEvents(s kg.Store) func(context.Context, []string) ([][]*kg.Event, []error) {
	return func(ctx context.Context, ids []string) ([][]*kg.Event, []error) {
		out := make([][]*kg.Event, len(ids))
		limit := MaxAgreementEvents * len(ids)
		page, err := s.FindEvents(ctx, kg.EventFilter{ObjectIDs: ids, Limit: limit})
		if err != nil {
			return nil, []error{fmt.Errorf("events of agreements: %w", err)}
		}
		if page.Total <= limit {
			index := make(map[string]int, len(ids))
			for i, id := range ids {
				index[id] = i
			}
			for _, e := range page.Events {
				// An event may have several of the batch's agreements as
				// objects; it belongs to each.
				for _, o := range e.Objects() {
					if i, ok := index[o]; ok {
						out[i] = append(out[i], e)
					}
				}
			}
			return out, nil
		}
		for i, id := range ids {
			page, err := s.FindEvents(ctx, kg.EventFilter{ObjectIDs: []string{id}, Limit: MaxAgreementEvents})
			if err != nil {
				return nil, []error{fmt.Errorf("events of agreement %s: %w", id, err)}
			}
			out[i] = page.Events
		}
		return out, nil
	}
}

// statesByCountry finds, for each ISO country code, the stored State with
// that code (the first by ID when several claim it), or nil. States are
// few, so reading all of them is one call.
func statesByCountry(s kg.Store) func(context.Context, []string) ([]*kg.Entity, []error) {
	return func(ctx context.Context, codes []string) ([]*kg.Entity, []error) {
		byCode := map[string]*kg.Entity{}
		after := ""
		for {
			const page = 1000
			es, err := s.ListEntities(ctx, kg.EntityList{Kinds: []kg.EntityKind{kg.KindState}, After: after, Limit: page})
			if err != nil {
				return nil, []error{fmt.Errorf("list states: %w", err)}
			}
			for _, e := range es {
				if _, seen := byCode[e.Country]; e.Country != "" && !seen {
					byCode[e.Country] = e
				}
			}
			if len(es) < page {
				break
			}
			after = es[len(es)-1].ID
		}
		out := make([]*kg.Entity, len(codes))
		for i, c := range codes {
			out[i] = byCode[c]
		}
		return out, nil
	}
}
