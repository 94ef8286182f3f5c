package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

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
		// Agreements already named first: "both agreements" does not look
		// ahead to the Paris Agreement recalled three lines on. Failing
		// those, "their accession protocols" may be the ones named next,
		// with the states "their" stands for.
		var fits, later []*kg.Entity
		for _, id := range a.order {
			if e := a.entities[id]; e.Kind == kg.KindAgreement && e != m.Entity && a.agreementMentions[id] > 0 && headFits(words, e) {
				if a.namedSoFar[id] {
					fits = append(fits, e)
				} else {
					later = append(later, e)
				}
			}
		}
		if len(fits) == 0 && (strings.HasPrefix(words, "their ") || strings.HasPrefix(words, "its ")) {
			fits = later
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

// headFits reports whether an anaphor's head noun suits an agreement's name.
func headFits(words string, e *kg.Entity) bool {
	w := strings.ToLower(words)
	name := strings.ToLower(e.Name)
	if strings.Contains(w, "accession") || strings.HasPrefix(name, "accession of") {
		// "the accession protocol" is a membership, and a membership is
		// not "the treaty"; it is "the protocol", the instrument of it.
		return strings.Contains(w, "accession") == strings.HasPrefix(name, "accession of") ||
			strings.HasSuffix(w, "protocol") && strings.HasPrefix(name, "accession of")
	}
	for _, head := range []string{"treaty", "convention", "protocol", "framework", "initiative", "charter", "declaration", "memorandum", "amendment"} {
		if strings.HasSuffix(w, head) {
			return strings.Contains(name, head)
		}
	}
	return true
}

var reAdaptedOf = regexp.MustCompile(`(?i)\b(?:the\s+)?(adapted|amended|revised)\s+(?:version\s+of\s+(?:the\s+)?)?$`)

// adaptedVersion reads "the adapted version of the treaty" and "the
// amended Montreal Protocol" as the agreement that adapts the one named,
// when the gazetteer knows it: a later text is an agreement of its own,
// signed and ratified apart from the original.
func (a *analysis) adaptedVersion(s string, m *mention) {
	if m.Entity == nil {
		return
	}
	from := max(0, m.Start-40)
	loc := reAdaptedOf.FindStringSubmatchIndex(s[from:m.Start])
	if loc == nil {
		return
	}
	ag := adaptationOf(m.Entity.Name, strings.ToLower(s[from+loc[2]:from+loc[3]]))
	if ag == nil {
		return
	}
	m.Start = from + loc[0]
	m.Prep = wordBefore(s, m.Start)
	m.Form = "description"
	m.Entity = a.agreementEntity(ag.Name, ag.Wikidata, s[m.Start:m.End])
}

// adaptationOf is the gazetteer's agreement that adapts (amends, revises)
// the one named: "Agreement on Adaptation of the X", "Adapted X".
func adaptationOf(name, how string) *gazetteer.Agreement {
	g := getMatcher().gaz
	base, ok := g.Agreement(name)
	if !ok {
		return nil
	}
	forms := map[string][]string{
		"adapted": {"Agreement on Adaptation of the ", "Adapted "},
		"amended": {"Protocol Amending the ", "Amended "},
		"revised": {"Revised "},
	}[how]
	for _, n := range append([]string{base.Name}, base.Aliases...) {
		for _, f := range forms {
			if ag, ok := g.Agreement(f + n); ok && ag != base {
				return ag
			}
		}
	}
	return nil
}
