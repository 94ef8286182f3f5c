package loaders

import (
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// preferFullNames renames an agreement the document also calls by a fuller
// official name that the gazetteer knows as its own: a story that spells
// out "the Agreement for Bringing Peace to Afghanistan" is about that,
// whatever the short name ("Doha Agreement") the gazetteer files it under.
// A long form that only reorders the short name's words ("Treaty on
// Comprehensive Strategic Partnership between Russia and Iran") adds
// nothing, and the short name stays. Events are updated to the new IDs.
func (a *analysis) preferFullNames(events []kg.Event) {
	g := getMatcher().gaz
	renamed := map[string]string{}
	for _, id := range a.order {
		e := a.entities[id]
		if e.Kind != kg.KindAgreement {
			continue
		}
		ag, ok := g.Agreement(e.Name)
		if !ok {
			continue
		}
		full := ""
		for _, al := range e.Aliases {
			if other, ok := g.Agreement(al); !ok || other != ag || !fuller(al, e.Name) || full != "" && len(al) <= len(full) {
				continue
			}
			full = al
		}
		if full == "" {
			continue
		}
		full = strings.TrimPrefix(strings.TrimPrefix(full, "the "), "The ")
		newID := kg.EntityID(kg.KindAgreement, full)
		if a.entities[newID] != nil {
			continue
		}
		e.Aliases = append(removeFold(e.Aliases, full), e.Name)
		e.Name, e.ID = full, newID
		a.entities[newID] = e
		delete(a.entities, id)
		renamed[id] = newID
	}
	if len(renamed) == 0 {
		return
	}
	for i, id := range a.order {
		if n, ok := renamed[id]; ok {
			a.order[i] = n
		}
	}
	for i := range events {
		for j, p := range events[i].Participants {
			if n, ok := renamed[p.EntityID]; ok {
				events[i].Participants[j].EntityID = n
			}
		}
	}
}

// fuller reports whether long is an official-looking form of short that
// adds words of its own: in title case, longer, with a content word short
// lacks. "Paris climate agreement" is a description, not a title.
func fuller(long, short string) bool {
	lw, sw := nameWords(long), nameWords(short)
	if len(lw) <= len(sw) || !titled(long) {
		return false
	}
	have := map[string]bool{}
	for _, w := range sw {
		have[w] = true
	}
	for _, w := range lw {
		if !have[w] {
			return true
		}
	}
	return false
}

var nameStopWords = map[string]bool{"the": true, "of": true, "on": true, "for": true, "to": true, "and": true,
	"between": true, "under": true, "in": true, "a": true, "an": true}

// nameWords are the folded content words of a name.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(gazetteer.Fold(name), func(r rune) bool { return r == ' ' || r == '-' || r == '–' }) {
		if !nameStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

func removeFold(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if gazetteer.Fold(x) != gazetteer.Fold(s) {
			out = append(out, x)
		}
	}
	return out
}

// nameLower are prepositions official titles leave in lower case.
var nameLower = map[string]bool{"beyond": true, "within": true, "among": true, "against": true, "concerning": true,
	"regarding": true, "relating": true, "through": true, "into": true, "under": true, "between": true}

// titled reports whether every word of a name but its joiners is
// capitalized.
func titled(name string) bool {
	for _, w := range strings.Fields(name) {
		if !nameStopWords[w] && !titleCaseLower[w] && !nameLower[w] && strings.ToLower(w[:1]) == w[:1] && (w[0] < '0' || w[0] > '9') {
			return false
		}
	}
	return true
}
