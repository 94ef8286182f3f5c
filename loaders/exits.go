package loaders

import (
	"regexp"

	"github.com/newsgraph/kg"
)

// exitNounBefore is the offset of "withdrawal" or "exit" just before an
// entry-into-force trigger, or -1.
func exitNounBefore(s string, t trigger) int {
	if t.Type != kg.EventEnteredIntoForce {
		return -1
	}
	from := max(0, t.Start-60)
	locs := reExitNoun.FindAllStringIndex(s[from:t.Start], -1)
	if len(locs) == 0 {
		return -1
	}
	return from + locs[len(locs)-1][0]
}

var reExitNoun = regexp.MustCompile(`(?i)\b(?:withdrawal|exit|departure|pull-?out)\b`)

// exitTakingEffect reports an entry into force whose subject is a
// withdrawal, and the state or person leaving, when named, with the offset
// where it is named.
func exitTakingEffect(s string, t trigger, ms []mention) (*kg.Entity, int, bool) {
	noun := exitNounBefore(s, t)
	if noun < 0 {
		return nil, -1, false
	}
	var exiter *kg.Entity
	at := -1
	for _, m := range ms {
		if m.End <= noun && noun-m.End <= 25 && m.agentKind() {
			exiter, at = m.Entity, m.Start
		}
	}
	if w := lastWordOf(s[:noun]); exiter == nil && (w == "a" || w == "an" || w == "the") {
		// "a withdrawal takes effect one year after notice, which would
		// put the U.S. exit in January 2026": the rule, then whose exit
		// it times.
		for _, m := range ms {
			if m.Start >= t.End && m.agentKind() && reExitAfterName.MatchString(s[m.End:]) {
				return m.Entity, m.Start, true
			}
		}
	}
	return exiter, at, true
}

var reExitAfterName = regexp.MustCompile(`^(?:'s|’s)?\s+(?:withdrawal|exit|departure|pull-?out)\b`)
