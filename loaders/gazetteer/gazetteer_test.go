package gazetteer

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestDataValidates(t *testing.T) {
	if err := LoadErr(); err != nil {
		t.Fatalf("load embedded data: %v", err)
	}
	if err := Default().Validate(); err != nil {
		t.Fatalf("embedded data is invalid:\n%v", err)
	}
}

func TestDataBreadth(t *testing.T) {
	g := Default()
	sovereign := 0
	for _, s := range g.States {
		if s.Sovereign {
			sovereign++
			if len(s.Demonyms) == 0 {
				t.Errorf("sovereign state %s (%s) has no demonym", s.Code, s.Name)
			}
		}
	}
	legislatures := 0
	for _, in := range g.Institutions {
		if in.Type == TypeLegislature && in.Parent == "" {
			legislatures++
		}
	}
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"sovereign states", sovereign, 197},
		{"national legislatures", legislatures, 80},
		{"people", len(g.People), 250},
		{"agreements", len(g.Agreements), 150},
	} {
		if c.got < c.min {
			t.Errorf("%s: got %d, want at least %d", c.what, c.got, c.min)
		}
	}
}

// minimal is a valid data set the negative tests break one way at a time.
var minimal = map[string]string{
	"data/states.json": `{"states":[{"code":"RU","name":"Russia","demonyms":["Russian"]}]}`,
	"data/institutions.json": `{"institutions":[
		{"name":"Federal Assembly of Russia","country":"RU","type":"legislature"},
		{"name":"State Duma","country":"RU","type":"lower_house","parent":"Federal Assembly of Russia"}]}`,
	"data/people.json":     `{"people":[{"name":"Vladimir Putin","country":"RU","roles":[{"title":"President of Russia","from":"2012-05-07"}]}]}`,
	"data/agreements.json": `{"agreements":[{"name":"New START","type":"arms_control","parties":["RU","US"],"signed":"2010-04-08"}]}`,
}

func load(t *testing.T, replace map[string]string) *Gazetteer {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range minimal {
		if r, ok := replace[name]; ok {
			body = r
		}
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	g, err := Load(fsys)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestValidateMinimal(t *testing.T) {
	if err := load(t, nil).Validate(); err != nil {
		t.Fatalf("minimal data set: %v", err)
	}
}

func TestValidateCatches(t *testing.T) {
	for _, tc := range []struct {
		name, file, body, want string
	}{
		{"unknown institution country", "data/institutions.json",
			`{"institutions":[{"name":"Knesset","country":"ZZ","type":"legislature"}]}`, `unknown country "ZZ"`},
		{"chamber without parent", "data/institutions.json",
			`{"institutions":[{"name":"State Duma","country":"RU","type":"lower_house","parent":"Nowhere"}]}`, `unknown parent "Nowhere"`},
		{"chamber of unicameral", "data/institutions.json",
			`{"institutions":[{"name":"A","country":"RU","type":"legislature","unicameral":true},{"name":"B","country":"RU","type":"upper_house","parent":"A"}]}`, "is unicameral"},
		{"duplicate canonical", "data/institutions.json",
			`{"institutions":[{"name":"BBC","type":"news_agency"},{"name":"BBC","type":"news_agency"}]}`, `canonical name "BBC" already names`},
		{"duplicate alias", "data/people.json",
			`{"people":[{"name":"A B","aliases":["Boss"],"country":"RU"},{"name":"C D","aliases":["boss"],"country":"RU"}]}`, `alias "boss" already names "A B"`},
		{"bad type", "data/agreements.json",
			`{"agreements":[{"name":"X","type":"friendship"}]}`, `unknown type "friendship"`},
		{"bad date", "data/agreements.json",
			`{"agreements":[{"name":"X","type":"other","signed":"12 May 2010"}]}`, "bad date"},
		{"unknown party", "data/agreements.json",
			`{"agreements":[{"name":"X","type":"other","parties":["Atlantis"]}]}`, `unknown party "Atlantis"`},
		{"role ends before start", "data/people.json",
			`{"people":[{"name":"A B","country":"RU","roles":[{"title":"T","from":"2010","to":"2009"}]}]}`, "ends before it starts"},
		{"dissolved without its ISO 3166-3 code", "data/states.json",
			`{"states":[{"code":"RU","name":"Russia"},{"code":"SU","name":"Soviet Union","dissolved":"1991-12-26"}]}`, "needs an ISO 3166-3 code"},
		{"bad qid", "data/states.json",
			`{"states":[{"code":"RU","wikidata":"159"}]}`, "bad wikidata"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := load(t, map[string]string{tc.file: tc.body}).Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestSharedAliasAllowedButAmbiguous(t *testing.T) {
	g := load(t, map[string]string{"data/people.json": `{"shared_aliases":["the King"],"people":[
		{"name":"A B","aliases":["the King"],"country":"RU"},{"name":"C D","aliases":["King"],"country":"RU"}]}`})
	if err := g.Validate(); err != nil {
		t.Fatalf("shared alias rejected: %v", err)
	}
	if p, ok := g.Person("King"); ok {
		t.Fatalf(`Person("King") = %q, want ambiguous`, p.Name)
	}
}

func TestLoadBadJSON(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, body := range minimal {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	fsys["data/people.json"] = &fstest.MapFile{Data: []byte(`{"people":[`)}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "people.json") {
		t.Fatalf("Load(bad json) error = %v, want one naming people.json", err)
	}
	delete(fsys, "data/agreements.json")
	if _, err := Load(fsys); err == nil {
		t.Fatal("Load(missing file) succeeded")
	}
}
