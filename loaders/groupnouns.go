package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
)

// reGroupNoun is a number of people or states told by their role, who
// were named just before: "the three leaders", "both presidents", "the two
// countries".
var reGroupNoun = regexp.MustCompile(`(?i)\b(?:the\s+(two|three|four|five)|(both))\s+(?:(leaders|presidents|prime ministers|premiers|foreign ministers|ministers|heads of state|heads of government)|(countries|nations|states|governments))\b`)

var groupCounts = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}

// groupNouns finds group nouns; their people or states are filled in by
// fillGroups, once the sentences before are read.
func (a *analysis) groupNouns(s string) []mention {
	var out []mention
	for _, m := range findAllSubmatchIndex(reGroupNoun, s, a.fold(s)) {
		word := ""
		for _, g := range []int{2, 4} {
			if m[g] >= 0 {
				word = strings.ToLower(s[m[g]:m[g+1]])
			}
		}
		kind := kg.KindPerson
		if m[8] >= 0 {
			kind = kg.KindState
		}
		out = append(out, mention{Start: m[0], End: m[1], Kind: kind, Form: "group", Count: groupCounts[word]})
	}
	return out
}

// fillGroups gives a group noun of sentence i the people (or states) last
// named before it, in this sentence and the two before, when there are as
// many as it counts. The noun's span is shared out among them, so that
// they read as coordinated agents.
func fillGroups(mentions [][]mention, i int) []mention {
	ms := mentions[i]
	var out []mention
	for _, g := range ms {
		if g.Form != "group" || g.Entity != nil || g.Count == 0 {
			out = append(out, g)
			continue
		}
		var found []*kg.Entity
		for j := i; j >= max(0, i-2) && len(found) < g.Count; j-- {
			for k := len(mentions[j]) - 1; k >= 0 && len(found) < g.Count; k-- {
				m := mentions[j][k]
				if j == i && m.End > g.Start || m.Kind != g.Kind || m.Entity == nil || m.Form == "group" {
					continue
				}
				if !containsEntity(found, m.Entity) {
					found = append(found, m.Entity)
				}
			}
		}
		if len(found) < g.Count {
			continue // the group is not named near enough
		}
		width := (g.End - g.Start) / g.Count
		for n := g.Count - 1; n >= 0; n-- {
			part := g
			part.Entity, part.Count = found[n], 0
			part.Start = g.Start + (g.Count-1-n)*width
			if n > 0 {
				part.End = part.Start + width
			}
			out = append(out, part)
		}
	}
	sortMentions(out)
	return out
}

func containsEntity(es []*kg.Entity, e *kg.Entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}
