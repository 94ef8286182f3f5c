package loaders

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// analysis is the state of reading one document.
type analysis struct {
	doc       *kg.Document
	page      page
	published *time.Time
	dayFirst  bool
	author    string

	sentences []sentence
	masked    []string // sentence texts with datelines blanked out

	entities          map[string]*kg.Entity
	order             []string
	statesSeen        map[string]int
	contextState      string
	agreementMentions map[string]int
	salient           *kg.Entity
	yearHint          int
	lastDay           *time.Time
	// accessionOrg is the organization the document's states join
	// ("NATO"), once one accession names it.
	accessionOrg string
	// headline is set while reading a title, whose capitals mean nothing.
	headline bool
	// foldedOf is the sentence last folded for the literal checks.
	foldedOf string
	folded   folded
}

func newAnalysis(doc *kg.Document, p page, published string) *analysis {
	a := &analysis{doc: doc, page: p, author: doc.Author, entities: map[string]*kg.Entity{},
		statesSeen: map[string]int{}, agreementMentions: map[string]int{}}
	a.dayFirst = dayFirstConvention(doc.Text)
	a.sentences = splitSentences(doc.Text)
	a.masked = make([]string, len(a.sentences))
	var dateline string
	datelineEnd := -1 // offset in the text where a dateline being masked ends
	for i, s := range a.sentences {
		a.masked[i] = s.Text
		if s.Para < 12 && (i == 0 || a.sentences[i-1].Para != s.Para) {
			// The whole paragraph, not the sentence: the splitter cuts
			// "MOSCOW, November 7. /TASS/. Moscow withdrew" after the 7.
			paragraph, _, _ := strings.Cut(doc.Text[s.Start:], "\n")
			if date, prefix := splitDateline(paragraph); prefix > 0 {
				datelineEnd = s.Start + prefix
				if dateline == "" {
					dateline = date
				}
			}
		}
		if datelineEnd > s.Start {
			n := min(datelineEnd-s.Start, len(s.Text))
			a.masked[i] = strings.Repeat(" ", n) + s.Text[n:]
		}
	}
	// Metadata wins, then a dateline with its year, then the page's date
	// line; a yearless dateline ("MOSCOW, April 8 (TASS)") only names the
	// day when nothing else gives the year.
	candidates := []string{published, dateline, p.Published}
	for _, c := range candidates {
		if t, ok := a.fullDay(c); ok {
			if alt, ok := a.swapToMatch(t, c, dateline); ok {
				t = alt
			}
			a.published, a.yearHint, published = &t, t.Year(), c
			doc.Published = kg.Day(t)
			doc.Published.Text = c
			return a
		}
	}
	doc.Published = kg.Unresolved(firstNonEmpty(candidates...))
	return a
}

// swapToMatch reads a numeric page date ("07/11/2023") the other way round
// when a yearless dateline ("MOSCOW, November 7") says that is the day.
func (a *analysis) swapToMatch(t time.Time, expr, dateline string) (time.Time, bool) {
	ds := findDates(dateline, a.dayFirst)
	if len(ds) == 0 || ds[0].Kind != dkMonthDay || !reNumericDate.MatchString(expr) {
		return t, false
	}
	if t.Month() == ds[0].Month && t.Day() == ds[0].Day {
		return t, false
	}
	if t.Month() == time.Month(ds[0].Day) && t.Day() == int(ds[0].Month) {
		return date(t.Year(), ds[0].Month, ds[0].Day), true
	}
	return t, false
}

// fullDay reads an expression that names one calendar day with its year:
// a date in words or numbers, or a timestamp from metadata.
func (a *analysis) fullDay(expr string) (time.Time, bool) {
	if expr == "" {
		return time.Time{}, false
	}
	if len(expr) > 10 && expr[10] == 'T' {
		if t, err := time.Parse("2006-01-02", expr[:10]); err == nil {
			return t, true
		}
	}
	found := findDates(expr, a.dayFirst)
	if len(found) == 0 || found[0].Kind != dkDay || !found[0].valid() {
		return time.Time{}, false
	}
	return date(found[0].Year, found[0].Month, found[0].Day), true
}

// dayFirstConvention decides how to read "04/03/2024": as the site writes
// its other dates. "March 4, 2024" is American and month-first.
func dayFirstConvention(text string) bool {
	world := len(reDayMonthYear.FindAllStringIndex(text, 20))
	// Counting American dates, of up to 20, past one more than the world's
	// changes no answer: the search stops early, at the dateline as a rule.
	us := len(reMonthDayYear.FindAllStringIndex(text, min(world+1, 20)))
	return us <= world || us == 0
}

