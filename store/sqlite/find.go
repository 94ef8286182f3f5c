package sqlite

import (
	"context"
	"database/sql"
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
	var page kg.EventPage
	err := s.readTx(ctx, "find events", func(tx *sql.Tx) error {
		where, args := whereClause(f)
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM events e`+where, args...).Scan(&page.Total); err != nil {
			return err
		}
		ids, err := pageIDs(ctx, tx, f, where, args)
		if err != nil || len(ids) == 0 {
			return err
		}
		byID, err := loadEvents(ctx, tx, ids)
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
	where, args := whereClause(f)
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM events e`+where, args...).Scan(&n); err != nil {
		return 0, dbError("count events", err)
	}
	return n, nil
}

// pageIDs returns the IDs of one page, in order. Keyset pagination on
// (sort key, id) keeps deep pages as cheap as the first. Descending order
// uses desc_key, which puts unplaced dates last there too.
func pageIDs(ctx context.Context, tx *sql.Tx, f kg.EventFilter, where string, args []any) ([]string, error) {
	key, op, dir := "e.sort_key", ">", "ASC"
	if f.Descending {
		key, op, dir = "e.desc_key", "<", "DESC"
	}
	q := `SELECT e.id FROM events e` + where
	if f.After != nil {
		after := f.After.SortKey
		if f.Descending && after == unplaced {
			after = ""
		}
		q += joiner(where) + `(` + key + `, e.id) ` + op + ` (?, ?)`
		args = append(args, after, f.After.ID)
	}
	q += ` ORDER BY ` + key + ` ` + dir + `, e.id ` + dir + ` LIMIT ?`
	limit := f.Limit
	if limit == 0 {
		limit = -1
	}
	args = append(args, limit)
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func joiner(where string) string {
	if where == "" {
		return ` WHERE `
	}
	return ` AND `
}

// whereClause turns f into " WHERE …" with ? placeholders and their
// arguments; the SQL text depends only on which fields are set and how
// many values they hold, never on the values.
func whereClause(f kg.EventFilter) (string, []any) {
	conds, args := filterConds(f)
	if len(conds) == 0 {
		return "", nil
	}
	return ` WHERE ` + strings.Join(conds, ` AND `), args
}

// filterConds returns f's conditions on the events table aliased e, to be
// joined with AND, and their arguments.
func filterConds(f kg.EventFilter) ([]string, []any) {
	var conds []string
	var args []any
	in := func(col string, vals []string) {
		conds = append(conds, col+` IN (`+placeholders(len(vals))+`)`)
		args = append(args, stringArgs(vals)...)
	}
	if len(f.Types) > 0 {
		in("e.type", asStrings(f.Types))
	}
	if len(f.Statuses) > 0 {
		in("e.status", asStrings(f.Statuses))
	}
	if len(f.DocumentIDs) > 0 {
		in("e.document_id", f.DocumentIDs)
	}
	role := func(r kg.Role, ids []string) {
		q := `e.id IN (SELECT p.event_id FROM event_participants p WHERE p.entity_id IN (` + placeholders(len(ids)) + `)`
		args = append(args, stringArgs(ids)...)
		if r != "" {
			q += ` AND p.role = ?`
			args = append(args, string(r))
		}
		conds = append(conds, q+`)`)
	}
	if len(f.AgentIDs) > 0 {
		role(kg.RoleAgent, f.AgentIDs)
	}
	if len(f.ObjectIDs) > 0 {
		role(kg.RoleObject, f.ObjectIDs)
	}
	if len(f.LocationIDs) > 0 {
		role(kg.RoleLocation, f.LocationIDs)
	}
	if len(f.ParticipantIDs) > 0 {
		role("", f.ParticipantIDs)
	}
	// Overlap: the event may fall in [From, To]; an open bound of the
	// event's date overlaps everything on that side, an unplaced date
	// overlaps nothing.
	if f.From != "" || f.To != "" {
		conds = append(conds, `e.sort_key <> '~'`)
	}
	if f.From != "" {
		conds = append(conds, `(e.date_latest IS NULL OR e.date_latest >= ?)`)
		args = append(args, f.From)
	}
	if f.To != "" {
		conds = append(conds, `(e.date_earliest IS NULL OR e.date_earliest <= ?)`)
		args = append(args, f.To)
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
