package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
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
