package loaders

import (
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
			if canMerge(&out[i], &e, countryOf) {
				absorb(&out[i], &e)
				merged = true
				break
			}
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

func countries(ids []string, countryOf func(id string) string) []string {
	var out []string
	for _, id := range ids {
		if c := countryOf(id); c != "" {
			out = append(out, c)
		}
	}
	return out
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
	if from.Date.Narrower(into.Date) || !into.Date.Resolved() && from.Date.Text != "" && into.Date.Text == "" {
		into.Date = from.Date
	}
	for _, p := range from.Participants {
		if !hasParticipant(into, p) {
			into.Participants = append(into.Participants, p)
		}
	}
	for _, ev := range from.Evidence {
		if !citesSentence(into.Evidence, ev.Start) {
			into.Evidence = append(into.Evidence, ev)
		}
	}
}

func citesSentence(evidence []kg.Evidence, start int) bool {
	for _, have := range evidence {
		if have.Start == start {
			return true
		}
	}
	return false
}

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
		if !strings.HasSuffix(x.Rule, "/nominal") {
			return false
		}
	}
	return true
}
