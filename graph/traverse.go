package graph

import (
	"context"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/newsgraph/kg/graph/export"
	"github.com/newsgraph/kg/graph/model"
)

// Defaults of Query.path; the subgraph's are export.DefaultDepth and
// export.DefaultMaxNodes, shared with the downloads.
const (
	DefaultMaxHops = 3
	DefaultPaths   = 5
)

// intArg reads an optional Int argument that has a schema default; an
// explicit null means the default too.
func intArg(v *int, def int) int {
	if v == nil {
		return def
	}
	return *v
}

// bounded checks that an argument lies in [lo, hi]: a traversal beyond its
// bounds is the client's mistake, reported rather than clamped.
func bounded(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return kg.Errorf(kg.EINVALID, "%s must be between %d and %d, got %d", name, lo, hi, v)
	}
	return nil
}

// oneEntity resolves an ID or name to the best-ranked entity's ID.
func (r *Resolver) oneEntity(ctx context.Context, arg, ref string) (string, error) {
	ids, err := r.entityRefs(ctx, ref, nil)
	if err != nil {
		return "", err
	}
	if len(ids) == 0 {
		return "", kg.Errorf(kg.ENOTFOUND, "%s: no entity is named %q", arg, ref)
	}
	return ids[0], nil
}

func (r *Resolver) paths(ctx context.Context, from, to string, maxHops *int, where *model.EventWhere, first *int) ([]*kg.Path, error) {
	hops := intArg(maxHops, DefaultMaxHops)
	if err := bounded("maxHops", hops, 1, kg.MaxPathHops); err != nil {
		return nil, err
	}
	n, err := pageSize(first, DefaultPaths)
	if err != nil {
		return nil, err
	}
	fromID, err := r.oneEntity(ctx, "from", from)
	if err != nil {
		return nil, err
	}
	toID, err := r.oneEntity(ctx, "to", to)
	if err != nil {
		return nil, err
	}
	f, none, err := r.eventFilter(ctx, where, nil)
	if err != nil || none || n == 0 {
		return []*kg.Path{}, err
	}
	ps, err := r.Store.Paths(ctx, kg.PathQuery{FromID: fromID, ToID: toID, MaxHops: hops, Events: f, Limit: n})
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Path, len(ps))
	for i := range ps {
		out[i] = &ps[i]
	}
	return out, nil
}

func (r *Resolver) subgraph(ctx context.Context, around []string, depth, maxNodes *int, where *model.EventWhere) (*model.Subgraph, error) {
	if err := bounded("the number of around entities", len(around), 1, export.MaxSeeds); err != nil {
		return nil, err
	}
	q := kg.SubgraphQuery{Depth: intArg(depth, export.DefaultDepth), MaxNodes: intArg(maxNodes, export.DefaultMaxNodes)}
	if err := bounded("depth", q.Depth, 1, kg.MaxSubgraphDepth); err != nil {
		return nil, err
	}
	if err := bounded("maxNodes", q.MaxNodes, 1, kg.MaxSubgraphNodes); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, ref := range around {
		ids, err := r.entityRefs(ctx, ref, nil)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				q.SeedIDs = append(q.SeedIDs, id)
			}
		}
	}
	if len(q.SeedIDs) == 0 {
		return nil, kg.Errorf(kg.ENOTFOUND, "around: no entity is named %q", around)
	}
	f, none, err := r.eventFilter(ctx, where, nil)
	if err != nil {
		return nil, err
	}
	q.Events = f
	var g *kg.Subgraph
	if none {
		// where names an entity that does not exist: no event qualifies,
		// and the neighbourhood is the seeds alone.
		g, err = r.seedsOnly(ctx, q.SeedIDs, q.MaxNodes)
	} else {
		g, err = r.Store.Subgraph(ctx, q)
	}
	if err != nil {
		return nil, err
	}
	// Nested fields (an event's agents, an entity's name) then read what
	// the subgraph already holds instead of calling the store.
	l := dataload.For(ctx)
	for _, e := range g.Entities {
		l.Entities.Prime(e.ID, e)
	}
	for _, e := range g.Events {
		l.Events.Prime(e.ID, e)
	}
	return model.NewSubgraph(g), nil
}

func (r *Resolver) seedsOnly(ctx context.Context, ids []string, maxNodes int) (*kg.Subgraph, error) {
	es, err := dataload.For(ctx).Entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	g := &kg.Subgraph{}
	for _, e := range es {
		if e != nil && len(g.Entities) < maxNodes {
			g.Entities = append(g.Entities, e)
		}
	}
	if len(g.Entities) == 0 {
		return nil, kg.Errorf(kg.ENOTFOUND, "around: no entity has the IDs %v", ids)
	}
	g.Truncated = len(g.Entities) < len(ids)
	return g, nil
}

// loadEvents loads events in order, leaving out missing ones, like
// entities does.
func loadEvents(ctx context.Context, ids []string) ([]*model.Event, error) {
	es, err := dataload.For(ctx).Events.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	found := make([]*kg.Event, 0, len(es))
	for _, e := range es {
		if e != nil {
			found = append(found, e)
		}
	}
	return eventViews(ctx, found)
}

// event loads one event that the store said exists; its absence is an
// error, like a missing document.
func event(ctx context.Context, id string) (*model.Event, error) {
	e, err := dataload.For(ctx).Events.Load(ctx, id)
	if err == nil && e == nil {
		err = kg.Errorf(kg.ENOTFOUND, "event %s not found", id)
	}
	if err != nil {
		return nil, err
	}
	return eventView(ctx, e)
}

func pathSteps(p *kg.Path) []*model.PathStep {
	steps := make([]*model.PathStep, 0, len(p.EventIDs))
	for i, ev := range p.EventIDs {
		if i+1 < len(p.EntityIDs) { // a malformed path loses its tail, not the request
			steps = append(steps, &model.PathStep{FromID: p.EntityIDs[i], EventID: ev, ToID: p.EntityIDs[i+1]})
		}
	}
	return steps
}
