package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/vektah/gqlparser/v2/ast"
)

// pageSelection is what the selection of an event connection asks for
// beyond the page's events.
type pageSelection struct {
	total     bool             // totalCount, which costs more than the page
	roles     map[kg.Role]bool // entities of participants in these roles
	anyRole   bool             // entities of every participant
	documents bool             // the event's and its evidence's documents
}

// selectedPage reads the selection of the event connection field being
// resolved: whether it asks for totalCount, and which entities and
// documents its events' fields will load (agents, objects, locations and
// participants need entities; document, and evidence's document, need
// documents). Outside a query it asks for the total and nothing else.
func selectedPage(ctx context.Context) pageSelection {
	need := pageSelection{roles: map[kg.Role]bool{}}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		need.total = true
		return need
	}
	oc := graphql.GetOperationContext(ctx)
	event := func(set ast.SelectionSet) {
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
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, []string{"EventConnection"}) {
		switch f.Name {
		case "totalCount":
			need.total = true
		case "nodes":
			event(f.Selections)
		case "edges":
			for _, g := range graphql.CollectFields(oc, f.Selections, []string{"EventEdge"}) {
				if g.Name == "node" {
					event(g.Selections)
				}
			}
		}
	}
	return need
}

// prefetch reads the entities and documents that the selection will ask
// the dataloaders for, one store call each, and primes the loaders with
// them. The loaders would batch the same lookups, but only after waiting
// dataload.Wait for the fields of every event to ask, and in goroutines
// of their own; reading them here, where the page was just read, spares
// each request that wait. A failed read primes nothing, and the loaders
// then report the error where the field asks.
func (r *Resolver) prefetch(ctx context.Context, es []*kg.Event, need pageSelection) {
	if len(es) == 0 || (len(need.roles) == 0 && !need.anyRole && !need.documents) {
		return
	}
	var entities, documents []string
	seenEntity, seenDocument := map[string]bool{}, map[string]bool{}
	add := func(ids *[]string, seen map[string]bool, id string) {
		if !seen[id] {
			seen[id] = true
			*ids = append(*ids, id)
		}
	}
	for _, e := range es {
		for _, p := range e.Participants {
			if need.anyRole || need.roles[p.Role] {
				add(&entities, seenEntity, p.EntityID)
			}
		}
		if need.documents {
			add(&documents, seenDocument, e.DocumentID)
			for _, v := range e.Evidence {
				add(&documents, seenDocument, v.DocumentID)
			}
		}
	}
	l := dataload.For(ctx)
	if len(entities) > 0 {
		if found, err := r.Store.Entities(ctx, entities); err == nil {
			for i, id := range entities {
				l.Entities.Prime(id, found[i])
			}
		}
	}
	if len(documents) > 0 {
		if found, err := r.Store.Documents(ctx, documents); err == nil {
			for i, id := range documents {
				l.Documents.Prime(id, found[i])
			}
		}
	}
}
