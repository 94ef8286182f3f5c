package loaders

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// reBody matches the common nouns for legislatures and governments.
var reBody = regexp.MustCompile(`(?i)\b(lower house(?: of (?:the )?parliament)?|upper house(?: of (?:the )?parliament)?|lower chamber(?: of (?:the )?parliament)?|upper chamber(?: of (?:the )?parliament)?|legislative body|parliamentary|parliament|national assembly|house of representatives|chamber of deputies|chamber of representatives|house of commons|house of lords|national congress|congress|legislature|legislative|lawmakers|legislators|MPs|deputies|senators|senate|congressional|government|cabinet)\b`)

// bodyChamber maps a body noun to the chamber it names.
func bodyChamber(noun string) string {
	n := strings.ToLower(noun)
	switch {
	case strings.HasPrefix(n, "lower"), n == "deputies", n == "house of representatives", n == "chamber of deputies", n == "chamber of representatives", n == "house of commons":
		return "lower"
	case strings.HasPrefix(n, "upper"), n == "senate", n == "senators", n == "house of lords":
		return "upper"
	case n == "government":
		return "government"
	case n == "cabinet":
		return "cabinet"
	}
	return "legislature"
}

// extendInstitutions reads "Iran's parliament", "the Russian lower house",
// "Iranian lawmakers" and a bare "the upper house" (of the state in
// context) as institutions, absorbing the owner's mention into one span.
func (a *analysis) extendInstitutions(s string, ms []mention, sentenceState string) []mention {
	for _, loc := range findAllIndex(reBody, s, a.fold(s)) {
		if overlapsAny(ms, loc[0], loc[1]) {
			continue
		}
		noun := s[loc[0]:loc[1]]
		owner := -1
		for i, m := range ms {
			if m.Kind != kg.KindState || m.Country == "" || m.End > loc[0] {
				continue
			}
			gap := s[m.End:loc[0]]
			if (m.Possessor && (strings.TrimSpace(gap) == "'s" || strings.TrimSpace(gap) == "’s")) ||
				(m.Form == gazetteer.FormDemonym && strings.TrimSpace(gap) == "") {
				owner = i
			}
		}
		country := a.contextState
		start := loc[0]
		_, generic := genericBodies[strings.ToLower(noun)]
		generic = generic && upperFirst(noun)
		switch {
		case owner >= 0:
			country, start = ms[owner].Country, ms[owner].Start
		case adjectival(noun):
			continue // "legislative ratification in both capitals" names no one body
		case strings.EqualFold(noun, "congress") && (!generic || reParty.MatchString(s[loc[1]:])):
			continue // "a party congress", "the Congress party"
		case generic && (bareBody(s, loc[0], loc[1]) || bareName(noun)):
			// "the Senate", "the National Assembly", "it cleared
			// Congress": the chamber of that name of the state the
			// sentence or the story is about.
		case upperFirst(noun) && start > 0:
			continue // a capitalized body noun mid-sentence is part of a proper name
		}
		if country == "" && (!generic || owner >= 0) {
			continue // a generic name alone finds its state among the sentence's
		}
		var m mention
		ok := false
		if generic {
			cands := []string{country}
			if owner < 0 {
				cands = a.bodyCandidates(ms, loc[0], sentenceState)
			}
			m, ok = a.localBody(noun, cands, false)
		} else {
			m, ok = a.bodyMention(country, bodyChamber(noun), noun)
		}
		if !ok {
			continue
		}
		m.Start, m.End = start, loc[1]
		m.Prep = wordBefore(s, start)
		if owner >= 0 {
			ms = append(ms[:owner], ms[owner+1:]...)
		}
		ms = append(ms, m)
		sortMentions(ms)
	}
	return ms
}

// bodyMention resolves a body of the state with the given code, from the
// gazetteer when it knows it, else by a descriptive name.
func (a *analysis) bodyMention(country, chamber, surface string) (mention, bool) {
	g := getMatcher().gaz
	st, ok := g.StateByCode(country)
	if !ok {
		return mention{}, false
	}
	switch chamber {
	case "government":
		return mention{Kind: kg.KindState, Form: "pattern", Country: country, Entity: a.stateEntity(st, "")}, true
	case "cabinet":
		if in := cabinetOf(g, country); in != nil {
			return mention{Kind: kg.KindInstitution, Form: "pattern", Country: country, Entity: a.institutionEntity(in, "")}, true
		}
		return mention{Kind: kg.KindInstitution, Form: "pattern", Country: country,
			Entity: a.entity(kg.KindInstitution, "Cabinet of "+st.Name, country, "", "")}, true
	case "lower", "upper":
		if in, ok := g.Chamber(country, chamber); ok {
			return mention{Kind: kg.KindInstitution, Form: "pattern", Country: country, Entity: a.institutionEntity(in, "")}, true
		}
	}
	if in, ok := g.LegislatureOf(country); ok {
		return mention{Kind: kg.KindInstitution, Form: "pattern", Country: country, Entity: a.institutionEntity(in, "")}, true
	}
	name := "Parliament of " + st.Name
	if chamber == "lower" || chamber == "upper" {
		name = strings.ToUpper(chamber[:1]) + chamber[1:] + " house of the Parliament of " + st.Name
	}
	return mention{Kind: kg.KindInstitution, Form: "pattern", Country: country, Entity: a.entity(kg.KindInstitution, name, country, "", "")}, true
}

