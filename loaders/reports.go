package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
)

var (
	// reUrgedTo ends a request to act: "urged the government to sign",
	// "lobbied other countries not to ratify it" report no act.
	reUrgedTo = regexp.MustCompile(`(?i)\b(?:urg(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|call(?:s|ed|ing)? on|encourag(?:e|es|ed|ing)|persuad(?:e|es|ed|ing)|push(?:es|ed|ing)?)\s+(?:[\w'’.-]+\s+){0,5}?(?:not\s+)?to\s+(?:\w+ly\s+)?$`)
	// reNoneOf opens a clause whose subject is no one: "None of the nine
	// nuclear-armed states has signed the treaty" names no state.
	reNoneOf = regexp.MustCompile(`(?i)(?:^|[,;:]\s*|\b(?:and|but|while)\s+)(?:none of|not one of|no (?:other )?(?:country|countries|state|states|nation|nations|member|members|government|governments)\b)[^,;:]{0,60}$`)
	// reUndone is an act on a ratification: "revoking Russia's
	// ratification" undoes it.
	reUndone = regexp.MustCompile(`(?i)\b(?:revok|rescind|suspend|cancel|annul|repeal|denounc|withdraw)\w*\s+(?:(?:the|its|their|his|her|[\p{Lu}][\w.-]*(?:'s|’s))\s+){0,2}$`)
	// reTextSubject is what talks finalize: a text, not a signed treaty.
	reTextSubject = regexp.MustCompile(`(?i)\b(?:text|draft|wording|negotiations|talks|details)\b(?: of [^,;.]{0,60}?)?[^,;.]{0,20}$`)
	// reMilitaryExit is a withdrawal of people, not from a treaty.
	reMilitaryExit = regexp.MustCompile(`(?i)\b(?:troops|forces|soldiers|army|military|personnel|ambassador|envoy|diplomats|staff|candidacy|bid|application|offer|objection|veto|support)\b`)
	// reMakingFirst restates the main clause's act: "Canada will withdraw,
	// making it the first country to abandon the treaty".
	reMakingFirst = regexp.MustCompile(`(?i)\bmaking (?:it|them) the (?:first|last|only|\w+th|\d+(?:st|nd|rd|th))\b[^,;]{0,50}\bto\s+$`)
	// reProvision is a rule's delay: "takes effect 90 days after the 50th
	// ratification" states how, not that, the treaty takes effect.
	reProvision = regexp.MustCompile(`(?i)^\s+(?:\d+|one|two|three|six|thirty|sixty|ninety|a)\s+(?:days?|weeks?|months?|years?)\s+after\b`)
)

var (
	reRejectBefore = regexp.MustCompile(`(?i)\b(?:reject(?:ed|s|ing)?|block(?:ed|s|ing)?|vot(?:ed|es|e|ing) against)\s+(?:the\s+|its\s+|their\s+)?$`)
	reNominalAfter = regexp.MustCompile(`(?i)^\s+(?:the\s+|its\s+|their\s+)?(?:ratification|approval)\b`)
)

// rejectedType is what a rejection refuses: the act of the nearest
// legislative trigger before it ("Germany ratified it, while Cyprus voted
// it down"), else an approval ("rejected by voters in a referendum").
func rejectedType(t trigger, triggers []trigger, ti int) kg.EventType {
	if t.Rule == "rejected" {
		return t.Type
	}
	for i := ti - 1; i >= 0; i-- {
		if typ := triggers[i].Type; typ == kg.EventRatified || typ == kg.EventApproved {
			return typ
		}
	}
	return kg.EventApproved
}

// notReported reports a trigger that tells of no act where it stands; f
// folds s, for the regexps' literal checks.
func notReported(s string, f folded, t trigger, ms []mention) bool {
	before := s[max(0, t.Start-80):t.Start]
	switch {
	case t.Rule == "leave-name" && !leavesNamed(t, ms):
		return true // "leaving Turkey as the last": a place or a state, not a treaty or a body
	case matchString(reUrgedTo, before, f), matchString(reNoneOf, s[max(0, t.Start-120):t.Start], f), matchString(reMakingFirst, before, f):
		return true
	case t.Nominal && (t.Type == kg.EventRatified || t.Type == kg.EventApproved) && matchString(reUndone, before, f):
		return true
	case t.Rule == "finalize" && reTextSubject.MatchString(before):
		return true
	case t.Rule == "reject" && reNominalAfter.MatchString(s[t.End:]):
		return true // "rejected the ratification": the noun tells the act
	case t.Type == kg.EventWithdrew && !t.Nominal && reMilitaryExit.MatchString(s[t.Start:t.End]):
		return true
	}
	return false
}

// keepEvent drops events that tell nothing and adjusts those that state a
// rule rather than report an act.
func keepEvent(s string, t trigger, e *kg.Event) bool {
	switch {
	case e.Type == kg.EventWithdrew && len(e.Agents()) == 0:
		return false // a withdrawal is some party's; unnamed, it tells nothing ("troops would pull back")
	case t.Type == kg.EventEnteredIntoForce && e.Status == kg.StatusOccurred && reProvision.MatchString(s[t.End:]) && isPresentSimple(s[t.Start:t.End]):
		if !e.Date.Resolved() || e.Date.Precision == kg.PrecisionOnOrBefore {
			return false // the rule alone, with no date of its own
		}
		e.Status = kg.StatusPlanned // "..., which puts the date at January 22"
	}
	return true
}

func isPresentSimple(verb string) bool {
	w := strings.ToLower(firstWord(verb))
	return w == "takes" || w == "enters" || w == "comes" || w == "goes"
}

// leavesNamed reports whether "quit" or "leave" has a treaty or a body
// right after it as its object ("leave UNESCO").
func leavesNamed(t trigger, ms []mention) bool {
	for _, m := range ms {
		if m.Start == t.End+1 && m.Entity != nil && (m.Kind == kg.KindAgreement || m.Kind == kg.KindInstitution) {
			return true
		}
	}
	return false
}
