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
	reDescribed       = regexp.MustCompile(`(?i)\b(?:(a|an|the|this|that|its|their|his|her|both|the two|these|those)\s+)?((?:(?:similar|original|revised|new|newly|landmark|historic|long-term|long-discussed|sweeping|bilateral|trilateral|multilateral|comprehensive|strategic|partnership|free[- ]trade|trade|defen[cs]e|security|peace|nuclear|cooperation|economic|military|mutual|minerals?|grain|framework|accession|formal|final|interim|implemented|more|investment|protection|land|boundary|border|maritime|water|ceasefire|association|normali[sz]ation|friendship|reciprocal|access|withdrawal|arms|extradition|migration|\d+-year|(?:19|20)\d\d|\(and criticized\)|,)\s+)*)(treaty|treaties|agreements?|deals?|pacts?|accords?|partnership|document|protocols?|conventions?|arrangement|roadmap|road map|initiative|charter|declaration|memorandum|framework|amendments?|text)\b`)
	reParties         = regexp.MustCompile(`^\s+(?:between|with|among)\s+`)
	reNYear           = regexp.MustCompile(`^\d+-year$`)
	reNYearPrefix     = regexp.MustCompile(`^(?:\d+-[Yy]ear|[Nn]ew|[Ll]andmark|[Hh]istoric)\s+`)
)

var genericModifiers = map[string]bool{"new": true, "newly": true, "landmark": true, "historic": true, "long-term": true,
	"long-discussed": true, "sweeping": true, "formal": true, "final": true, "implemented": true, "more": true, ",": true,
	"(and criticized)": true, "bilateral": true, "interim": true, "similar": true, "original": true, "revised": true}

// namedAgreements finds agreements called by a proper name.
func (a *analysis) namedAgreements(s string) []mention {
	var out []mention
	for _, m := range findAllSubmatchIndex(reQuotedAgreement, s, a.fold(s)) {
		name := strings.TrimRight(s[m[2]:m[3]], " ,.")
		out = append(out, mention{Start: m[0], End: m[1], Kind: kg.KindAgreement, Form: "name", Entity: a.resolveNamedAgreement(name, s)})
	}
	for _, span := range namedSpans(s) {
		span = widestKnown(s, span)
		text := s[span[0]:span[1]]
		out = append(out, mention{Start: span[0], End: span[1], Kind: kg.KindAgreement, Form: "name", Entity: a.resolveNamedAgreement(text, s)})
	}
	return out
}

// widestKnown widens a name's span to a gazetteer agreement's name that
// covers it: the pattern stops at "from" in "the Initiative on the Safe
// Transportation of Grain and Foodstuffs from Ukrainian Ports", and starts
// at "Montreal" in "the Kigali Amendment to the Montreal Protocol".
func widestKnown(s string, span [2]int) [2]int {
	mt := getMatcher()
	toks := tokenize(s)
	first := -1
	for k, t := range toks {
		if t.Start == span[0] {
			first = k
			break
		}
	}
	if first < 0 {
		return span
	}
	best := span
	for k := max(0, first-8); k <= first; k++ {
		surfaces, n := mt.longest(s, toks, k)
		if n == 0 || toks[k+n-1].End < span[1] || !toks[k].upper() {
			continue
		}
		for _, sf := range surfaces {
			if sf.Kind == kg.KindAgreement && toks[k+n-1].End-toks[k].Start > best[1]-best[0] {
				best = [2]int{toks[k].Start, toks[k+n-1].End}
			}
		}
	}
	return best
}

func capitalizedWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if w != "" && strings.ToUpper(w[:1]) == w[:1] && strings.ToLower(w[:1]) != w[:1] {
			n++
		}
	}
	return n
}

// resolveNamedAgreement maps a proper name to the gazetteer's canonical
// agreement: one known by that name, or by a longer name or alias that
// contains it and involves states the document (or sentence s) mentions.
// A name that ran on into a place ("Abraham Accords on the South Lawn of
// the White House") is cut back at its joiners until a known one remains.
func (a *analysis) resolveNamedAgreement(name, s string) *kg.Entity {
	for cand := name; cand != ""; cand = cutAtLastJoiner(cand) {
		if ag := a.knownAgreement(cand, s); ag != nil {
			return a.agreementEntity(ag.Name, ag.Wikidata, name)
		}
	}
	return a.agreementEntity(withoutVenue(name), "", name)
}

