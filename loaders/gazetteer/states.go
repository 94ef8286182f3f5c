package gazetteer

import (
	"sort"
	"strings"

	"github.com/pariz/gountries"
)

// mergeStates lays the curated overlay over gountries' countries: gountries
// gives codes, names and capitals; the overlay renames where gountries is out
// of date ("Swaziland"), and adds demonyms, aliases, metonyms and Q-IDs.
// Overlay entries unknown to gountries (Kosovo) are added as they are.
func mergeStates(q *gountries.Query, overlay []*State) []*State {
	byCode := map[string]*State{}
	for code, c := range q.Countries {
		code = strings.ToUpper(code)
		byCode[code] = &State{
			Code:     code,
			Alpha3:   c.Alpha3,
			Name:     c.Name.Common,
			Official: c.Name.Official,
			Capital:  c.Capital,
		}
	}
	for _, o := range overlay {
		if o == nil || o.Code == "" {
			continue
		}
		code := strings.ToUpper(o.Code)
		s, ok := byCode[code]
		if !ok {
			s = &State{Code: code}
			byCode[code] = s
		}
		if o.Name != "" && o.Name != s.Name {
			if s.Name != "" {
				s.Aliases = append(s.Aliases, s.Name)
			}
			s.Name = o.Name
		}
		if o.Official != "" && o.Official != s.Official {
			if s.Official != "" {
				s.Aliases = append(s.Aliases, s.Official)
			}
			s.Official = o.Official
		}
		if o.Alpha3 != "" {
			s.Alpha3 = o.Alpha3
		}
		if o.Capital != "" {
			s.Capital = o.Capital
		}
		s.Aliases = append(s.Aliases, o.Aliases...)
		s.Demonyms = append(s.Demonyms, o.Demonyms...)
		s.Metonyms = append(s.Metonyms, o.Metonyms...)
		s.Wikidata = o.Wikidata
		s.Territory = o.Territory
		s.NoCapitalMetonym = o.NoCapitalMetonym
		s.Former = o.Former
		s.Dissolved = o.Dissolved
		s.Sovereign = !o.Territory && o.Dissolved == ""
	}
	out := make([]*State, 0, len(byCode))
	for _, s := range byCode {
		s.Aliases = uniqueStrings(s.Aliases, s.Name)
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// uniqueStrings drops duplicates (by folded form) and anything equal to skip.
func uniqueStrings(xs []string, skip string) []string {
	seen := map[string]bool{Fold(skip): true}
	out := xs[:0]
	for _, x := range xs {
		if k := Fold(x); x != "" && !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

// metonyms returns what stands for s's government: its seats of government
// and, for sovereign states, its capital.
func (s *State) metonyms() []string {
	out := append([]string(nil), s.Metonyms...)
	if s.Sovereign && !s.NoCapitalMetonym && s.Capital != "" && Fold(s.Capital) != Fold(s.Name) {
		out = append(out, s.Capital)
	}
	return uniqueStrings(out, "")
}