// fold is foldASCII(s), computed once for the several rules that read s.
func (a *analysis) fold(s string) folded {
	if s != a.foldedOf {
		a.foldedOf, a.folded = s, foldASCII(s)
	}
	return a.folded
}

func (a *analysis) run() *kg.Extraction {
	mentions := make([][]mention, len(a.sentences))
	dates := make([][]dateExpr, len(a.sentences))
	a.headline = true
	titleMentions := a.findMentions(a.doc.Title)
	a.headline = false
	for _, m := range titleMentions {
		if m.Kind == kg.KindAgreement && m.Entity != nil {
			a.agreementMentions[m.Entity.ID] += 2 // the headline says what the story is about
		}
	}
	for i := range a.sentences {
		dates[i] = findDates(a.masked[i], a.dayFirst)
	}
	pubYear := a.yearHint
	if pubYear == 0 {
		for _, ds := range dates {
			for _, d := range ds {
				// "The 2020 ceasefire" dates a thing, not the story.
				if d.Year > pubYear && d.Year <= time.Now().Year() && !d.Modifier {
					pubYear = d.Year
				}
			}
		}
	}
	// Headings restate, and their capitalized words mislead the name
	// rules; a dated standfirst under the headline is read all the same.
	read := make([]bool, len(a.sentences))
	for i, s := range a.sentences {
		read[i] = !s.Heading || standfirst(a.masked[i], dates[i])
	}
	for i := range a.sentences {
		if !read[i] {
			continue
		}
		a.yearHint = sentenceYear(dates[i], pubYear)
		mentions[i] = a.findMentions(a.masked[i])
	}
	a.salient = a.mainAgreement()
	var events []kg.Event
	var recent *kg.Entity
	recentAt := -10
	for i := range a.sentences {
		// The sentence's first agreement is its topic, and what the next
		// sentence's "the agreement" means; one named later is usually a
		// side remark ("The deal, which replaces NAFTA, ...").
		topic := (*kg.Entity)(nil)
		for j := range mentions[i] {
			m := &mentions[i][j]
			if m.Kind != kg.KindAgreement {
				continue
			}
			if m.Entity == nil {
				m.Entity = a.mainAgreementFor(a.masked[i][m.Start:m.End])
				if recent != nil && i-recentAt <= 1 && m.Form == "anaphor" && headFits(a.masked[i][m.Start:m.End], recent) {
					m.Entity = recent
				}
				if e := a.pluralNamed(a.masked[i][m.Start:m.End]); e != nil && m.Form == "anaphor" {
					m.Entity = e
				}
				if m.Entity != nil && m.Form == "anaphor" {
					a.entity(kg.KindAgreement, m.Entity.Name, "", "", "")
				}
			}
			if m.Entity != nil && topic == nil {
				topic = m.Entity
			}
		}
		if topic != nil {
			recent, recentAt = topic, i
		}
		mentions[i] = a.spreadPlurals(a.masked[i], mentions[i])
		if read[i] {
			a.salientAt(recent, i-recentAt)
			events = append(events, a.sentenceEvents(i, a.masked[i], mentions[i], dates[i])...)
		}
		a.noteLastDay(a.masked[i], dates[i])
	}
	countryOf := func(id string) string {
		if e := a.entities[id]; e != nil {
			return e.Country
		}
		return ""
	}
	events = dropBareNominals(foldStateActs(mergeEvents(events, countryOf), func(id string) *kg.Entity { return a.entities[id] }))
	x := &kg.Extraction{Document: *a.doc}
	for _, id := range a.order {
		x.Entities = append(x.Entities, *a.entities[id])
	}
	for i := range events {
		events[i].ID = kg.EventID(&events[i])
	}
	x.Events = events
	return x
}

// standfirst reports whether a line without a full stop is a summary
// sentence under the headline rather than a headline: long, dated and in
// sentence case ("The document was signed in Moscow on January 17 by ..."),
// where Title Case would capitalize "Was" and "Signed".
func standfirst(line string, dates []dateExpr) bool {
	words := strings.Fields(line)
	if len(words) < 10 || len(dates) == 0 {
		return false
	}
	lower := 0
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !titleCaseLower[w] {
			lower++
		}
	}
	return lower >= 2
}

// titleCaseLower are the words Title Case leaves in lower case.
var titleCaseLower = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "by": true, "for": true, "to": true, "with": true, "from": true, "as": true, "but": true, "nor": true, "vs": true}

