package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
)

var (
	reNounAfter = regexp.MustCompile(`^\s+([a-z][\w-]*)`)
	reAfterObj  = regexp.MustCompile(`^\s*(?:(?:\w+ly)\s+)?(?:a|an|the|its|their|this|that)\s+([a-z][\w-]*)`)
)

var (
	rePronounSubject   = regexp.MustCompile(`(?i)\b(?:it|they)\s+(?:had|has|have|would|will)?\s*(?:been|be|was|were|is|are)\s+(?:\w+ly\s+)?$`)
	reOtherPaperBefore = regexp.MustCompile(`(?i)\b(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+)?(?:decree|order|letter|petition|proclamation|directive|memo|law|bill|resolution)s?\b`)
)

var rePronounObject = regexp.MustCompile(`^\s+(?:it|them)\b`)

var reRatifyingLaw = regexp.MustCompile(`(?i)\b(?:ratif\w*|accession|approv\w*)\b`)

// objectFor finds the agreement acted on: the direct object of an active
// verb, the subject of a passive one, the complement of a nominalization;
// failing those, the agreement the text is about, unless the verb plainly
// takes some other object ("signed a decree").
func (a *analysis) objectFor(s string, t trigger, ms []mention, passive bool) *kg.Entity {
	ok := func(m mention) bool {
		if m.Entity == nil {
			return false
		}
		if replacedBy(s, m, t) {
			return false
		}
		if m.Kind == kg.KindAgreement {
			return true
		}
		// What a withdrawal leaves may be an organization, also when the
		// verb is its taking effect ("the U.S. withdrawal takes effect").
		leaving := t.Type == kg.EventWithdrew || t.Type == kg.EventEnteredIntoForce && m.End <= t.Start && exitNounBefore(s, t) >= 0
		return leaving && m.Kind == kg.KindInstitution && a.isOrganization(m.Entity)
	}
	if t.Type == kg.EventEnteredIntoForce && !t.Nominal {
		// Taking effect is intransitive: its agreement is the subject,
		// the first one the clause names outside a prepositional phrase
		// ("The CFE Treaty was signed by the members of NATO and the
		// Warsaw Pact and came into force in 1992").
		for _, m := range ms {
			if m.End > t.Start {
				break
			}
			if ok(m) && !nonAgentPreps[m.Prep] && !locativePreps[m.Prep] && m.Prep != "and" && !strings.ContainsAny(s[m.End:t.Start], ";") {
				return m.Entity
			}
		}
	}
	var before, after, antecedent *kg.Entity
	for _, m := range ms {
		if !ok(m) {
			continue
		}
		if m.End <= t.Start {
			before = m.Entity
			if !inAside(s, m, t.Start) {
				antecedent = m.Entity
			}
		} else if after == nil && m.Start >= t.End && m.Start-t.End < 160 && (t.Type != kg.EventWithdrew || directObject(s[t.End:m.Start])) {
			after = m.Entity
		}
	}
	reduced := passive && !reBeAux.MatchString(s[:t.Start])
	if t.Participle && reducedRelative(s, t) && !signsLaw(s, t, passive) {
		// "The order, signed in Oslo, revokes the treaty": what was signed
		// is the noun the participle follows, an agreement or not.
		comma := strings.LastIndexByte(s[:t.Start], ',')
		for _, m := range ms {
			if ok(m) && m.End == len(strings.TrimRight(s[:comma], " ")) {
				return m.Entity
			}
		}
		return nil
	}
	if !passive && rePronounObject.MatchString(s[t.End:]) && antecedent != nil {
		// "unveiled the Windsor Framework, proposing it as a replacement
		// for the Protocol"; "The treaty, signed to replace the Warsaw
		// Pact, failed because NATO never ratified it": not the Pact.
		return antecedent
	}
	if m := reNounAfter.FindStringSubmatch(s[t.End:]); after == nil && m != nil && strings.HasSuffix(s[:t.End], " the") && !isAgreementNoun(m[1]) {
		return nil // the verb's object is named, and is no agreement: "renounce the use of force"
	}
	if passive && before == nil && rePronounSubject.MatchString(s[max(0, t.Start-30):t.Start]) && reOtherPaperBefore.MatchString(s[:t.Start]) {
		return nil // "KCNA reported the decree, without saying when it had been signed": the decree's signing
	}
	switch {
	case passive && before != nil:
		return before
	case reduced && after == nil && t.Type == kg.EventSigned && signsLaw(s, t, passive) && reRatifyingLaw.MatchString(s[:t.Start]):
		return a.salient // "The ratification law, signed by Erdoğan on Thursday"
	case reduced && after == nil:
		return nil // "medicines approved by the regulator": the noun before is the object
	case after != nil:
		return after
	case before != nil:
		return before
	}
	if m := reAfterObj.FindStringSubmatch(s[t.End:]); m != nil && !isAgreementNoun(m[1]) && !(t.Type == kg.EventSigned && signsLaw(s, t, passive)) {
		return nil
	}
	if t.Type == kg.EventWithdrew || t.Type == kg.EventProposed && !strings.Contains(strings.ToLower(s), "idea") {
		return nil
	}
	return a.salient
}

var (
	reReplaces   = regexp.MustCompile(`(?i)\b(?:replac(?:e|es|ed|ing)|supersed(?:e|es|ed|ing)|successor to|replacement (?:for|of)|in place of|instead of)\s+(?:the\s+)?$`)
	reRelPronoun = regexp.MustCompile(`(?i)(?:,\s*|\b)(?:which|that|whom)\b`)
)

// replacedBy reports an agreement named as the one being replaced: in "the
// idea of a new pact to replace the 1990 treaty first arose in 2019" the
// idea is the new pact's. A relative clause after it ("replaces the 1990
// treaty, which both states signed") is about it again.
func replacedBy(s string, m mention, t trigger) bool {
	if !reReplaces.MatchString(s[max(0, m.Start-40):m.Start]) {
		return false
	}
	return m.End > t.Start || !reRelPronoun.MatchString(s[m.End:t.Start])
}

var reAsideOpen = regexp.MustCompile(`^,\s*(?:which|who|that|\w+ed|\w+en)\b`)

// inAside reports a mention inside a relative clause or participial aside
// set off by commas that closes before offset at: in "The treaty, signed
// in 1999 to replace the Warsaw Pact, never took effect", the Pact is not
// what the rest of the sentence talks about.
func inAside(s string, m mention, at int) bool {
	if !strings.Contains(s[m.End:at], ",") {
		return false
	}
	open := strings.LastIndexByte(s[:m.Start], ',')
	return open >= 0 && reAsideOpen.MatchString(s[open:m.Start])
}

// directObject reports whether the words between a verb of leaving and a
// name leave the name its object: "renounce the use of force and ask the
// OSCE" renounces force, not the OSCE, while "quit the 1987 treaty"
// quits the treaty.
func directObject(gap string) bool {
	return len(strings.Fields(gap)) <= 4 && !strings.ContainsAny(gap, ",;:")
}

func isAgreementNoun(w string) bool {
	switch strings.ToLower(w) {
	case "treaty", "agreement", "deal", "pact", "accord", "accords", "partnership", "document", "convention", "protocol",
		"charter", "framework", "new", "landmark", "historic", "comprehensive", "strategic", "long-term", "bilateral":
		return true
	}
	return reNYear.MatchString(w) || strings.HasSuffix(w, "-year")
}
