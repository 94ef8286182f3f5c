package loaders

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
)

var (
	// reDoSo is a verb that stands for one said before: "India never
	// did", "have yet to do so", "has not yet done so".
	reDoSo = regexp.MustCompile(`(?i)\b(?:did|do|does|done)(?: so| the same| likewise)?\b`)
	// reClauseEnd follows a "did" that ends its clause, not one that helps
	// a verb ("did not sign").
	reSuperlativeTo = regexp.MustCompile(`(?i)\b(?:first|last|only|next)\s+(?:[\w-]+\s+){0,3}to\s+$`)
	reClauseEnd     = regexp.MustCompile(`^(?:\s+(?:too|as well|either))?\s*(?:[,.;:)]|$|\s+(?:in|on|at|by|before|after|until|because|when|while|but|and|earlier|later|last|this|yet)\b)`)
)

// ellipses read "Dhaka's parliament ratified it, but India never did" and
// "the United States and China have yet to do so": the act of the
// nearest trigger before, on its agreement, by a new agent or with a new
// status.
func (a *analysis) ellipses(si int, text string, triggers []trigger, events []kg.Event, ms []mention, dates []dateExpr) []kg.Event {
	var out []kg.Event
	for _, loc := range findAllIndex(reDoSo, text, a.fold(text)) {
		if !reClauseEnd.MatchString(text[loc[1]:]) || reSuperlativeTo.MatchString(text[max(0, loc[0]-40):loc[0]]) {
			continue // "leaving Norway as the last to do so" has Norway not do it yet
		}
		var model *trigger
		for i := range triggers {
			if triggers[i].End <= loc[0] && triggers[i].Type != kg.EventEnteredIntoForce {
				model = &triggers[i]
			}
		}
		if model == nil {
			continue
		}
		var objects, agents []string
		status := kg.Status("")
		for _, e := range events {
			if e.Type == model.Type || model.Type == kg.EventSigned && e.Type == kg.EventApproved {
				objects, agents, status = e.Objects(), e.Agents(), e.Status
			}
		}
		if len(objects) == 0 && len(events) > 0 {
			// "has not entered into force because the states whose
			// ratification is required have yet to do so": the noun made
			// no event, and the agreement is the sentence's.
			objects = events[len(events)-1].Objects()
		}
		if len(objects) == 0 {
			continue
		}
		t := trigger{Start: loc[0], End: loc[1], Type: model.Type, Rule: "ellipsis"}
		ti, _ := slices.BinarySearchFunc(triggers, t.Start, func(o trigger, at int) int { return o.Start - at })
		all := slices.Insert(slices.Clone(triggers), ti, t)
		for _, id := range objects {
			e := a.event(si, text, t, all, ti, ms, dates, a.entities[id], false)
			got := e.Agents()
			if len(got) == 0 || e.Status == status && slices.ContainsFunc(got, func(id string) bool { return slices.Contains(agents, id) }) {
				continue // the same act by the same party: no new fact
			}
			out = append(out, e)
		}
	}
	return out
}

var reAgain = regexp.MustCompile(`\b(?:and|but|then) again\b(?:\s+(?:in|on|at|last|this|next|early|late)\b)`)

// repeats read "Its parliament ratified the accord on June 20 and again in
// July": the act of the trigger before, a second time, at its own date.
func (a *analysis) repeats(si int, text string, triggers []trigger, events []kg.Event, ms []mention, dates []dateExpr) []kg.Event {
	var out []kg.Event
	if !strings.Contains(text, "again") {
		return nil
	}
	for _, loc := range reAgain.FindAllStringIndex(text, -1) {
		var model *kg.Event
		for i := range events {
			if triggerBefore(triggers, events[i].Type, loc[0]) {
				model = &events[i]
			}
		}
		if model == nil {
			continue
		}
		at := loc[0] + len("and again")
		t := trigger{Start: loc[0], End: at, Type: model.Type, Rule: "again"}
		ti, _ := slices.BinarySearchFunc(triggers, t.Start, func(o trigger, at int) int { return o.Start - at })
		all := slices.Insert(slices.Clone(triggers), ti, t)
		for _, id := range model.Objects() {
			e := a.event(si, text, t, all, ti, ms, dates, a.entities[id], false)
			if e.Date.Value == model.Date.Value || !e.Date.Resolved() {
				continue
			}
			e.Participants = slices.DeleteFunc(e.Participants, func(p kg.Participant) bool { return p.Role == kg.RoleAgent })
			for _, ag := range model.Agents() {
				e.Participants = append([]kg.Participant{{EntityID: ag, Role: kg.RoleAgent}}, e.Participants...)
			}
			out = append(out, e)
		}
	}
	return out
}

var reFollowed = regexp.MustCompile(`(?i)\bfollowed(?: suit| its lead| their lead)?\b`)

// followers read "The U.S. Senate ratified it in December 2010, and
// Russia's State Duma followed in January 2011": the same action on the
// same agreement by a new agent, at its own date. Only within a sentence:
// across sentences "followed" as often continues a procedure (the Senate
// following the Commons) as it repeats an act.
func (a *analysis) followers(si int, text string, triggers []trigger, events []kg.Event, ms []mention, dates []dateExpr) []kg.Event {
	var out []kg.Event
	for _, loc := range reFollowed.FindAllStringIndex(text, -1) {
		if strings.HasPrefix(text[loc[1]:], " by") || reBeAux.MatchString(text[:loc[0]]) {
			continue // "was followed by": the next event is someone else's
		}
		var model *kg.Event
		for i := range events {
			if triggerBefore(triggers, events[i].Type, loc[0]) {
				model = &events[i]
			}
		}
		if model == nil || model.Status != kg.StatusOccurred {
			continue
		}
		t := trigger{Start: loc[0], End: loc[1], Type: model.Type, Rule: "followed"}
		ti, _ := slices.BinarySearchFunc(triggers, t.Start, func(o trigger, at int) int { return o.Start - at })
		all := slices.Insert(slices.Clone(triggers), ti, t)
		for _, id := range model.Objects() {
			e := a.event(si, text, t, all, ti, ms, dates, a.entities[id], false)
			agents := e.Agents()
			if e.Status != kg.StatusOccurred || len(agents) == 0 || slices.ContainsFunc(agents, func(id string) bool { return slices.Contains(model.Agents(), id) }) {
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

func triggerBefore(triggers []trigger, typ kg.EventType, at int) bool {
	for _, t := range triggers {
		if t.Type == typ && t.End <= at {
			return true
		}
	}
	return false
}
