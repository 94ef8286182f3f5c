package gazetteer

import (
	"strings"
)

// names maps surface forms to entry positions: folded forms for ordinary
// names, case-kept forms for acronyms whose lower case is a word ("US").
type names struct {
	folded map[string][]int
	exact  map[string][]int
}

func newNames() names {
	return names{folded: map[string][]int{}, exact: map[string][]int{}}
}

func (n names) add(surface string, i int) {
	m, k := n.folded, Fold(surface)
	if caseSensitive(surface) {
		m, k = n.exact, foldCase(surface)
	}
	if k == "" {
		return
	}
	for _, j := range m[k] {
		if j == i {
			return
		}
	}
	m[k] = append(m[k], i)
}

// get returns every entry s may name; the case-kept index wins so that "US"
// never falls through to a folded "us".
func (n names) get(s string) []int {
	if ids, ok := n.exact[foldCase(s)]; ok {
		return ids
	}
	return n.folded[Fold(s)]
}

// one returns the single entry s names, or -1 if none or several.
func (n names) one(s string) int {
	if ids := n.get(s); len(ids) == 1 {
		return ids[0]
	}
	return -1
}

type index struct {
	stateName, stateDemonym, stateMetonym names
	stateCode                             map[string]int

	inst        names
	instByName  map[string]int
	legislature map[string]int
	chamber     map[string]int

	person, surname names
	agreement       names
	parties         []partySet // by agreement position
}

func (g *Gazetteer) build() {
	x := index{
		stateName: newNames(), stateDemonym: newNames(), stateMetonym: newNames(),
		stateCode: map[string]int{},
		inst:      newNames(), instByName: map[string]int{},
		legislature: map[string]int{}, chamber: map[string]int{},
		person: newNames(), surname: newNames(), agreement: newNames(),
	}
	for i, s := range g.States {
		x.stateCode[s.Code] = i
		if s.Alpha3 != "" {
			x.stateCode[s.Alpha3] = i
		}
		for _, n := range s.names() {
			x.stateName.add(n, i)
		}
		for _, d := range s.Demonyms {
			x.stateDemonym.add(d, i)
		}
		for _, m := range s.metonyms() {
			x.stateMetonym.add(m, i)
		}
	}
	for i, in := range g.Institutions {
		x.instByName[Fold(in.Name)] = i
		for _, n := range in.names() {
			x.inst.add(n, i)
		}
		switch in.Type {
		case TypeLegislature:
			if in.Country != "" && in.Parent == "" {
				x.legislature[in.Country] = i
			}
		case TypeLowerHouse:
			x.chamber[in.Country+"/lower"] = i
		case TypeUpperHouse:
			x.chamber[in.Country+"/upper"] = i
		}
	}
	// A bicameral legislature with only an upper chamber listed (the
	// Bundestag, whose Bundesrat is not formally a chamber of it) serves as
	// its own lower house.
	for code, i := range x.legislature {
		_, lower := x.chamber[code+"/lower"]
		_, upper := x.chamber[code+"/upper"]
		if upper && !lower && !g.Institutions[i].Unicameral {
			x.chamber[code+"/lower"] = i
		}
	}
	for i, p := range g.People {
		for _, n := range p.names() {
			x.person.add(n, i)
		}
		for _, s := range p.surnames() {
			x.surname.add(s, i)
		}
	}
	for i, a := range g.Agreements {
		for _, n := range a.names() {
			x.agreement.add(n, i)
		}
	}
	g.idx = x
	// Party sets resolve names through the indexes just built.
	g.idx.parties = make([]partySet, len(g.Agreements))
	for i, a := range g.Agreements {
		g.idx.parties[i] = g.partySet(a)
	}
}

func (s *State) names() []string {
	return nonEmpty(append([]string{s.Name, s.Official}, s.Aliases...))
}

func (in *Institution) names() []string {
	return nonEmpty(append([]string{in.Name}, in.Aliases...))
}

func (p *Person) names() []string {
	return nonEmpty(append([]string{p.Name}, p.Aliases...))
}

func (a *Agreement) names() []string {
	return nonEmpty(append([]string{a.Name}, a.Aliases...))
}

// surnames is the surname (explicit, or the last word of the name) and every
// one-word alias. A Surname of "-" says the bare surname is too common a word
// or name to stand alone ("May", "Brown").
func (p *Person) surnames() []string {
	s := p.Surname
	if s == "-" {
		s = ""
	} else if s == "" {
		words := strings.Fields(p.Name)
		if len(words) > 1 {
			s = words[len(words)-1]
		}
	}
	out := []string{s}
	for _, a := range p.Aliases {
		if !strings.ContainsAny(strings.TrimSpace(a), " -–") {
			out = append(out, a)
		}
	}
	return nonEmpty(out)
}

func nonEmpty(xs []string) []string {
	out := xs[:0]
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}
