package loaders

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
)

var (
	reRelativeAfterAgent = regexp.MustCompile(`^\s*,\s*(?:which|who)\b`)
	// reClauseAct is what makes a relative clause tell of the act itself:
	// a vote, or a verb of the lists.
	reClauseAct = regexp.MustCompile(`(?i)\b(?:vot(?:e|es|ed|ing)|debat(?:e|es|ed|ing)|sign(?:s|ed|ing)?|ratif(?:y|ies|ied|ying)|approv(?:e|es|ed|ing))\b`)
)

// splitClauseDate reads "needs the approval of Israel's cabinet and of the
// Knesset, which is expected to vote on it next month": the date is told
// in a relative clause of one agent, and dates that agent's act alone. The
// event splits in two: the other agents, dated without the clause, and
// that agent, dated by it.
func (a *analysis) splitClauseDate(e kg.Event, si int, s string, t trigger, triggers []trigger, ti int, ms []mention, dates []dateExpr, object *kg.Entity, passive bool) []kg.Event {
	agents := e.Agents()
	if len(agents) < 2 {
		return []kg.Event{e}
	}
	for _, m := range ms {
		if m.Start < t.End || !m.agentKind() || !slices.Contains(agents, m.Entity.ID) || !reRelativeAfterAgent.MatchString(s[m.End:]) {
			continue
		}
		end := len(s)
		if j := strings.IndexAny(s[m.End:], ";"); j >= 0 {
			end = m.End + j
		}
		if !reClauseAct.MatchString(s[m.End:end]) {
			continue // "Pezeshkian, who was making his first visit since taking office last July"
		}
		var inside, outside []dateExpr
		for _, d := range dates {
			if d.Start >= m.End && d.End <= end {
				inside = append(inside, d)
			} else {
				outside = append(outside, d)
			}
		}
		if len(inside) == 0 {
			return []kg.Event{e}
		}
		rest := a.event(si, s, t, triggers, ti, ms, outside, object, passive)
		own := a.event(si, s, t, triggers, ti, ms, inside, object, passive)
		rest.Participants = slices.DeleteFunc(rest.Participants, func(p kg.Participant) bool {
			return p.Role == kg.RoleAgent && p.EntityID == m.Entity.ID
		})
		own.Participants = slices.DeleteFunc(own.Participants, func(p kg.Participant) bool {
			return p.Role == kg.RoleAgent && p.EntityID != m.Entity.ID
		})
		return []kg.Event{rest, own}
	}
	return []kg.Event{e}
}
