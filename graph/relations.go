package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/newsgraph/kg/graph/model"
)

// Defaults of the counterpart and conflict lists.
const (
	DefaultCounterparts = 20
	DefaultConflicts    = 20
)

// timeline is the entity's events in any role, with its roles on each edge.
func (r *Resolver) timeline(ctx context.Context, e model.Entity, where *model.EventWhere, sort *model.EventSort,
	first *int, after *string) (*model.TimelineConnection, error) {
	conn, err := r.entityEvents(ctx, e, nil, where, sort, first, after)
	if err != nil {
		return nil, err
	}
	tl := &model.TimelineConnection{Edges: make([]*model.TimelineEdge, len(conn.Edges)), Nodes: conn.Nodes,
		PageInfo: conn.PageInfo, TotalCount: conn.TotalCount}
	id := e.KG().ID
	for i, edge := range conn.Edges {
		roles := []kg.Role{}
		for _, p := range edge.Node.KG().Participants {
			if p.EntityID == id {
				roles = append(roles, p.Role)
			}
		}
		tl.Edges[i] = &model.TimelineEdge{Cursor: edge.Cursor, Node: edge.Node, Roles: roles}
	}
	return tl, nil
}

func (r *Resolver) counterparts(ctx context.Context, e model.Entity, types []kg.EventType, first *int) ([]*kg.Counterpart, error) {
	n, err := pageSize(first, DefaultCounterparts)
	if err != nil || n == 0 {
		return []*kg.Counterpart{}, err
	}
	cs, err := r.Store.Counterparts(ctx, kg.CounterpartQuery{EntityID: e.KG().ID, Types: types, Limit: n})
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Counterpart, len(cs))
	for i := range cs {
		out[i] = &cs[i]
		if c := cs[i].Entity; c != nil {
			dataload.For(ctx).Entities.Prime(c.ID, c)
		}
	}
	return out, nil
}

// conflicts answers Query.conflicts and Agreement.conflicts; ids empty
// means every entity.
func (r *Resolver) conflicts(ctx context.Context, ids []string, types []kg.EventType, first *int) ([]*kg.Conflict, error) {
	n, err := pageSize(first, DefaultConflicts)
	if err != nil || n == 0 {
		return []*kg.Conflict{}, err
	}
	cs, err := r.Store.Conflicts(ctx, kg.ConflictFilter{EntityIDs: ids, Types: types, Limit: n})
	if err != nil {
		return nil, err
	}
	l := dataload.For(ctx)
	out := make([]*kg.Conflict, len(cs))
	for i := range cs {
		out[i] = &cs[i]
		for _, e := range []*kg.Event{cs[i].A, cs[i].B} {
			l.Events.Prime(e.ID, e)
		}
	}
	return out, nil
}

// verbs phrase each event type after its agents; ENTERED_INTO_FORCE has
// the agreement as subject instead.
var verbs = map[kg.EventType]string{kg.EventSigned: "signed", kg.EventApproved: "approved", kg.EventRatified: "ratified",
	kg.EventProposed: "proposed", kg.EventWithdrew: "withdrew from"}

// conflictSummary writes one line on what the two sources say: "Sources
// disagree on when Federation Council approved Treaty X: 2025-04-16
// (“Title A”) vs 2025-04-18 (“Title B”)." Every lookup is queued before
// any is awaited, so that the summaries of a list share batches.
func conflictSummary(ctx context.Context, c *kg.Conflict) (string, error) {
	l := dataload.For(ctx)
	// The agents both sides name are the ones they disagree about; when
	// one side names none, the other side's say who acted.
	agents := shared(c.A.Agents(), c.B.Agents())
	if len(agents) == 0 {
		agents = append(c.A.Agents(), c.B.Agents()...)
	}
	agentsT := l.Entities.LoadAllThunk(ctx, agents)
	objectsT := l.Entities.LoadAllThunk(ctx, shared(c.A.Objects(), c.B.Objects()))
	docA, docB := l.Documents.LoadThunk(ctx, c.A.DocumentID), l.Documents.LoadThunk(ctx, c.B.DocumentID)
	who, err := names(agentsT())
	if err != nil {
		return "", err
	}
	what, err := names(objectsT())
	if err != nil {
		return "", err
	}
	action := what + " entered into force"
	if c.A.Type != kg.EventEnteredIntoForce {
		action = strings.TrimSpace(who + " " + verbs[c.A.Type] + " " + what)
	}
	side := func(e *kg.Event, doc func() (*kg.Document, error)) (string, error) {
		d, err := doc()
		if err != nil || d == nil {
			return "", err
		}
		claim := e.Date.Value
		if claim == "" {
			claim = "undated"
		}
		if c.Kind == kg.ConflictStatus {
			claim = string(e.Status)
		}
		return fmt.Sprintf("%s (“%s”)", claim, d.Title), nil
	}
	a, err := side(c.A, docA)
	if err != nil {
		return "", err
	}
	b, err := side(c.B, docB)
	if err != nil {
		return "", err
	}
	question := "when"
	if c.Kind == kg.ConflictStatus {
		question = "whether"
	}
	return fmt.Sprintf("Sources disagree on %s %s: %s vs %s.", question, action, a, b), nil
}

func names(es []*kg.Entity, err error) (string, error) {
	var ns []string
	for _, e := range es {
		if e != nil {
			ns = append(ns, e.Name)
		}
	}
	return strings.Join(ns, " and "), err
}

func shared(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}
