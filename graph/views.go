package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/newsgraph/kg/graph/model"
	"github.com/vektah/gqlparser/v2/ast"
)

// eventNeeds is what a selection asks of its events beyond their own
// columns: the entities of some roles, and documents.
type eventNeeds struct {
	total     bool             // totalCount of a connection, which costs more than the page
	roles     map[kg.Role]bool // entities of participants in these roles
	anyRole   bool             // entities of every participant
	documents bool             // the event's and its evidence's documents
}

// eventWrappers are the types between a connection and its events. The
// walk goes down through them and no further, so the events of an
// event's entities are left to their own fields.
var eventWrappers = map[string]bool{"EventEdge": true, "TimelineEdge": true}

// selectedEvents reads what the selection of the field being resolved
// asks of the events it returns (itself, in a list, in a connection's
// nodes or edges, or in an AgreementStage), through
// fragments, aliases and @skip/@include. Outside a query it asks for the
// total and every reference.
func selectedEvents(ctx context.Context) eventNeeds {
	need := eventNeeds{roles: map[kg.Role]bool{}}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || !graphql.HasOperationContext(ctx) {
		return eventNeeds{total: true, anyRole: true, documents: true}
	}
	oc := graphql.GetOperationContext(ctx)
	var walk func(typ string, set ast.SelectionSet)
	walk = func(typ string, set ast.SelectionSet) {
		if typ == "Event" || typ == "Node" {
			need.event(oc, set)
			return
		}
		for _, f := range graphql.CollectFields(oc, set, []string{typ}) {
			if f.Name == "totalCount" {
				need.total = true
			}
			if f.Definition == nil {
				continue
			}
			if t := f.Definition.Type.Name(); t == "Event" || eventWrappers[t] {
				walk(t, f.Selections)
			}
		}
	}
	walk(fc.Field.Definition.Type.Name(), fc.Field.Selections)
	return need
}

// event adds what one Event selection asks for: agents, objects,
// locations and participants need entities; document, and evidence's
// document, need documents.
func (need *eventNeeds) event(oc *graphql.OperationContext, set ast.SelectionSet) {
	for _, f := range graphql.CollectFields(oc, set, []string{"Event", "Node"}) {
		switch f.Name {
		case "agents":
			need.roles[kg.RoleAgent] = true
		case "objects":
			need.roles[kg.RoleObject] = true
		case "locations":
			need.roles[kg.RoleLocation] = true
		case "participants":
			need.anyRole = true
		case "document":
			need.documents = true
		case "evidence":
			for _, g := range graphql.CollectFields(oc, f.Selections, []string{"Evidence"}) {
				need.documents = need.documents || g.Name == "document"
			}
		}
	}
}

// references lists, without repeats, the entity and document IDs that
// need asks of es.
func (need eventNeeds) references(es []*kg.Event) (entities, documents []string) {
	seen := map[string]bool{}
	add := func(ids *[]string, id string) {
		if !seen[id] {
			seen[id] = true
			*ids = append(*ids, id)
		}
	}
	for _, e := range es {
		for _, p := range e.Participants {
			if need.anyRole || need.roles[p.Role] {
				add(&entities, p.EntityID)
			}
		}
		if need.documents {
			add(&documents, e.DocumentID)
			for _, v := range e.Evidence {
				add(&documents, v.DocumentID)
			}
		}
	}
	return entities, documents
}

// eventViews returns es as GraphQL events, with the entities and
// documents that the current field's selection shows read through the
// request's loaders: one batch for all of es, shared with the sibling
// fields that load at the same time.
func eventViews(ctx context.Context, es []*kg.Event) ([]*model.Event, error) {
	return viewsFor(ctx, es, selectedEvents(ctx))
}

// eventView is eventViews for one event; nil stays nil.
func eventView(ctx context.Context, e *kg.Event) (*model.Event, error) {
	if e == nil {
		return nil, nil
	}
	vs, err := eventViews(ctx, []*kg.Event{e})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

func viewsFor(ctx context.Context, es []*kg.Event, need eventNeeds) ([]*model.Event, error) {
	entityIDs, documentIDs := need.references(es)
	l := dataload.For(ctx)
	// Both loads are queued before either is awaited, so that they share
	// a batch window.
	entitiesT := l.Entities.LoadAllThunk(ctx, entityIDs)
	documentsT := l.Documents.LoadAllThunk(ctx, documentIDs)
	entities, err := entitiesT()
	if err != nil {
		return nil, err
	}
	documents, err := documentsT()
	if err != nil {
		return nil, err
	}
	return newViews(es, entityIDs, entities, documentIDs, documents), nil
}

// pageViews is viewsFor for a page the events field has just read. It
// reads the page's references straight from the store, one call each,
// and primes the loaders with them for the query's other fields: the
// loaders would batch the same lookups, but only after waiting
// dataload.Wait for other fields to ask. When a read fails it leaves the
// page to the loaders, which report the error.
func (r *Resolver) pageViews(ctx context.Context, es []*kg.Event, need eventNeeds) ([]*model.Event, error) {
	entityIDs, documentIDs := need.references(es)
	var entities []*kg.Entity
	var documents []*kg.Document
	var err error
	if len(entityIDs) > 0 {
		entities, err = r.Store.Entities(ctx, entityIDs)
	}
	if err == nil && len(documentIDs) > 0 {
		documents, err = r.Store.Documents(ctx, documentIDs)
	}
	if err != nil {
		return viewsFor(ctx, es, need)
	}
	l := dataload.For(ctx)
	for i, id := range entityIDs {
		l.Entities.Prime(id, entities[i])
	}
	for i, id := range documentIDs {
		l.Documents.Prime(id, documents[i])
	}
	return newViews(es, entityIDs, entities, documentIDs, documents), nil
}

// newViews wraps es with one Refs over the entities and documents read
// for them, found[i] being the record of ids[i] or nil.
func newViews(es []*kg.Event, entityIDs []string, entities []*kg.Entity, documentIDs []string, documents []*kg.Document) []*model.Event {
	refs := &model.Refs{Entities: make(map[string]*kg.Entity, len(entities)),
		Documents: make(map[string]*kg.Document, len(documents))}
	for i, e := range entities {
		refs.Entities[entityIDs[i]] = e
	}
	for i, d := range documents {
		refs.Documents[documentIDs[i]] = d
	}
	out := make([]*model.Event, len(es))
	for i, e := range es {
		out[i] = model.NewEvent(e, refs)
	}
	return out
}
