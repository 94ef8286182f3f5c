package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// A title is a head word ("Minister", "President", "Secretary") with up to
// five modifiers before it ("First Deputy Prime", "Business and Trade",
// "Commission") and an optional portfolio after it ("of Foreign Affairs").
// The modifiers are matched loosely and then trimmed by titleStart, because
// a regexp cannot tell "Business and Trade Secretary" from "Putin and
// Iranian President".
const (
	// The lists are grouped by their first two letters, in the order they
	// had within a group: Go's parser merges only neighbouring alternatives
	// with a common start, so grouped lists compile into a tree the
	// matcher walks much faster. Words that start alike keep their order
	// ("Secretary General" before "Secretary"), so no match changes.
	titleHeads = `Ambassador|Ayatollah|Chancellor|Chair(?:man|woman|person)?|Chief Executive|Commissioner|Crown Prince(?:ss)?|` +
		`Director[- ]General|Director|Emir|Emperor|Envoy|General|Governor|King|Leader|Mayor|Minister|Negotiator|Pope|` +
		`Prime Minister|President|Premier|Prince|Queen|Representative|Secretary[- ]General|Secretary|Senator|Sheikh|Speaker|` +
		`Spokes(?:man|woman|person)|Supreme Leader|Sultan|Taoiseach|Vice[- ]President|` +
		`ambassador|chancellor|commissioner|counterpart|envoy|leader|minister|prime minister|president|secretary|spokes(?:man|woman|person)`
	titleLowerModifiers = `chief|commerce|defen[cs]e|deputy|economy|energy|finance|first|foreign|home|interior|prime|senior|top|trade|vice`
	titlePortfolio      = ` (?:of|for) (?:the )?(?:(?:Foreign|Home|Internal|External|Economic|Veterans|European) Affairs|\p{Lu}\p{L}+(?: (?:and|&) \p{Lu}\p{L}+)?)`
	// No \b after a name word: Go's \b knows only ASCII letters, so it would
	// end "Šefčovič" before its last letter. The particles keep theirs.
	personName = `(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}'’-]*|al-\p{Lu}\p{L}*|(?:bin|da|der|den|de|dos|du|el|ibn|van|von)\b)){0,4}`
)

var reTitlePerson = regexp.MustCompile(`(?:\b(acting|current|ex|former|incoming|interim|late|newly[- ]elected|outgoing|then)[- ])?` +
	`(?:\b(\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)?)(?:'s|’s)\s+)?` +
	`\b((?:(?:\p{Lu}[\p{L}.]*|and|&|` + titleLowerModifiers + `)[ -]){0,5})` +
	`(` + titleHeads + `)(` + titlePortfolio + `)?(,?)\s+(` + personName + `)`)

