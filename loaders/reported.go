package loaders

import (
	"regexp"
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

var (
	reReportBefore = regexp.MustCompile(`(?i)\b(?:announc(?:ed|es|e)|said|says|declared|declares|confirmed|confirms|stated|states|reported|reports|revealed|reveals|disclosed|claimed|claims|alleged|alleges|insisted|insists|told\s+(?:\w+\s+){0,2}?)\s+(?:in\s+an?\s+(?:[\w-]+\s+)?(?:statement|interview|letter|speech|post|communiqu[eé]|broadcast)\s+)?(?:on\s+|in\s+|at\s+|late\s+|early\s+)?$`)
	// reReportTail ends the gap between an act and a date that belongs
	// to the saying told after it: "ratified it, the United Nations said on
	// Saturday".
	reReportTail  = regexp.MustCompile(`(?i),\s*(?:[^,;]{0,60}?\s)?(?:announced|said|says|declared|confirmed|stated|reported|told\s+(?:\w+\s+){0,2}?)\s+(?:late\s+|early\s+)?(?:on\s+|in\s+)?$`)
	reReportAfter = regexp.MustCompile(`(?i)^\s*,?\s*(?:announc(?:ed|es|e)|said|says|declared|declares|confirmed|confirms|stated|states|reported|reports|revealed|reveals|disclosed|told)\b`)
	reClauseStart = regexp.MustCompile(`(?i)\b(?:that|he|she|it|they|we|was|were|is|are|had|has|have|would|will)\b`)
)

// reportDate reports a date that belongs to a verb of saying whose
// clause tells of the trigger: in "Trump announced on Thursday that he was
// pulling out" and "Oslo on Monday said it had signed", the day is the
// saying's. A noun object ("announced on Monday its withdrawal") is no
// clause, and the date may be the act's.
func reportDate(s string, d *dateExpr, t trigger) bool {
	if d.Start >= t.End {
		gap := s[t.End:d.Start]
		return !strings.ContainsAny(gap, ";") && reReportTail.MatchString(gap)
	}
	if d.End > t.Start || strings.ContainsAny(s[d.End:t.Start], ";") {
		return false
	}
	gap := s[d.End:t.Start]
	if loc := reReportAfter.FindStringIndex(gap); loc != nil {
		gap = gap[loc[1]:]
	} else if !reReportBefore.MatchString(s[max(0, d.Start-40):d.Start]) {
		return false
	}
	return reClauseStart.MatchString(gap)
}

var reAfterClause = regexp.MustCompile(`(?i)\bafter\s+(?:[\w'’.-]+\s+){0,5}$`)

// beforeMainAct dates a verb in an "after" clause by the act of the main
// clause before it: in "Trump signed it into law on Jan. 29 after it
// cleared Congress", the clearing came on or before January 29.
func (a *analysis) beforeMainAct(s string, t trigger, all []trigger, dates []dateExpr, anc anchor) (kg.Date, bool) {
	loc := reAfterClause.FindStringIndex(s[max(0, t.Start-60):t.Start])
	if loc == nil {
		return kg.Date{}, false
	}
	after := max(0, t.Start-60) + loc[0]
	var main *trigger
	for i := range all {
		if all[i].End <= after && !all[i].Nominal {
			main = &all[i]
		}
	}
	if main == nil {
		return kg.Date{}, false
	}
	d := ownDate(s, *main, all, dates)
	if d == nil {
		return kg.Date{}, false
	}
	end, err := time.Parse(kg.DayLayout, d.resolve(anc, false).Latest)
	if err != nil {
		return kg.Date{}, false
	}
	bound := kg.OnOrBefore(end)
	bound.Text = d.Text
	return bound, true
}

var reReportsAct = regexp.MustCompile(`(?i)^[^,;]{0,60}?\b(?:reported|announced|published|confirmed|disclosed)\s+(?:the|its|his|her|their|this|that)\s+(?:decree|decision|move|ratification|approval|signing|law|order|step|vote)\b[^,;]*`)

// reportedBy reads the sentence after an act that reports it on a day
// ("KCNA reported the decree on Nov. 12"): the act had happened by then.
func (a *analysis) reportedBy(next string, anc anchor) (kg.Date, bool) {
	loc := reReportsAct.FindStringIndex(strings.TrimSpace(next))
	if loc == nil {
		return kg.Date{}, false
	}
	ds := findDates(strings.TrimSpace(next)[:loc[1]], a.dayFirst)
	if len(ds) == 0 || ds[0].Modifier {
		return kg.Date{}, false
	}
	d := ds[0].resolve(anc, false)
	end, err := time.Parse(kg.DayLayout, d.Latest)
	if err != nil {
		return kg.Date{}, false
	}
	bound := kg.OnOrBefore(end)
	bound.Text = d.Text
	return bound, true
}
