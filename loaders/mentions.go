package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// mention is a span of a sentence that names an entity.
type mention struct {
	Start, End int // byte offsets in the sentence
	Kind       kg.EntityKind
	// Form says how the entity was named: name, alias, surname, metonym,
	// demonym, title, pattern, description, anaphor.
	Form    string
	Entity  *kg.Entity // nil for demonyms, which only modify
	Country string
	// Prep is the lower-cased word just before the mention ("in", "with").
	Prep string
	// Possessor is set when "'s" follows ("Iran's parliament").
	Possessor bool
	// Count is how many people or states a group noun stands for ("the
	// three leaders"), before run fills them in.
	Count int
}

// agentKind reports whether the mention can act: sign, approve, withdraw.
func (m mention) agentKind() bool {
	return m.Entity != nil && (m.Kind == kg.KindPerson || m.Kind == kg.KindState || m.Kind == kg.KindInstitution)
}

var locativePreps = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "outside": true, "into": true, "across": true}

var nonAgentPreps = map[string]bool{"with": true, "of": true, "for": true, "between": true, "against": true, "to": true,
	"from": true, "on": true, "over": true, "toward": true, "towards": true, "like": true, "than": true, "including": true,
	"among": true, "about": true, "under": true, "amid": true, "despite": true, "via": true, "per": true, "and": false}

var (
	nameStop = map[string]bool{"On": true, "In": true, "The": true, "And": true, "But": true, "As": true, "At": true, "After": true,
		"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true, "August": true,
		"September": true, "October": true, "November": true, "December": true, "Monday": true, "Tuesday": true, "Wednesday": true,
		"Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "Said": true, "Also": true}
)

var reBodyAfter = regexp.MustCompile(`^\s+(?:Joint\s+)?(?:Committee|Council|Commission|Secretariat|Court|Organi[sz]ation|Working Group)\b`)

// findMentions returns the entity mentions of one sentence, left to right,
// without overlaps. Longer, more specific readings win.
func (a *analysis) findMentions(s string) []mention {
	toks := tokenize(s)
	covered := make([]bool, len(s)+1)
	sentenceState := a.contextState // the state the story was about before this sentence
	var out []mention
	add := func(m mention) {
		if m.Kind == kg.KindAgreement && reBodyAfter.MatchString(s[m.End:]) {
			return // "the Withdrawal Agreement Joint Committee" is a body, not the agreement
		}
		for i := m.Start; i < m.End; i++ {
			if covered[i] {
				return
			}
		}
		for i := m.Start; i < m.End; i++ {
			covered[i] = true
		}
		m.Prep = wordBefore(s, m.Start)
		m.Possessor = possessiveAt(s, m.End) > 0
		out = append(out, m)
	}
	for _, m := range a.titlePersons(s) {
		add(m)
	}
	if !a.headline {
		for _, m := range a.namedAgreements(s) {
			add(m)
		}
	}
	mt := getMatcher()
	for i := 0; i < len(toks); i++ {
		if covered[toks[i].Start] {
			continue
		}
		surfaces, n := mt.longest(s, toks, i)
		if n == 0 || !toks[i].upper() && !(a.headline && n >= 2 && surfaces[0].Kind == kg.KindAgreement) {
			// A headline in sentence case writes "adopt pandemic
			// agreement": there, case says nothing of an agreement's name.
			continue
		}
		if j := i + n; surfaces[0].Form == gazetteer.FormSurname && j < len(toks) && toks[j].upper() && toks[j].Start == toks[j-1].End+1 {
			continue // "Wang Wentao" is not Wang Yi: the surname is someone else's given name
		}
		start, end := toks[i].Start, toks[i+n-1].End
		if n == 1 && surfaces[0].Kind == kg.KindPerson && insideLongerName(s, toks, i) {
			continue // "Ghani" of "Mullah Abdul Ghani Baradar" is not Ashraf Ghani
		}
		if m, ok := a.fromSurfaces(surfaces, s[start:end], out, start, sentenceState); ok {
			m.Start, m.End = start, end
			add(m)
			i += n - 1
		}
	}
	a.knownSurnames(s, toks, covered, add)
	a.knownBodies(s, toks, covered, add)
	a.groupBodies(s, covered, add)
	out = a.extendInstitutions(s, out, sentenceState)
	for i := range covered {
		covered[i] = false
	}
	for _, m := range out {
		for i := m.Start; i < m.End; i++ {
			covered[i] = true
		}
	}
	for _, m := range a.untitledPersons(s, out, covered) {
		out = append(out, m)
		for i := m.Start; i < m.End; i++ {
			covered[i] = true
		}
	}
	for _, m := range a.accessions(s, out) {
		out = append(out, m) // may overlap the organization it names
	}
	for _, m := range a.describedAgreements(s, out) {
		add(m)
	}
	for _, m := range a.groupNouns(s) {
		add(m)
	}
	for i := range out {
		if out[i].Kind == kg.KindState && out[i].Form == gazetteer.FormMetonym && locativePreps[out[i].Prep] {
			out[i] = a.asPlace(out[i], s)
		}
	}
	sortMentions(out)
	a.noteCountries(out)
	return out
}

// fromSurfaces turns a gazetteer hit into a mention, choosing among
// entries that share the surface by the document's context.
func (a *analysis) fromSurfaces(surfaces []gazetteer.Surface, text string, before []mention, at int, sentenceState string) (mention, bool) {
	g := getMatcher().gaz
	best := surfaces[0]
	if len(surfaces) > 1 {
		best, _ = a.pickSurface(surfaces)
	}
	if best.Ambiguous && best.Kind != kg.KindInstitution {
		return mention{}, false
	}
	switch best.Kind {
	case kg.KindState:
		st, ok := g.StateByCode(best.Ref)
		if !ok {
			return mention{}, false
		}
		if best.Form == gazetteer.FormDemonym {
			return mention{Kind: kg.KindState, Form: best.Form, Country: st.Code}, true
		}
		return mention{Kind: kg.KindState, Form: best.Form, Country: st.Code, Entity: a.stateEntity(st, text)}, true
	case kg.KindInstitution:
		in := a.pickInstitution(g.InstitutionsNamed(text))
		if in == nil || in.Type == gazetteer.TypeNewsAgency {
			return mention{}, false
		}
		if _, generic := genericBodies[gazetteer.Fold(text)]; generic && in.Country != "" {
			// "the House of Commons" in a story from Ottawa is Canada's.
			if m, ok := a.localBody(text, a.bodyCandidates(before, at, sentenceState), true); ok {
				return m, true
			}
		}
		return mention{Kind: kg.KindInstitution, Form: best.Form, Country: in.Country, Entity: a.institutionEntity(in, text)}, true
	case kg.KindPerson:
		p, ok := g.Person(best.Ref)
		if !ok || a.isAuthor(p.Name) {
			return mention{}, false
		}
		return mention{Kind: kg.KindPerson, Form: best.Form, Country: p.Country, Entity: a.personEntity(p.Name, p.Country, p.Wikidata, text, "")}, true
	case kg.KindAgreement:
		ag, ok := g.Agreement(best.Ref)
		if !ok {
			return mention{}, false
		}
		return mention{Kind: kg.KindAgreement, Form: best.Form, Entity: a.agreementEntity(ag.Name, ag.Wikidata, text)}, true
	}
	return mention{}, false
}

// pickSurface prefers, among readings of one span, a state over other
// kinds (a capital is a state's metonym before it is anything else), then
// an unambiguous one.
func (a *analysis) pickSurface(surfaces []gazetteer.Surface) (gazetteer.Surface, bool) {
	rank := map[kg.EntityKind]int{kg.KindAgreement: 0, kg.KindPerson: 1, kg.KindInstitution: 2, kg.KindState: 3}
	best := surfaces[0]
	for _, s := range surfaces[1:] {
		if rank[s.Kind] < rank[best.Kind] || (rank[s.Kind] == rank[best.Kind] && best.Ambiguous && !s.Ambiguous) {
			best = s
		}
	}
	return best, true
}

// pickInstitution chooses among institutions sharing a name ("National
// Assembly") the one whose state the document talks about.
func (a *analysis) pickInstitution(cands []*gazetteer.Institution) *gazetteer.Institution {
	if len(cands) == 1 {
		return cands[0]
	}
	for _, c := range cands {
		if c.Country != "" && c.Country == a.contextState {
			return c
		}
	}
	for _, c := range cands {
		if c.Country != "" && a.statesSeen[c.Country] > 0 {
			return c
		}
	}
	return nil
}

func trimName(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		w = strings.TrimRight(w, ".,;:")
		if nameStop[w] || (i > 0 && strings.HasSuffix(words[i-1], ",")) {
			words = words[:i]
			break
		}
		words[i] = w
	}
	for len(words) > 0 && strings.HasSuffix(words[len(words)-1], "'s") {
		words[len(words)-1] = strings.TrimSuffix(words[len(words)-1], "'s")
	}
	return strings.Join(words, " ")
}

func normalizeTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// asPlace reads a capital after "in"/"at" as a place, not a government.
func (a *analysis) asPlace(m mention, s string) mention {
	name := strings.TrimPrefix(strings.TrimPrefix(s[m.Start:m.End], "the "), "The ")
	m.Kind, m.Form = kg.KindPlace, "place"
	m.Entity = a.entity(kg.KindPlace, name, m.Country, "", name)
	return m
}

func wordBefore(s string, i int) string {
	w := lastWordOf(s[:i])
	if w == "the" || w == "a" || w == "an" {
		w = lastWordOf(s[:max(0, strings.LastIndex(strings.TrimRight(s[:i], " "), " "))])
	}
	return w
}

func lastWordOf(s string) string {
	s = strings.TrimRight(s, " ")
	j := strings.LastIndexAny(s, " (\"“,")
	return strings.ToLower(s[j+1:])
}

func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// knownSurnames marks bare surnames of people the document has already
// named in full ("Rouhani" after "Hassan Rouhani").
func (a *analysis) knownSurnames(s string, toks []token, covered []bool, add func(mention)) {
	for i, t := range toks {
		if covered[t.Start] || !t.upper() || len(t.Text) < 2 {
			continue
		}
		if i+1 < len(toks) && toks[i+1].upper() && toks[i+1].Start == t.End+1 {
			continue // "Wang Wentao" is not Wang Yi: the surname is another's given name
		}
		p := a.personBySurname(t.Text)
		if p == nil && !insideLongerName(s, toks, i) {
			p = a.personByGivenName(t.Text)
		}
		if p != nil && !a.isAuthor(p.Name) {
			add(mention{Start: t.Start, End: t.End, Kind: kg.KindPerson, Form: gazetteer.FormSurname, Country: p.Country, Entity: p})
		}
	}
}
