package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
)

var reSoleOne = regexp.MustCompile(`(?i)\s+as\s+the\s+(?:only|last|sole)\b[^,;]{0,60}?\b(?:that|which|who|to)\s+(?:\w+\s+){0,3}$`)

// soleOneBefore reads "leaving Eritrea as the only AU member state that
// has not signed": the relative clause is Eritrea's, not the AU's that
// stands nearer the verb.
func soleOneBefore(s string, at int, ms []mention) (mention, bool) {
	from := max(0, at-120)
	loc := reSoleOne.FindStringIndex(s[from:at])
	if loc == nil {
		return mention{}, false
	}
	for _, m := range ms {
		if m.End == from+loc[0] && m.agentKind() {
			return m, true
		}
	}
	return mention{}, false
}

var reWithPartner = regexp.MustCompile(`^(?:\s+(?:it|them|(?:an?|the|its|their|his|her|separate|two|both)\b(?:\s+[\w-]+){0,5}?))?\s+with\s+`)

// withPartnerAfter is the offset after "with" when a with-phrase follows
// the verb and its object in the same clause, or -1.
func withPartnerAfter(s string, from int) int {
	rest := s[from:min(len(s), from+80)]
	if loc := reWithPartner.FindStringIndex(rest); loc != nil && !strings.ContainsAny(rest[:loc[1]], ",;") {
		return from + loc[1]
	}
	return -1
}

// reRoleOf joins an agent to people named by their role: "Smith and the
// foreign ministers of Chile and Peru, …".
var reRoleOf = regexp.MustCompile(`^\s+and\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}of\s+(?:the\s+)?$`)

var (
	// reRoleGap is a role between a possessor and the person who holds
	// it: "'s founding leader, ", "'s predecessor ".
	reRoleGap = regexp.MustCompile(`^(?:'s|’s|'|’)\s+(?:[a-z][\w-]*\s+){0,3}(?:` + roleNouns + `)s?,?\s+(?:(?:Mullah|Maulana|Mr\.?|Ms\.|Mrs\.|Dr\.)\s+)?$`)
	// reRoleLead is a role that an apposition then names: "by the two
	// countries' foreign ministers, ".
	reRoleLead = regexp.MustCompile(`^(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?:` + roleNouns + `)s?,\s+$`)
)

// withoutRoleOwners drops the states or bodies that only say whose
// officials or parts act when an apposition then names them: in "the
// foreign ministers of Chile and Peru, Ana Ruiz and Luis Soto, signed", the
// ministers sign; in "both chambers of Russia's parliament, the State Duma
// and the Federation Council, ratified it", the chambers do.
func withoutRoleOwners(s string, ms []mention, group []int) []int {
	var out []int
	run := -1 // where in out a run of owners after "of" began
	for _, i := range group {
		m := ms[i]
		owner := m.Kind == kg.KindState || m.Kind == kg.KindInstitution
		switch {
		case owner && m.Prep == "of":
			run = len(out)
		case m.Kind == kg.KindState && run >= 0:
		case (m.Kind == kg.KindPerson || m.Kind == kg.KindInstitution) && run >= 0 && len(out) > 0 && strings.Contains(s[ms[out[len(out)-1]].End:m.Start], ","):
			out, run = out[:run], -1
		default:
			run = -1
		}
		out = append(out, i)
	}
	return out
}
