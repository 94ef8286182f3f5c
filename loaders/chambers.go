package loaders

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// genericBodies are chamber names many states share, with the kind of
// chamber each is. Read bare ("the Senate"), one names the chamber of the
// state the story is about, and a state the gazetteer does not know the
// chambers of gets one named in the same style ("Senate of Honduras").
var genericBodies = map[string]string{
	"senate": "upper", "house of lords": "upper",
	"house of commons": "lower", "national assembly": "lower", "house of representatives": "lower",
	"chamber of deputies": "lower", "chamber of representatives": "lower",
	"congress": "legislature", "national congress": "legislature", "parliament": "legislature",
}

var reNameGoesOn = regexp.MustCompile(`^(?:\s+of\b|\s+\p{Lu}|-)`)

// bareBody reports a generic chamber name that stands alone after "the"
// ("the Senate approved"), not one that opens a longer proper name ("the
// Senate Foreign Relations Committee", "the National Assembly of Kenya").
func bareBody(s string, start, end int) bool {
	return strings.HasSuffix(strings.ToLower(s[:start]), "the ") && !reNameGoesOn.MatchString(s[end:])
}

// bodyCandidates are the states a bare chamber name may belong to, most
// likely first: those named earlier in the sentence, nearest first ("In
// Washington, the Senate"; "Trump signed it after it cleared Congress"),
// then the state of the sentences before. ms is in the order the finders
// ran, not the text's.
func (a *analysis) bodyCandidates(ms []mention, at int, sentenceState string) []string {
	var before []mention
	for _, m := range ms {
		if m.End <= at && m.Country != "" {
			before = append(before, m)
		}
	}
	slices.SortStableFunc(before, func(x, y mention) int { return y.End - x.End })
	var out []string
	for _, m := range before {
		if !slices.Contains(out, m.Country) {
			out = append(out, m.Country)
		}
	}
	for _, c := range []string{sentenceState, a.contextState} {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// localBody resolves a generic chamber name among candidate states: the
// first that has a chamber of that name; unless strict, then the first
// that has a chamber of that kind, or a state whose legislature the
// gazetteer does not know, which gets "Senate of X".
func (a *analysis) localBody(noun string, cands []string, strict bool) (mention, bool) {
	g := getMatcher().gaz
	key := gazetteer.Fold(noun)
	chamber := genericBodies[key]
	for _, c := range cands {
		for _, in := range g.Institutions {
			if in.Country == c && strings.Contains(gazetteer.Fold(in.Name), key) && in.Type != gazetteer.TypeNewsAgency {
				return mention{Kind: kg.KindInstitution, Form: "pattern", Country: c, Entity: a.institutionEntity(in, noun)}, true
			}
		}
		if in, ok := g.LegislatureOf(c); ok && chamber == "legislature" {
			return mention{Kind: kg.KindInstitution, Form: "pattern", Country: c, Entity: a.institutionEntity(in, noun)}, true
		}
	}
	if strict || len(cands) == 0 {
		return mention{}, false
	}
	for _, c := range cands {
		if in, ok := g.Chamber(c, chamber); ok {
			return mention{Kind: kg.KindInstitution, Form: "pattern", Country: c, Entity: a.institutionEntity(in, noun)}, true
		}
	}
	c := cands[0]
	st, ok := g.StateByCode(c)
	if !ok {
		return mention{}, false
	}
	if in, ok := g.LegislatureOf(c); ok {
		if chamber == "legislature" || in.Unicameral || !hasChambers(g, c) {
			return mention{Kind: kg.KindInstitution, Form: "pattern", Country: c, Entity: a.institutionEntity(in, noun)}, true
		}
		return mention{}, false
	}
	name := titleWords(noun) + " of " + st.Name
	return mention{Kind: kg.KindInstitution, Form: "pattern", Country: c, Entity: a.entity(kg.KindInstitution, name, c, "", noun)}, true
}

func hasChambers(g *gazetteer.Gazetteer, country string) bool {
	_, lower := g.Chamber(country, "lower")
	_, upper := g.Chamber(country, "upper")
	return lower || upper
}

// titleWords capitalizes a chamber name's words but "of": "House of
// Representatives".
func titleWords(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if w != "of" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
