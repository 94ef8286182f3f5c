package graph

import (
	"context"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/newsgraph/kg/graph/export"
	"github.com/newsgraph/kg/graph/model"
)

// MaxNodes caps the IDs of one nodes(ids:) call, like a page.
const MaxNodes = MaxPageSize

// entityRefs resolves what a client wrote for an entity, an ID or a name,
// to IDs (see export.EntityRefs), and caches the entities it read.
func (r *Resolver) entityRefs(ctx context.Context, ref string, kind *kg.EntityKind) ([]string, error) {
	var kinds []kg.EntityKind
	if kind != nil {
		kinds = []kg.EntityKind{*kind}
	}
	ids, found, err := export.EntityRefs(ctx, r.Store, ref, kinds)
	for _, e := range found {
		dataload.For(ctx).Entities.Prime(e.ID, e)
	}
	return ids, err
}

// lookupEntity returns the entity a reference names, or nil.
func (r *Resolver) lookupEntity(ctx context.Context, ref string, kind *kg.EntityKind) (model.Entity, error) {
	ids, err := r.entityRefs(ctx, ref, kind)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	e, err := dataload.For(ctx).Entities.Load(ctx, ids[0])
	if err != nil || e == nil || (kind != nil && e.Kind != *kind) {
		return nil, err
	}
	return model.NewEntity(e), nil
}

// nodes loads objects by global ID. Global IDs are the kg IDs, whose
// prefix names the type; an unknown prefix or a missing object is null,
// as Relay's node field expects, not an error. All lookups are queued
// before any is awaited so that they share batches; the events' own
// references are then read in one more batch.
func (r *Resolver) nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	if len(ids) > MaxNodes {
		return nil, kg.Errorf(kg.EINVALID, "at most %d ids, got %d", MaxNodes, len(ids))
	}
	l := dataload.For(ctx)
	thunks := make([]func() (model.Node, error), len(ids))
	var events []*kg.Event
	var eventAt []int
	for i, id := range ids {
		prefix, _, _ := strings.Cut(id, ":")
		switch {
		case prefix == "event":
			t := l.Events.LoadThunk(ctx, id)
			thunks[i] = func() (model.Node, error) {
				e, err := t()
				if e != nil {
					events, eventAt = append(events, e), append(eventAt, i)
				}
				return nil, err
			}
		case prefix == "doc":
			t := l.Documents.LoadThunk(ctx, id)
			thunks[i] = func() (model.Node, error) { return nodeOf(t()) }
		case export.IsEntityID(id):
			t := l.Entities.LoadThunk(ctx, id)
			thunks[i] = func() (model.Node, error) {
				e, err := t()
				if err != nil || e == nil {
					return nil, err
				}
				return model.NewEntity(e), nil
			}
		default:
			thunks[i] = func() (model.Node, error) { return nil, nil }
		}
	}
	out := make([]model.Node, len(ids))
	for i, t := range thunks {
		n, err := t()
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	views, err := eventViews(ctx, events)
	if err != nil {
		return nil, err
	}
	for j, v := range views {
		out[eventAt[j]] = v
	}
	return out, nil
}

// nodeOf turns a loaded pointer into a Node, keeping a missing one an
// untyped nil so that it renders as null.
func nodeOf[T any](v *T, err error) (model.Node, error) {
	if err != nil || v == nil {
		return nil, err
	}
	return v, nil
}

// entities loads entities in order, leaving out missing ones: a
// participant whose entity vanished should not hide the whole event.
func entities(ctx context.Context, ids []string) ([]model.Entity, error) {
	es, err := dataload.For(ctx).Entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]model.Entity, 0, len(es))
	for _, e := range es {
		if m := model.NewEntity(e); m != nil {
			out = append(out, m)
		}
	}
	return out, nil
}

// entity loads an entity that the store said exists; its absence breaks
// the store's invariant, so it is an error rather than null.
func entity(ctx context.Context, id string) (model.Entity, error) {
	e, err := dataload.For(ctx).Entities.Load(ctx, id)
	if err == nil && e == nil {
		err = kg.Errorf(kg.ENOTFOUND, "entity %s not found", id)
	}
	return model.NewEntity(e), err
}
