package loaders

import (
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

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

// noteCountries records the states and organizations a sentence names in
// any way: "Japanese and British forces" make Japan and Britain parties a
// bare "Reciprocal Access Agreement" can be between.
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
