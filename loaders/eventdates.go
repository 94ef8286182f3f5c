package loaders

import (
	"regexp"
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// noteLastDay remembers the last exact day named, for "the following day".
func (a *analysis) noteLastDay(s string, ds []dateExpr) {
	if t := a.lastDayIn(s, ds, len(s), false); t != nil {
		a.lastDay = t
	}
	if y, m := a.lastToldIn(ds, len(s)); y != 0 {
		a.lastYear, a.lastMonth = y, m
	}
}

// lastToldIn is the year, and the month if it says one, of the last date
// of ds that ends before offset at and names a year or is placed by the
// publication date ("in May 1974", "last June"); 0 when there is none.
func (a *analysis) lastToldIn(ds []dateExpr, at int) (int, time.Month) {
	year, month := 0, time.Month(0)
	for _, d := range ds {
		if d.End > at || !d.valid() || d.Modifier || d.Kind == dkRelative && !strings.HasPrefix(d.Rel, "last ") {
			continue
		}
		r := d.resolve(anchor{Published: a.published}, false)
		from, err1 := time.Parse(kg.DayLayout, r.Earliest)
		to, err2 := time.Parse(kg.DayLayout, r.Latest)
		if err1 != nil || err2 != nil || from.Year() != to.Year() {
			continue
		}
		year, month = from.Year(), 0
		if from.Month() == to.Month() {
			month = from.Month()
		}
	}
	return year, month
}

// lastDayIn is the last day that the expressions of s ending before
// offset at name: a full date, or a weekday or month and day placed by
// the publication date, forward for plans ("who takes office on March 5,
// is expected to sign the law the same day").
func (a *analysis) lastDayIn(s string, ds []dateExpr, at int, future bool) *time.Time {
	var last *time.Time
	for _, d := range ds {
		if d.End > at || !d.valid() || d.Modifier {
			continue
		}
		switch {
		case d.Kind == dkDay:
			t := date(d.Year, d.Month, d.Day)
			last = &t
		case (d.Kind == dkWeekday || d.Kind == dkMonthDay) && a.published != nil:
			ahead := future || rePlanned.MatchString(s[max(0, d.Start-60):d.Start])
			if d.Kind == dkWeekday && d.Rel == "" && d.Weekday == a.published.Weekday() {
				// "Modi arrives on Wednesday, and the deal is to be signed
				// the following day", written on a Wednesday: today.
				last = a.published
				continue
			}
			if r := d.resolve(anchor{Published: a.published}, ahead); r.Precision == kg.PrecisionDay {
				if t, err := time.Parse(kg.DayLayout, r.Earliest); err == nil {
					last = &t
				}
			}
		}
	}
	return last
}

var reEarliest = regexp.MustCompile(`(?i)(?:as early as|no earlier than|not before|at the earliest)\s*$|\bearliest (?:date|point|time)\b[^;]*$`)

// reClauseBetween finds a clause of its own (a subordinator or a pronoun
// subject, then a past verb) between a trigger and a later date.
var reClauseBetween = regexp.MustCompile(`(?i)\b(?:since|when|until|because|while|although|though|after|before|who|he|she|they|we)\s+(?:[\w'’-]+\s+){0,3}?(?:\w+ed|took|made|came|won|began|left|became|was|were|had|did|went|met|gave|got|held|saw|ran|spent|lost|fell|rose)\b`)

var reSameOccasion = regexp.MustCompile(`(?i)^[^,;]*?\b(?:at|during|on) the same (?:ceremony|summit|meeting|event|occasion|session|visit)\b`)

var reEventNoun = regexp.MustCompile(`(?i)^(?:the|that|this) (?:vote|ceremony|signing|decision|move|ratification|approval|session)\b|\b(?:took place|was held|were held)\b`)

// dateFor picks the date expression nearest the trigger among those no
// other trigger is nearer to; with none in the sentence, a date in the next
// sentence that talks about the same occasion ("The vote took place on
// Tuesday"); else, for what has happened, "on or before publication".
func (a *analysis) dateFor(si int, s string, t trigger, all []trigger, dates []dateExpr, status kg.Status) kg.Date {
	// "The deal had been due to be signed on Feb. 28": a plan told in the
	// past tense was for a day already gone.
	future := status == kg.StatusPlanned && !rePastPlan.MatchString(s[max(0, t.Start-60):t.Start])
	anc := anchor{Published: a.published, LastDay: a.lastDay, LastYear: a.lastYear, LastMonth: a.lastMonth}
	best := a.anchored(s, t.Start, restated(s, ownDate(s, t, all, dates), dates), dates, status)
	for oi, o := range all {
		if best != nil || o == t || o.Type != t.Type {
			continue
		}
		other := modality(s, o, all, oi)
		failed := status == kg.StatusNegated && other == kg.StatusPlanned && rePastPlan.MatchString(s[max(0, o.Start-60):o.Start])
		if other == status || failed {
			// "signed the accords on Tuesday, with the president signing
			// as a witness": one occasion, one date; so too for a plan
			// that failed ("was due to be signed on May 2, but he left
			// without signing it").
			best = ownDate(s, o, all, dates)
		}
	}
	if best != nil && best.Rel == "now" && future {
		best = nil // "must now be approved": now is when the need holds, not when the approval comes
	}
	if best != nil && reportDate(s, best, t) {
		// "announced on Thursday that he was pulling out": Thursday is
		// the announcement's. A plan takes no date from it; what is
		// reported as done had happened by then.
		if status == kg.StatusPlanned {
			return a.placeDate(si, s, nil, anc, future, status)
		}
		if end, err := time.Parse(kg.DayLayout, best.resolve(anc, false).Latest); err == nil {
			if a.published != nil && end.After(*a.published) {
				end = *a.published // "claimed this week that they had signed": by the time of writing
			}
			d := kg.OnOrBefore(end)
			d.Text = best.Text
			return d
		}
	}
	if best != nil && best.Told {
		if y, m := a.lastToldIn(dates, best.Start); y != 0 {
			anc.LastYear, anc.LastMonth = y, m // "signed in 1998 and ratified in June of that year"
		}
	}
	if best != nil && best.Kind == dkRelative {
		// "expected to sign the law the same day": the day just named.
		if t := a.lastDayIn(s, dates, best.Start, future); t != nil {
			anc.LastDay = t
		}
		anc.Told = toldBefore(dates, best.Start, anc, future)
		if y, m := a.lastToldIn(dates, best.Start); y != 0 {
			anc.LastYear, anc.LastMonth = y, m // "signed in May 1974 and ratified later that year"
		}
	}
	if best == nil && status == kg.StatusOccurred {
		if d, ok := a.beforeMainAct(s, t, all, dates, anc); ok {
			return d
		}
	}
	if best == nil && a.lastOccasion != nil && reSameOccasion.MatchString(s[t.End:min(len(s), t.End+60)]) {
		// "Benin's president also signed at the same ceremony": on the
		// day of the act just told.
		return *a.lastOccasion
	}
	if best == nil && !t.Nominal {
		// A nominal further in ("following the U.S. withdrawal") is
		// usually earlier than the time the sentence opens with.
		if d, ok := a.timeReferredTo(si, s, anc, status); ok {
			return d
		}
	}
	return a.placeDate(si, s, best, anc, future, status)
}

// toldBefore is the last date the sentence names before offset at, placed
// on the calendar, or nil.
func toldBefore(dates []dateExpr, at int, anc anchor, future bool) *kg.Date {
	var told *kg.Date
	for _, d := range dates {
		if d.End > at || d.Modifier || d.Kind == dkRelative || !d.valid() {
			continue
		}
		if r := d.resolve(anc, future); r.Earliest != "" {
			told = &r
		}
	}
	return told
}

// ownDate is the date expression nearest the trigger among those no other
// trigger is nearer to, or nil.
func ownDate(s string, t trigger, all []trigger, dates []dateExpr) *dateExpr {
	var best *dateExpr
	bestDist := 1 << 30
	relFrom, relTo := relativeClauseBefore(s, t.Start)
	for i := range dates {
		d := &dates[i]
		if d.Modifier || d.Start >= relFrom && d.End <= relTo {
			continue // "India, which walked out in 2019, declined to sign": 2019 is the walk-out's
		}
		if d.Start >= t.End && reClauseBetween.MatchString(s[t.End:d.Start]) {
			continue // "its biggest break since Trump took office last year": the date is the other verb's
		}
		_, counted := eventRelative(*d)
		if counted && (d.End > t.Start || strings.ContainsAny(s[d.End:t.Start], ",;")) {
			continue // "takes effect one year after notice is given": the count dates the clause it opens
		}
		// "entered into force on Friday, 90 days after Chile ratified it":
		// counted from a day the sentence names, the count is the clause's
		// it opens, however near the main verb is.
		counted = counted && dayBefore(dates, d.Start)
		dist := distance(s, t, d.Start, d.End)
		if d.Rel == "now" {
			dist = 3*dist + 20 // "now" dates the verb next to it, not one a clause away
		}
		nearest := true
		for _, o := range all {
			if o.Nominal && !t.Nominal && o.Type != t.Type {
				continue // "signed on July 5, starting a ratification process"
			}
			if counted && o.Start < d.End {
				continue // "in force on Friday, 90 days after Honduras ratified it": the count is the clause's it opens
			}
			if o != t && distance(s, o, d.Start, d.End) < dist {
				nearest = false
			}
		}
		if nearest && dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best
}

// dayBefore reports a day named by one of dates ending before at.
func dayBefore(dates []dateExpr, at int) bool {
	for _, d := range dates {
		if d.End <= at && !d.Modifier && (d.Kind == dkDay || d.Kind == dkWeekday || d.Kind == dkMonthDay) {
			return true
		}
	}
	return false
}

// placeDate resolves the chosen expression, or finds a date elsewhere.
func (a *analysis) placeDate(si int, s string, best *dateExpr, anc anchor, future bool, status kg.Status) kg.Date {
	if best != nil {
		d := best.resolve(anc, future)
		if d.Precision == kg.PrecisionDay && reEarliest.MatchString(s[max(0, best.Start-70):best.Start]) {
			// "could take effect as early as June 1": a lower bound only.
			// A period ("as early as next week") is when it is expected.
			if from, err := time.Parse(kg.DayLayout, d.Earliest); err == nil {
				bound := kg.OnOrAfter(from)
				bound.Text = d.Text
				return bound
			}
		}
		if d.Precision == kg.PrecisionUnresolved {
			if ahead, ok := a.occasionAhead(si, anc, future); ok {
				return ahead
			}
		}
		return d
	}
	if si+1 < len(a.sentences) && a.sentences[si+1].Para == a.sentences[si].Para {
		next := a.masked[si+1]
		if !a.hasTriggers(si+1, next) && reEventNoun.MatchString(strings.TrimSpace(next)) {
			if ds := a.datesOf(si+1, next); len(ds) > 0 && !ds[0].Modifier {
				return ds[0].resolve(anc, future)
			}
		}
		if d, ok := a.reportedBy(next, anc); ok && status != kg.StatusPlanned {
			return d
		}
	}
	if ahead, ok := a.occasionAhead(si, anc, future); ok {
		return ahead
	}
	if a.published != nil && status != kg.StatusPlanned {
		return kg.OnOrBefore(*a.published)
	}
	return kg.Date{Precision: kg.PrecisionUnresolved}
}

// distance is how far a date is from a trigger, in bytes, with a clause
// break between them counting extra: in "rubber-stamped by the upper chamber
// early last month, after the lower house had approved it", the date is the
// rubber stamp's.
func distance(s string, t trigger, start, end int) int {
	const clauseBreak = 25
	if start >= t.End {
		return start - t.End + clauseBreak*breaks(s[t.End:start])
	}
	// Dates before the verb are a little less likely its own, and much
	// less across "and": "signed in 1992 and in force since 2002".
	gap := s[end:t.Start]
	return t.Start - end + 10 + clauseBreak*(breaks(gap)+strings.Count(gap, " and ")+len(reSubordinator.FindAllStringIndex(gap, -1)))
}

// reSubordinator opens a clause of its own: a date before it is the main
// verb's ("signed it on March 1 after parliament approved it").
var reSubordinator = regexp.MustCompile(`\b(?:after|before|when|because|since|until|while|although|once)\s`)

// rePlaceRegion is a place and the region or country that locates it:
// "in Santiago, Chile,".
var rePlaceRegion = regexp.MustCompile(`\b(?:in|at)\s+\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?,\s+\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?,`)

// breaks counts the commas of a gap that break a clause, not those that
// set off the country of a place ("signed in Santiago, Chile, in March
// 2018").
func breaks(gap string) int {
	n := strings.Count(gap, ",")
	if n >= 2 {
		n -= 2 * len(rePlaceRegion.FindAllStringIndex(gap, -1))
	}
	return n
}