// pluralNamed is the document's agreement whose name ends in a plural
// anaphor's head: "the accords" are the Abraham Accords.
func (a *analysis) pluralNamed(words string) *kg.Entity {
	words = strings.ToLower(words)
	if !rePluralHead.MatchString(words) {
		return nil
	}
	for _, id := range a.order {
		if e := a.entities[id]; e.Kind == kg.KindAgreement && a.agreementMentions[id] > 0 && namedInPlural(e, words) {
			return e
		}
	}
	return nil
}

// namedInPlural reports whether an agreement's name ends in the head of a
// plural anaphor ("the accords", "the Abraham Accords").
func namedInPlural(e *kg.Entity, anaphor string) bool {
	return strings.HasSuffix(strings.ToLower(e.Name), " "+lastWordOf(anaphor))
}

// spreadPlurals lets a plural anaphor ("their accession protocols", "the
// treaties") stand for every agreement of the document that its head fits,
// when there are two or three of them: one mention each, on the same span.
func (a *analysis) spreadPlurals(s string, ms []mention) []mention {
	var extra []mention
	for _, m := range ms {
		words := strings.ToLower(s[m.Start:m.End])
		if m.Form != "anaphor" || m.Entity == nil || !rePluralHead.MatchString(words) {
			continue
		}
		if namedInPlural(m.Entity, words) {
			continue // "the accords" are the Abraham Accords, one agreement with a plural name
		}
		var fits []*kg.Entity
		for _, id := range a.order {
			if e := a.entities[id]; e.Kind == kg.KindAgreement && e != m.Entity && a.agreementMentions[id] > 0 && headFits(words, e) {
				fits = append(fits, e)
			}
		}
		if len(fits) == 0 || len(fits) > 2 {
			continue
		}
		for _, e := range fits {
			extra = append(extra, mention{Start: m.Start, End: m.End, Kind: kg.KindAgreement, Form: "anaphor", Entity: e, Prep: m.Prep})
		}
	}
	if extra == nil {
		return ms
	}
	ms = append(ms, extra...)
	sortMentions(ms)
	return ms
}

var rePluralHead = regexp.MustCompile(`(?:treaties|agreements|deals|pacts|protocols|accords)$`)

// sentenceYear is the year a sentence talks about: its first absolute
// date's, else the publication year.
func sentenceYear(ds []dateExpr, fallback int) int {
	for _, d := range ds {
		if d.Year != 0 && !d.Modifier {
			return d.Year
		}
	}
	return fallback
}

// salientAt makes the most recently named agreement the one a bare "the
// treaty" or "it" means, while it is fresh.
func (a *analysis) salientAt(recent *kg.Entity, age int) {
	if recent != nil && age <= 1 {
		a.salient = recent
	} else {
		a.salient = a.mainAgreement()
	}
}

// mainAgreement is the agreement the document names most often.
func (a *analysis) mainAgreement() *kg.Entity {
	var best *kg.Entity
	for _, id := range a.order {
		e := a.entities[id]
		if e.Kind != kg.KindAgreement {
			continue
		}
		if best == nil || a.agreementMentions[id] > a.agreementMentions[best.ID] {
			best = e
		}
	}
	return best
}

// mainAgreementFor is the main agreement that the words of an anaphor can
// name: "the treaty" does not mean a plan of action or a deal.
func (a *analysis) mainAgreementFor(words string) *kg.Entity {
	var best *kg.Entity
	for _, id := range a.order {
		e := a.entities[id]
		if e.Kind != kg.KindAgreement || !headFits(words, e) {
			continue
		}
		if best == nil || a.agreementMentions[id] > a.agreementMentions[best.ID] {
			best = e
		}
	}
	if best == nil {
		return a.mainAgreement()
	}
	return best
}

// headFits reports whether an anaphor's head noun suits an agreement's name.
func headFits(words string, e *kg.Entity) bool {
	w := strings.ToLower(words)
	name := strings.ToLower(e.Name)
	if strings.Contains(w, "accession") || strings.HasPrefix(name, "accession of") {
		// "the accession protocol" is a membership, and a membership is
		// not "the treaty".
		return strings.Contains(w, "accession") == strings.HasPrefix(name, "accession of")
	}
	for _, head := range []string{"treaty", "convention", "protocol", "framework", "initiative", "charter", "declaration", "memorandum"} {
		if strings.HasSuffix(w, head) {
			return strings.Contains(name, head)
		}
	}
	return true
}

