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
	if t.Rule == "cleared" {
		return bodiesCleared(s, t, ms) // "after it cleared both chambers of Congress": the chambers passed it
	}
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
		if m.End > t.Start || last >= 0 && (m.Form == "demonym" || ownerOf(s, m, ms[last])) {
			continue // a demonym inside the group only opens a title; "Japan's" only says whose minister
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

// ownerOf reports a possessor right before the mention it owns ("Japan's
// Hiroshi Kajiyama").
func ownerOf(s string, owner, owned mention) bool {
	if !owner.Possessor || owner.End > owned.Start {
		return false
	}
	gap := strings.TrimSpace(s[owner.End:owned.Start])
	return gap == "'s" || gap == "’s"
}

var reClearedBody = regexp.MustCompile(`^\s+(?:both\s+(?:chambers|houses)\s+of\s+)?`)

// bodiesCleared are the legislatures or chambers a text cleared: "the
// bill cleared the Senate", "it cleared both chambers of Congress".
func bodiesCleared(s string, t trigger, ms []mention) []*kg.Entity {
	var out []*kg.Entity
	for _, e := range groupAfter(s, t.End+len(reClearedBody.FindString(s[t.End:])), ms) {
		if e.Kind != kg.KindInstitution {
			return nil
		}
		out = append(out, e)
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
