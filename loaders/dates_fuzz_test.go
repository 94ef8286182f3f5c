package loaders

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg"
)

// FuzzDates finds date expressions in arbitrary text and places each on the
// calendar against a publication date, checking that the expressions tile
// the text and that every resolved date is a well-formed kg.Date.
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"signed in Moscow on January 17, 2025, by",
		"on 17 January 2026", "on the 3rd of March, 2024", "dated 2025-04-07", "28/01/2025", "03/28/2024", "04.03.2024",
		"on January 17th with", "Sept. 5, 2023", "Feb 29, 2024", "Feb 29, 2023", "February 30", "31 April 2020",
		"in March 2001", "in early March 2022", "mid-May 2019", "late January 17, 2025", "withdrew in 2018", "in late 2024",
		"the 2001 treaty", "the 2015 Paris Agreement", "in April", "since June", "late last month", "earlier this year",
		"later this month", "last year", "next week", "the coming month", "on Wednesday", "last Monday", "next Friday",
		"has now come into effect", "yesterday", "today", "tomorrow", "two days ago", "3 weeks ago", "six months ago",
		"ten years ago", "a day earlier", "the following day", "the next day", "in recent weeks", "the 2025-26 budget",
		"$2025 million", "20-2025", "MOSCOW, April 8 (TASS) - The Duma voted", "Tehran, May 21, 2025 – Iran and",
		"16 APR 2025, 13:05", "2025-00-10", "2025-13-01", "2025-01-00", "00/01/2025", "99 days ago", "on February 29 the",
		"9999 years ago", "99999999999999999999 days ago", "3000 weeks ago", "999999 months ago",
		"On 1 May 2004 ten states joined; on May 2, 2004 and May 3 more followed, then in June 2004 and 2005.",
	} {
		f.Add(s, uint16(20230), true, false, true) // published 2025-05-21, a Wednesday
		f.Add(s, uint16(0), false, true, false)
	}
	f.Fuzz(func(t *testing.T, s string, pubDays uint16, hasPub, future, dayFirst bool) {
		found := findDates(s, dayFirst)
		checkDateExprs(t, s, found)
		var anc anchor
		if hasPub {
			p := date(1970, 1, 1+int(pubDays))
			anc.Published = &p
			last := p.AddDate(0, 0, -3)
			anc.LastDay = &last
		}
		for _, e := range found {
			d := e.resolve(anc, future)
			if err := checkDate(d); err != nil {
				t.Fatalf("%q resolved to %+v: %v", e.Text, d, err)
			}
			if d.Text != e.Text {
				t.Errorf("%q resolved with text %q", e.Text, d.Text)
			}
			checkPlacement(t, e, d, anc, future)
		}
	})
}

// checkDateExprs asserts that date expressions are in order, within s,
// non-overlapping and carry the text they span.
func checkDateExprs(t *testing.T, s string, found []dateExpr) {
	t.Helper()
	prevEnd := 0
	for i, e := range found {
		if e.Start < prevEnd || e.End <= e.Start || e.End > len(s) {
			t.Fatalf("date %d %q at [%d,%d) out of order, empty or out of bounds (previous end %d, len %d)", i, e.Text, e.Start, e.End, prevEnd, len(s))
		}
		if got, want := e.Text, s[e.Start:e.End]; got != want {
			t.Fatalf("date %d text = %q, want %q", i, got, want)
		}
		prevEnd = e.End
	}
}

// checkPlacement asserts what resolve promises beyond well-formedness:
// absolute dates mean what they say whatever the anchor, and yearless ones
// land on the side of the publication date that the tense asks for.
func checkPlacement(t *testing.T, e dateExpr, d kg.Date, anc anchor, future bool) {
	t.Helper()
	if !e.valid() {
		if d.Precision != kg.PrecisionUnresolved {
			t.Errorf("invalid expression %q resolved to %+v", e.Text, d)
		}
		return
	}
	switch e.Kind {
	case dkDay:
		if got, want := d.Value, fmt.Sprintf("%04d-%02d-%02d", e.Year, int(e.Month), e.Day); got != want {
			t.Errorf("%q: value = %q, want %q (year %d, month %d, day %d)", e.Text, got, want, e.Year, e.Month, e.Day)
		}
	case dkMonthYear, dkYear:
		if again := e.resolve(anchor{}, !future); again != d {
			t.Errorf("%q depends on its anchor: %+v vs %+v", e.Text, d, again)
		}
	case dkMonthDay:
		if anc.Published == nil {
			break
		}
		p := anc.Published.Format(kg.DayLayout)
		if want := fmt.Sprintf("-%02d-%02d", int(e.Month), e.Day); len(d.Value) != 10 || !strings.HasSuffix(d.Value, want) {
			t.Errorf("%q: value = %q, want a day ending %s", e.Text, d.Value, want)
		}
		if future && d.Value < p || !future && d.Value > p {
			t.Errorf("%q (future=%v) resolved to %s, wrong side of publication %s", e.Text, future, d.Value, p)
		}
	case dkWeekday:
		if anc.Published == nil {
			break
		}
		p := anc.Published.Format(kg.DayLayout)
		day, _ := time.Parse(kg.DayLayout, d.Value)
		if day.Weekday() != e.Weekday {
			t.Errorf("%q resolved to %s, a %s", e.Text, d.Value, day.Weekday())
		}
		if forward := future || e.Rel == "next"; forward && d.Value <= p || !forward && d.Value > p {
			t.Errorf("%q (future=%v) resolved to %s, wrong side of publication %s", e.Text, future, d.Value, p)
		}
	}
}

