package loaders

import "github.com/newsgraph/kg"

// foldStateActs reads an undated approval or ratification by a state ("the
// treaty, now ratified by Norway,") as a restatement of the dated votes of
// that state's own institutions on the same agreement: a state ratifies
// through its parliament, and the restatement would otherwise stand as a
// second, undated act. The evidence joins the latest such vote.
func foldStateActs(events []kg.Event, entityOf func(id string) *kg.Entity) []kg.Event {
	drop := make([]bool, len(events))
	for i := range events {
		e := &events[i]
		if !legislative(e.Type) || e.Status == kg.StatusNegated {
			continue // a state that has yet to ratify is not restating a chamber's refusal
		}
		// A state's act dated only to the year restates its parliament's
		// vote dated within it as much as an undated one does.
		bounded := e.Date.Earliest != "" && e.Date.Latest != ""
		states := stateAgents(e, entityOf)
		if len(states) == 0 {
			continue
		}
		best := -1
		for j := range events {
			f := &events[j]
			if j == i || drop[j] || !legislative(f.Type) || f.Status != e.Status || f.Date.Earliest == "" || f.Date.Latest == "" ||
				!f.Date.Compatible(e.Date) || bounded && !f.Date.Narrower(e.Date) || !sameSet(f.Objects(), e.Objects()) || !institutionsOf(f, states, entityOf) {
				continue
			}
			if best < 0 || f.Date.Latest > events[best].Date.Latest {
				best = j
			}
		}
		if best >= 0 {
			for _, ev := range e.Evidence {
				if !citesSentence(events[best].Evidence, ev.Start) {
					events[best].Evidence = append(events[best].Evidence, ev)
				}
			}
			drop[i] = true
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

func legislative(t kg.EventType) bool { return t == kg.EventApproved || t == kg.EventRatified }

// stateAgents are the countries of an event whose agents are all states.
func stateAgents(e *kg.Event, entityOf func(id string) *kg.Entity) []string {
	var out []string
	for _, id := range e.Agents() {
		ent := entityOf(id)
		if ent == nil || ent.Kind != kg.KindState || ent.Country == "" {
			return nil
		}
		out = append(out, ent.Country)
	}
	return out
}

// institutionsOf reports whether every agent of e is an institution of one
// of the states.
func institutionsOf(e *kg.Event, states []string, entityOf func(id string) *kg.Entity) bool {
	agents := e.Agents()
	for _, id := range agents {
		ent := entityOf(id)
		if ent == nil || ent.Kind != kg.KindInstitution || !contains(states, ent.Country) {
			return false
		}
	}
	return len(agents) > 0
}
