package loaders

import (
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
	// sentenceDates are the dates of each masked sentence, and
	// sentenceTriggers whether it holds a trigger (0 not yet known, 1 no,
	// 2 yes): the rules that look at the sentences around an act ask
	// again and again.
	sentenceDates    [][]dateExpr
	sentenceTriggers []int8

	entities          map[string]*kg.Entity
	order             []string
	statesSeen        map[string]int
	contextState      string
	agreementMentions map[string]int
	salient           *kg.Entity
	yearHint          int
	lastDay           *time.Time
	// lastYear and lastMonth are the last year and month told, for "that
	// year".
	lastYear  int
	lastMonth time.Month
	// lastOccasion is the date of the last event told, for "at the same
	// ceremony".
	lastOccasion *kg.Date
	// surnames caches the gazetteer's surname of the document's people.
	surnames map[string]string
	// accessionOrg is the organization the document's states join
	// ("NATO"), once one accession names it.
	accessionOrg string
	// countriesSeen are the states (alpha-2 codes) and organizations
	// (canonical names) the document has named in any way so far: by
	// name, demonym, or through its people, institutions and organs.
	countriesSeen map[string]bool
	// namedSoFar are the agreements named up to the sentence being read.
	namedSoFar map[string]bool
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
	a.sentenceDates, a.sentenceTriggers = dates, make([]int8, len(a.sentences))
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
	a.weighLede(mentions)
	a.salient = a.mainAgreement()
	var events []kg.Event
	var recent *kg.Entity
	recentAt := -10
	for i := range a.sentences {
		if topic := a.resolveAgreements(i, mentions, recent, recentAt); topic != nil {
			recent, recentAt = topic, i
		}
		mentions[i] = a.spreadPlurals(a.masked[i], fillGroups(mentions, i))
		if read[i] {
			a.salientAt(recent, i-recentAt)
			found := a.sentenceEvents(i, a.masked[i], mentions[i], dates[i])
			if len(found) > 0 {
				last := found[len(found)-1].Date
				a.lastOccasion = &last
			}
			events = append(events, found...)
		}
		a.noteLastDay(a.masked[i], dates[i])
	}
	countryOf := func(id string) string {
		if e := a.entities[id]; e != nil {
			return e.Country
		}
		return ""
	}
	events = dropBareNominals(foldFulfilledPlans(foldStateActs(mergeEvents(events, countryOf), func(id string) *kg.Entity { return a.entities[id] })))
	a.preferFullNames(events)
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

func (a *analysis) evidence(si int, rule string) kg.Evidence {
	s := a.sentences[si]
	return kg.Evidence{DocumentID: a.doc.ID, Sentence: s.Text, Start: s.Start, End: s.End, Rule: rule}
}

func (a *analysis) isOrganization(e *kg.Entity) bool {
	in, ok := getMatcher().gaz.InstitutionByName(e.Name)
	return ok && in.Type == gazetteer.TypeOrganization
}
