package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

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
		if state == nil && lastWordOf(s[:loc[2]]) == "its" {
			state = subjectState(ms, loc[2]) // "Finland became a member after Turkey's parliament approved its bid"
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
	return append(out, a.joinings(s, ms)...)
}

var (
	reJoin = regexp.MustCompile(`(?i)\bjoin(?:s|ed|ing)?\b`)
	// reJoinWish is a wish or a right to join, not a joining: "applied
	// to join", "its bid to join".
	reJoinWish = regexp.MustCompile(`(?i)\b(?:bids?|applications?|appl(?:y|ies|ied|ying)|requests?|requested|decisions?|decided|decides|plans?|planned|hopes?|hoped|seeks?|sought|wants?|wanted|aims?|aimed|desire|efforts?|drive|push|quest|ambitions?|invited|invitations?|eligible|right|way|path|road|refused|declined)\s+to\s+(?:\w+ly\s+)?$`)
	// reJoinSubjectGap is what may stand between a state and its joining:
	// modals, auxiliaries and adverbs.
	reJoinSubjectGap = regexp.MustCompile(`^(?:\s+(?:could|would|will|can|may|might|should|shall|must|is|was|are|were|has|have|had|be|been|then|now|also|finally|soon|expected|set|due|able|ready|going|to|\w+ly))*\s+$`)
	// reJoinIntransitive is what may follow "join" when the organization
	// is understood: a time, a condition, the end of the clause.
	reJoinIntransitive = regexp.MustCompile(`(?i)^\s*(?:[,.;:]|$|within|in|on|at|by|next|later|this|last|soon|early|late|after|before|once|when|as soon|immediately|shortly)`)
)

// joinings reads "Finland joined NATO" and, in a story about one
// organization's enlargement, "Sweden could then formally join within
// days" as the accession of the state: a mention at the state's name,
// which the join trigger takes for its subject.
func (a *analysis) joinings(s string, ms []mention) []mention {
	var out []mention
	for _, loc := range findAllIndex(reJoin, s, a.fold(s)) {
		if reJoinWish.MatchString(s[max(0, loc[0]-40):loc[0]]) {
			continue
		}
		var org, state *mention
		for i := range ms {
			m := &ms[i]
			switch {
			case m.Kind == kg.KindInstitution && m.Entity != nil && a.isOrganization(m.Entity) && m.Start >= loc[1] && m.Start-loc[1] <= 5:
				org = m
			case m.Kind == kg.KindState && m.Entity != nil && !m.Possessor && !nonAgentPreps[m.Prep] && !locativePreps[m.Prep] &&
				m.End <= loc[0] && reJoinSubjectGap.MatchString(s[m.End:loc[0]]) && (state == nil || m.End > state.End):
				state = m
			}
		}
		orgName := a.accessionOrg
		if org != nil {
			orgName = orgShortName(org.Entity)
			if surface := s[org.Start:org.End]; len(surface) <= 6 && strings.ToUpper(surface) == surface {
				orgName = surface
			}
		} else if !reJoinIntransitive.MatchString(s[loc[1]:]) {
			continue // "joined the talks": something else is joined
		}
		if state == nil || orgName == "" {
			continue
		}
		name := "Accession of " + state.Entity.Name + " to " + orgName
		out = append(out, mention{Start: state.Start, End: state.End, Kind: kg.KindAgreement, Form: "accession",
			Entity: a.agreementEntity(name, "", s[state.Start:loc[1]])})
	}
	return out
}

// joined is the accession a join trigger reports: the one joinings read
// at the state just before it, or nil.
func joined(s string, t trigger, ms []mention) *kg.Entity {
	if reJoinWish.MatchString(s[max(0, t.Start-40):t.Start]) {
		return nil
	}
	for _, m := range ms {
		if m.Kind == kg.KindAgreement && m.Form == "accession" && m.Entity != nil && m.End <= t.Start && reJoinSubjectGap.MatchString(s[m.End:t.Start]) {
			return m.Entity
		}
	}
	return nil
}

// subjectState is the sentence's first state before offset at that is no
// preposition's object: the subject "its" most likely points back to.
func subjectState(ms []mention, at int) *mention {
	var first *mention // ms is in the order the finders ran
	for i := range ms {
		m := &ms[i]
		if m.Start < at && (first == nil || m.Start < first.Start) && m.Kind == kg.KindState && m.Entity != nil && !m.Possessor && !nonAgentPreps[m.Prep] && !locativePreps[m.Prep] {
			first = m
		}
	}
	return first
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

// knownAccession is, for "the accession protocol" in a story that has
// named no state's accession yet, the gazetteer's accession of a state the
// story names to the organization it talks of joining, the one dated
// nearest the sentence's year: Greece lifting its veto on "its
// neighbour's membership of NATO" is about North Macedonia's, not its own
// of 1952.
func (a *analysis) knownAccession() *kg.Entity {
	if a.accessionOrg == "" {
		return nil
	}
	g := getMatcher().gaz
	org, ok := g.InstitutionByName(a.accessionOrg)
	if !ok {
		org, ok = g.Institution(a.accessionOrg)
	}
	if !ok {
		return nil
	}
	var best *gazetteer.Agreement
	bestGap := 0
	for _, ag := range g.Agreements {
		if ag.Type != gazetteer.AgreementAccession || len(ag.Parties) != 2 || ag.Parties[1] != org.Name {
			continue
		}
		if a.statesSeen[ag.Parties[0]] == 0 && !a.countriesSeen[ag.Parties[0]] {
			continue
		}
		y := yearOfISO(ag.InForce)
		if y == 0 {
			y = yearOfISO(ag.Signed)
		}
		gap := abs(a.yearHint - y)
		if best == nil || gap < bestGap {
			best, bestGap = ag, gap
		}
	}
	if best == nil {
		return nil
	}
	return a.agreementEntity(best.Name, best.Wikidata, "")
}
