package loaders

import (
	"regexp"
	"sort"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

var (
	reQuotedAgreement = regexp.MustCompile(`["“]((?:Treaty|Agreement|Convention|Protocol|Accord|Charter|Pact|Memorandum)\b[^"”]{3,250})["”]`)
	// The word lists are in alphabetical order: Go's parser merges only
	// neighbouring alternatives with a common start, so sorted lists
	// compile into a tree the matcher walks twice as fast. Two words of a
	// list match at one place only when one starts the other ("the", "the
	// two"), and the shorter was first before sorting too, so the order
	// changes no match; keep them sorted.
	reDescribed = regexp.MustCompile(`(?i)\b(?:(a|an|both|her|his|its|that|the|the two|their|these|this|those)\s+)?` +
		`((?:(?:access|accession|arms|association|bilateral|border|boundary|ceasefire|comprehensive|cooperation|defen[cs]e|economic|` +
		`extradition|final|formal|framework|free[- ]trade|friendship|grain|historic|implemented|interim|investment|land|landmark|` +
		`long-discussed|long-term|maritime|migration|military|minerals?|more|multilateral|mutual|new|newly|normali[sz]ation|nuclear|` +
		`original|partnership|peace|protection|reciprocal|revised|security|similar|strategic|sweeping|trade|trilateral|water|withdrawal|` +
		`\d+-year|(?:19|20)\d\d|\(and criticized\)|,)\s+)*)` +
		`(accords?|agreements?|amendments?|arrangement|charter|conventions?|deals?|declaration|document|framework|initiative|` +
		`memorandum|pacts?|partnership|protocols?|road map|roadmap|text|treaties|treaty)\b`)
	reParties     = regexp.MustCompile(`^\s+(?:between|with|among)\s+`)
	reNYear       = regexp.MustCompile(`^\d+-year$`)
	reNYearPrefix = regexp.MustCompile(`^(?:\d+-[Yy]ear|[Nn]ew|[Ll]andmark|[Hh]istoric)\s+`)
)

var genericModifiers = map[string]bool{"new": true, "newly": true, "landmark": true, "historic": true, "long-term": true,
	"long-discussed": true, "sweeping": true, "formal": true, "final": true, "implemented": true, "more": true, ",": true,
	"(and criticized)": true, "bilateral": true, "interim": true, "similar": true, "original": true, "revised": true}

// describedAgreements finds agreements named by description ("a 20-year
// strategic partnership with Russia") or by anaphor ("the accord"). An
// anaphor's entity is filled in later, by recency.
func (a *analysis) describedAgreements(s string, existing []mention) []mention {
	var out []mention
	for _, m := range findAllSubmatchIndex(reDescribed, s, a.fold(s)) {
		start, end := m[0], m[1]
		if overlapsAny(existing, start, end) {
			continue
		}
		det := ""
		if m[2] >= 0 {
			det = strings.ToLower(s[m[2]:m[3]])
		}
		head := strings.ToLower(s[m[6]:m[7]])
		mods := strings.Fields(strings.ToLower(s[m[4]:m[5]]))
		if (head == "document" || head == "text") && det != "the" && det != "this" || head == "text" && !allGeneric(mods) {
			continue // "a document", "the legal text": only "the text" stands for the agreement
		}
		if head == "partnership" && len(mods) == 0 {
			continue // "partnership" alone is a relationship, not an agreement
		}
		desc := describe(mods, head)
		parties := a.partiesAfter(s, end, existing)
		parties = append(parties, a.partiesBefore(s, start, existing)...)
		if len(parties) == 0 {
			parties = pairedStates(s, start, existing)
		}
		definite := det == "the" || det == "this" || det == "that" || det == "its" || det == "their" || det == "both" || det == "the two" || det == "these" || det == "those"
		if definite && desc.year == 0 && len(parties) == 0 {
			out = append(out, mention{Start: start, End: end, Kind: kg.KindAgreement, Form: "anaphor"})
			continue
		}
		if ent := a.resolveDescription(desc, parties, s[start:end]); ent != nil {
			out = append(out, mention{Start: start, End: end, Kind: kg.KindAgreement, Form: "description", Entity: ent})
			continue
		}
		out = append(out, mention{Start: start, End: end, Kind: kg.KindAgreement, Form: "indefinite"})
	}
	return out
}

type description struct {
	typ   string
	year  int
	words []string
	head  string
}

// typeWords say what kind of agreement a description means, which its
// type already scores; its other words are the ones a name must have.
var typeWords = map[string]bool{"free": true, "trade": true, "free-trade": true, "strategic": true, "partnership": true,
	"peace": true, "nuclear": true, "defence": true, "defense": true, "security": true, "military": true, "accession": true}

// nameWords are the description's words that are not type words.
func (d description) nameWords() []string {
	var out []string
	for _, w := range d.words {
		if !typeWords[w] {
			out = append(out, w)
		}
	}
	return out
}

func describe(mods []string, head string) description {
	d := description{head: head}
	joined := " " + strings.Join(mods, " ") + " " + head + " "
	switch {
	case strings.Contains(joined, "free trade") || strings.Contains(joined, "free-trade"):
		d.typ = gazetteer.AgreementFreeTrade
	case strings.Contains(joined, " trade "):
		d.typ = gazetteer.AgreementTrade
	case strings.Contains(joined, "strategic") || strings.Contains(joined, "partnership"):
		d.typ = gazetteer.AgreementStrategicPartnership
	case strings.Contains(joined, "peace"):
		d.typ = gazetteer.AgreementPeace
	case strings.Contains(joined, "nuclear"):
		d.typ = gazetteer.AgreementNuclear
	case strings.Contains(joined, "defence") || strings.Contains(joined, "defense") || strings.Contains(joined, "security") || strings.Contains(joined, "military"):
		d.typ = gazetteer.AgreementDefence
	case strings.Contains(joined, "accession"):
		d.typ = gazetteer.AgreementAccession
	}
	for _, w := range mods {
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
			d.year = atoi(w)
		}
		if !genericModifiers[w] && !reNYear.MatchString(w) && (d.year == 0 || d.year != atoi(w)) {
			d.words = append(d.words, w)
		}
	}
	return d
}