// withoutVenue drops a trailing "in Moscow" or "at the Kremlin" that a name
// ran on into: where it was signed is not part of what it is called, nor
// is a party it was signed "with".
func withoutVenue(name string) string {
	g := getMatcher().gaz
	for _, j := range []string{" in ", " at ", " with "} {
		i := strings.LastIndex(name, j)
		if i <= 0 {
			continue
		}
		venue := name[i+len(j):] // or, after "with", a party: "the Partnership Agreement with Armenia"
		if _, ok := g.StateByMetonym(venue); ok {
			return name[:i]
		}
		if _, ok := g.StateByName(venue); ok {
			return name[:i]
		}
	}
	return name
}

// knownAgreement finds the one gazetteer agreement a name stands for, or nil.
func (a *analysis) knownAgreement(name, s string) *gazetteer.Agreement {
	mt := getMatcher()
	if ag, ok := mt.gaz.Agreement(name); ok {
		return ag
	}
	key := gazetteer.Fold(name)
	if len(strings.Fields(key)) < 2 {
		return nil
	}
	var best *gazetteer.Agreement
	bestSeen, tie := 0, false
	for i, ag := range mt.gaz.Agreements {
		if !containsAny(mt.agreementNames[i], key) || !a.involvesSeenStates(ag, s) {
			continue
		}
		// The pact of the most parties named wins: in a story of
		// Japanese and British forces, Japan's pact with Britain.
		switch n := a.seenParties(ag, s); {
		case best == nil || n > bestSeen:
			best, bestSeen, tie = ag, n, false
		case n == bestSeen && ag != best:
			tie = true
		}
	}
	if tie {
		return nil // two candidates: keep the text's own name
	}
	return best
}

func containsAny(names []string, key string) bool {
	for _, n := range names {
		if strings.Contains(n, key) {
			return true
		}
	}
	return false
}

// cutAtLastJoiner drops the last "on/of/with/in/at/between …" phrase of a
// name, or returns "" when there is none left to drop.
func cutAtLastJoiner(name string) string {
	best := -1
	for _, j := range []string{" on ", " of ", " with ", " in ", " at ", " between ", " for "} {
		if i := strings.LastIndex(name, j); i > best {
			best = i
		}
	}
	if best <= 0 {
		return ""
	}
	return strings.TrimSpace(name[:best])
}

// involvesSeenStates reports whether the document so far, or the sentence
// being read, names the agreement's parties (two of them, or its only one).
func (a *analysis) involvesSeenStates(ag *gazetteer.Agreement, s string) bool {
	return a.seenParties(ag, s) >= min(2, len(ag.Parties))
}

// seenParties counts the agreement's parties that the document so far, or
// the sentence being read, names.
func (a *analysis) seenParties(ag *gazetteer.Agreement, s string) int {
	g := getMatcher().gaz
	n := 0
	for _, p := range ag.Parties {
		if a.statesSeen[p] > 0 || a.countriesSeen[p] {
			n++
			continue
		}
		if st, ok := g.StateByCode(p); ok && st.Name != "" && strings.Contains(s, st.Name) {
			n++
		} else if !ok && orgInSentence(p, s) {
			n++
		}
	}
	return n
}

// orgInSentence reports whether s names the organization p, by its name,
// an alias, or one of its organs ("the European Parliament" for the EU).
func orgInSentence(p, s string) bool {
	g := getMatcher().gaz
	for _, in := range g.Institutions {
		if in.Name != p && in.Parent != p {
			continue
		}
		for _, n := range append([]string{in.Name}, in.Aliases...) {
			if len(n) > 2 && strings.Contains(s, n) {
				return true
			}
		}
	}
	return false
}

// noteCountries records the states (and organizations) a sentence names in any way: "Japanese
// and British forces" make Japan and Britain parties a bare "Reciprocal
// Access Agreement" can be between.
func (a *analysis) noteCountries(ms []mention) {
	if a.headline {
		return
	}
	for _, m := range ms {
		if m.Kind == kg.KindAgreement {
			continue
		}
		if a.countriesSeen == nil {
			a.countriesSeen = map[string]bool{}
		}
		if m.Country != "" {
			a.countriesSeen[m.Country] = true
		}
		if m.Kind == kg.KindInstitution && m.Entity != nil {
			// The European Union is a party in its own right, and the
			// European Parliament names it.
			for in, ok := getMatcher().gaz.InstitutionByName(m.Entity.Name); ok && in.Type == gazetteer.TypeOrganization; in, ok = getMatcher().gaz.InstitutionByName(in.Parent) {
				a.countriesSeen[in.Name] = true
			}
		}
	}
}

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

