package loaders

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
)

// mergeEvents joins mentions of one event within a document: the same
// action on the same object with the same status, whose dates can be the
// same day and whose agents overlap (or one names none). The merged event
// keeps the narrowest date, every agent and every evidence sentence.
func mergeEvents(events []kg.Event, countryOf func(id string) string) []kg.Event {
	var out []kg.Event
	for _, e := range events {
		merged := false
		for i := range out {
			if !canMerge(&out[i], &e, countryOf) {
				continue
			}
			if part, rest, ok := carve(&out[i], &e); ok {
				// "must be approved by the Council and by the Parliament";
				// then "the Council would give its green light before the
				// end of the year": the date is the Council's alone.
				absorb(&part, &e)
				out[i] = rest
				out = append(out, part)
			} else if part, rest, ok := carve(&e, &out[i]); ok {
				absorb(&out[i], &part)
				out = append(out, rest)
			} else {
				absorb(&out[i], &e)
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}

// canMerge also joins agents of one country: "Riyadh and Islamabad have
// signed" and "the crown prince and the prime minister inked it on
// Wednesday" are one signing, told twice.
func canMerge(a, b *kg.Event, countryOf func(id string) string) bool {
	if a.Type != b.Type || a.Status != b.Status || !sameSet(a.Objects(), b.Objects()) || !a.Date.Compatible(b.Date) {
		return false
	}
	if unplaced(a.Date) && b.Date.Resolved() || unplaced(b.Date) && a.Date.Resolved() {
		// "signed on Sunday" in an undated story and "first signed in
		// March 2018": two date expressions that cannot be compared are
		// two occasions, not one.
		return false
	}
	aa, ba := a.Agents(), b.Agents()
	ac, bc := countries(aa, countryOf), countries(ba, countryOf)
	if a.Type == kg.EventSigned && (len(ac) == 0) != (len(bc) == 0) {
		// "India and Britain are set to sign the deal this week" and "it
		// will be signed on Thursday by the trade ministers": states sign
		// through people, here of no known country.
		return true
	}
	return len(aa) == 0 || len(ba) == 0 || intersects(aa, ba) || intersects(ac, bc)
}

// carve splits whole, whose agents strictly include those of part, into
// the share of part's agents and the rest, when part's date says more: a
// second telling that names some of the agents dates only their act.
func carve(whole, part *kg.Event) (share, rest kg.Event, ok bool) {
	wa, pa := whole.Agents(), part.Agents()
	if len(pa) == 0 || len(pa) >= len(wa) || !improves(part.Date, whole.Date) {
		return share, rest, false
	}
	for _, id := range pa {
		if !contains(wa, id) {
			return share, rest, false
		}
	}
	share, rest = *whole, *whole
	share.Participants, rest.Participants = nil, nil
	for _, p := range whole.Participants {
		if p.Role != kg.RoleAgent || contains(pa, p.EntityID) {
			share.Participants = append(share.Participants, p)
		}
		if p.Role != kg.RoleAgent || !contains(pa, p.EntityID) {
			rest.Participants = append(rest.Participants, p)
		}
	}
	share.Evidence = slices.Clone(whole.Evidence)
	return share, rest, true
}

// unplaced reports a date told from the day of writing ("on Sunday",
// "late last month") in a story that does not say when it was written.
// Dates told from another event ("the same year") are left out: the event
// they count from may be the one told elsewhere.
func unplaced(d kg.Date) bool { return !d.Resolved() && reDeictic.MatchString(d.Text) }

var reDeictic = regexp.MustCompile(`(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tomorrow|ago|(?:last|this|next|past|coming) (?:week|month|year))\b`)

func countries(ids []string, countryOf func(id string) string) []string {
	var out []string
	for _, id := range ids {
		if c := countryOf(id); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// foldStateActs reads an undated approval or ratification by a state ("the
// treaty, now ratified by Norway,") as a restatement of the dated votes of
// that state's own institutions on the same agreement: a state ratifies
// through its parliament, and the restatement would otherwise stand as a
// second, undated act. The evidence joins the latest such vote.
func foldStateActs(events []kg.Event, entityOf func(id string) *kg.Entity) []kg.Event {
	drop := make([]bool, len(events))
	for i := range events {
		e := &events[i]
		if !legislative(e.Type) {
			continue
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

func absorb(into, from *kg.Event) {
	if len(into.Agents()) == 0 && len(from.Agents()) > 0 {
		// The sentence that names who acted is the better evidence. Two
		// triggers of one sentence may both cite it; it stays cited once.
		evidence := append([]kg.Evidence(nil), from.Evidence...)
		for _, ev := range into.Evidence {
			if !citesSentence(evidence, ev.Start) {
				evidence = append(evidence, ev)
			}
		}
		into.Evidence = evidence
	}
	if improves(from.Date, into.Date) {
		into.Date = from.Date
	}
	for _, p := range from.Participants {
		if !hasParticipant(into, p) {
			into.Participants = append(into.Participants, p)
		}
	}
	for _, ev := range from.Evidence {
		if i := citing(into.Evidence, ev.Start); i < 0 {
			into.Evidence = append(into.Evidence, ev)
		} else if nominal(into.Evidence[i]) && !nominal(ev) {
			// A verb and a noun in one sentence ("the idea of a pact
			// first arose"): the verb's reading makes it a report.
			into.Evidence[i] = ev
		}
	}
}

// improves reports whether a second telling's date says more than the
// date an event has.
func improves(d, have kg.Date) bool {
	return d.Narrower(have) || !have.Resolved() && d.Text != "" && have.Text == ""
}

func citing(evidence []kg.Evidence, start int) int {
	for i, have := range evidence {
		if have.Start == start {
			return i
		}
	}
	return -1
}

func nominal(ev kg.Evidence) bool { return strings.HasSuffix(ev.Rule, "/nominal") }

func citesSentence(evidence []kg.Evidence, start int) bool { return citing(evidence, start) >= 0 }

func hasParticipant(e *kg.Event, p kg.Participant) bool {
	for _, q := range e.Participants {
		if q == p {
			return true
		}
	}
	// One location is enough; a second would say it happened in two places.
	if p.Role == kg.RoleLocation {
		for _, q := range e.Participants {
			if q.Role == kg.RoleLocation {
				return true
			}
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// dropBareNominals removes events read only from nouns ("the ratification")
// that name no agent: such phrases refer back to events rather than
// report them. Entry into force has no agent by nature and stays.
func dropBareNominals(events []kg.Event) []kg.Event {
	kept := events[:0]
	for _, e := range events {
		if len(e.Agents()) == 0 && e.Type != kg.EventEnteredIntoForce && allNominal(e.Evidence) {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

func allNominal(ev []kg.Evidence) bool {
	for _, x := range ev {
		if !nominal(x) {
			return false
		}
	}
	return true
}
