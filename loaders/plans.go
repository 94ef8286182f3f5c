package loaders

import (
	"slices"

	"github.com/newsgraph/kg"
)

// foldFulfilledPlans reads an undated plan that the same story reports
// carried out ("they said they were quitting the bloc", in a story about
// the day they left) as the intention behind that act, not a fact of its
// own: its evidence joins the act. A plan with a date of its own stays, as
// it may be a new one ("will leave again in January 2026") or one that
// slipped.
func foldFulfilledPlans(events []kg.Event) []kg.Event {
	drop := make([]bool, len(events))
	for i := range events {
		p := &events[i]
		if p.Status != kg.StatusPlanned || p.Date.Resolved() {
			continue
		}
		for j := range events {
			o := &events[j]
			if j == i || drop[j] || o.Status != kg.StatusOccurred || o.Type != p.Type || !sameSet(o.Objects(), p.Objects()) || !agentsWithin(p.Agents(), o.Agents()) {
				continue
			}
			for _, ev := range p.Evidence {
				if !citesSentence(o.Evidence, ev.Start) {
					o.Evidence = append(o.Evidence, ev)
				}
			}
			drop[i] = true
			break
		}
	}
	kept := events[:0]
	for i, e := range events {
		if !drop[i] {
			kept = append(kept, e)
		}
	}
	return kept
}

// agentsWithin reports whether the plan's agents all act in the act, or
// neither names any (an agreement comes into force by itself).
func agentsWithin(plan, act []string) bool {
	if len(plan) == 0 {
		return len(act) == 0
	}
	return !slices.ContainsFunc(plan, func(id string) bool { return !slices.Contains(act, id) })
}
