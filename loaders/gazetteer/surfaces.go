package gazetteer

import (
	"sort"
	"strings"

	"github.com/newsgraph/kg"
)

// Surface forms say what a surface stands in for.
const (
	FormName    = "name"    // canonical or official name
	FormAlias   = "alias"   // any other name
	FormDemonym = "demonym" // "Iranian" for Iran
	FormMetonym = "metonym" // "the Kremlin" for Russia's government
	FormSurname = "surname" // "Putin" for Vladimir Putin
)

// Surface is one text form that names an entry. Key is Fold(Text) or, when
// CaseSensitive (acronyms such as "US" and bare surnames), Text with only
// diacritics, dashes and a leading "the" folded; a matcher must compare it
// against text folded the same way (FoldCase). Ref is a state's alpha-2 code
// or another entry's canonical name. Ambiguous is set when another entry of
// the same kind shares the key.
type Surface struct {
	Text          string
	Key           string
	Kind          kg.EntityKind
	Form          string
	Ref           string
	CaseSensitive bool
	Ambiguous     bool
}

// Surfaces returns every surface form of every entry, sorted by key, for
// building a matcher over running text.
func (g *Gazetteer) Surfaces() []Surface {
	var out []Surface
	add := func(n names, text string, kind kg.EntityKind, form, ref string) {
		// A bare surname or one-word alias of a person is trusted only
		// capitalized: "Rice" the person, "rice" the grain.
		cs := caseSensitive(text) || form == FormSurname ||
			(kind == kg.KindPerson && !strings.ContainsAny(strings.TrimSpace(text), " -"))
		key := Fold(text)
		if cs {
			key = foldCase(text)
		}
		out = append(out, Surface{
			Text: text, Key: key, Kind: kind, Form: form, Ref: ref,
			CaseSensitive: cs, Ambiguous: len(n.get(text)) > 1,
		})
	}
	x := &g.idx
	for _, s := range g.States {
		add(x.stateName, s.Name, kg.KindState, FormName, s.Code)
		if s.Official != "" && Fold(s.Official) != Fold(s.Name) {
			add(x.stateName, s.Official, kg.KindState, FormName, s.Code)
		}
		for _, a := range s.Aliases {
			add(x.stateName, a, kg.KindState, FormAlias, s.Code)
		}
		for _, d := range s.Demonyms {
			add(x.stateDemonym, d, kg.KindState, FormDemonym, s.Code)
		}
		for _, m := range s.metonyms() {
			add(x.stateMetonym, m, kg.KindState, FormMetonym, s.Code)
		}
	}
	for _, in := range g.Institutions {
		add(x.inst, in.Name, kg.KindInstitution, FormName, in.Name)
		for _, a := range in.Aliases {
			add(x.inst, a, kg.KindInstitution, FormAlias, in.Name)
		}
	}
	for _, p := range g.People {
		add(x.person, p.Name, kg.KindPerson, FormName, p.Name)
		for _, a := range p.Aliases {
			add(x.person, a, kg.KindPerson, FormAlias, p.Name)
		}
		aliases := map[string]bool{}
		for _, a := range p.Aliases {
			aliases[Fold(a)] = true
		}
		for _, s := range p.surnames() {
			if !aliases[Fold(s)] {
				add(x.surname, s, kg.KindPerson, FormSurname, p.Name)
			}
		}
	}
	for _, a := range g.Agreements {
		add(x.agreement, a.Name, kg.KindAgreement, FormName, a.Name)
		for _, al := range a.Aliases {
			add(x.agreement, al, kg.KindAgreement, FormAlias, a.Name)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
