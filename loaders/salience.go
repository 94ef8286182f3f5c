package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

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
	if best == nil && !reStrictHead.MatchString(strings.ToLower(words)) {
		return a.mainAgreement()
	}
	if best == nil && strings.Contains(strings.ToLower(words), "accession") {
		return a.knownAccession()
	}
	if best == nil && strings.HasSuffix(strings.ToLower(words), "protocol") {
		return a.protocolOf(a.mainAgreement())
	}
	return best
}

// reStrictHead ends the words of a mention whose head names a kind of
// instrument no agreement of another kind is called: a story about a trade
// deal that mentions "a convention" or "the protocol" means another one,
// and "a joint declaration" or "the memorandum" is a paper of its own kind,
// not the story's agreement.
var reStrictHead = regexp.MustCompile(`(?:convention|protocol|amendment|declaration|memorandum|charter)$`)

// protocolOf is the protocol to an agreement, which "a protocol" means in a
// story about an agreement that is no protocol itself: the gazetteer's
// "Protocol to the X", or one named so, as such protocols are.
func (a *analysis) protocolOf(main *kg.Entity) *kg.Entity {
	if main == nil || strings.HasPrefix(main.Name, "Accession of") {
		return nil
	}
	name := "Protocol to the " + main.Name
	if ag, ok := getMatcher().gaz.Agreement(name); ok {
		return a.agreementEntity(ag.Name, ag.Wikidata, "")
	}
	return a.agreementEntity(name, "", "")
}

// resolveAgreements fills in the agreements that sentence i names by
// anaphor or vague description, and returns its topic: its first
// agreement, which is what the next sentence's "the agreement" means; one
// named later is usually a side remark ("The deal, which replaces NAFTA").
func (a *analysis) resolveAgreements(i int, mentions [][]mention, recent *kg.Entity, recentAt int) *kg.Entity {
	s := a.masked[i]
	var topic *kg.Entity
	for j := range mentions[i] {
		m := &mentions[i][j]
		if m.Kind != kg.KindAgreement {
			continue
		}
		if m.Entity == nil {
			words := s[m.Start:m.End]
			m.Entity = a.mainAgreementFor(words)
			if recent != nil && i-recentAt <= 1 && m.Form == "anaphor" && headFits(words, recent) {
				m.Entity = recent
			}
			if e := a.pluralNamed(words); e != nil && m.Form == "anaphor" {
				m.Entity = e
			}
			if recent == nil && topic == nil {
				if e := a.namedNext(i, m, mentions); e != nil {
					m.Entity = e
				}
			}
			if e := a.namedByWords(words); e != nil {
				m.Entity = e
			}
			if m.Entity != nil && m.Form == "anaphor" {
				a.entity(kg.KindAgreement, m.Entity.Name, "", "", "")
			}
		}
		if m.Form == "description" && m.Entity != nil && bareHead(s[m.Start:m.End]) {
			if e := a.namedInstead(m.Entity, mentions); e != nil && headFits(s[m.Start:m.End], e) {
				m.Entity = e
			}
		}
		a.adaptedVersion(s, m)
		if m.Entity != nil && topic == nil {
			topic = m.Entity
		}
		if m.Entity != nil {
			if a.namedSoFar == nil {
				a.namedSoFar = map[string]bool{}
			}
			a.namedSoFar[m.Entity.ID] = true
		}
	}
	return topic
}

// namedNext reads a story's opening "An agreement that eases troop visits
// took effect" or "The first global treaty to protect the high seas" as
// the agreement the next lines name: news ledes describe first and name
// after. It looks as far as the second sentence after the mention's.
func (a *analysis) namedNext(i int, m *mention, mentions [][]mention) *kg.Entity {
	words := a.masked[i][m.Start:m.End]
	for k := i; k < len(mentions) && k <= i+2; k++ {
		for _, n := range mentions[k] {
			if k == i && n.Start < m.End || n.Kind != kg.KindAgreement || n.Entity == nil || n.Form == "anaphor" || n.Form == "indefinite" {
				continue
			}
			if headFits(words, n.Entity) {
				return n.Entity
			}
		}
	}
	return nil
}

// weighLede counts the first agreement the story's body names as named
// twice more, as a headline's is: the lede says what the story is about,
// and an agreement recalled later for background ("it undermines the
// Non-Proliferation Treaty") is not the one that "the treaty" means.
func (a *analysis) weighLede(mentions [][]mention) {
	for _, ms := range mentions {
		for _, m := range ms {
			if m.Kind != kg.KindAgreement {
				continue
			}
			if m.Entity != nil && m.Form != "anaphor" && m.Form != "indefinite" {
				a.agreementMentions[m.Entity.ID] += 2
			}
			return // a lede that opens on "the free trade agreement" weighs none
		}
	}
}

