package sqlite

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// Values of events.date_class (migration 0003), the shape of an event's
// date bounds.
const (
	classUnplaced  = 0 // no bound
	classShort     = 1 // both bounds, at most shortSpan days apart
	classYear      = 2 // both bounds, at most yearSpan days apart
	classLong      = 3 // both bounds, further apart
	classOpenEnd   = 4 // earliest bound only
	classOpenStart = 5 // latest bound only
)

// The widest spans of classShort and classYear, as in migration 0003.
const (
	shortSpan = 31
	yearSpan  = 366
)

// dateClass returns the date_class of d, as migration 0003 computes it
// for the events stored before it. A class too wide only costs time (the
// count reads more of the index), a class too narrow would lose events,
// so bounds that do not parse count as far apart.
func dateClass(d kg.Date) int {
	switch {
	case d.Earliest == "" && d.Latest == "":
		return classUnplaced
	case d.Earliest == "":
		return classOpenStart
	case d.Latest == "":
		return classOpenEnd
	}
	earliest, err1 := time.Parse(kg.DayLayout, d.Earliest)
	latest, err2 := time.Parse(kg.DayLayout, d.Latest)
	if err1 != nil || err2 != nil {
		return classLong
	}
	// Sub saturates past 292 years, which only makes the span longer.
	switch days := latest.Sub(earliest).Hours() / 24; {
	case days <= shortSpan:
		return classShort
	case days <= yearSpan:
		return classYear
	}
	return classLong
}

// countOverlapping returns a query counting the events that meet base and
// overlap [from, to], with its arguments. The plain overlap test
// (dateConds) reads every event of the type or status, as a date range
// cannot bound an index on either bound alone; split by date class, each
// part is one range of an index on (type, date_class, sort_key): an event
// whose bounds are at most d days apart and that ends on or after from
// starts on or after from minus d days, and an open-ended event overlaps
// exactly when its one bound, its sort key, is on the open side.
func countOverlapping(base []string, baseArgs []any, from, to string) (string, []any) {
	var terms []string
	var args []any
	part := func(class int, conds []string, condArgs ...any) {
		all := append(slices.Clone(base), fmt.Sprintf(`e.date_class = %d`, class))
		terms = append(terms, `(SELECT count(*) FROM events e`+whereOf(append(all, conds...))+`)`)
		args = append(append(args, baseArgs...), condArgs...)
	}
	bounded := func(class, span int) {
		var conds []string
		var a []any
		if from != "" && span > 0 {
			conds, a = append(conds, `e.sort_key >= ?`), append(a, daysBefore(from, span))
		}
		if to != "" {
			conds, a = append(conds, `e.sort_key <= ?`), append(a, to)
		}
		if from != "" {
			conds, a = append(conds, `e.date_latest >= ?`), append(a, from)
		}
		part(class, conds, a...)
	}
	bounded(classShort, shortSpan)
	bounded(classYear, yearSpan)
	bounded(classLong, 0)
	if to != "" {
		part(classOpenEnd, []string{`e.sort_key <= ?`}, to)
	} else {
		part(classOpenEnd, nil)
	}
	if from != "" {
		part(classOpenStart, []string{`e.sort_key >= ?`}, from)
	} else {
		part(classOpenStart, nil)
	}
	return `SELECT ` + strings.Join(terms, ` + `), args
}

// daysBefore returns the day n days before day, both "YYYY-MM-DD". For
// a day it cannot read (validateFilter rejects them) it returns "", no
// lower bound, which keeps the count exact.
func daysBefore(day string, n int) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -n).Format(time.DateOnly)
}
