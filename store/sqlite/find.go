package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
)

// unplaced is kg.Date.SortKey of a date with no bounds.
const unplaced = "~"

// FindEvents returns one page of matching events and the number of all
// matches, both read from one snapshot. See kg.Store.
func (s *Store) FindEvents(ctx context.Context, f kg.EventFilter) (kg.EventPage, error) {
	if err := validateFilter(f); err != nil {
		return kg.EventPage{}, err
	}
	p := planFind(f)
	if err := s.stmts.prepare(ctx, s.read, p.texts()...); err != nil {
		return kg.EventPage{}, dbError("find events", err)
	}
	var page kg.EventPage
	err := s.readTx(ctx, "find events", func(tx *sql.Tx) error {
		q := s.in(tx)
		page.Total = -1
		if !f.NoTotal {
			if err := q.QueryRowContext(ctx, p.count, p.countArgs...).Scan(&page.Total); err != nil {
				return err
			}
		}
		ids, err := p.pageIDs(ctx, q, f.Limit)
		if err != nil || len(ids) == 0 {
			return err
		}
		byID, err := s.loadEvents(ctx, tx, ids)
		if err != nil {
			return err
		}
		page.Events = make([]*kg.Event, 0, len(ids))
		for _, id := range ids {
			if e := byID[id]; e != nil {
				page.Events = append(page.Events, e)
			}
		}
		return nil
	})
	if err != nil {
		return kg.EventPage{}, err
	}
	return page, nil
}

// CountEvents returns the number of events that match f, ignoring its
// cursor, order and limit.
func (s *Store) CountEvents(ctx context.Context, f kg.EventFilter) (int, error) {
	if err := validateFilter(f); err != nil {
		return 0, err
	}
	p := planFind(f)
	var n int
	if err := s.in(nil).QueryRowContext(ctx, p.count, p.countArgs...).Scan(&n); err != nil {
		return 0, dbError("count events", err)
	}
	return n, nil
}

// findPlan is the SQL of one FindEvents: the count of every match, and
// page queries that select (sort key, event ID) in page order, run one
// after the other until the page is full. Each page query's last
// parameter is its limit.
type findPlan struct {
	count     string
	countArgs []any
	pages     []sqlArgs
}

// texts returns the plan's queries, to be prepared before its
// transaction.
func (p findPlan) texts() []string {
	texts := []string{p.count}
	for _, pq := range p.pages {
		texts = append(texts, pq.query)
	}
	return texts
}

type sqlArgs struct {
	query string
	args  []any
}

// planFind reads the events of one entity from its participant rows when
// a participant field names exactly one entity, and from the events
// table otherwise.
func planFind(f kg.EventFilter) findPlan {
	if p, ok := planByEntity(f); ok {
		return p
	}
	return planByEvents(f)
}