// partiesAfter reads "between Iran and the EAEU" / "with Russia" after a
// description: the states and organizations named there.
func (a *analysis) partiesAfter(s string, end int, ms []mention) []string {
	loc := reParties.FindStringIndex(s[end:])
	if loc == nil {
		return nil
	}
	from := end + loc[1]
	stop := from + 90
	if j := strings.IndexAny(s[from:], ".;—–"); j >= 0 && from+j < stop {
		stop = from + j
	}
	return partiesIn(ms, from, stop)
}

// pairedStates reads the parties of an agreement described without them
// from states coordinated earlier in the sentence: in "the foreign ministers
// of Chile and Peru initialled a peace agreement", the pair is who the
// agreement binds, more surely than whatever state the story named last.
func pairedStates(s string, before int, existing []mention) []string {
	var ms []mention // existing is in the order the finders ran
	for _, m := range existing {
		if m.End <= before {
			ms = append(ms, m)
		}
	}
	sortMentions(ms)
	var run []string
	prev := -1
	for i, m := range ms {
		if m.Kind != kg.KindState || m.Entity == nil || m.Country == "" {
			continue
		}
		if prev >= 0 && coordinated(s[ms[prev].End:m.Start]) && len(run) > 0 {
			run = append(run, m.Country)
		} else if len(run) >= 2 {
			return dedupe(run)
		} else {
			run = []string{m.Country}
		}
		prev = i
	}
	if len(dedupe(run)) >= 2 {
		return dedupe(run)
	}
	return nil
}

// partiesBefore reads "Iran-Russia", "Russian-Iranian" or "EU–Mercosur"
// just before it: states, or organizations that are parties themselves.
func (a *analysis) partiesBefore(s string, start int, ms []mention) []string {
	var parties []string
	pos := start
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.End > pos || pos-m.End > 6 || (m.Kind != kg.KindState && m.Kind != kg.KindInstitution) || partyOf(m) == "" { // 6: a dash is three bytes, a possessive's two
			continue
		}
		// "the EU's trade deal with Japan": the possessor is a party.
		if gap := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s[m.End:pos]), "'s"), "’s"); strings.Trim(gap, " -–—/") != "" {
			break
		}
		parties = append(parties, partyOf(m))
		pos = m.Start
	}
	return parties
}

func partiesIn(ms []mention, from, to int) []string {
	var parties []string
	for _, m := range ms {
		if m.Start >= from && m.End <= to && (m.Kind == kg.KindState || m.Kind == kg.KindInstitution || m.Kind == kg.KindPlace) {
			if p := partyOf(m); p != "" {
				parties = append(parties, p)
			}
		}
	}
	return parties
}

// partyOf is a state's code, or an organization's canonical name.
func partyOf(m mention) string {
	if m.Kind == kg.KindInstitution && m.Entity != nil {
		if in, ok := getMatcher().gaz.InstitutionByName(m.Entity.Name); ok && in.Type == gazetteer.TypeOrganization {
			return in.Name
		}
	}
	return m.Country
}

