package gazetteer

import (
	"errors"
	"fmt"
	"regexp"
)

var (
	isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	qid     = regexp.MustCompile(`^Q[1-9]\d*$`)
	// formerCode is an ISO 3166-3 code: the old alpha-2 and two letters.
	formerCode = regexp.MustCompile(`^[A-Z]{4}$`)
	instType   = map[string]bool{
		TypeLegislature: true, TypeLowerHouse: true, TypeUpperHouse: true,
		TypeGovernment: true, TypeMinistry: true, TypeCourt: true,
		TypeAgency: true, TypeNewsAgency: true, TypeOrganization: true,
	}
	agreementType = map[string]bool{
		AgreementStrategicPartnership: true, AgreementTrade: true,
		AgreementFreeTrade: true, AgreementNuclear: true,
		AgreementArmsControl: true, AgreementPeace: true,
		AgreementAccession: true, AgreementClimate: true,
		AgreementHealth: true, AgreementBorder: true, AgreementDefence: true,
		AgreementCooperation: true, AgreementOther: true,
	}
)

// Validate checks the data's integrity: canonical names unique within a
// kind, aliases unique within a kind unless listed as shared, every country
// code and parent known, chambers under a legislature of their own country,
// types and dates well formed. It returns every problem found, joined.
func (g *Gazetteer) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	type entry struct {
		kind  string
		names func() []string
		label string
	}
	var entries []entry
	for _, s := range g.States {
		entries = append(entries, entry{"State", s.names, s.Code})
		if s.Name == "" {
			bad("state %s: no name", s.Code)
		}
		if s.Wikidata != "" && !qid.MatchString(s.Wikidata) {
			bad("state %s: bad wikidata %q", s.Code, s.Wikidata)
		}
		if s.Dissolved != "" && !isoDate.MatchString(s.Dissolved) || (s.Former != "") != (s.Dissolved != "") || s.Former != "" && !formerCode.MatchString(s.Former) {
			bad("state %s: a dissolved state needs an ISO 3166-3 code and a date, got %q and %q", s.Code, s.Former, s.Dissolved)
		}
	}
	for _, in := range g.Institutions {
		entries = append(entries, entry{"Institution", in.names, in.Name})
		g.validateInstitution(in, bad)
	}
	for _, p := range g.People {
		entries = append(entries, entry{"Person", p.names, p.Name})
		if _, ok := g.StateByCode(p.Country); !ok || len(p.Country) != 2 {
			bad("person %q: unknown country %q", p.Name, p.Country)
		}
		if p.Wikidata != "" && !qid.MatchString(p.Wikidata) {
			bad("person %q: bad wikidata %q", p.Name, p.Wikidata)
		}
		for _, r := range p.Roles {
			if r.Title == "" || !dateOK(r.From) || !dateOK(r.To) {
				bad("person %q: bad role %+v", p.Name, r)
			}
			if r.From != "" && r.To != "" && r.To < r.From {
				bad("person %q: role %q ends before it starts", p.Name, r.Title)
			}
		}
	}
	for _, a := range g.Agreements {
		entries = append(entries, entry{"Agreement", a.names, a.Name})
		if !agreementType[a.Type] {
			bad("agreement %q: unknown type %q", a.Name, a.Type)
		}
		if !dateOK(a.Signed) || !dateOK(a.InForce) {
			bad("agreement %q: bad date", a.Name)
		}
		for _, p := range a.Parties {
			if !g.partyKnown(p) {
				bad("agreement %q: unknown party %q", a.Name, p)
			}
		}
	}

	// Keys are compared the way lookups compare them.
	type owned struct {
		entry int
		label string
	}
	owner := map[string]owned{}
	for ei, e := range entries {
		shared := map[string]bool{}
		for _, s := range g.SharedAliases[e.kind] {
			shared[Fold(s)] = true
		}
		seen := map[string]bool{}
		for i, n := range e.names() {
			k := e.kind + "\x00" + Fold(n)
			if caseSensitive(n) {
				k = e.kind + "\x00=" + foldCase(n)
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			if prev, ok := owner[k]; ok && prev.entry != ei && !shared[Fold(n)] {
				what := "alias"
				if i == 0 {
					what = "canonical name"
				}
				bad("%s %q: %s %q already names %q", e.kind, e.label, what, n, prev.label)
				continue
			}
			owner[k] = owned{ei, e.label}
		}
	}
	return errors.Join(errs...)
}

func (g *Gazetteer) validateInstitution(in *Institution, bad func(string, ...any)) {
	if in.Name == "" {
		bad("institution with no name")
	}
	if !instType[in.Type] {
		bad("institution %q: unknown type %q", in.Name, in.Type)
	}
	if in.Country != "" {
		if _, ok := g.StateByCode(in.Country); !ok || len(in.Country) != 2 {
			bad("institution %q: unknown country %q", in.Name, in.Country)
		}
	}
	if in.Wikidata != "" && !qid.MatchString(in.Wikidata) {
		bad("institution %q: bad wikidata %q", in.Name, in.Wikidata)
	}
	for _, m := range in.Members {
		if _, ok := g.StateByCode(m); !ok || len(m) != 2 {
			bad("institution %q: unknown member %q", in.Name, m)
		}
	}
	var parent *Institution
	if in.Parent != "" {
		p, ok := g.InstitutionByName(in.Parent)
		if !ok {
			bad("institution %q: unknown parent %q", in.Name, in.Parent)
		}
		parent = p
	}
	switch in.Type {
	case TypeLowerHouse, TypeUpperHouse:
		switch {
		case parent == nil:
			bad("chamber %q: no parent legislature", in.Name)
		case parent.Type != TypeLegislature || parent.Country != in.Country:
			bad("chamber %q: parent %q is not its country's legislature", in.Name, parent.Name)
		case parent.Unicameral:
			bad("chamber %q: parent %q is unicameral", in.Name, parent.Name)
		}
	case TypeLegislature:
		if in.Unicameral && parent != nil {
			bad("legislature %q: unicameral yet has a parent", in.Name)
		}
	}
}

func (g *Gazetteer) partyKnown(p string) bool {
	if _, ok := g.StateByCode(p); ok && len(p) == 2 {
		return true
	}
	_, ok := g.InstitutionByName(p)
	return ok
}

func dateOK(d string) bool { return d == "" || isoDate.MatchString(d) }