// pageIDs runs the page queries until limit IDs are read (no limit when
// limit is 0).
func (p findPlan) pageIDs(ctx context.Context, q querier, limit int) ([]string, error) {
	var ids []string
	for _, pq := range p.pages {
		n := -1
		if limit > 0 {
			if n = limit - len(ids); n <= 0 {
				break
			}
		}
		rows, err := q.QueryContext(ctx, pq.query, append(slices.Clip(pq.args), n)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var key, id string
			if err := rows.Scan(&key, &id); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// planByEvents walks the events table in page order: keyset pagination on
// (sort key, id) keeps deep pages as cheap as the first, and descending
// order uses desc_key, which puts unplaced dates last there too.
func planByEvents(f kg.EventFilter) findPlan {
	conds, args := filterConds(f)
	where := whereOf(conds)
	var p findPlan
	if dated := f.From != "" || f.To != ""; dated && len(f.DocumentIDs) == 0 && !hasParticipants(f) {
		base, baseArgs := kindConds(f)
		p.count, p.countArgs = countOverlapping(base, baseArgs, f.From, f.To)
	} else {
		p.count, p.countArgs = `SELECT count(*) FROM events e`+where, args
	}
	key, op, dir := "e.sort_key", ">", "ASC"
	if f.Descending {
		key, op, dir = "e.desc_key", "<", "DESC"
	}
	q := `SELECT ` + key + `, e.id FROM events e` + where
	if f.After != nil {
		after := f.After.SortKey
		if f.Descending && after == unplaced {
			after = ""
		}
		q += joiner(where) + `(` + key + `, e.id) ` + op + ` (?, ?)`
		args = append(slices.Clip(args), after, f.After.ID)
	}
	q += ` ORDER BY ` + key + ` ` + dir + `, e.id ` + dir + ` LIMIT ?`
	p.pages = []sqlArgs{{q, args}}
	return p
}

func whereOf(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return ` WHERE ` + strings.Join(conds, ` AND `)
}

func joiner(where string) string {
	if where == "" {
		return ` WHERE `
	}
	return ` AND `
}

// filterConds returns f's conditions on the events table aliased e, to be
// joined with AND, and their arguments.
func filterConds(f kg.EventFilter) ([]string, []any) {
	conds, args := kindConds(f)
	if len(f.DocumentIDs) > 0 {
		conds, args = append(conds, `e.document_id IN `+inJSON), append(args, jsonIDs(f.DocumentIDs))
	}
	for _, s := range participantSlots(f) {
		if len(s.ids) > 0 {
			c, a := s.cond(`e.id`)
			conds, args = append(conds, c), append(args, a...)
		}
	}
	dc, da := dateConds(f.From, f.To)
	return append(conds, dc...), append(args, da...)
}

// kindConds returns f's conditions on type and status.
func kindConds(f kg.EventFilter) ([]string, []any) {
	var conds []string
	var args []any
	if len(f.Types) > 0 {
		conds, args = append(conds, `e.type IN (`+placeholders(len(f.Types))+`)`), append(args, stringArgs(asStrings(f.Types))...)
	}
	if len(f.Statuses) > 0 {
		conds, args = append(conds, `e.status IN (`+placeholders(len(f.Statuses))+`)`), append(args, stringArgs(asStrings(f.Statuses))...)
	}
	return conds, args
}

// dateConds returns the conditions of overlap with [from, to]: the event
// may fall in the range; an open bound of the event's date overlaps
// everything on that side, an unplaced date overlaps nothing.
func dateConds(from, to string) ([]string, []any) {
	if from == "" && to == "" {
		return nil, nil
	}
	conds := []string{`e.sort_key <> '~'`}
	var args []any
	if from != "" {
		conds, args = append(conds, `(e.date_latest IS NULL OR e.date_latest >= ?)`), append(args, from)
	}
	if to != "" {
		conds, args = append(conds, `(e.date_earliest IS NULL OR e.date_earliest <= ?)`), append(args, to)
	}
	return conds, args
}

func asStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func validateFilter(f kg.EventFilter) error {
	for _, t := range f.Types {
		if !t.Valid() {
			return kg.Errorf(kg.EINVALID, "unknown event type %q", t)
		}
	}
	for _, st := range f.Statuses {
		if !st.Valid() {
			return kg.Errorf(kg.EINVALID, "unknown status %q", st)
		}
	}
	switch {
	case !validDay(f.From):
		return kg.Errorf(kg.EINVALID, "from %q is not a YYYY-MM-DD day", f.From)
	case !validDay(f.To):
		return kg.Errorf(kg.EINVALID, "to %q is not a YYYY-MM-DD day", f.To)
	case f.From != "" && f.To != "" && f.From > f.To:
		return kg.Errorf(kg.EINVALID, "from %s is after to %s", f.From, f.To)
	case f.Limit < 0:
		return kg.Errorf(kg.EINVALID, "negative limit %d", f.Limit)
	case f.After != nil && f.After.SortKey != unplaced && (f.After.SortKey == "" || !validDay(f.After.SortKey)):
		return kg.Errorf(kg.EINVALID, "cursor sort key %q is not a day", f.After.SortKey)
	}
	return nil
}
