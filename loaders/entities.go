package loaders

import (
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// entity returns the document's entity of kind k named name, creating it,
// and records surface as an alias when it differs from the name.
func (a *analysis) entity(k kg.EntityKind, name, country, wikidata, surface string) *kg.Entity {
	id := kg.EntityID(k, name)
	e, ok := a.entities[id]
	if !ok {
		e = &kg.Entity{ID: id, Kind: k, Name: name, Country: country, WikidataID: wikidata}
		a.entities[id] = e
		a.order = append(a.order, id)
	}
	if e.Country == "" {
		e.Country = country
	}
	if e.WikidataID == "" {
		e.WikidataID = wikidata
	}
	surface = strings.TrimSpace(surface)
	if surface != "" && gazetteer.Fold(surface) != gazetteer.Fold(name) && !containsFold(e.Aliases, surface) {
		e.Aliases = append(e.Aliases, surface)
	}
	return e
}

func (a *analysis) stateEntity(st *gazetteer.State, surface string) *kg.Entity {
	a.statesSeen[st.Code]++
	a.contextState = st.Code
	return a.entity(kg.KindState, st.Name, st.Code, st.Wikidata, surface)
}

func (a *analysis) institutionEntity(in *gazetteer.Institution, surface string) *kg.Entity {
	if in.Country != "" {
		a.contextState = in.Country
	}
	return a.entity(kg.KindInstitution, in.Name, in.Country, in.Wikidata, surface)
}

func (a *analysis) personEntity(name, country, wikidata, surface, role string) *kg.Entity {
	e := a.entity(kg.KindPerson, name, country, wikidata, surface)
	if role != "" && !containsFold(e.Roles, role) {
		e.Roles = append(e.Roles, role)
	}
	if country != "" {
		a.contextState = country
	}
	return e
}

func (a *analysis) agreementEntity(name, wikidata, surface string) *kg.Entity {
	e := a.entity(kg.KindAgreement, name, "", wikidata, surface)
	a.agreementMentions[e.ID]++
	return e
}

// personBySurname finds a person already named in full in the document.
func (a *analysis) personBySurname(surname string) *kg.Entity {
	key := gazetteer.Fold(surname)
	var found *kg.Entity
	for _, id := range a.order {
		e := a.entities[id]
		if e.Kind != kg.KindPerson {
			continue
		}
		words := strings.Fields(gazetteer.Fold(e.Name))
		if len(words) > 1 && (words[len(words)-1] == key || a.surnameOf(e) == key) {
			if found != nil && found != e {
				return nil // two people share the surname; do not guess
			}
			found = e
		}
	}
	return found
}

// surnameOf is the folded surname the gazetteer gives a person where it is
// not the last word of the name ("Kim" of "Kim Jong Un"), or "".
func (a *analysis) surnameOf(e *kg.Entity) string {
	if s, ok := a.surnames[e.ID]; ok {
		return s
	}
	s := ""
	if p, ok := getMatcher().gaz.Person(e.Name); ok && p.Surname != "" && p.Surname != "-" {
		s = gazetteer.Fold(p.Surname)
	}
	if a.surnames == nil {
		a.surnames = map[string]string{}
	}
	a.surnames[e.ID] = s
	return s
}

func (a *analysis) isAuthor(name string) bool {
	return a.author != "" && gazetteer.Fold(name) == gazetteer.Fold(a.author)
}

func containsFold(list []string, s string) bool {
	k := gazetteer.Fold(s)
	for _, x := range list {
		if gazetteer.Fold(x) == k {
			return true
		}
	}
	return false
}