// noteLastDay remembers the last exact day named, for "the following day".
func (a *analysis) noteLastDay(s string, ds []dateExpr) {
	if t := a.lastDayIn(s, ds, len(s), false); t != nil {
		a.lastDay = t
	}
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

func (a *analysis) evidence(si int, rule string) kg.Evidence {
	s := a.sentences[si]
	return kg.Evidence{DocumentID: a.doc.ID, Sentence: s.Text, Start: s.Start, End: s.End, Rule: rule}
}

func (a *analysis) isOrganization(e *kg.Entity) bool {
	in, ok := getMatcher().gaz.InstitutionByName(e.Name)
	return ok && in.Type == gazetteer.TypeOrganization
}

var reEarliest = regexp.MustCompile(`(?i)(?:as early as|no earlier than|not before|at the earliest)\s*$|\bearliest (?:date|point|time)\b[^;]*$`)

// reClauseBetween finds a clause of its own (a subordinator or a pronoun
// subject, then a past verb) between a trigger and a later date.
var reClauseBetween = regexp.MustCompile(`(?i)\b(?:since|when|until|because|while|although|though|after|before|who|he|she|they|we)\s+(?:[\w'’-]+\s+){0,3}?(?:\w+ed|took|made|came|won|began|left|became|was|were|had|did|went|met|gave|got|held|saw|ran|spent|lost|fell|rose)\b`)

var reEventNoun = regexp.MustCompile(`(?i)^(?:the|that|this) (?:vote|ceremony|signing|decision|move|ratification|approval|session)\b|\b(?:took place|was held|were held)\b`)

// dateFor picks the date expression nearest the trigger among those no
// other trigger is nearer to; with none in the sentence, a date in the next
// sentence that talks about the same occasion ("The vote took place on
// Tuesday"); else, for what has happened, "on or before publication".
func (a *analysis) dateFor(si int, s string, t trigger, all []trigger, dates []dateExpr, status kg.Status) kg.Date {
	// "The deal had been due to be signed on Feb. 28": a plan told in the
	// past tense was for a day already gone.
	future := status == kg.StatusPlanned && !rePastPlan.MatchString(s[max(0, t.Start-60):t.Start])
	anc := anchor{Published: a.published, LastDay: a.lastDay}
	best := ownDate(s, t, all, dates)
	for oi, o := range all {
		other := modality(s, o, all, oi)
		failed := status == kg.StatusNegated && other == kg.StatusPlanned && rePastPlan.MatchString(s[max(0, o.Start-60):o.Start])
		if best == nil && o != t && o.Type == t.Type && (other == status || failed) {
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
	if best != nil && best.Kind == dkRelative {
		// "expected to sign the law the same day": the day just named.
		if t := a.lastDayIn(s, dates, best.Start, future); t != nil {
			anc.LastDay = t
		}
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
		if _, ok := eventRelative(*d); ok && (d.End > t.Start || strings.ContainsAny(s[d.End:t.Start], ",;")) {
			continue // "takes effect one year after notice is given": the count dates the clause it opens
		}
		dist := distance(s, t, d.Start, d.End)
		if d.Rel == "now" {
			dist = 3*dist + 20 // "now" dates the verb next to it, not one a clause away
		}
		nearest := true
		for _, o := range all {
			if o.Nominal && !t.Nominal && o.Type != t.Type {
				continue // "signed on July 5, starting a ratification process"
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

// placeDate resolves the chosen expression, or finds a date elsewhere.
func (a *analysis) placeDate(si int, s string, best *dateExpr, anc anchor, future bool, status kg.Status) kg.Date {
	if best != nil {
		d := best.resolve(anc, future)
		if reEarliest.MatchString(s[max(0, best.Start-70):best.Start]) {
			// "could take effect as early as June 1": a lower bound only.
			if from, err := time.Parse(kg.DayLayout, d.Earliest); err == nil {
				bound := kg.OnOrAfter(from)
				bound.Text = d.Text
				return bound
			}
		}
		return d
	}
	if si+1 < len(a.sentences) && a.sentences[si+1].Para == a.sentences[si].Para {
		next := a.masked[si+1]
		if len(findTriggers(next)) == 0 && reEventNoun.MatchString(strings.TrimSpace(next)) {
			if ds := findDates(next, a.dayFirst); len(ds) > 0 && !ds[0].Modifier {
				return ds[0].resolve(anc, future)
			}
		}
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
		return start - t.End + clauseBreak*strings.Count(s[t.End:start], ",")
	}
	// Dates before the verb are a little less likely its own, and much
	// less across "and": "signed in 1992 and in force since 2002".
	gap := s[end:t.Start]
	return t.Start - end + 10 + clauseBreak*(strings.Count(gap, ",")+strings.Count(gap, " and "))
}
