package loaders

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// dateKind tells how much of the calendar a date expression fixes by itself.
type dateKind int

const (
	dkDay       dateKind = iota // January 17, 2025
	dkMonthDay                  // January 17 (year from context)
	dkMonthYear                 // March 2001
	dkMonth                     // in April (year from context)
	dkYear                      // in 2018
	dkWeekday                   // on Wednesday
	dkRelative                  // last week, late last month, now
)

// dateExpr is a date expression found in text, not yet placed on the calendar.
type dateExpr struct {
	Start, End int
	Text       string
	Kind       dateKind
	Year       int
	Month      time.Month
	Day        int
	Weekday    time.Weekday
	// Part is "early", "mid" or "late" when the text narrows a month or year.
	Part string
	// Rel names a relative expression ("last week"); Count is its number.
	Rel   string
	Count int
	// Shifted says the year is the publication year plus YearShift
	// ("last year").
	Shifted   bool
	YearShift int
	// Told says the year is the one last told ("in June of that year").
	Told bool
	// Modifier says the date describes the agreement, not an event
	// ("the 2001 treaty"), so events must not take it.
	Modifier bool
}

const monthNames = `(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t|tember|\.|t\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`

var (
	reMonthDayYear   = regexp.MustCompile(`\b(?:(early|mid|late)[- ])?((?i:` + monthNames + `))\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})\b`)
	reDayMonthYear   = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?((?i:` + monthNames + `)),?\s+(\d{4})\b`)
	reISODate        = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reNumericDate    = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`)
	reYearFirstDate  = regexp.MustCompile(`\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b`) // 2023/10/12, East Asian and Nordic sites
	reMonthDay       = regexp.MustCompile(`\b(` + monthNames + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	reDayMonth       = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthNames + `)\b`)
	reMonthYear      = regexp.MustCompile(`\b(?:(early|mid|late)[- ])?(` + monthNames + `),?\s+(\d{4})\b`)
	reMonthAlone     = regexp.MustCompile(`\b(?:(?:(early|mid|late)[- ])|(?:in|In|since|by|until|of|during|last|this|next)\s+)(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	reYear           = regexp.MustCompile(`\b(?:(early|mid|late)[- ]|(?:the )?((?:first|second|third|fourth|last) (?:half|quarter)) of )?((?:19|20)\d\d)\b`)
	reWeekday        = regexp.MustCompile(`\b(?:on|last|this|next|On|Last|This|Next)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reRelative       = regexp.MustCompile(`(?i)\b(?:(early|late|mid)[- ])?(coming|earlier in the|earlier that|earlier this|last|later in the|later that|later this|next|past|that|this) (week|month|year)\b|\b(yesterday|today|tomorrow|now)\b|\b(the following|the next|the previous|the same) (day|week|month|year)\b|\b(a|eight|five|four|nine|one|seven|six|ten|three|two|\d+) (days?|weeks?|months?|years?) (ago|later|earlier)\b|\b(?:in )?(recent) (days|weeks|months)\b|\b(a|eight|five|four|nine|one|seven|six|ten|three|two|\d+) (days?|weeks?) (after|before)\b`)
	reByEnd          = regexp.MustCompile(`(?i)\b(?:before|by) the end of (the |this |that |the same )?(year|month)\b`)
	reYearShift      = regexp.MustCompile(`^,?\s+((?i:last|this|next)) year\b`)
	reYearTold       = regexp.MustCompile(`^,?\s+(?:of\s+)?(?i:that|the same) year\b`)
	reAgreementAfter = regexp.MustCompile(`^[\s-]*(?:(?:[A-Z][\w-]*|nuclear|trade|peace|defen[cs]e|security|arms|climate|strategic|partnership|cooperation|free[- ]trade|accession|bilateral)\s+){0,4}(?i:treaty|agreement|deal|accord|pact|convention|protocol|partnership|framework|initiative|charter|memorandum|law|bill|ceasefire|cease-fire|truce|armistice)`)
)

var monthByPrefix = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func parseMonth(s string) time.Month {
	if len(s) < 3 {
		return 0
	}
	return monthByPrefix[strings.ToLower(s[:3])]
}

