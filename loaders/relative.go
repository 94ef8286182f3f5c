package loaders

import (
	"strings"

	"github.com/newsgraph/kg"
)

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

// periodShift reads "the previous month" or "the following year" as a
// unit and a count of units from the date just told; "the same year" is
// read as "that year" (placeTold).
func periodShift(rel string) (string, int, bool) {
	rest, the := strings.CutPrefix(rel, "the ")
	which, unit, ok := strings.Cut(rest, " ")
	if !the || !ok || unit != "week" && unit != "month" && unit != "year" {
		return "", 0, false
	}
	switch which {
	case "previous":
		return unit, -1, true
	case "following", "next":
		return unit, 1, true
	}
	return "", 0, false
}

// placeTold places what counts from the last date the text told rather
// than from publication: "a day earlier" and "two days later" from the
// day of the event just told, "that year" and "before the end of that
// year" in its year. An act dated "before the end of that year" followed
// what the text told of that year, so it is dated to the year. Without
// that date, "earlier" still counts from publication.
func (e dateExpr) placeTold(a anchor) (kg.Date, bool) {
	switch e.Rel {
	case "that year", "earlier that year", "later that year", "by end of that year":
		if a.LastYear == 0 {
			return kg.Unresolved(e.Text), true
		}
		return partOfYear(a.LastYear, e.Part), true
	case "that month", "earlier that month", "later that month", "by end of that month":
		if a.LastMonth == 0 {
			return kg.Unresolved(e.Text), true
		}
		return kg.Month(a.LastYear, a.LastMonth), true
	case "that week":
		if a.LastDay == nil {
			return kg.Unresolved(e.Text), true
		}
		return kg.Week(*a.LastDay), true
	}
	unit, dir, _ := strings.Cut(e.Rel, " ")
	if dir != "earlier" && dir != "later" || unit != "day" && unit != "week" {
		return kg.Date{}, false
	}
	if a.LastDay == nil && dir == "later" {
		return kg.Unresolved(e.Text), true
	}
	if a.LastDay == nil {
		return kg.Date{}, false
	}
	n := e.Count
	if dir == "earlier" {
		n = -n
	}
	if unit == "day" {
		return kg.Day(a.LastDay.AddDate(0, 0, n)), true
	}
	return kg.Week(a.LastDay.AddDate(0, 0, 7*n)), true
}
