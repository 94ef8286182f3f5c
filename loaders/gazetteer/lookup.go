package gazetteer

import "strings"

// StateByName finds the state whose name, official name or alias is s
// ("Iran", "Islamic Republic of Iran", "the US"). It reports false if none
// or several match.
func (g *Gazetteer) StateByName(s string) (*State, bool) {
	return pick(g.States, g.idx.stateName.one(s))
}

// StateByDemonym finds the state whose demonym or adjective is s
// ("Iranian", "Burkinabe").
func (g *Gazetteer) StateByDemonym(s string) (*State, bool) {
	return pick(g.States, g.idx.stateDemonym.one(s))
}

// StateByMetonym finds the state whose government s stands for ("the
// Kremlin", "Tehran", "Downing Street").
func (g *Gazetteer) StateByMetonym(s string) (*State, bool) {
	return pick(g.States, g.idx.stateMetonym.one(s))
}

// StateByCode finds a state by ISO alpha-2 or alpha-3 code, any case.
func (g *Gazetteer) StateByCode(code string) (*State, bool) {
	i, ok := g.idx.stateCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return nil, false
	}
	return g.States[i], true
}

// Institution finds the institution whose name or alias is s; false if
// none or several match (see InstitutionsNamed).
func (g *Gazetteer) Institution(s string) (*Institution, bool) {
	return pick(g.Institutions, g.idx.inst.one(s))
}

// InstitutionsNamed returns every institution s may name.
func (g *Gazetteer) InstitutionsNamed(s string) []*Institution {
	return all(g.Institutions, g.idx.inst.get(s))
}

// LegislatureOf returns the national legislature of the state with
// alpha-2 code.
func (g *Gazetteer) LegislatureOf(code string) (*Institution, bool) {
	i, ok := g.idx.legislature[strings.ToUpper(code)]
	if !ok {
		return nil, false
	}
	return g.Institutions[i], true
}

// Chamber returns the "lower" or "upper" house of the legislature of the
// state with alpha-2 code; unicameral legislatures have neither.
func (g *Gazetteer) Chamber(code, which string) (*Institution, bool) {
	i, ok := g.idx.chamber[strings.ToUpper(code)+"/"+strings.ToLower(which)]
	if !ok {
		return nil, false
	}
	return g.Institutions[i], true
}

// Person finds the person whose full name or alias is s; false if none or
// several match.
func (g *Gazetteer) Person(s string) (*Person, bool) {
	return pick(g.People, g.idx.person.one(s))
}

// PersonBySurname finds the one person with surname s ("Putin",
// "Erdogan"); false if none or several share it ("Bush").
func (g *Gazetteer) PersonBySurname(s string) (*Person, bool) {
	return pick(g.People, g.idx.surname.one(s))
}

// Agreement finds the agreement whose name or alias is s ("Iran nuclear
// deal", "INF Treaty"); false if none or several match.
func (g *Gazetteer) Agreement(s string) (*Agreement, bool) {
	return pick(g.Agreements, g.idx.agreement.one(s))
}

// InstitutionByName returns the institution with canonical name name.
func (g *Gazetteer) InstitutionByName(name string) (*Institution, bool) {
	i, ok := g.idx.instByName[Fold(name)]
	if !ok {
		return nil, false
	}
	return g.Institutions[i], true
}

func pick[T any](xs []*T, i int) (*T, bool) {
	if i < 0 || i >= len(xs) {
		return nil, false
	}
	return xs[i], true
}

func all[T any](xs []*T, ids []int) []*T {
	out := make([]*T, 0, len(ids))
	for _, i := range ids {
		out = append(out, xs[i])
	}
	return out
}