var reParty = regexp.MustCompile(`^\s+(?i:party|leaders?|members?|president)\b`)

// bareName reports a body noun that is written capitalized on its own for
// the legislature of the state in context: "Parliament", "Congress".
func bareName(noun string) bool {
	n := strings.ToLower(noun)
	return n == "parliament" || n == "congress"
}

func upperFirst(s string) bool {
	return s != "" && strings.ToUpper(s[:1]) == s[:1] && strings.ToLower(s[:1]) != s[:1]
}

func adjectival(noun string) bool {
	switch strings.ToLower(noun) {
	case "legislative", "parliamentary", "congressional":
		return true
	}
	return false
}

// cabinetOf is the government the gazetteer knows as a state's cabinet
// ("Russian cabinet" is the Government of Russia), or nil.
func cabinetOf(g *gazetteer.Gazetteer, country string) *gazetteer.Institution {
	for _, in := range g.Institutions {
		if in.Country != country || in.Type != gazetteer.TypeGovernment {
			continue
		}
		for _, al := range in.Aliases {
			if strings.Contains(strings.ToLower(al), "cabinet") {
				return in
			}
		}
	}
	return nil
}

// knownBodies reads a capitalized head noun after "the" ("the Council",
// "the Senate") as the one institution of that head the document has
// already named in full ("the Council of the European Union"), as a bare
// surname stands for a person named before.
func (a *analysis) knownBodies(s string, toks []token, covered []bool, add func(mention)) {
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if covered[t.Start] || !t.upper() || toks[i-1].Key != "the" || toks[i-1].End+1 != t.Start {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Start == t.End+1 && (toks[i+1].upper() || toks[i+1].Key == "of") {
			continue // "the Council of Europe", "the Security Council": a longer name
		}
		var found *kg.Entity
		for _, id := range a.order {
			e := a.entities[id]
			if e.Kind != kg.KindInstitution || gazetteer.Fold(headNoun(e.Name)) != t.Key {
				continue
			}
			if found != nil {
				found = nil // two bodies share the head: do not guess
				break
			}
			found = e
		}
		if found == nil {
			if in := a.formalBody(t.Key); in != nil {
				found = a.institutionEntity(in, t.Text)
			}
		}
		if found != nil {
			add(mention{Start: t.Start, End: t.End, Kind: kg.KindInstitution, Form: "head", Country: found.Country, Entity: found})
		}
	}
}

var (
	formalBodiesOnce sync.Once
	formalBodies     map[string][]*gazetteer.Institution
)

// formalBody is the one body named "<Head> of …" whose organization or
// state the document is about: "the Council" in a story that names the
// European Commission is the Council of the European Union, as EU copy
// writes it; "the Senate" in a story about Poland is the Senate of Poland.
func (a *analysis) formalBody(head string) *gazetteer.Institution {
	if head == "government" || head == "cabinet" {
		return nil // a government acts for its state: extendInstitutions reads it so
	}
	formalBodiesOnce.Do(func() {
		formalBodies = map[string][]*gazetteer.Institution{}
		for _, in := range getMatcher().gaz.Institutions {
			for _, n := range append([]string{in.Name}, in.Aliases...) {
				if h, _, ok := strings.Cut(n, " of "); ok && !strings.Contains(h, " ") {
					k := gazetteer.Fold(h)
					if !slices.Contains(formalBodies[k], in) {
						formalBodies[k] = append(formalBodies[k], in)
					}
				}
			}
		}
	})
	var found *gazetteer.Institution
	for _, in := range formalBodies[head] {
		inContext := in.Country != "" && a.statesSeen[in.Country] > 0
		if in.Parent != "" {
			for _, id := range a.order {
				e := a.entities[id]
				if e.Kind != kg.KindInstitution {
					continue
				}
				if e.Name == in.Parent {
					inContext = true
				} else if sib, ok := getMatcher().gaz.InstitutionByName(e.Name); ok && sib.Parent == in.Parent {
					inContext = true
				}
			}
		}
		if !inContext {
			continue
		}
		if found != nil && found != in {
			return nil // two bodies of the context share the head
		}
		found = in
	}
	return found
}

// headNoun is the noun a name's short form keeps: "Council" of "Council of
// the European Union", "Commission" of "European Commission".
func headNoun(name string) string {
	if before, _, ok := strings.Cut(name, " of "); ok {
		name = before
	}
	return name[strings.LastIndexByte(name, ' ')+1:]
}
