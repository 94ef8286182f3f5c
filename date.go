package kg

import (
	"fmt"
	"time"
)

// Precision says how much of a date the text pins down.
type Precision string

// Precisions. Earliest and Latest bound every precision except Unresolved
// and DayOfYearUnknown, whose year the text never gives.
const (
	PrecisionDay              Precision = "day"
	PrecisionWeek             Precision = "week"
	PrecisionMonth            Precision = "month"
	PrecisionYear             Precision = "year"
	PrecisionInterval         Precision = "interval"
	PrecisionOnOrBefore       Precision = "on-or-before"
	PrecisionOnOrAfter        Precision = "on-or-after"
	PrecisionDayOfYearUnknown Precision = "day-of-year-unknown"
	PrecisionUnresolved       Precision = "unresolved"
)

// Precisions lists every precision, in a stable order.
var Precisions = []Precision{PrecisionDay, PrecisionWeek, PrecisionMonth, PrecisionYear, PrecisionInterval,
	PrecisionOnOrBefore, PrecisionOnOrAfter, PrecisionDayOfYearUnknown, PrecisionUnresolved}

// DayLayout is the layout of Earliest and Latest.
const DayLayout = "2006-01-02"

// Date is a date as precise as the text allows. Value is ISO 8601 in the
// forms "2025-04-07", "2025-04", "2025", "2025-05-12/2025-05-18",
// "../2026-01-17", "2025-01-17/..", "--01-17", or "" when unresolved.
// Earliest and Latest are inclusive day bounds ("" when unbounded).
type Date struct {
	Value     string
	Precision Precision
	Earliest  string
	Latest    string
	// Text is the expression the date was read from ("late last month").
	Text string
}

// IsZero reports whether d carries no date and no text.
func (d Date) IsZero() bool { return d.Value == "" && d.Text == "" && d.Precision == "" }

// Resolved reports whether d has at least one bound on the calendar.
func (d Date) Resolved() bool { return d.Earliest != "" || d.Latest != "" }

// Day is a date known to the day.
func Day(t time.Time) Date {
	s := t.Format(DayLayout)
	return Date{Value: s, Precision: PrecisionDay, Earliest: s, Latest: s}
}

// Month is a date known to the month.
func Month(year int, month time.Month) Date {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	return Date{Value: first.Format("2006-01"), Precision: PrecisionMonth,
		Earliest: first.Format(DayLayout), Latest: last.Format(DayLayout)}
}

// Year is a date known to the year.
func Year(year int) Date {
	return Date{Value: fmt.Sprintf("%04d", year), Precision: PrecisionYear,
		Earliest: fmt.Sprintf("%04d-01-01", year), Latest: fmt.Sprintf("%04d-12-31", year)}
}

// Week is the Monday-to-Sunday week that contains t.
func Week(t time.Time) Date {
	monday := WeekStart(t)
	sunday := monday.AddDate(0, 0, 6)
	d := Interval(monday, sunday)
	d.Precision = PrecisionWeek
	return d
}

// Interval is a date somewhere between from and to, inclusive.
func Interval(from, to time.Time) Date {
	a, b := from.Format(DayLayout), to.Format(DayLayout)
	return Date{Value: a + "/" + b, Precision: PrecisionInterval, Earliest: a, Latest: b}
}

// OnOrBefore is a date known only to be no later than t.
func OnOrBefore(t time.Time) Date {
	s := t.Format(DayLayout)
	return Date{Value: "../" + s, Precision: PrecisionOnOrBefore, Latest: s}
}

// OnOrAfter is a date known only to be no earlier than t.
func OnOrAfter(t time.Time) Date {
	s := t.Format(DayLayout)
	return Date{Value: s + "/..", Precision: PrecisionOnOrAfter, Earliest: s}
}

// DayOfYearUnknown is a month and day whose year the text does not give.
func DayOfYearUnknown(month time.Month, day int) Date {
	return Date{Value: fmt.Sprintf("--%02d-%02d", int(month), day), Precision: PrecisionDayOfYearUnknown}
}

// Unresolved is a date expression that cannot be placed on the calendar.
func Unresolved(text string) Date {
	return Date{Precision: PrecisionUnresolved, Text: text}
}

// Overlaps reports whether d may fall within [from, to]; empty bounds are
// open. An unresolved date overlaps nothing.
func (d Date) Overlaps(from, to string) bool {
	if !d.Resolved() {
		return false
	}
	if to != "" && d.Earliest != "" && d.Earliest > to {
		return false
	}
	if from != "" && d.Latest != "" && d.Latest < from {
		return false
	}
	return true
}

// Compatible reports whether d and o could name the same day: both are
// resolved and their bounds intersect, or neither is resolved.
func (d Date) Compatible(o Date) bool {
	if !d.Resolved() || !o.Resolved() {
		return true
	}
	return d.Overlaps(o.Earliest, o.Latest)
}

// Narrower reports whether d pins the date down more tightly than o.
func (d Date) Narrower(o Date) bool {
	return d.span() < o.span()
}

// span is the number of days d may fall on; unbounded dates are widest.
func (d Date) span() int {
	if d.Earliest == "" || d.Latest == "" {
		if d.Precision == PrecisionDayOfYearUnknown {
			return 1 << 20
		}
		return 1 << 30
	}
	a, errA := time.Parse(DayLayout, d.Earliest)
	b, errB := time.Parse(DayLayout, d.Latest)
	if errA != nil || errB != nil {
		return 1 << 30
	}
	return int(b.Sub(a).Hours()/24) + 1
}

// WeekStart returns the Monday of the week that contains t.
func WeekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}
