package graph

import (
	"context"
	"slices"
	"time"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/newsgraph/kg/graph/model"
)

// partyTypes are the actions that make an actor a party to an agreement;
// proposing one does not, and withdrawing is listed on its own.
var partyTypes = []kg.EventType{kg.EventSigned, kg.EventApproved, kg.EventRatified, kg.EventEnteredIntoForce}

// stageRank orders an agreement's life; see Agreement.stageAsOf.
var stageRank = map[kg.EventType]int{kg.EventProposed: 1, kg.EventSigned: 2, kg.EventApproved: 3,
	kg.EventRatified: 4, kg.EventEnteredIntoForce: 5, kg.EventWithdrew: 6}

// agreementEvents visits, in date order, the events that have agreement id
// as object and match f's types, statuses and date range, until visit
// returns false. The request's AgreementEvents loader serves agreements
// with fewer than dataload.MaxAgreementEvents events, in one store call
// for all agreements of a response; a busier agreement is paged from the
// store so that no answer is cut short.
func (r *Resolver) agreementEvents(ctx context.Context, id string, f kg.EventFilter, visit func(*kg.Event) bool) error {
	loaded, err := dataload.For(ctx).AgreementEvents.Load(ctx, id)
	if err != nil {
		return err
	}
	if len(loaded) < dataload.MaxAgreementEvents {
		for _, e := range loaded {
			if (len(f.Types) == 0 || slices.Contains(f.Types, e.Type)) &&
				(len(f.Statuses) == 0 || slices.Contains(f.Statuses, e.Status)) &&
				(f.From == "" && f.To == "" || e.Date.Overlaps(f.From, f.To)) && !visit(e) {
				return nil
			}
		}
		return nil
	}
	f.ObjectIDs, f.Limit = []string{id}, dataload.MaxAgreementEvents
	for {
		page, err := r.Store.FindEvents(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range page.Events {
			if !visit(e) {
				return nil
			}
		}
		if len(page.Events) < f.Limit {
			return nil
		}
		last := page.Events[len(page.Events)-1]
		f.After = &kg.EventCursor{SortKey: last.Date.SortKey(), ID: last.ID}
	}
}

// agreementList answers signings, approvals and the other per-type lists.
func (r *Resolver) agreementList(ctx context.Context, a model.Entity, t kg.EventType, statuses []kg.Status, first *int) ([]*model.Event, error) {
	n, err := pageSize(first, MaxPageSize)
	if err != nil || n == 0 {
		return []*model.Event{}, err
	}
	var out []*kg.Event
	err = r.agreementEvents(ctx, a.KG().ID, kg.EventFilter{Types: []kg.EventType{t}, Statuses: statuses}, func(e *kg.Event) bool {
		out = append(out, e)
		return len(out) < n
	})
	if err != nil {
		return nil, err
	}
	return eventViews(ctx, out)
}

// actors lists, in the order they first acted, the agents of the
// agreement's OCCURRED events of the given types.
func (r *Resolver) actors(ctx context.Context, a model.Entity, types []kg.EventType) ([]string, error) {
	var ids []string
	seen := map[string]bool{}
	f := kg.EventFilter{Types: types, Statuses: []kg.Status{kg.StatusOccurred}}
	err := r.agreementEvents(ctx, a.KG().ID, f, func(e *kg.Event) bool {
		for _, id := range e.Agents() {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		return true
	})
	return ids, err
}

func (r *Resolver) signatories(ctx context.Context, a model.Entity) ([]model.Entity, error) {
	ids, err := r.actors(ctx, a, []kg.EventType{kg.EventSigned})
	if err != nil {
		return nil, err
	}
	return entities(ctx, ids)
}

// parties maps every party actor to a state: a state stands for itself,
// an institution or a person for the state of its country code.
func (r *Resolver) parties(ctx context.Context, a model.Entity) ([]*model.State, error) {
	ids, err := r.actors(ctx, a, partyTypes)
	if err != nil {
		return nil, err
	}
	l := dataload.For(ctx)
	actors, err := l.Entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	codes := make([]string, len(actors))
	for i, e := range actors {
		if e != nil && e.Kind != kg.KindState {
			codes[i] = e.Country
		}
	}
	states, err := l.StatesByCountry.LoadAll(ctx, codes)
	if err != nil {
		return nil, err
	}
	out := []*model.State{}
	seen := map[string]bool{}
	for i, e := range actors {
		if e != nil && e.Kind == kg.KindState {
			states[i] = e
		}
		if st, ok := model.NewEntity(states[i]).(model.State); ok && !seen[st.ID()] {
			seen[st.ID()] = true
			out = append(out, &st)
		}
	}
	return out, nil
}

// stageAsOf finds the furthest stage an OCCURRED event reached for certain
// by date. Events come in date order, so the first event of a higher rank
// is the earliest that reached it.
func (r *Resolver) stageAsOf(ctx context.Context, a model.Entity, date string) (*model.AgreementStage, error) {
	if _, err := time.Parse(kg.DayLayout, date); err != nil {
		return nil, kg.Errorf(kg.EINVALID, "date must be a day as YYYY-MM-DD, got %q", date)
	}
	var best *kg.Event
	f := kg.EventFilter{Statuses: []kg.Status{kg.StatusOccurred}, To: date}
	err := r.agreementEvents(ctx, a.KG().ID, f, func(e *kg.Event) bool {
		if e.Date.Latest != "" && e.Date.Latest <= date && (best == nil || stageRank[e.Type] > stageRank[best.Type]) {
			best = e
		}
		return true
	})
	if err != nil || best == nil {
		return nil, err
	}
	view, err := eventView(ctx, best)
	if err != nil {
		return nil, err
	}
	return &model.AgreementStage{Stage: best.Type, AsOf: date, Event: view}, nil
}
