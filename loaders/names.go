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
	// "Bangladesh's founding leader, Sheikh Mujibur Rahman", "Abiy's
	// predecessor Meles Zenawi", "the two countries' foreign ministers,
	// Ana Ruiz and Luis Soto": a role in lower case, then the names.
	// It is tried only after a role noun (see roleWordEnds): scanning
	// every sentence for it is slow.
	reRoleAppos = regexp.MustCompile(`^s?(?: of [^,;]{3,60})?,? (` + apposName + `)(?:,? and (` + apposName + `))?`)
	reByNames   = regexp.MustCompile(`\bby ((?:\p{Lu}[\p{L}'’-]+ ){1,2}\p{Lu}[\p{L}'’-]+)(?: and ((?:\p{Lu}[\p{L}'’-]+ ){1,2}\p{Lu}[\p{L}'’-]+))?`)
)

const (
	roleNouns = `leader|chief|minister|president|premier|envoy|negotiator|ambassador|head|founder|predecessor|successor|` +
		`spokes(?:man|woman|person)|deputy|commissioner|representative|secretary|counterpart|commander|emir|king`
	apposName = `\p{Lu}[\p{L}'’-]+(?: (?:bin |al-|de |da |van |von )?\p{Lu}[\p{L}'’-]+){1,3}`
)

// honorifics open a name without being part of it.
var honorifics = []string{"Mullah ", "Maulana ", "Mr. ", "Mr ", "Ms. ", "Mrs. ", "Dr. "}

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
		for _, h := range honorifics {
			if strings.HasPrefix(s[start:end], h) && strings.Contains(s[start+len(h):end], " ") {
				start += len(h)
			}
		}
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
		for i := start; i < end; i++ {
			covered[i] = true // the patterns overlap: one reading each
		}
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
	for _, end := range roleWordEnds(s, a.fold(s).text) {
		if loc := reRoleAppos.FindStringSubmatchIndex(s[end:]); loc != nil {
			person(end+loc[2], end+loc[3], "")
			if loc[4] >= 0 {
				person(end+loc[4], end+loc[5], "")
			}
		}
	}
	for _, loc := range findAllSubmatchIndex(reByNames, s, a.fold(s)) {
		person(loc[2], loc[3], "")
		if loc[4] >= 0 {
			person(loc[4], loc[5], "")
		}
	}
	return out
}

// insideLongerName reports a capitalized token that another name word
// joins on either side ("Abdul Ghani Baradar"): one word of a longer name
// is not the person the word alone names.
func insideLongerName(s string, toks []token, i int) bool {
	if i+1 < len(toks) && toks[i+1].upper() && toks[i+1].Start == toks[i].End+1 && !nameStop[toks[i+1].Text] {
		return true
	}
	if i == 0 || !toks[i-1].upper() || toks[i-1].End+1 != toks[i].Start {
		return false
	}
	prev := toks[i-1].Text
	return !nameStop[prev] && !titleStops[prev] && !notNameWords[prev] && i-1 > 0 && !isTitleWord(prev)
}

func isTitleWord(w string) bool {
	switch w {
	case "President", "Premier", "Minister", "Chancellor", "Secretary", "King", "Queen", "Emir", "Sheikh", "Prince",
		"Leader", "Envoy", "Ambassador", "Senator", "Speaker", "Governor", "General", "Mullah", "Ayatollah", "Mr", "Mr.", "Ms.", "Mrs.", "Dr.":
		return true
	}
	return false
}

// personByGivenName finds the one person the document named in full whose
// first name is w: many leaders go by it ("Abiy" for Abiy Ahmed, "Isaias"
// for Isaias Afwerki).
func (a *analysis) personByGivenName(w string) *kg.Entity {
	if isTitleWord(w) || len(w) < 3 {
		return nil
	}
	var found *kg.Entity
	for _, id := range a.order {
		e := a.entities[id]
		if e.Kind != kg.KindPerson {
			continue
		}
		if strings.HasPrefix(e.Name, w) && strings.HasPrefix(e.Name[len(w):], " ") {
			if found != nil && found != e {
				return nil
			}
			found = e
		}
	}
	return found
}

// roleWords are the lower-case role nouns of roleNouns, for a fast scan.
var roleWords = strings.Split(strings.ReplaceAll(roleNouns, "spokes(?:man|woman|person)", "spokesman|spokeswoman|spokesperson"), "|")

// roleWordEnds returns where each role noun written in lower case in s
// ends, found in folded, s folded: "minister" in "the foreign minister,
// Ana Ruiz" (a capitalized "Minister" opens a title, read elsewhere).
func roleWordEnds(s, folded string) []int {
	var out []int
	for _, w := range roleWords {
		for from := 0; ; {
			i := strings.Index(folded[from:], w)
			if i < 0 {
				break
			}
			i += from
			end := i + len(w)
			if s[i] == folded[i] && (i == 0 || !isWordByte(folded[i-1])) && (end == len(folded) || !isWordByte(folded[end]) || folded[end] == 's') {
				out = append(out, end)
			}
			from = end
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80
}