func overlapsAny(ms []mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
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
		if (d.year != 0 && sameYear) || (d.year == 0 && sameType && (year == 0 || y == 0 || y <= year+1)) {
			return a.agreementEntity(m.Agreement.Name, m.Agreement.Wikidata, text)
		}
		if named && d.year == 0 && (year == 0 || y == 0 || y <= year+1) {
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

func (a *analysis) partiesName(parties []string) string {
	g := getMatcher().gaz
	names := make([]string, len(parties))
	for i, p := range parties {
		names[i] = p
		if st, ok := g.StateByCode(p); ok {
			names[i] = st.Name
		}
	}
	return strings.Join(names, "–")
}

// topStates returns the codes of the states the document mentions most.
func (a *analysis) topStates(n int) []string {
	var codes []string
	for c := range a.statesSeen {
		codes = append(codes, c)
	}
	for i := 1; i < len(codes); i++ {
		for j := i; j > 0 && (a.statesSeen[codes[j]] > a.statesSeen[codes[j-1]] ||
			a.statesSeen[codes[j]] == a.statesSeen[codes[j-1]] && codes[j] < codes[j-1]); j-- {
			codes[j], codes[j-1] = codes[j-1], codes[j]
		}
	}
	if len(codes) > n {
		codes = codes[:n]
	}
	return codes
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

// reAccession reads a state joining an organization as an agreement of its
// own, named as encyclopedias name it: "Accession of Finland to NATO".
var reAccession = regexp.MustCompile(`(?i)\b(accession|membership|member|bid to join|application to join|application for membership|(?:membership )?(?:bid|application|candidacy))\b(?:\s+(?:to|in|into|of))?\s*`)

var reWhose = regexp.MustCompile(`^,\s*whose\s+(?:\w+\s+)?$`)

// accessions finds "Finland's accession to NATO", "Sweden's NATO
// membership", "Sweden's bid to join NATO".
func (a *analysis) accessions(s string, ms []mention) []mention {
	var out []mention
	for _, loc := range findAllSubmatchIndex(reAccession, s, a.fold(s)) {
		var state, org *mention
		for i := range ms {
			m := &ms[i]
			switch {
			case m.Kind == kg.KindState && m.Possessor && m.End <= loc[2] && loc[2]-m.End <= 20:
				state = m
			case m.Kind == kg.KindState && m.End <= loc[2] && reWhose.MatchString(s[m.End:loc[2]]):
				state = m // "Montenegro, whose accession took effect in 2017"
			case m.Kind == kg.KindInstitution && m.Entity != nil && a.isOrganization(m.Entity) &&
				(m.Start >= loc[1] && m.Start-loc[1] <= 4 || m.End <= loc[2] && loc[2]-m.End <= 2):
				org = m
			}
		}
		word := strings.ToLower(s[loc[2]:loc[3]])
		if word == "member" {
			// "became the 30th member of NATO" says what the story's
			// states join, and is no agreement itself.
			if org != nil && org.Start >= loc[1] {
				a.accessionOrg = orgShortName(org.Entity)
			}
			continue
		}
		bare := !strings.Contains(word, "accession") && !strings.Contains(word, "membership") && !strings.Contains(word, "join")
		if bare && (state == nil || org == nil && a.accessionOrg == "") {
			continue // "an application" alone is a membership only as "Sweden's application" in a story about joining
		}
		orgName := a.accessionOrg
		if org != nil {
			orgName = orgShortName(org.Entity)
			if surface := s[org.Start:org.End]; len(surface) <= 6 && strings.ToUpper(surface) == surface {
				orgName = surface
			}
			a.accessionOrg = orgName
		}
		if orgName == "" {
			continue
		}
		if state != nil && state.Entity != nil {
			end := loc[3]
			if org != nil {
				end = max(end, org.End)
			}
			name := "Accession of " + state.Entity.Name + " to " + orgName
			out = append(out, mention{Start: loc[2], End: end, Kind: kg.KindAgreement, Form: "accession",
				Entity: a.agreementEntity(name, "", s[loc[2]:end])})
			continue
		}
		// "the membership of both Sweden and Finland": one accession each,
		// at each state's name.
		for _, st := range statesAfter(s, loc[1], ms) {
			name := "Accession of " + st.Entity.Name + " to " + orgName
			out = append(out, mention{Start: st.Start, End: st.End, Kind: kg.KindAgreement, Form: "accession",
				Entity: a.agreementEntity(name, "", s[loc[2]:st.End])})
		}
	}
	return out
}

// statesAfter collects the coordinated states that start at offset from,
// after an optional "both".
func statesAfter(s string, from int, ms []mention) []mention {
	var out []mention
	prevEnd := from
	for _, m := range ms {
		if m.Start < from {
			continue
		}
		gap := s[prevEnd:m.Start]
		if m.Kind != kg.KindState || m.Entity == nil ||
			!(len(out) == 0 && (strings.TrimSpace(gap) == "" || strings.TrimSpace(gap) == "both") || len(out) > 0 && coordinated(gap)) {
			break
		}
		out = append(out, m)
		prevEnd = m.End
	}
	return out
}

// orgShortName prefers an organization's acronym ("NATO") when it has one,
// as titles of accession articles do.
func orgShortName(e *kg.Entity) string {
	for _, al := range append([]string{e.Name}, e.Aliases...) {
		if len(al) >= 2 && len(al) <= 6 && strings.ToUpper(al) == al {
			return al
		}
	}
	if in, ok := getMatcher().gaz.InstitutionByName(e.Name); ok {
		for _, al := range in.Aliases {
			if len(al) >= 2 && len(al) <= 6 && strings.ToUpper(al) == al {
				return al
			}
		}
	}
	return e.Name
}

var agreementHeads = map[string]bool{"Treaty": true, "Agreement": true, "Accord": true, "Accords": true, "Pact": true,
	"Convention": true, "Protocol": true, "Charter": true, "Partnership": true, "Initiative": true, "Deal": true,
	"Framework": true, "Memorandum": true, "Action": true, "Declaration": true}

var nameJoiners = map[string]bool{"of": true, "on": true, "for": true, "and": true, "the": true, "between": true, "in": true, "to": true, "with": true}

var leftJoiners = map[string]bool{"of": true, "and": true, "on": true, "for": true}

// namedSpans finds proper names of agreements: capitalized words around a
// head noun ("Comprehensive Strategic Partnership Treaty", "Treaty on the
// Basis for Mutual Relations…"), with at least two capitalized words, so
// that a sentence-initial "The Treaty" is not a name.
func namedSpans(s string) [][2]int {
	toks := tokenize(s)
	var spans [][2]int
	capital := func(t token) bool { return t.upper() && !nameStop[t.Text] && t.Text != "'s" }
	for i := 0; i < len(toks); i++ {
		if !agreementHeads[toks[i].Text] {
			continue
		}
		lo := i
		for lo > 0 {
			prev := toks[lo-1]
			if capital(prev) && prev.Text != "The" && possessiveAt(s, prev.End) == 0 || reNYear.MatchString(strings.ToLower(prev.Text)) {
				lo--
				continue
			}
			if leftJoiners[prev.Text] && lo >= 2 && capital(toks[lo-2]) && toks[lo-2].Text != "The" {
				lo -= 2
				continue
			}
			break
		}
		hi := i
		for j := i + 1; j < len(toks); j++ {
			t := toks[j]
			if strings.TrimSpace(s[toks[j-1].End:t.Start]) != "" {
				break // punctuation ends a name
			}
			if capital(t) && hi > i {
				hi = j // inside "on the Basis for Mutual Relations"
				continue
			}
			if capital(t) && (j > i+1 || agreementHeads[t.Text]) {
				hi = j // "Partnership Agreement": a head may close the name
				continue
			}
			if t.Text == "and" && agreementHeads[toks[j-1].Text] {
				break // "the Fisheries Agreement and the Investment Agreement" are two
			}
			if nameJoiners[t.Text] && j+1 < len(toks) && (capital(toks[j+1]) || toks[j+1].Text == "the") {
				continue
			}
			break
		}
		for lo < i && nameJoiners[toks[lo].Text] {
			lo++
		}
		for lo < i && reNYearPrefix.MatchString(toks[lo].Text+" ") {
			lo++
		}
		words := 0
		for k := lo; k <= hi; k++ {
			if capital(toks[k]) {
				words++
			}
		}
		if words < 2 {
			continue
		}
		spans = append(spans, [2]int{toks[lo].Start, toks[hi].End})
		i = hi
	}
	return spans
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
			if m.Score >= 10 && fits(m.Agreement) {
				return m.Agreement
			}
		}
	}
	return nil
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

// allGeneric reports whether every modifier is one that any agreement may
// take: "the new text" is the agreement, "the legal text" is not.
func allGeneric(mods []string) bool {
	for _, w := range mods {
		if !genericModifiers[w] {
			return false
		}
	}
	return true
}

// domesticAgreement finds, for a typed description with one state as its
// only known party ("a peace agreement with the FARC" in a story about
// Colombia), the one agreement of that type that the gazetteer gives that
// state alone: a government's accord with rebels, whose other party is no
// state. It returns nil when none or several fit.
func (a *analysis) domesticAgreement(want []string, d description, year int, text string) *kg.Entity {
	if len(want) != 1 || d.typ == "" {
		return nil
	}
	var found *gazetteer.Agreement
	for _, m := range getMatcher().gaz.AgreementsByParties(want, d.typ, year) {
		ag := m.Agreement
		y := yearOfISO(ag.Signed)
		if m.Coverage < 1 || len(ag.Parties) != 1 || ag.Type != d.typ || year != 0 && y != 0 && abs(year-y) > 1 {
			continue
		}
		if found != nil {
			return nil
		}
		found = ag
	}
	if found == nil {
		return nil
	}
	return a.agreementEntity(found.Name, found.Wikidata, text)
}
