package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
)

var reIncluding = regexp.MustCompile(`^[^;:()]{0,100}?,?\s+(?:including|among them|notably)\s+(?:the\s+)?`)

// includingAfter is the offset of the names after "including" in the
// phrase that starts at from, or -1.
func includingAfter(s string, from int) int {
	if loc := reIncluding.FindStringIndex(s[from:]); loc != nil {
		return from + loc[1]
	}
	return -1
}

// betweenAfter finds "between X and Y" after a trigger (a signing "during a
// meeting between X and Y"), returning the offset after "between", or -1.
func betweenAfter(s string, from int) int {
	rest := s[from:min(len(s), from+120)]
	if j := strings.Index(rest, " between "); j >= 0 {
		return from + j + len(" between ")
	}
	return -1
}

// groupAfter collects the coordinated agents that start at offset from.
func groupAfter(s string, from int, ms []mention) []*kg.Entity {
	if from < 0 {
		return nil
	}
	var group []*kg.Entity
	prevEnd := -1
	owner := false // the last mention was a possessor whose body follows
	for i, m := range ms {
		if m.Start < from {
			continue
		}
		switch {
		case owner:
			owner = false
		case prevEnd < 0:
			if lead := s[from:m.Start]; strings.TrimSpace(lead) != "" && !reCoord.MatchString(" "+strings.TrimSpace(lead)+" ") && len(strings.Fields(lead)) > 1 && !reRoleLead.MatchString(lead) {
				return nil
			}
			if namesAgreement(s, ms, i) {
				return nil // "the signing of the Norway–Poland accord": the accord is signed, not Norway
			}
		case !coordinated(reAside.ReplaceAllString(s[prevEnd:m.Start], "")):
			return group
		}
		if m.Possessor && (prevEnd < 0 || i+1 < len(ms) && ms[i+1].agentKind() && (ms[i+1].Start-m.End <= 4 || reRoleGap.MatchString(s[m.End:ms[i+1].Start]))) {
			// "the approval of Poland's Sejm", "by Chile's Senate and
			// Peru's Congress": the bodies act, not their states.
			owner = true
			continue
		}
		if !m.agentKind() {
			break
		}
		group = append(group, m.Entity)
		prevEnd = m.End
	}
	return group
}

// namesAgreement reports whether the states starting at mention i only
// modify an agreement noun after them ("the Norway–Poland accord", "the
// Norway treaty").
func namesAgreement(s string, ms []mention, i int) bool {
	for j := i; j+1 < len(ms) && ms[j].Kind == kg.KindState; j++ {
		if strings.Trim(s[ms[j].End:ms[j+1].Start], " -–—/") != "" {
			return false
		}
		if ms[j+1].Kind == kg.KindAgreement {
			return true
		}
	}
	return false
}

// reAside is a participial aside between two agents: "by the Council,
// acting by qualified majority, and by the Parliament".
var reAside = regexp.MustCompile(`^\s*,\s+\p{Ll}+ing\b[^,;]*`)

// coordinated reports whether the words between two agents join them:
// "and", a comma, "as well as", or nothing at all. Titles and demonyms that open the second
// name ("… and Pakistani Prime Minister Shehbaz Sharif") are part of it.
func coordinated(gap string) bool {
	if gap == "" || reCoord.MatchString(gap) {
		// Nothing between two agents: the parts of one group noun.
		return true
	}
	trimmed := reTitleTail.ReplaceAllString(gap, " ")
	return trimmed != gap && reCoord.MatchString(trimmed)
}

var reTitleTail = regexp.MustCompile(`(?:\s+(?:then-|former |ex-)?[\p{Lu}][\p{L}'’.-]*)+\s*$`)