// checkDate returns what is wrong with d as a kg.Date: bounds that are not
// days of the four-digit-year calendar (stores compare them as strings), a
// Value that disagrees with the bounds, or a precision it does not match.
func checkDate(d kg.Date) error {
	if !slices.Contains(kg.Precisions, d.Precision) {
		return fmt.Errorf("precision %q is not valid", d.Precision)
	}
	for _, b := range []string{d.Earliest, d.Latest} {
		if b == "" {
			continue
		}
		if t, err := time.Parse(kg.DayLayout, b); err != nil || t.Format(kg.DayLayout) != b {
			return fmt.Errorf("bound %q is not a %s day", b, kg.DayLayout)
		}
	}
	e, l := d.Earliest, d.Latest
	if e != "" && l != "" && e > l {
		return fmt.Errorf("earliest %s after latest %s", e, l)
	}
	want := ""
	switch d.Precision {
	case kg.PrecisionDay:
		if e != l {
			return fmt.Errorf("day with bounds %s..%s", e, l)
		}
		want = e
	case kg.PrecisionWeek:
		start, _ := time.Parse(kg.DayLayout, e)
		if start.Weekday() != time.Monday || start.AddDate(0, 0, 6).Format(kg.DayLayout) != l {
			return fmt.Errorf("week %s..%s is not Monday to Sunday", e, l)
		}
		want = e + "/" + l
	case kg.PrecisionMonth:
		if len(e) != 10 || !strings.HasSuffix(e, "-01") {
			return fmt.Errorf("month starts on %q", e)
		}
		start, _ := time.Parse(kg.DayLayout, e)
		if end := start.AddDate(0, 1, -1).Format(kg.DayLayout); l != end {
			return fmt.Errorf("month %s ends on %s, want %s", e, l, end)
		}
		want = e[:7]
	case kg.PrecisionYear:
		if len(e) != 10 || e[4:] != "-01-01" || l != e[:4]+"-12-31" {
			return fmt.Errorf("year bounds %s..%s", e, l)
		}
		want = e[:4]
	case kg.PrecisionInterval:
		if e == "" || l == "" {
			return fmt.Errorf("interval with open bound %q..%q", e, l)
		}
		want = e + "/" + l
	case kg.PrecisionOnOrBefore:
		if e != "" || l == "" {
			return fmt.Errorf("on-or-before with bounds %q..%q", e, l)
		}
		want = "../" + l
	case kg.PrecisionOnOrAfter:
		if e == "" || l != "" {
			return fmt.Errorf("on-or-after with bounds %q..%q", e, l)
		}
		want = e + "/.."
	case kg.PrecisionDayOfYearUnknown:
		var m, day int
		if e != "" || l != "" {
			return fmt.Errorf("day-of-year-unknown with bounds %q..%q", e, l)
		}
		if _, err := fmt.Sscanf(d.Value, "--%02d-%02d", &m, &day); err != nil || len(d.Value) != 7 ||
			date(2024, time.Month(m), day).Format("--01-02") != d.Value {
			return fmt.Errorf("day-of-year-unknown value %q is not a month and day", d.Value)
		}
		return nil
	case kg.PrecisionUnresolved:
		if e != "" || l != "" {
			return fmt.Errorf("unresolved with bounds %q..%q", e, l)
		}
	}
	if d.Value != want {
		return fmt.Errorf("value %q, want %q for %s %s..%s", d.Value, want, d.Precision, e, l)
	}
	return nil
}
