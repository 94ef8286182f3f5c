// Package gazetteer is the curated world knowledge that extraction rules look
// names up in: states, institutions, people and international agreements,
// embedded as JSON and indexed by folded surface form.
package gazetteer

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"github.com/pariz/gountries"
)

//go:embed data/*.json
var embedded embed.FS

// State is a country or territory. Sovereign is set for the UN members and
// the few states (Palestine, Taiwan, Kosovo, Vatican City) that news treats
// as such; other entries are dependent territories known to gountries, and
// dissolved states (the Soviet Union), which history articles name as
// parties. A dissolved state keeps the alpha-2 code ISO 3166-1 had given
// it, and Former holds its ISO 3166-3 code ("SUHH").
type State struct {
	Code      string   `json:"code"`
	Alpha3    string   `json:"alpha3,omitempty"`
	Name      string   `json:"name,omitempty"`
	Official  string   `json:"official,omitempty"`
	Aliases   []string `json:"aliases,omitempty"`
	Demonyms  []string `json:"demonyms,omitempty"`
	Capital   string   `json:"capital,omitempty"`
	Metonyms  []string `json:"metonyms,omitempty"`
	Wikidata  string   `json:"wikidata,omitempty"`
	Sovereign bool     `json:"-"`
	// Territory marks an overlay entry that is not a sovereign state.
	Territory bool `json:"territory,omitempty"`
	// NoCapitalMetonym keeps a capital that is also a common name
	// ("Victoria", "Kingston") from standing for its government.
	NoCapitalMetonym bool `json:"no_capital_metonym,omitempty"`
	// Former is the ISO 3166-3 code of a dissolved state; Dissolved is
	// the ISO date its dissolution took effect. A dissolved state has no capital
	// that stands for its government: Moscow means Russia.
	Former    string `json:"former,omitempty"`
	Dissolved string `json:"dissolved,omitempty"`
}

// Institution types.
const (
	TypeLegislature  = "legislature"
	TypeLowerHouse   = "lower_house"
	TypeUpperHouse   = "upper_house"
	TypeGovernment   = "government"
	TypeMinistry     = "ministry"
	TypeCourt        = "court"
	TypeAgency       = "agency"
	TypeNewsAgency   = "news_agency"
	TypeOrganization = "organization"
)

// Institution is a legislature, chamber, government body, court, news
// agency or international organization. Country is an alpha-2 code, empty
// for international bodies; Parent is the canonical name of the body it
// belongs to (a chamber's legislature, an organ's organization); Members are
// alpha-2 codes of member states where membership is meaningful and known.
type Institution struct {
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases,omitempty"`
	Country    string   `json:"country,omitempty"`
	Type       string   `json:"type"`
	Parent     string   `json:"parent,omitempty"`
	Unicameral bool     `json:"unicameral,omitempty"`
	Members    []string `json:"members,omitempty"`
	Wikidata   string   `json:"wikidata,omitempty"`
}

// Role is an office a person held; From and To are ISO dates of any
// precision, To empty while in office.
type Role struct {
	Title string `json:"title"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// Person is a head of state or government or a foreign minister.
type Person struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Country  string   `json:"country"`
	Roles    []Role   `json:"roles,omitempty"`
	Wikidata string   `json:"wikidata,omitempty"`
	// Surname is set where it is not the last word of Name ("Xi" in
	// "Xi Jinping", "Kim" in "Kim Jong Un").
	Surname string `json:"surname,omitempty"`
}

// Agreement types.
const (
	AgreementStrategicPartnership = "strategic_partnership"
	AgreementTrade                = "trade"
	AgreementFreeTrade            = "free_trade"
	AgreementNuclear              = "nuclear"
	AgreementArmsControl          = "arms_control"
	AgreementPeace                = "peace"
	AgreementAccession            = "accession"
	AgreementClimate              = "climate"
	AgreementHealth               = "health"
	AgreementBorder               = "border"
	AgreementDefence              = "defence"
	AgreementCooperation          = "cooperation"
	AgreementOther                = "other"
)

// Agreement is an international agreement. Parties are alpha-2 codes or
// canonical institution names; Signed and InForce are ISO dates of any
// precision ("2015-07-14", "2001-03", "1968").
type Agreement struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Type     string   `json:"type"`
	Parties  []string `json:"parties,omitempty"`
	Signed   string   `json:"signed,omitempty"`
	InForce  string   `json:"in_force,omitempty"`
	Wikidata string   `json:"wikidata,omitempty"`
}

// Gazetteer holds the loaded data and its indexes. It is read-only after
// loading and safe for concurrent use.
type Gazetteer struct {
	States       []*State
	Institutions []*Institution
	People       []*Person
	Agreements   []*Agreement

	// SharedAliases lists, per kind, aliases deliberately given to more than
	// one entry ("National Assembly"); lookups of them are ambiguous.
	SharedAliases map[string][]string

	idx index
}

// files are the embedded documents; each may list aliases that are
// deliberately shared within its kind.
type statesFile struct {
	Shared []string `json:"shared_aliases"`
	States []*State `json:"states"`
}

type institutionsFile struct {
	Shared       []string       `json:"shared_aliases"`
	Institutions []*Institution `json:"institutions"`
}

type peopleFile struct {
	Shared []string  `json:"shared_aliases"`
	People []*Person `json:"people"`
}

type agreementsFile struct {
	Shared     []string     `json:"shared_aliases"`
	Agreements []*Agreement `json:"agreements"`
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer built from the embedded data, loading it on
// first use. If the data cannot be read it returns an empty gazetteer whose
// lookups find nothing; LoadErr says why.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = Load(embedded)
		if defaultErr != nil {
			defaultGaz = &Gazetteer{}
			defaultGaz.build()
		}
	})
	return defaultGaz
}

// LoadErr returns the error, if any, from loading the embedded data.
func LoadErr() error {
	Default()
	return defaultErr
}

// Load reads data/states.json, data/institutions.json, data/people.json and
// data/agreements.json from fsys, overlays the states on gountries' country
// list, and indexes everything. It does not validate cross-references; see
// Validate.
func Load(fsys fs.FS) (g *Gazetteer, err error) {
	// gountries parses its packed YAML on first use; a failure there must
	// not take the caller down with it.
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, fmt.Errorf("gazetteer: load: %v", r)
		}
	}()
	g = &Gazetteer{SharedAliases: map[string][]string{}}
	var sf statesFile
	var inf institutionsFile
	var pf peopleFile
	var af agreementsFile
	for _, f := range []struct {
		name string
		v    any
	}{
		{"data/states.json", &sf},
		{"data/institutions.json", &inf},
		{"data/people.json", &pf},
		{"data/agreements.json", &af},
	} {
		b, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: read %s: %w", f.name, err)
		}
		if err := json.Unmarshal(b, f.v); err != nil {
			return nil, fmt.Errorf("gazetteer: parse %s: %w", f.name, err)
		}
	}
	g.States = mergeStates(gountries.New(), sf.States)
	g.Institutions = dropNil(inf.Institutions)
	g.People = dropNil(pf.People)
	g.Agreements = dropNil(af.Agreements)
	g.SharedAliases["State"] = sf.Shared
	g.SharedAliases["Institution"] = inf.Shared
	g.SharedAliases["Person"] = pf.Shared
	g.SharedAliases["Agreement"] = af.Shared
	g.build()
	return g, nil
}

func dropNil[T any](xs []*T) []*T {
	out := xs[:0]
	for _, x := range xs {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}
