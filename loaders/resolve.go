package loaders

import (
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// anchor is what relative dates are resolved against: the publication date
// and, for "the following day", the last day the text named.
type anchor struct {
	Published *time.Time
	LastDay   *time.Time
	// Told is the last date the sentence named before a relative one, for
	// "the previous month".
	Told *kg.Date
	// LastYear and LastMonth are those of the last date told, for "that
	// year"; LastMonth is 0 when that date named no month.
	LastYear  int
	LastMonth time.Month
}

// resolve places a date expression on the calendar. future says the event
// is planned, which moves a yearless "January 17" or "on Wednesday" forward
// from the publication date rather than back. Expressions that need an
// anchor the document does not have stay unresolved, with their text.
func (e dateExpr) resolve(a anchor, future bool) kg.Date {
	d := e.place(a, future)
	if e.Count > 9999 || !onCalendar(d.Earliest) || !onCalendar(d.Latest) {
		// Huge counts overflow the time arithmetic, and years outside
		// 0000-9999 have no ISO form that sorts as a string.
		d = kg.Unresolved(e.Text)
	}
	d.Text = e.Text
	return d
}

// onCalendar reports whether a bound is empty or a day of a four-digit year.
func onCalendar(day string) bool {
	return day == "" || len(day) == len(kg.DayLayout) && day[0] != '-'
}

// place puts e on the calendar. "Early/mid/late March" is March:
// annotators and readers take "early December" as December, not as a
// ten-day window the text never states; the words stay in the date's text.
// Parts of a year, whose thirds are long, do narrow it.
func (e dateExpr) place(a anchor, future bool) kg.Date {
	if !e.valid() {
		return kg.Unresolved(e.Text)
	}
	p := a.Published
	if e.Told {
		if a.LastYear == 0 {
			return kg.Unresolved(e.Text)
		}
		if e.Kind == dkMonthDay {
			return kg.Day(date(a.LastYear, e.Month, e.Day))
		}
		return kg.Month(a.LastYear, e.Month)
	}
	if e.Shifted && p != nil {
		y := p.Year() + e.YearShift
		if e.Kind == dkMonthDay {
			return kg.Day(date(y, e.Month, e.Day))
		}
		return kg.Month(y, e.Month)
	}
	switch e.Kind {
	case dkDay:
		return kg.Day(date(e.Year, e.Month, e.Day))
	case dkMonthYear:
		return kg.Month(e.Year, e.Month)
	case dkYear:
		return partOfYear(e.Year, e.Part)
	case dkMonthDay:
		if p == nil {
			return kg.DayOfYearUnknown(e.Month, e.Day)
		}
		return kg.Day(monthDayNear(*p, e.Month, e.Day, future))
	case dkMonth:
		if p == nil {
			return kg.Unresolved(e.Text)
		}
		y := p.Year()
		if !future && e.Month > p.Month() {
			y--
		} else if future && e.Month < p.Month() {
			y++
		}
		return kg.Month(y, e.Month)
	case dkWeekday:
		if p == nil {
			return kg.Unresolved(e.Text)
		}
		return kg.Day(weekdayNear(*p, e.Weekday, future || e.Rel == "next", e.Rel))
	case dkRelative:
		return e.placeRelative(a, future)
	}
	return kg.Unresolved(e.Text)
}

func (e dateExpr) placeRelative(a anchor, future bool) kg.Date {
	// Days counted from the last day the text named, not from publication.
	if shift, ok := map[string]int{"the following day": 1, "the next day": 1, "the same day": 0, "the previous day": -1}[strings.ToLower(e.Rel)]; ok {
		if a.LastDay == nil {
			return kg.Unresolved(e.Text)
		}
		return kg.Day(a.LastDay.AddDate(0, 0, shift))
	}
	if unit, shift, ok := periodShift(e.Rel); ok {
		// "became a member in April 2023 after parliament approved it
		// the previous month": counted from the date just told.
		if a.Told == nil || a.Told.Earliest == "" {
			return kg.Unresolved(e.Text)
		}
		t, err := time.Parse(kg.DayLayout, a.Told.Earliest)
		if err != nil {
			return kg.Unresolved(e.Text)
		}
		switch unit {
		case "week":
			return kg.Week(t.AddDate(0, 0, 7*shift))
		case "month":
			m := date(t.Year(), t.Month(), 1).AddDate(0, shift, 0)
			return kg.Month(m.Year(), m.Month())
		}
		return kg.Year(t.Year() + shift)
	}
	if d, ok := e.placeTold(a); ok {
		return d
	}
	if at, ok := eventRelative(e); ok {
		// "It came two days after parliament ratified it": counted back
		// from the day the text was last talking about.
		if a.LastDay == nil {
			return kg.Unresolved(e.Text)
		}
		return at(*a.LastDay)
	}
	if a.Published == nil {
		return kg.Unresolved(e.Text)
	}
	p := *a.Published
	switch e.Rel {
	case "now", "recent days", "recent weeks", "recent months":
		return kg.OnOrBefore(p)
	case "by end of year":
		return kg.OnOrBefore(date(p.Year(), 12, 31))
	case "by end of month":
		return kg.OnOrBefore(date(p.Year(), p.Month()+1, 0))
	case "today":
		return kg.Day(p)
	case "yesterday":
		return kg.Day(p.AddDate(0, 0, -1))
	case "tomorrow":
		return kg.Day(p.AddDate(0, 0, 1))
	case "last week", "past week":
		return kg.Week(p.AddDate(0, 0, -7))
	case "this week":
		return kg.Week(p)
	case "next week", "coming week":
		return kg.Week(p.AddDate(0, 0, 7))
	case "earlier this week", "later this week":
		return kg.Week(p)
	case "last month", "past month":
		prev := date(p.Year(), p.Month(), 1).AddDate(0, -1, 0)
		return kg.Month(prev.Year(), prev.Month())
	case "this month", "earlier this month", "later this month":
		// "earlier this month" names the month; what it adds (before
		// today) is already implied by the tense, and annotators write
		// the month.
		return kg.Month(p.Year(), p.Month())
	case "next month", "coming month":
		next := date(p.Year(), p.Month(), 1).AddDate(0, 1, 0)
		return kg.Month(next.Year(), next.Month())
	case "last year", "past year":
		return partOfYear(p.Year()-1, e.Part)
	case "this year", "earlier this year", "later this year":
		return partOfYear(p.Year(), e.Part)
	case "next year", "coming year":
		return partOfYear(p.Year()+1, e.Part)
	case "day ago", "day earlier":
		return kg.Day(p.AddDate(0, 0, -e.Count))
	case "week ago":
		return kg.Week(p.AddDate(0, 0, -7*e.Count))
	case "month ago":
		t := date(p.Year(), p.Month(), 1).AddDate(0, -e.Count, 0)
		return kg.Month(t.Year(), t.Month())
	case "year ago":
		return kg.Year(p.Year() - e.Count)
	}
	return kg.Unresolved(e.Text)
}

// eventRelative places "N days after" and "N weeks before", which count
// from another event, not from publication: the clause they introduce
// happened N units before (after) the day the text last named.
func eventRelative(e dateExpr) (func(time.Time) kg.Date, bool) {
	unit, dir, ok := strings.Cut(e.Rel, " ")
	if !ok || dir != "after" && dir != "before" {
		return nil, false
	}
	n := e.Count
	if dir == "after" {
		n = -n
	}
	return func(ref time.Time) kg.Date {
		if unit == "day" {
			return kg.Day(ref.AddDate(0, 0, n))
		}
		return kg.Week(ref.AddDate(0, 0, 7*n))
	}, true
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// monthDayNear finds the month and day nearest the publication date: on or
// before it for past events, on or after it for planned ones. Years that
// lack the day (February 29) are skipped rather than rolled into March.
func monthDayNear(p time.Time, m time.Month, d int, future bool) time.Time {
	step := -1
	if future {
		step = 1
	}
	for y := p.Year(); ; y += step {
		t := date(y, m, d)
		if t.Day() == d && (future && !t.Before(p) || !future && !t.After(p)) {
			return t
		}
	}
}

// weekdayNear finds the named weekday nearest the publication date: the
// most recent one (the day itself included) for past events, the next one
// for planned events; "last"/"next" shift by a week as people mean it.
func weekdayNear(p time.Time, wd time.Weekday, forward bool, rel string) time.Time {
	if forward {
		delta := (int(wd) - int(p.Weekday()) + 7) % 7
		if delta == 0 {
			delta = 7
		}
		return p.AddDate(0, 0, delta)
	}
	delta := (int(p.Weekday()) - int(wd) + 7) % 7
	if rel == "last" && delta == 0 {
		delta = 7
	}
	return p.AddDate(0, 0, -delta)
}

func partOfYear(y int, part string) kg.Date {
	switch part {
	case "early":
		return kg.Interval(date(y, 1, 1), date(y, 4, 30))
	case "mid":
		return kg.Interval(date(y, 5, 1), date(y, 8, 31))
	case "late":
		return kg.Interval(date(y, 9, 1), date(y, 12, 31))
	case "first half":
		return kg.Interval(date(y, 1, 1), date(y, 6, 30))
	case "second half", "last half":
		return kg.Interval(date(y, 7, 1), date(y, 12, 31))
	}
	for q, name := range []string{"first quarter", "second quarter", "third quarter", "fourth quarter"} {
		if part == name || part == "last quarter" && q == 3 {
			return kg.Interval(date(y, time.Month(3*q+1), 1), date(y, time.Month(3*q+4), 0))
		}
	}
	return kg.Year(y)
}