var weekdays = map[string]time.Weekday{"Sunday": 0, "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6}

var numberWords = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// findDates returns the date expressions in s, longest first where two
// overlap, in order of position. dayFirst decides ambiguous numeric dates.
func findDates(s string, dayFirst bool) []dateExpr {
	var found []dateExpr
	taken := make([]bool, len(s)+1)
	f := foldASCII(s)
	add := func(e dateExpr) {
		if e.Kind == dkMonthDay || e.Kind == dkMonth {
			// "July 5 last year", "in March this year".
			if m := reYearShift.FindStringSubmatch(s[e.End:]); m != nil {
				e.End += len(m[0])
				e.YearShift = map[string]int{"last": -1, "this": 0, "next": 1}[strings.ToLower(m[1])]
				e.Shifted = true
			} else if m := reYearTold.FindString(s[e.End:]); m != "" {
				e.End += len(m) // "in June of that year"
				e.Told = true
			}
		}
		for i := e.Start; i < e.End; i++ {
			if taken[i] {
				return
			}
		}
		for i := e.Start; i < e.End; i++ {
			taken[i] = true
		}
		e.Text = s[e.Start:e.End]
		found = append(found, e)
	}
	for _, m := range findAllSubmatchIndex(reMonthDayYear, s, f) {
		e := dateExpr{Start: m[0], End: m[1], Kind: dkDay, Month: parseMonth(s[m[4]:m[5]]), Day: atoi(s[m[6]:m[7]]), Year: atoi(s[m[8]:m[9]])}
		if m[2] >= 0 { // "late January 17, 2025" is odd; keep the day
			e.Start = m[4]
		}
		add(e)
	}
	for _, m := range findAllSubmatchIndex(reDayMonthYear, s, f) {
		add(dateExpr{Start: m[0], End: m[1], Kind: dkDay, Day: atoi(s[m[2]:m[3]]), Month: parseMonth(s[m[4]:m[5]]), Year: atoi(s[m[6]:m[7]])})
	}
	for _, m := range findAllSubmatchIndex(reISODate, s, f) {
		add(dateExpr{Start: m[0], End: m[1], Kind: dkDay, Year: atoi(s[m[2]:m[3]]), Month: time.Month(atoi(s[m[4]:m[5]])), Day: atoi(s[m[6]:m[7]])})
	}
	for _, m := range findAllSubmatchIndex(reYearFirstDate, s, f) {
		add(dateExpr{Start: m[0], End: m[1], Kind: dkDay, Year: atoi(s[m[2]:m[3]]), Month: time.Month(atoi(s[m[4]:m[5]])), Day: atoi(s[m[6]:m[7]])})
	}
	for _, m := range findAllSubmatchIndex(reNumericDate, s, f) {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		day, month := numericDayMonth(a, b, dayFirst)
		add(dateExpr{Start: m[0], End: m[1], Kind: dkDay, Year: y, Month: time.Month(month), Day: day})
	}
	for _, m := range findAllSubmatchIndex(reMonthYear, s, f) {
		e := dateExpr{Start: m[0], End: m[1], Kind: dkMonthYear, Month: parseMonth(s[m[4]:m[5]]), Year: atoi(s[m[6]:m[7]])}
		if m[2] >= 0 {
			e.Part = s[m[2]:m[3]]
		}
		add(e)
	}
	for _, m := range findAllSubmatchIndex(reMonthDay, s, f) {
		add(dateExpr{Start: m[0], End: m[1], Kind: dkMonthDay, Month: parseMonth(s[m[2]:m[3]]), Day: atoi(s[m[4]:m[5]])})
	}
	for _, m := range findAllSubmatchIndex(reDayMonth, s, f) {
		add(dateExpr{Start: m[0], End: m[1], Kind: dkMonthDay, Day: atoi(s[m[2]:m[3]]), Month: parseMonth(s[m[4]:m[5]])})
	}
	for _, m := range findAllSubmatchIndex(reMonthAlone, s, f) {
		e := dateExpr{Start: m[4], End: m[5], Kind: dkMonth, Month: parseMonth(s[m[4]:m[5]])}
		if m[2] >= 0 {
			e.Part, e.Start = s[m[2]:m[3]], m[2]
		}
		add(e)
	}
	for _, m := range findAllSubmatchIndex(reRelative, s, f) {
		add(relativeExpr(s, m))
	}
	for _, m := range findAllSubmatchIndex(reByEnd, s, f) {
		e := dateExpr{Start: m[0], End: m[1], Kind: dkRelative, Rel: "by end of " + strings.ToLower(s[m[4]:m[5]])}
		if det := strings.ToLower(s[max(0, m[2]):max(0, m[3])]); det == "that " || det == "the same " {
			e.Rel = "by end of that " + strings.ToLower(s[m[4]:m[5]]) // the year last told
		}
		add(e)
	}
	for _, m := range findAllSubmatchIndex(reWeekday, s, f) {
		e := dateExpr{Start: m[0], End: m[1], Kind: dkWeekday, Weekday: weekdays[s[m[2]:m[3]]]}
		if w := strings.ToLower(s[m[0] : m[0]+4]); w == "last" || w == "next" {
			e.Rel = w
		}
		add(e)
	}
	for _, m := range findAllSubmatchIndex(reYear, s, f) {
		if m[1] < len(s) && (s[m[1]] == '-' || s[m[1]] == '/') || m[0] > 0 && (s[m[0]-1] == '$' || s[m[0]-1] == '-') {
			continue // "2025-26", "$2025", "20-2025" are not years
		}
		e := dateExpr{Start: m[0], End: m[1], Kind: dkYear, Year: atoi(s[m[6]:m[7]])}
		if m[2] >= 0 {
			e.Part = s[m[2]:m[3]]
		} else if m[4] >= 0 {
			e.Part = s[m[4]:m[5]]
		}
		e.Modifier = reAgreementAfter.MatchString(s[m[1]:])
		add(e)
	}
	sortDates(found)
	return found
}

func numericDayMonth(a, b int, dayFirst bool) (day, month int) {
	switch {
	case a > 12:
		return a, b
	case b > 12:
		return b, a
	case dayFirst:
		return a, b
	default:
		return b, a
	}
}

func sortDates(d []dateExpr) {
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j].Start < d[j-1].Start; j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}

