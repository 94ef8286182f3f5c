package loaders

import "strings"

// relativeExpr reads a match of reRelative: "late last month", "two days
// later", "earlier in the week", "the same year".
func relativeExpr(s string, m []int) dateExpr {
	e := dateExpr{Start: m[0], End: m[1], Kind: dkRelative}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return strings.ToLower(s[m[2*i]:m[2*i+1]])
	}
	switch {
	case group(3) != "":
		// "earlier in the week" is "earlier this week"; "that year" and
		// "the same year" are the year last told.
		which := strings.NewReplacer(" in the", " this").Replace(group(2))
		e.Part, e.Rel = group(1), which+" "+group(3)
	case group(5) == "the same" && group(6) != "day":
		e.Rel = "that " + group(6)
	case group(4) != "":
		e.Rel = group(4)
	case group(5) != "":
		e.Rel = group(5) + " " + group(6)
	case group(7) != "":
		e.Count = countWord(group(7))
		e.Rel = strings.TrimSuffix(group(8), "s") + " " + group(9)
	case group(12) != "":
		e.Count = countWord(group(12))
		e.Rel = strings.TrimSuffix(group(13), "s") + " " + group(14)
	default:
		e.Rel = "recent " + group(10)
	}
	return e
}

func countWord(w string) int {
	if n, ok := numberWords[w]; ok {
		return n
	}
	return atoi(w)
}