// namedByWords is the one agreement of the document whose name has every
// content word of a definite description: "the trade deal" is the Free
// Trade Agreement, not the Investment Protection Agreement named beside
// it. It returns nil when no or several agreements fit, or when the
// description has no word but its head.
func (a *analysis) namedByWords(words string) *kg.Entity {
	fields := strings.Fields(strings.ToLower(words))
	if len(fields) < 2 || rePluralHead.MatchString(fields[len(fields)-1]) {
		return nil
	}
	var content []string
	for i, w := range fields {
		last := i == len(fields)-1
		if determiners[w] || genericModifiers[w] || last && !nameHeads[w] {
			continue
		}
		content = append(content, w)
	}
	if len(content) == 0 || len(content) == 1 && nameHeads[content[0]] {
		return nil
	}
	var found *kg.Entity
	for _, id := range a.order {
		e := a.entities[id]
		if e.Kind != kg.KindAgreement || a.agreementMentions[id] == 0 || !nameHas(e.Name, content) {
			continue
		}
		if found != nil {
			return nil
		}
		found = e
	}
	return found
}

var determiners = map[string]bool{"the": true, "this": true, "that": true, "its": true, "their": true, "these": true, "those": true, "both": true, "two": true}

// nameHeads are the heads that agreements' names end in; "deal" and
// "pact" are what reporters call them.
var nameHeads = map[string]bool{"agreement": true, "treaty": true, "convention": true, "protocol": true, "accord": true,
	"declaration": true, "charter": true, "framework": true, "memorandum": true, "amendment": true}

// nameHas reports whether a name has every one of words, hyphenated
// words split ("free-trade").
func nameHas(name string, words []string) bool {
	have := " " + strings.Join(strings.FieldsFunc(gazetteer.Fold(name), func(r rune) bool { return r == ' ' || r == '-' || r == '–' }), " ") + " "
	for _, w := range words {
		for _, part := range strings.Split(w, "-") {
			if !strings.Contains(have, " "+gazetteer.Fold(part)+" ") {
				return false
			}
		}
	}
	return true
}

// namedInstead is the agreement the story names between the same parties
// as a gazetteer agreement that a bare description was read as but that the
// story never names: "neither leader signed the document" in a story that
// names the Agreement on the Path to Normalisation between Kosovo and
// Serbia is that agreement, not an older pact of the two the gazetteer
// knows. It returns nil when the story names no such other agreement, or
// more than one.
func (a *analysis) namedInstead(e *kg.Entity, mentions [][]mention) *kg.Entity {
	g := getMatcher().gaz
	guess, ok := g.Agreement(e.Name)
	if !ok || a.namedByName(e.ID, mentions) {
		return nil
	}
	var found *kg.Entity
	for _, id := range a.order {
		n := a.entities[id]
		if n.Kind != kg.KindAgreement || n == e || !a.namedByName(id, mentions) || sharedParties(guess, n) < 2 {
			continue
		}
		if found != nil && found != n {
			return nil
		}
		found = n
	}
	return found
}

// namedByName reports whether some mention names the agreement by a
// name or alias, not by description or anaphor.
func (a *analysis) namedByName(id string, mentions [][]mention) bool {
	for _, ms := range mentions {
		for _, m := range ms {
			if m.Entity != nil && m.Entity.ID == id && (m.Form == "name" || m.Form == gazetteer.FormAlias) {
				return true
			}
		}
	}
	return false
}

// sharedParties counts the gazetteer agreement's state parties that the
// other agreement has too, as the gazetteer knows them or as its name
// spells them out ("between Kosovo and Serbia").
func sharedParties(ag *gazetteer.Agreement, other *kg.Entity) int {
	g := getMatcher().gaz
	theirs := map[string]bool{}
	if o, ok := g.Agreement(other.Name); ok {
		for _, p := range o.Parties {
			theirs[p] = true
		}
	}
	n := 0
	for _, p := range ag.Parties {
		st, ok := g.StateByCode(p)
		if ok && (theirs[p] || st.Name != "" && strings.Contains(other.Name, st.Name)) {
			n++
		}
	}
	return n
}

// bareHead reports whether a description says nothing but its head ("the
// document", "the deal"): no year, type or word that chose the agreement.
func bareHead(words string) bool {
	fields := strings.Fields(strings.ToLower(words))
	for _, w := range fields[:len(fields)-1] {
		if !determiners[w] && w != "a" && w != "an" {
			return false
		}
	}
	return true
}
