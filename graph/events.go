package graph

import (
	"context"
	"encoding/base64"
	"encoding/json"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/model"
)

// Page sizes of every connection and list with a `first` argument.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// pageSize checks a client's `first`: nil means def, and anything outside
// 0..MaxPageSize is a user error rather than silently clamped, so a client
// never mistakes a short page for the end.
func pageSize(first *int, def int) (int, error) {
	if first == nil {
		return def, nil
	}
	if *first < 0 || *first > MaxPageSize {
		return 0, kg.Errorf(kg.EINVALID, "first must be between 0 and %d, got %d", MaxPageSize, *first)
	}
	return *first, nil
}

// encodeCursor makes the opaque cursor of e: base64 of a kg.EventCursor.
func encodeCursor(e *kg.Event) string {
	b, _ := json.Marshal(kg.EventCursor{SortKey: e.Date.SortKey(), ID: e.ID})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(after *string) (*kg.EventCursor, error) {
	if after == nil || *after == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(*after)
	var c kg.EventCursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.ID == "" {
		return nil, kg.Errorf(kg.EINVALID, "after: malformed cursor %q", *after)
	}
	return &c, nil
}

// eventFilter turns where and sort into a store filter. none reports that
// an entity named in where does not exist, so nothing can match.
func (r *Resolver) eventFilter(ctx context.Context, where *model.EventWhere, sort *model.EventSort) (f kg.EventFilter, none bool, err error) {
	if sort != nil && sort.Date != nil && *sort.Date == model.SortDirectionDesc {
		f.Descending = true
	}
	if where == nil {
		return f, false, nil
	}
	f.Types, f.Statuses = where.Types, where.Statuses
	if where.Document != nil {
		f.DocumentIDs = []string{*where.Document}
	}
	f.From, f.To = deref(where.DateFrom), deref(where.DateTo)
	for _, ref := range []struct {
		name *string
		ids  *[]string
	}{{where.Agent, &f.AgentIDs}, {where.Object, &f.ObjectIDs}, {where.Participant, &f.ParticipantIDs}} {
		if ref.name == nil {
			continue
		}
		ids, err := r.entityRefs(ctx, *ref.name, nil)
		if err != nil {
			return f, false, err
		}
		if len(ids) == 0 {
			return f, true, nil
		}
		*ref.ids = ids
	}
	return f, false, nil
}

// events answers every event connection: the top-level query, an entity's
// events and a document's events.
func (r *Resolver) events(ctx context.Context, where *model.EventWhere, sort *model.EventSort, first *int, after *string,
	narrow func(*kg.EventFilter) error) (*model.EventConnection, error) {
	n, err := pageSize(first, DefaultPageSize)
	if err != nil {
		return nil, err
	}
	cursor, err := decodeCursor(after)
	if err != nil {
		return nil, err
	}
	f, none, err := r.eventFilter(ctx, where, sort)
	if err != nil {
		return nil, err
	}
	if narrow != nil {
		if err := narrow(&f); err != nil {
			return nil, err
		}
	}
	conn := &model.EventConnection{Edges: []*model.EventEdge{}, Nodes: []*model.Event{},
		PageInfo: &model.PageInfo{HasPreviousPage: cursor != nil}}
	if none {
		return conn, nil
	}
	// One more than asked tells whether another page follows.
	f.After, f.Limit = cursor, n+1
	sel := selectedEvents(ctx)
	f.NoTotal = !sel.total
	page, err := r.Store.FindEvents(ctx, f)
	if err != nil {
		return nil, err
	}
	es := page.Events
	if len(es) > n {
		es, conn.PageInfo.HasNextPage = es[:n], true
	}
	views, err := r.pageViews(ctx, es, sel)
	if err != nil {
		return nil, err
	}
	conn.TotalCount, conn.Nodes = page.Total, views
	for i, e := range es {
		conn.Edges = append(conn.Edges, &model.EventEdge{Cursor: encodeCursor(e), Node: views[i]})
	}
	if len(es) > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[len(es)-1].Cursor
	}
	return conn, nil
}

// entityEvents is the events connection of one entity, in role or in any.
func (r *Resolver) entityEvents(ctx context.Context, e model.Entity, role *kg.Role, where *model.EventWhere,
	sort *model.EventSort, first *int, after *string) (*model.EventConnection, error) {
	return r.events(ctx, where, sort, first, after, func(f *kg.EventFilter) error {
		slot, field := &f.ParticipantIDs, "participant"
		if role != nil {
			switch *role {
			case kg.RoleAgent:
				slot, field = &f.AgentIDs, "agent"
			case kg.RoleObject:
				slot, field = &f.ObjectIDs, "object"
			case kg.RoleLocation:
				// EventWhere has no location field, so nothing can clash.
				slot, field = &f.LocationIDs, "location"
			default:
				return kg.Errorf(kg.EINVALID, "unknown role %q", *role)
			}
		}
		if len(*slot) > 0 {
			return kg.Errorf(kg.EINVALID, "where.%s cannot be combined with the entity's own events in that role", field)
		}
		*slot = []string{e.KG().ID}
		return nil
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
