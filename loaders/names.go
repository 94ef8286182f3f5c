package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// Untitled people: the gazetteer cannot list every minister, and many
// stories name one only as "China's Wang Wentao" or "signed by Ronald
// Reagan and Mikhail Gorbachev". Two or three capitalized words in those
// slots are read as a person's name unless a word is one that names
// offices, bodies or places.
var (
	rePersonName = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+(?: (?:bin |al-|de |da |van |von )?\p{Lu}[\p{L}'’-]+){1,2}`)
	// "the foreign ministers of Chile and Peru, Ana Ruiz and Luis Soto,":
	// an apposition names the people a plural role stands for.
	reRoleNames = regexp.MustCompile(`\b(?:ministers|leaders|presidents|premiers|envoys|negotiators|ambassadors|delegates|heads of (?:state|government)) of [^,;]{3,60}, (\p{Lu}[\p{L}'’-]+(?: (?:bin |al-|de |da |van |von )?\p{Lu}[\p{L}'’-]+){1,3}),? and (\p{Lu}[\p{L}'’-]+(?: (?:bin |al-|de |da |van |von )?\p{Lu}[\p{L}'’-]+){1,3}),`)
	reByNames   = regexp.MustCompile(`\bby ((?:\p{Lu}[\p{L}'’-]+ ){1,2}\p{Lu}[\p{L}'’-]+)(?: and ((?:\p{Lu}[\p{L}'’-]+ ){1,2}\p{Lu}[\p{L}'’-]+))?`)
)

var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Minister Ministry President Presidential Prime Deputy Secretary General Foreign
		Defence Defense Interior Finance Trade Economy Economic Parliament Parliamentary Assembly National Council
		Supreme Leader House Senate Court Bank Army Navy Air Force Forces Party Government Office Committee
		Commission Agency Service Guard Guards Republic State States Union Federation Kingdom Embassy Security
		Chief Chamber Congress Cabinet Department Authority Organization Organisation Fund United Nations
		Treaty Agreement Accord Pact Deal Convention Protocol Initiative Partnership Summit Palace Square Street
		North South East West Central Gulf Sea Ocean Island Islands City Province Region Airport University
		January February March April May June July August September October November December
		Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those News Times Post
		Daily Press Agency Radio Television TV Reuters Associated International Global World European African
		Asian American Arab Islamic Democratic People's Popular Liberal Conservative Labour Social Green`) {
		notNameWords[w] = true
	}
}

func looksLikeName(words string) bool {
	for _, w := range strings.Fields(words) {
		if notNameWords[strings.TrimRight(w, "'’s")] || notNameWords[w] {
			return false
		}
	}
	return true
}

// untitledPersons finds "China's Wang Wentao" and "by Ronald Reagan and
// Mikhail Gorbachev" in the parts of s that no mention covers yet.
func (a *analysis) untitledPersons(s string, ms []mention, covered []bool) []mention {
	var out []mention
	free := func(start, end int) bool {
		for i := start; i < end; i++ {
			if covered[i] {
				return false
			}
		}
		return true
	}
	person := func(start, end int, country string) {
		name := s[start:end]
		if !looksLikeName(name) || !free(start, end) {
			return
		}
		canonical, wikidata := name, ""
		if p, ok := getMatcher().gaz.Person(name); ok {
			canonical, wikidata, country = p.Name, p.Wikidata, firstNonEmpty(country, p.Country)
		}
		if a.isAuthor(canonical) {
			return
		}
		out = append(out, mention{Start: start, End: end, Kind: kg.KindPerson, Form: "pattern", Country: country,
			Entity: a.entity(kg.KindPerson, canonical, country, wikidata, name)})
	}
	for _, m := range ms {
		if m.Kind != kg.KindState || !m.Possessor || m.Form == gazetteer.FormDemonym {
			continue
		}
		after := m.End + possessiveAt(s, m.End)
		rest := strings.TrimLeft(s[after:], " ")
		if loc := rePersonName.FindStringIndex(rest); loc != nil {
			start := len(s) - len(rest)
			person(start, start+loc[1], m.Country)
		}
	}
	for _, loc := range findAllSubmatchIndex(reRoleNames, s, a.fold(s)) {
		person(loc[2], loc[3], "")
		person(loc[4], loc[5], "")
	}
	for _, loc := range findAllSubmatchIndex(reByNames, s, a.fold(s)) {
		person(loc[2], loc[3], "")
		if loc[4] >= 0 {
			person(loc[4], loc[5], "")
		}
	}
	return out
}
