package loaders

import (
	"regexp"
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// reRestated is the gap between a date counted from another event and the
// date that restates it: "on the same day as the US, September 24, 1996".
var reRestated = regexp.MustCompile(`^(?:\s+as\s+[^,;]{1,40}?)?\s*,\s*$`)

// restated returns the full date in apposition to a relative one, which
// says the same day outright: the relative date would count from whatever
// day the text last named, the apposition names the day itself.
func restated(s string, best *dateExpr, dates []dateExpr) *dateExpr {
	if best == nil || best.Kind != dkRelative {
		return best
	}
	for i := range dates {
		d := &dates[i]
		if d.Start >= best.End && (d.Kind == dkDay || d.Kind == dkMonthDay) && reRestated.MatchString(s[best.End:d.Start]) {
			return d
		}
	}
	return best
}

var reBackward = regexp.MustCompile(`(?i)\b(?:after|following|since|once)\b`)

// anchored gives a month, or a month and day, told without a year the
// year of the date before it in the sentence: "signed in Brussels in
// February last year, after the Greek parliament ratified the deal in
// January" is January of last year, not of the year of writing. A clause
// after "after" tells what came before that date; otherwise the story
// moves forward ("signed in December 2019 and in force in January" is
// January 2020). The anchored date must agree with the tense: not after
// publication for what has happened, not before it for a plan. A date in
// a relative clause before the verb at is no anchor: "the deal, which they
// signed in January last year, came into force in August" tells an
// earlier act, and August counts from the time of writing.
func (a *analysis) anchored(s string, at int, best *dateExpr, dates []dateExpr, status kg.Status) *dateExpr {
	if best == nil || best.Shifted || best.Kind != dkMonth && best.Kind != dkMonthDay {
		return best
	}
	var anchor *dateExpr
	relFrom, relTo := relativeClauseBefore(s, at)
	for i := range dates {
		d := &dates[i]
		if d.Start >= relFrom && d.End <= relTo {
			continue
		}
		if d.End <= best.Start && !d.Modifier && d.valid() && (d.Year != 0 || d.Shifted) {
			anchor = d
		}
	}
	if anchor == nil {
		return best
	}
	r := anchor.resolve(anchor2(a.published), false)
	from, err := time.Parse(kg.DayLayout, r.Earliest)
	if err != nil {
		return best
	}
	to, _ := time.Parse(kg.DayLayout, r.Latest)
	y := from.Year()
	if from.Month() == to.Month() && from.Year() == to.Year() {
		back := reBackward.MatchString(s[anchor.End:best.Start])
		switch {
		case back && best.Month > from.Month():
			y--
		case !back && best.Month < from.Month():
			y++
		}
	}
	out := *best
	out.Year, out.Kind = y, dkMonthYear
	if best.Kind == dkMonthDay {
		out.Kind = dkDay
	}
	if !out.valid() {
		return best
	}
	if a.published != nil {
		placed := out.resolve(anchor2(a.published), false)
		if status == kg.StatusPlanned && placed.Latest < a.published.Format(kg.DayLayout) ||
			status != kg.StatusPlanned && placed.Earliest > a.published.Format(kg.DayLayout) {
			return best
		}
	}
	return &out
}

func anchor2(published *time.Time) anchor { return anchor{Published: published} }

var reOccasionNoun = regexp.MustCompile(`(?i)^(?:the|that|this) (?:vote|ceremony|signing|decision|ratification|approval|session)\b`)

// occasionAhead finds the date of an event told again a few sentences on,
// in other paragraphs too, by a sentence that opens with its noun ("The
// ceremony on Feb. 29 followed a week of calm"): for an act with no date
// or one the text cannot place ("on Saturday" in a story without its
// date). The search stops at the first other sentence with a date, which
// starts another part of the story.
func (a *analysis) occasionAhead(si int, anc anchor, future bool) (kg.Date, bool) {
	for j := si + 1; j <= si+3 && j < len(a.sentences); j++ {
		if a.sentences[j].Heading {
			return kg.Date{}, false
		}
		next := strings.TrimSpace(a.masked[j])
		ds := a.datesOf(j, next)
		if len(ds) == 0 {
			continue
		}
		if ds[0].Modifier || !reOccasionNoun.MatchString(next) || a.hasTriggers(j, next) {
			return kg.Date{}, false
		}
		if d := ds[0].resolve(anc, future); d.Precision != kg.PrecisionUnresolved {
			return d, true
		}
		return kg.Date{}, false
	}
	return kg.Date{}, false
}
