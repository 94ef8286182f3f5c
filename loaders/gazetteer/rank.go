package gazetteer

import (
	"sort"
	"strconv"
	"strings"
)

// AgreementMatch is an agreement ranked against a query; higher Score is a
// better fit.
type AgreementMatch struct {
	Agreement *Agreement
	Score     float64
	// Coverage is the share of the queried parties that are parties to
	// the agreement (a member of an organization party counts half).
	Coverage float64
}

// AgreementsByParties ranks the agreements that involve any of codes
// (alpha-2 codes or institution names). An organization party counts for
// its members at half weight, so Russia finds the Iran–EAEU agreement. typ
// ("" for any) and year (0 for any) do not filter but favour agreements of
// that type and signed nearest that year; among equals, agreements with
// fewer parties (more specific to the query) come first.
func (g *Gazetteer) AgreementsByParties(codes []string, typ string, year int) []AgreementMatch {
	want := map[string]bool{}
	for _, c := range codes {
		if k := g.partyKey(c); k != "" {
			want[k] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	var out []AgreementMatch
	for i, a := range g.Agreements {
		parties := g.idx.parties[i]
		covered := 0.0
		for k := range want {
			switch {
			case parties.direct[k]:
				covered++
			case parties.viaOrg[k]:
				covered += 0.5
			}
		}
		if covered == 0 {
			continue
		}
		score := 10 * covered / float64(len(want))
		if typ != "" && a.Type == typ {
			score += 3
		}
		if y := yearOf(a.Signed); year != 0 && y != 0 {
			d := year - y
			if d < 0 {
				d = -d
			}
			score += 3 / (1 + float64(d))
		}
		score -= float64(len(a.Parties)) / 1000
		out = append(out, AgreementMatch{Agreement: a, Score: score, Coverage: covered / float64(len(want))})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// partySet is an agreement's parties as partyKeys, and the member states
// of its organization parties.
type partySet struct {
	direct, viaOrg map[string]bool
}

func (g *Gazetteer) partySet(a *Agreement) partySet {
	ps := partySet{direct: map[string]bool{}, viaOrg: map[string]bool{}}
	for _, p := range a.Parties {
		ps.direct[g.partyKey(p)] = true
		if in, ok := g.InstitutionByName(p); ok {
			for _, m := range in.Members {
				ps.viaOrg[m] = true
			}
		}
	}
	return ps
}

// partyKey reads a party as an alpha-2 code when it is one (or names a
// state), else as the folded name of an institution.
func (g *Gazetteer) partyKey(p string) string {
	p = strings.TrimSpace(p)
	if len(p) == 2 || len(p) == 3 {
		if s, ok := g.StateByCode(p); ok {
			return s.Code
		}
	}
	if s, ok := g.StateByName(p); ok {
		return s.Code
	}
	return Fold(p)
}

// yearOf returns the year an ISO date of any precision starts with, or 0.
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}
