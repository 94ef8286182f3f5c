package loaders

import (
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// partiesAfter reads "between Iran and the EAEU" / "with Russia" after a
// description: the states and organizations named there.
func (a *analysis) partiesAfter(s string, end int, ms []mention) []string {
	loc := reParties.FindStringIndex(s[end:])
	if loc == nil {
		return nil
	}
	from := end + loc[1]
	stop := from + 90
	if j := strings.IndexAny(s[from:], ".;—–"); j >= 0 && from+j < stop {
		stop = from + j
	}
	return partiesIn(ms, from, stop)
}

// pairedStates reads the parties of an agreement described without them
// from states coordinated earlier in the sentence: in "the foreign ministers
// of Chile and Peru initialled a peace agreement", the pair is who the
// agreement binds, more surely than whatever state the story named last.
func pairedStates(s string, before int, existing []mention) []string {
	var ms []mention // existing is in the order the finders ran
	for _, m := range existing {
		if m.End <= before {
			ms = append(ms, m)
		}
	}
	sortMentions(ms)
	var run []string
	prev := -1
	for i, m := range ms {
		if m.Kind != kg.KindState || m.Entity == nil || m.Country == "" {
			continue
		}
		if prev >= 0 && coordinated(s[ms[prev].End:m.Start]) && len(run) > 0 {
			run = append(run, m.Country)
		} else if len(run) >= 2 {
			return dedupe(run)
		} else {
			run = []string{m.Country}
		}
		prev = i
	}
	if len(dedupe(run)) >= 2 {
		return dedupe(run)
	}
	return nil
}

// partiesBefore reads "Iran-Russia", "Russian-Iranian" or "EU–Mercosur"
// just before it: states, or organizations that are parties themselves.
func (a *analysis) partiesBefore(s string, start int, ms []mention) []string {
	var parties []string
	pos := start
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.End > pos || pos-m.End > 6 || (m.Kind != kg.KindState && m.Kind != kg.KindInstitution) || partyOf(m) == "" { // 6: a dash is three bytes, a possessive's two
			continue
		}
		// "the EU's trade deal with Japan": the possessor is a party.
		if gap := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s[m.End:pos]), "'s"), "’s"); strings.Trim(gap, " -–—/") != "" {
			break
		}
		parties = append(parties, partyOf(m))
		pos = m.Start
	}
	return parties
}

func partiesIn(ms []mention, from, to int) []string {
	var parties []string
	for _, m := range ms {
		if m.Start >= from && m.End <= to && (m.Kind == kg.KindState || m.Kind == kg.KindInstitution || m.Kind == kg.KindPlace) {
			if p := partyOf(m); p != "" {
				parties = append(parties, p)
			}
		}
	}
	return parties
}

// partyOf is a state's code, or an organization's canonical name.
func partyOf(m mention) string {
	if m.Kind == kg.KindInstitution && m.Entity != nil {
		if in, ok := getMatcher().gaz.InstitutionByName(m.Entity.Name); ok && in.Type == gazetteer.TypeOrganization {
			return in.Name
		}
	}
	return m.Country
}

func overlapsAny(ms []mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}

func (a *analysis) partiesName(parties []string) string {
	g := getMatcher().gaz
	names := make([]string, len(parties))
	for i, p := range parties {
		names[i] = p
		if st, ok := g.StateByCode(p); ok {
			names[i] = st.Name
		}
	}
	return strings.Join(names, "–")
}

// topStates returns the codes of the states the document mentions most.
func (a *analysis) topStates(n int) []string {
	var codes []string
	for c := range a.statesSeen {
		codes = append(codes, c)
	}
	for i := 1; i < len(codes); i++ {
		for j := i; j > 0 && (a.statesSeen[codes[j]] > a.statesSeen[codes[j-1]] ||
			a.statesSeen[codes[j]] == a.statesSeen[codes[j-1]] && codes[j] < codes[j-1]); j-- {
			codes[j], codes[j-1] = codes[j-1], codes[j]
		}
	}
	if len(codes) > n {
		codes = codes[:n]
	}
	return codes
}

// allGeneric reports whether every modifier is one that any agreement may
// take: "the new text" is the agreement, "the legal text" is not.
func allGeneric(mods []string) bool {
	for _, w := range mods {
		if !genericModifiers[w] {
			return false
		}
	}
	return true
}

// domesticAgreement finds, for a typed description with one state as its
// only known party ("a peace agreement with the FARC" in a story about
// Colombia), the one agreement of that type that the gazetteer gives that
// state alone: a government's accord with rebels, whose other party is no
// state. It returns nil when none or several fit.
func (a *analysis) domesticAgreement(want []string, d description, year int, text string) *kg.Entity {
	if len(want) != 1 || d.typ == "" {
		return nil
	}
	var found *gazetteer.Agreement
	for _, m := range getMatcher().gaz.AgreementsByParties(want, d.typ, year) {
		ag := m.Agreement
		y := yearOfISO(ag.Signed)
		if m.Coverage < 1 || len(ag.Parties) != 1 || ag.Type != d.typ || year != 0 && y != 0 && abs(year-y) > 1 {
			continue
		}
		if found != nil {
			return nil
		}
		found = ag
	}
	if found == nil {
		return nil
	}
	return a.agreementEntity(found.Name, found.Wikidata, text)
}