// resolveDescription finds the agreement a description refers to: a known
// agreement between the named (or, failing that, the contextual) parties
// that fits the type and year; else, with two named parties, a new
// agreement named after them; else nil, so that it is read as an anaphor.
func (a *analysis) resolveDescription(d description, parties []string, text string) *kg.Entity {
	g := getMatcher().gaz
	want := dedupe(parties)
	named := len(want) >= 2 // both parties are in the text, not guessed
	// Parties guessed from context are a weak key when nothing else is
	// known: "an accord" in a story about America and Russia is not any
	// pact the two share, only one the story has already named or one
	// whose name has the description's words ("a cooperation plan").
	weak := !named && d.typ == "" && d.year == 0
	if len(want) < 2 && a.contextState != "" {
		want = dedupe(append(want, a.contextState))
	}
	if len(want) < 2 {
		for _, code := range a.topStates(2) {
			if len(want) < 2 {
				want = dedupe(append(want, code))
			}
		}
	}
	year := d.year
	if year == 0 {
		year = a.yearHint
	}
	if len(want) < 2 {
		return a.domesticAgreement(want, d, year, text)
	}
	candidates := g.AgreementsByParties(want, d.typ, year)
	// Between pacts of all the same parties and type, the one whose name
	// has the description's words: "a peace agreement" is the pair's peace
	// agreement before their older protocol or ceasefire.
	for i := range candidates {
		if candidates[i].Coverage == 1 && namedBy(candidates[i].Agreement, append(d.nameWords(), d.head)) {
			candidates[i].Score += 2
		}
	}
	sort.SliceStable(candidates, func(i, j int) bool { return candidates[i].Score > candidates[j].Score })
	if weak {
		if ag := a.weakDescription(candidates, d, year); ag != nil {
			return a.agreementEntity(ag.Name, ag.Wikidata, text)
		}
		return nil
	}
	bare := d.typ == "" && d.year == 0 && len(d.nameWords()) == 0
	var onlyFull *gazetteer.Agreement
	fulls := 0
	for _, m := range candidates {
		if m.Score < 10 {
			break
		}
		if named && m.Coverage < 1 {
			continue // "a treaty between North Korea and Russia" is not Russia's with Belarus
		}
		// A "trade agreement" is often a free-trade one by its full name.
		sameType := d.typ == "" || m.Agreement.Type == d.typ || d.typ == gazetteer.AgreementTrade && m.Agreement.Type == gazetteer.AgreementFreeTrade
		y := yearOfISO(m.Agreement.Signed)
		sameYear := year != 0 && y != 0 && abs(year-y) <= 1
		// A bare "the document" between two states is a pact of theirs
		// of the sentence's year, not whichever the gazetteer lists.
		recentEnough := year == 0 || y == 0 || y <= year+1 && (!bare || abs(year-y) <= 1)
		if (d.year != 0 && sameYear) || (d.year == 0 && sameType && recentEnough) {
			return a.agreementEntity(m.Agreement.Name, m.Agreement.Wikidata, text)
		}
		if named && d.year == 0 && recentEnough {
			onlyFull, fulls = m.Agreement, fulls+1
		}
	}
	// Reporters describe by what strikes them: the one pact between the
	// named parties is meant even when "a mutual defence treaty" does not
	// match the type of its formal name.
	if fulls == 1 {
		return a.agreementEntity(onlyFull.Name, onlyFull.Wikidata, text)
	}
	if named && len(d.words) > 0 {
		return a.agreementEntity(a.partiesName(dedupe(parties))+" "+titleCase(strings.Join(d.words, " ")+" "+d.head), "", text)
	}
	return nil
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func yearOfISO(s string) int {
	if len(s) < 4 {
		return 0
	}
	return atoi(s[:4])
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// weakDescription picks, for a description with neither type nor year and
// parties only guessed from context, the candidate signed in the year the
// sentence is about, else the one whose name has the description's words,
// else one the story has already named.
func (a *analysis) weakDescription(candidates []gazetteer.AgreementMatch, d description, year int) *gazetteer.Agreement {
	tests := []func(ag *gazetteer.Agreement) bool{
		func(ag *gazetteer.Agreement) bool {
			y := yearOfISO(ag.Signed)
			return year != 0 && y != 0 && abs(year-y) <= 1
		},
		func(ag *gazetteer.Agreement) bool { return namedBy(ag, d.words) },
		func(ag *gazetteer.Agreement) bool { return a.entities[kg.EntityID(kg.KindAgreement, ag.Name)] != nil },
	}
	for _, fits := range tests {
		for _, m := range candidates {
			if m.Score >= 10 && fits(m.Agreement) && headNamed(d.head, m.Agreement) {
				return m.Agreement
			}
		}
	}
	return nil
}

// headNamed reports whether a description's head noun suits the
// agreement's name or one of its aliases: "a joint declaration" is not the
// pair's peace agreement.
func headNamed(head string, ag *gazetteer.Agreement) bool {
	for _, n := range append([]string{ag.Name}, ag.Aliases...) {
		if headFits(head, &kg.Entity{Name: n}) {
			return true
		}
	}
	return false
}

// namedBy reports whether every one of words is a word of the agreement's
// name or of one of its aliases.
func namedBy(ag *gazetteer.Agreement, words []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, name := range append([]string{ag.Name}, ag.Aliases...) {
		have := " " + strings.Join(strings.FieldsFunc(gazetteer.Fold(name), func(r rune) bool { return r == ' ' || r == '-' || r == '–' }), " ") + " "
		all := true
		for _, w := range words {
			if !strings.Contains(have, " "+gazetteer.Fold(w)+" ") {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