// titleStops end a title's modifiers when read leftwards: sentence openers
// and function words are not part of anyone's title.
var titleStops = map[string]bool{"When": true, "While": true, "Then": true, "Meanwhile": true, "Earlier": true, "Later": true,
	"Last": true, "Both": true, "Former": true, "Under": true, "Before": true, "During": true, "Since": true, "If": true,
	"Although": true, "Though": true, "Yesterday": true, "Today": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "He": true, "She": true, "They": true, "We": true, "His": true, "Her": true, "Their": true, "Its": true, "Our": true,
	"A": true, "An": true, "Following": true, "With": true, "By": true, "For": true, "From": true, "To": true, "Of": true,
	"Now": true, "So": true, "Still": true, "Even": true, "Only": true, "Why": true, "How": true, "What": true, "Where": true,
	"Once": true, "Until": true, "Because": true, "Speaking": true, "According": true, "Asked": true, "Dear": true, "Mr": true,
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Also": true, "Said": true, "Visiting": true}

// portfolioWords may stand before "and" inside a title ("Business and
// Trade Secretary"); any other word before "and" ends the title, so that
// "Putin and Iranian President X" does not swallow Putin.
var portfolioWords = map[string]bool{"Business": true, "Trade": true, "Commerce": true, "Industry": true, "Energy": true,
	"Climate": true, "Health": true, "Social": true, "Foreign": true, "Home": true, "Culture": true, "Science": true,
	"Technology": true, "Environment": true, "Food": true, "Rural": true, "Housing": true, "Education": true, "Work": true,
	"Digital": true, "Transport": true, "Infrastructure": true, "Development": true, "Agriculture": true, "Finance": true,
	"Economy": true, "Justice": true, "Defence": true, "Defense": true, "Security": true, "Labour": true, "Labor": true,
	"Employment": true, "Innovation": true, "Investment": true, "Planning": true, "Economic": true, "Fisheries": true}

// titlePersons finds people introduced by a title: "Russian President
// Vladimir Putin", "then-Iranian President Mohammad Khatami", "Business and
// Trade Secretary Kemi Badenoch", "his Iranian counterpart, Mohammad Javad
// Zarif".
func (a *analysis) titlePersons(s string) []mention {
	var out []mention
	g := getMatcher().gaz
	for _, m := range findAllSubmatchIndex(reTitlePerson, s, a.fold(s)) {
		head := s[m[8]:m[9]]
		counterpart := head == "counterpart"
		if m[12] < m[13] && !counterpart {
			continue // "the President, Moscow said": a comma ends the title
		}
		nameStart := m[14]
		name := trimName(s[nameStart:m[15]])
		if name == "" {
			continue
		}
		nameEnd := nameStart + len(name)
		start, modStart, country := titleStart(g, s, m[6], m[7])
		if m[4] >= 0 {
			if st, ok := stateNamed(g, s[m[4]:m[5]]); ok {
				country, start = st, m[4]
			}
		}
		if m[2] >= 0 && start <= m[6] {
			start = m[2]
		}
		if counterpart {
			// "Wang Yi and his Iranian counterpart, Zarif, signed": the
			// pronoun belongs to the mention, so that the two coordinate.
			for _, pron := range []string{"his ", "her ", "their ", "its "} {
				if strings.HasSuffix(s[:start], pron) {
					start -= len(pron)
				}
			}
		}
		title := ""
		if !counterpart {
			title = normalizeTitle(s[modStart:m[7]] + head + s[max(m[10], m[9]):max(m[11], m[9])])
		}
		canonical, wikidata := name, ""
		if p, ok := g.Person(name); ok {
			canonical, wikidata = p.Name, p.Wikidata
			if country == "" {
				country = p.Country
			}
		} else if !strings.Contains(name, " ") {
			if p := a.personBySurname(name); p != nil {
				canonical = p.Name
			} else if p, ok := g.PersonBySurname(name); ok {
				canonical, wikidata = p.Name, p.Wikidata
			}
		}
		if a.isAuthor(canonical) {
			continue
		}
		role := title
		if country != "" && role != "" {
			if st, ok := g.StateByCode(country); ok {
				role = title + " of " + st.Name
			}
		}
		ent := a.personEntity(canonical, country, wikidata, name, role)
		out = append(out, mention{Start: start, End: nameEnd, Kind: kg.KindPerson, Form: "title", Country: country, Entity: ent})
	}
	return out
}

// titleStart trims the loosely matched modifiers s[from:to] to those that
// belong to the title, reading leftwards from the head. It returns where a
// demonym or state name that qualifies the title starts ("Russian", "South
// Korean", "U.S."), with its code, and where the title's own words start.
func titleStart(g *gazetteer.Gazetteer, s string, from, to int) (qualifier, title int, country string) {
	words := titleWordSpans(s, from, to)
	start := to
	for i := len(words) - 1; i >= 0; i-- {
		w := s[words[i][0]:words[i][1]]
		if i > 0 {
			pair := s[words[i-1][0]:words[i][1]]
			if code, ok := stateNamed(g, pair); ok {
				return words[i-1][0], start, code
			}
		}
		if code, ok := stateNamed(g, w); ok {
			return words[i][0], start, code
		}
		if titleStops[w] || nameStop[w] {
			break
		}
		if w == "and" || w == "&" {
			if i == 0 || start == to || !portfolioWords[s[words[i-1][0]:words[i-1][1]]] {
				break
			}
		}
		start = words[i][0]
	}
	return start, start, ""
}

func titleWordSpans(s string, from, to int) [][2]int {
	var spans [][2]int
	i := from
	for i < to {
		for i < to && (s[i] == ' ' || s[i] == '-') {
			i++
		}
		j := i
		for j < to && s[j] != ' ' && s[j] != '-' {
			j++
		}
		if j > i {
			spans = append(spans, [2]int{i, j})
		}
		i = j
	}
	return spans
}

// stateNamed reads s as a state's name or demonym and returns its code.
func stateNamed(g *gazetteer.Gazetteer, s string) (string, bool) {
	if st, ok := g.StateByDemonym(s); ok {
		return st.Code, true
	}
	if st, ok := g.StateByName(s); ok {
		return st.Code, true
	}
	return "", false
}
