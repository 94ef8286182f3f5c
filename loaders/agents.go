package loaders

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
)

var (
	reCoord    = regexp.MustCompile(`^(?:\s*,\s*|\s+and\s+(?:of\s+|by\s+)?(?:the\s+)?|\s*,\s*and\s+(?:of\s+|by\s+)?(?:the\s+)?|\s+as well as\s+(?:the\s+)?|\s+along with\s+(?:the\s+)?|\s*,\s*(?:the\s+)?)$`)
	reUnderRef = regexp.MustCompile(`(?i)\b(?:under|during|by)\s+$`)
)

// byPhraseAfter returns the offset just past "by " after a participle, in
// the same clause, or -1.
func byPhraseAfter(s string, from int) int {
	rest := s[from:]
	limit := min(len(rest), 140)
	if j := strings.IndexAny(rest[:limit], ";"); j >= 0 {
		limit = j
	}
	j := strings.Index(rest[:limit], " by ")
	if j < 0 {
		return -1
	}
	return from + j + len(" by ")
}

// subjectBefore reports an agent right before a participle ("Putin signed
// the treaty, hailed by…"), which makes it active.
func subjectBefore(s string, t trigger, ms []mention) bool {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.End <= t.Start {
			gap := strings.TrimSpace(s[m.End:t.Start])
			return m.agentKind() && (gap == "" || len(strings.Fields(gap)) <= 2 && !strings.ContainsAny(gap, ",;"))
		}
	}
	return false
}

// agentsFor finds who acted: the subject group before an active verb, the
// by-phrase (or "between X and Y") after a passive one, the possessor of a
// nominalization.
func (a *analysis) agentsFor(s string, t trigger, ms []mention, passive bool) []*kg.Entity {
	if t.Nominal {
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.End <= t.Start && t.Start-m.End <= 3 && m.agentKind() {
				return []*kg.Entity{m.Entity}
			}
		}
		if strings.HasPrefix(s[t.End:], " of ") {
			// "the approval of Israel's cabinet and of the Knesset"
			if group := groupAfter(s, t.End+len(" of "), ms); len(group) > 0 {
				return group
			}
		}
		if by := byPhraseAfter(s, t.End); by >= 0 && !strings.ContainsAny(s[t.End:by], ",:") {
			// "ratification by the Duma", not "To ease ratification, the
			// deal was split: one part can be concluded by the EU alone".
			return groupAfter(s, by, ms)
		}
		return groupAfter(s, betweenAfter(s, t.End), ms)
	}
	if passive {
		if by := byPhraseAfter(s, t.End); by >= 0 {
			if group := groupAfter(s, by, ms); len(group) > 0 {
				return group
			}
			// "signed by the member states of NATO, including Norway":
			// the named members stand for the unnamed whole.
			return groupAfter(s, includingAfter(s, by), ms)
		}
		return groupAfter(s, betweenAfter(s, t.End), ms)
	}
	if m, ok := soleOneBefore(s, t.Start, ms); ok {
		return []*kg.Entity{m.Entity}
	}
	if at := listedAfter(s, t); at >= 0 {
		return groupAfter(s, at, ms) // "Among the states that have ratified it are Austria and Ireland"
	}
	// Active: the nearest possible subject to the left, with what is
	// coordinated with it, skipping a relative clause between them.
	relFrom, relTo := relativeClauseBefore(s, t.Start)
	var group []int
	last := -1
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.End > t.Start || last >= 0 && m.Form == "demonym" {
			continue // a demonym inside the group only opens a title
		}
		if m.Start >= relFrom && m.End <= relTo || strings.HasPrefix(s[m.End:], "-") {
			continue // inside a relative clause, or a modifier: "an EU-backed plan"
		}
		if last < 0 {
			if !m.agentKind() || nonAgentPreps[m.Prep] || locativePreps[m.Prep] || m.Possessor {
				continue
			}
			group, last = append(group, i), i
			continue
		}
		gap := s[m.End:ms[last].Start]
		if m.Possessor && reRoleGap.MatchString(gap) {
			// "and the Taliban's political chief, Mullah Baradar, signed":
			// the possessor says whose chief; the chief signs, and what
			// comes before may still join him.
			last = i
			continue
		}
		if !m.agentKind() || !coordinated(gap) && !reRoleOf.MatchString(gap) {
			break
		}
		group, last = append(group, i), i
	}
	if len(group) == 0 {
		if we := a.speakersState(s, t, ms); we != nil {
			return []*kg.Entity{we}
		}
		return groupAfter(s, betweenAfter(s, t.End), ms)
	}
	slices.Reverse(group)
	var out []*kg.Entity
	for _, i := range withoutRoleOwners(s, ms, group) {
		out = append(out, ms[i].Entity)
	}
	if t.Type == kg.EventSigned {
		// "Norway signed the treaty with Poland": a signature with someone
		// is a signature by both sides.
		for _, e := range groupAfter(s, withPartnerAfter(s, t.End), ms) {
			if !slices.Contains(out, e) {
				out = append(out, e)
			}
		}
	}
	return out
}

var reRelativeOpen = regexp.MustCompile(`, (?:which|who|whose|\w+ed)\b`)

// relativeClauseBefore finds ", which ... ,", ", who ... ," or a
// participial aside (", drafted in 2019 ...,") that ends a few words
// before offset at: in "India, which walked out of the talks over fears
// that Chinese goods would flood its market, declined to sign", India
// signs or not, not the goods; in "The pact, drafted in 2019, took effect
// in 2021", 2019 is the drafting's. It returns an empty span otherwise.
func relativeClauseBefore(s string, at int) (int, int) {
	closing := strings.LastIndexByte(s[:at], ',')
	if closing < 0 || len(strings.Fields(s[closing+1:at])) > 4 {
		return -1, -1
	}
	from := max(0, closing-220)
	locs := reRelativeOpen.FindAllStringIndex(s[from:closing], -1)
	if len(locs) == 0 {
		return -1, -1
	}
	return from + locs[len(locs)-1][0], closing
}

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
// "and", a comma, "as well as". Titles and demonyms that open the second
// name ("… and Pakistani Prime Minister Shehbaz Sharif") are part of it.
func coordinated(gap string) bool {
	if reCoord.MatchString(gap) {
		return true
	}
	trimmed := reTitleTail.ReplaceAllString(gap, " ")
	return trimmed != gap && reCoord.MatchString(trimmed)
}

var reTitleTail = regexp.MustCompile(`(?:\s+(?:then-|former |ex-)?[\p{Lu}][\p{L}'’.-]*)+\s*$`)

// proposerFor reads "under/during Rouhani's presidency" for proposals whose
// grammar names no proposer.
func (a *analysis) proposerFor(s string, ms []mention) []*kg.Entity {
	for _, m := range ms {
		if m.agentKind() && m.Possessor && reUnderRef.MatchString(s[:m.Start]) {
			return []*kg.Entity{m.Entity}
		}
	}
	return nil
}