func atoi(s string) int {
	// Words and short numbers, the usual arguments, without the error
	// value strconv allocates for a word.
	if !strings.ContainsAny(s, "0123456789") {
		return 0
	}
	if len(s) < 19 && strings.Trim(s, "0123456789") == "" {
		n := 0
		for i := 0; i < len(s); i++ {
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// valid reports whether the expression names a real calendar day or month.
func (e dateExpr) valid() bool {
	// Numeric dates can say month or day 0, which time.Date would quietly
	// move into the month or year before.
	hasDay := e.Kind == dkDay || e.Kind == dkMonthDay
	if (hasDay || e.Kind == dkMonthYear || e.Kind == dkMonth) && (e.Month < 1 || e.Month > 12) || hasDay && e.Day < 1 {
		return false
	}
	if e.Day != 0 {
		y := e.Year
		if y == 0 {
			y = 2024 // a leap year, so that February 29 stays possible
		}
		t := time.Date(y, e.Month, e.Day, 0, 0, 0, 0, time.UTC)
		return t.Day() == e.Day
	}
	return true
}

var reBackReference = regexp.MustCompile(`(?i)^\W*(?:at the time|at that time|back then|by then|at that point)\b`)

// timeReferredTo reads "At the time, Norway denied it had signed": the
// time is the last one told before, in the few sentences before. A
// denial or a negation holds up to that time's end; an act took place in it.
func (a *analysis) timeReferredTo(si int, s string, anc anchor, status kg.Status) (kg.Date, bool) {
	if status == kg.StatusPlanned || !reBackReference.MatchString(s) {
		return kg.Date{}, false
	}
	for j := si - 1; j >= max(0, si-4); j-- {
		ds := a.datesOf(j, a.masked[j])
		for k := len(ds) - 1; k >= 0; k-- {
			if ds[k].Modifier {
				continue
			}
			d := ds[k].resolve(anc, false)
			if status == kg.StatusOccurred {
				return d, d.Resolved()
			}
			end, err := time.Parse(kg.DayLayout, d.Latest)
			if err != nil {
				return kg.Date{}, false
			}
			return kg.OnOrBefore(end), true
		}
	}
	return kg.Date{}, false
}
