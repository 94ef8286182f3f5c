package sqlite

import (
	"slices"

	"github.com/newsgraph/kg"
)

// slot is one participant field of a filter: the entities it names and
// their role, "" for any.
type slot struct {
	role kg.Role
	ids  []string
}

// cond returns the condition that the event whose ID is eventID has one
// of the slot's entities in its role, and its arguments.
func (s slot) cond(eventID string) (string, []any) {
	c := eventID + ` IN (SELECT q.event_id FROM event_participants q WHERE q.entity_id IN ` + inJSON
	args := []any{jsonIDs(s.ids)}
	if s.role != "" {
		c += ` AND q.role = ?`
		args = append(args, string(s.role))
	}
	return c + `)`, args
}

// participantSlots lists f's participant fields.
func participantSlots(f kg.EventFilter) []slot {
	return []slot{{kg.RoleAgent, f.AgentIDs}, {kg.RoleObject, f.ObjectIDs}, {kg.RoleLocation, f.LocationIDs}, {"", f.ParticipantIDs}}
}

func hasParticipants(f kg.EventFilter) bool {
	return len(f.AgentIDs)+len(f.ObjectIDs)+len(f.LocationIDs)+len(f.ParticipantIDs) > 0
}

// planByEntity reads the events of the one entity that a participant
// field names from the index of participant rows by entity and event sort
// key, which carries each event's type and status (migration 0003): a
// page is one index range, the count one scan of the entity's rows. An
// entity may take part in one event in several roles, so the any-role
// field needs DISTINCT; within one role an event appears once. ok is
// false when no participant field names exactly one entity.
func planByEntity(f kg.EventFilter) (p findPlan, ok bool) {
	slots := participantSlots(f)
	drive := slices.IndexFunc(slots, func(s slot) bool { return len(s.ids) == 1 })
	if drive < 0 {
		return findPlan{}, false
	}
	role := slots[drive].role
	conds, args := []string{`p.entity_id = ?`}, []any{slots[drive].ids[0]}
	if role != "" {
		conds, args = append(conds, `p.role = ?`), append(args, string(role))
	}
	if len(f.Types) > 0 {
		conds, args = append(conds, `p.event_type IN (`+placeholders(len(f.Types))+`)`), append(args, stringArgs(asStrings(f.Types))...)
	}
	if len(f.Statuses) > 0 {
		conds, args = append(conds, `p.event_status IN (`+placeholders(len(f.Statuses))+`)`), append(args, stringArgs(asStrings(f.Statuses))...)
	}
	for i, s := range slots {
		if i != drive && len(s.ids) > 0 {
			c, a := s.cond(`p.event_id`)
			conds, args = append(conds, c), append(args, a...)
		}
	}
	from := `event_participants p`
	if len(f.DocumentIDs) > 0 || f.From != "" || f.To != "" {
		from += ` JOIN events e ON e.id = p.event_id`
		if len(f.DocumentIDs) > 0 {
			conds, args = append(conds, `e.document_id IN `+inJSON), append(args, jsonIDs(f.DocumentIDs))
		}
		dc, da := dateConds(f.From, f.To)
		conds, args = append(conds, dc...), append(args, da...)
	}
	where := whereOf(conds)
	distinct := ""
	if role == "" {
		distinct = "DISTINCT "
	}
	sel := `SELECT ` + distinct + `p.event_sort_key, p.event_id FROM ` + from + where
	if role == "" {
		p.count = `SELECT count(*) FROM (` + sel + `)`
	} else {
		p.count = `SELECT count(*) FROM ` + from + where
	}
	p.countArgs = args
	after := f.After
	switch {
	case !f.Descending:
		q, a := sel, args
		if after != nil {
			q, a = q+` AND (p.event_sort_key, p.event_id) > (?, ?)`, append(slices.Clip(a), after.SortKey, after.ID)
		}
		p.pages = []sqlArgs{{q + ` ORDER BY p.event_sort_key, p.event_id LIMIT ?`, a}}
	default:
		// Latest first, unplaced dates last: the dated rows backwards,
		// then the unplaced ones ('~' sorts after every day).
		if after == nil || after.SortKey != unplaced {
			q, a := sel+` AND p.event_sort_key < '~'`, args
			if after != nil {
				q, a = q+` AND (p.event_sort_key, p.event_id) < (?, ?)`, append(slices.Clip(a), after.SortKey, after.ID)
			}
			p.pages = append(p.pages, sqlArgs{q + ` ORDER BY p.event_sort_key DESC, p.event_id DESC LIMIT ?`, a})
		}
		q, a := sel+` AND p.event_sort_key = '~'`, args
		if after != nil && after.SortKey == unplaced {
			q, a = q+` AND p.event_id < ?`, append(slices.Clip(a), after.ID)
		}
		p.pages = append(p.pages, sqlArgs{q + ` ORDER BY p.event_sort_key DESC, p.event_id DESC LIMIT ?`, a})
	}
	return p, true
}
