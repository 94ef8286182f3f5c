package gazetteer

import (
	"testing"

	"github.com/newsgraph/kg"
)

func TestStateLookups(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		fn   string
		in   string
		want string // alpha-2, "" for no match
	}{
		{"name", "Iran", "IR"},
		{"name", "Islamic Republic of Iran", "IR"},
		{"name", "the United States", "US"},
		{"name", "US", "US"},
		{"name", "U.S.", "US"},
		{"name", "USA", "US"},
		{"name", "America", "US"},
		{"name", "us", ""},
		{"name", "UK", "GB"},
		{"name", "Great Britain", "GB"},
		{"name", "Russian Federation", "RU"},
		{"name", "DPRK", "KP"},
		{"name", "North Korea", "KP"},
		{"name", "South Korea", "KR"},
		{"name", "Türkiye", "TR"},
		{"name", "Turkiye", "TR"},
		{"name", "Czechia", "CZ"},
		{"name", "Ivory Coast", "CI"},
		{"name", "Cote d'Ivoire", "CI"},
		{"name", "Burma", "MM"},
		{"name", "Swaziland", "SZ"},
		{"name", "Macedonia", "MK"},
		{"name", "Kosovo", "XK"},
		{"name", "Holy See", "VA"},
		{"name", "Atlantis", ""},
		{"name", "Soviet Union", "SU"},
		{"name", "USSR", "SU"},
		{"name", "Union of Soviet Socialist Republics", "SU"},
		{"name", "East Germany", "DD"},
		{"name", "German Democratic Republic", "DD"},
		{"name", "Czechoslovakia", "CS"},
		{"name", "Yugoslavia", "YU"},
		{"demonym", "Soviet", "SU"},
		{"demonym", "East German", "DD"},
		{"demonym", "German", "DE"},
		{"demonym", "Iranian", "IR"},
		{"demonym", "Russians", "RU"},
		{"demonym", "American", "US"},
		{"demonym", "British", "GB"},
		{"demonym", "Turkish", "TR"},
		{"demonym", "Emirati", "AE"},
		{"demonym", "Saudi", "SA"},
		{"demonym", "North Korean", "KP"},
		{"demonym", "Burkinabe", "BF"},
		{"demonym", "Burkinabè", "BF"},
		{"demonym", "Congolese", ""}, // shared by both Congos
		{"metonym", "the Kremlin", "RU"},
		{"metonym", "White House", "US"},
		{"metonym", "Downing Street", "GB"},
		{"metonym", "Whitehall", "GB"},
		{"metonym", "the Elysee", "FR"},
		{"metonym", "Élysée", "FR"},
		{"metonym", "Zhongnanhai", "CN"},
		{"metonym", "Ankara", "TR"},
		{"metonym", "Tehran", "IR"},
		{"metonym", "Moscow", "RU"},
		{"metonym", "Washington", "US"},
		{"metonym", "Kyiv", "UA"},
		{"metonym", "Kiev", "UA"},
		{"metonym", "Brussels", ""}, // usually the EU, not Belgium
		{"metonym", "Victoria", ""},
		{"code", "ru", "RU"},
		{"code", "IRN", "IR"},
		{"code", "XKX", "XK"},
		{"code", "ZZ", ""},
		{"code", "SUN", "SU"},
	} {
		var s *State
		var ok bool
		switch tc.fn {
		case "name":
			s, ok = g.StateByName(tc.in)
		case "demonym":
			s, ok = g.StateByDemonym(tc.in)
		case "metonym":
			s, ok = g.StateByMetonym(tc.in)
		case "code":
			s, ok = g.StateByCode(tc.in)
		}
		got := ""
		if ok {
			got = s.Code
		}
		if got != tc.want {
			t.Errorf("StateBy%s(%q) = %q, want %q", tc.fn, tc.in, got, tc.want)
		}
	}
}

// TestDissolvedStates checks that a state history articles name as a party
// keeps its ISO codes and leaves its old capital to the state that has it.
func TestDissolvedStates(t *testing.T) {
	g := Default()
	for code, former := range map[string]string{"SU": "SUHH", "YU": "YUCS", "CS": "CSHH", "DD": "DDDE"} {
		s, ok := g.StateByCode(code)
		if !ok {
			t.Errorf("StateByCode(%q) found nothing", code)
			continue
		}
		if s.Former != former || s.Dissolved == "" || s.Sovereign || s.Capital != "" || s.Wikidata == "" {
			t.Errorf("dissolved state %s = %+v", code, s)
		}
	}
}

func TestCanonicalStateNames(t *testing.T) {
	g := Default()
	for code, want := range map[string]string{
		"US": "United States", "GB": "United Kingdom", "RU": "Russia", "IR": "Iran",
		"CN": "China", "KP": "North Korea", "KR": "South Korea", "TR": "Turkey",
		"SY": "Syria", "VN": "Vietnam", "LA": "Laos", "CZ": "Czech Republic",
		"MK": "North Macedonia", "SZ": "Eswatini", "CD": "Democratic Republic of the Congo",
	} {
		s, ok := g.StateByCode(code)
		if !ok {
			t.Errorf("StateByCode(%q) found nothing", code)
			continue
		}
		if s.Name != want {
			t.Errorf("StateByCode(%q).Name = %q, want %q", code, s.Name, want)
		}
	}
	if s, _ := g.StateByCode("UA"); s.Capital != "Kyiv" {
		t.Errorf("Ukraine's capital = %q, want Kyiv", s.Capital)
	}
	if s, _ := g.StateByCode("IR"); s.Official != "Islamic Republic of Iran" || s.Alpha3 != "IRN" || s.Wikidata != "Q794" {
		t.Errorf("Iran = %+v", s)
	}
}

func TestInstitutionLookups(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ in, want string }{
		{"Majlis", "Islamic Consultative Assembly"},
		{"Iranian parliament", "Islamic Consultative Assembly"},
		{"Parliament of Iran", "Islamic Consultative Assembly"},
		{"State Duma", "State Duma"},
		{"the Duma", "State Duma"},
		{"Federation Council", "Federation Council"},
		{"Russian upper house", "Federation Council"},
		{"Turkish parliament", "Grand National Assembly of Turkey"},
		{"Bundestag", "Bundestag"},
		{"Bundesrat", "Bundesrat of Germany"},
		{"U.S. Congress", "United States Congress"},
		{"US Senate", "United States Senate"},
		{"Supreme People's Assembly", "Supreme People's Assembly"},
		{"NPC Standing Committee", "Standing Committee of the National People's Congress"},
		{"Knesset", "Knesset"},
		{"Verkhovna Rada", "Verkhovna Rada"},
		{"Sejm", "Sejm"},
		{"Hungarian parliament", "National Assembly of Hungary"},
		{"Eduskunta", "Parliament of Finland"},
		{"Lok Sabha", "Lok Sabha"},
		{"NATO", "NATO"},
		{"Nato", "NATO"},
		{"EAEU", "Eurasian Economic Union"},
		{"Alliance of Sahel States", "Alliance of Sahel States"},
		{"UN Security Council", "United Nations Security Council"},
		{"WHO", "World Health Organization"},
		{"who", ""},
		{"IAEA", "International Atomic Energy Agency"},
		{"OPEC+", "OPEC+"},
		{"Tasnim", "Tasnim News Agency"},
		{"IRNA", "Islamic Republic News Agency"},
		{"Xinhua", "Xinhua News Agency"},
		{"AP", "Associated Press"},
		{"Shura Council", ""}, // several Gulf states have one
		{"SPA", ""},           // Supreme People's Assembly or Saudi Press Agency
	} {
		got := ""
		if in, ok := g.Institution(tc.in); ok {
			got = in.Name
		}
		if got != tc.want {
			t.Errorf("Institution(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got, want := len(g.InstitutionsNamed("Shura Council")), 4; got != want {
		t.Errorf("InstitutionsNamed(Shura Council) = %d entries, want %d", got, want)
	}
	for _, name := range []string{"TASS", "Reuters", "Al Jazeera", "BBC", "Anadolu Agency"} {
		if in, ok := g.Institution(name); !ok || in.Type != TypeNewsAgency {
			t.Errorf("Institution(%q) is not a news agency: %+v", name, in)
		}
	}
	nato, _ := g.Institution("NATO")
	if got, want := len(nato.Members), 32; got != want {
		t.Errorf("NATO members = %d, want %d", got, want)
	}
}

func TestLegislaturesAndChambers(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ code, which, want string }{
		{"RU", "", "Federal Assembly of Russia"},
		{"RU", "lower", "State Duma"},
		{"RU", "upper", "Federation Council"},
		{"IR", "", "Islamic Consultative Assembly"},
		{"IR", "lower", ""},
		{"US", "upper", "United States Senate"},
		{"US", "lower", "United States House of Representatives"},
		{"CN", "", "National People's Congress"},
		{"DE", "lower", "Bundestag"},
		{"DE", "upper", "Bundesrat of Germany"},
		{"PL", "lower", "Sejm"},
		{"PL", "upper", "Senate of Poland"},
		{"IN", "upper", "Rajya Sabha"},
		{"fi", "", "Parliament of Finland"},
		{"ZZ", "", ""},
	} {
		var in *Institution
		var ok bool
		if tc.which == "" {
			in, ok = g.LegislatureOf(tc.code)
		} else {
			in, ok = g.Chamber(tc.code, tc.which)
		}
		got := ""
		if ok {
			got = in.Name
		}
		if got != tc.want {
			t.Errorf("%s %q = %q, want %q", tc.code, tc.which, got, tc.want)
		}
	}
	if in, _ := g.LegislatureOf("IR"); !in.Unicameral {
		t.Error("Iran's legislature is not flagged unicameral")
	}
}

func TestPersonLookups(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ fn, in, want string }{
		{"person", "Vladimir Putin", "Vladimir Putin"},
		{"person", "Putin", "Vladimir Putin"},
		{"person", "Erdogan", "Recep Tayyip Erdoğan"},
		{"person", "recep tayyip erdogan", "Recep Tayyip Erdoğan"},
		{"person", "Sergey Lavrov", "Sergei Lavrov"},
		{"person", "Pezeshkian", "Masoud Pezeshkian"},
		{"person", "Kim Jong-un", "Kim Jong Un"},
		{"person", "Orban", "Viktor Orbán"},
		{"person", "King Abdullah", ""}, // Saudi or Jordanian
		{"surname", "Putin", "Vladimir Putin"},
		{"surname", "Erdoğan", "Recep Tayyip Erdoğan"},
		{"surname", "Araghchi", "Abbas Araghchi"},
		{"surname", "Xi", "Xi Jinping"},
		{"surname", "Starmer", "Keir Starmer"},
		{"surname", "Kim", ""},     // several Kims
		{"surname", "Clinton", ""}, // Bill and Hillary
		{"surname", "May", ""},     // too common a word
		{"surname", "Li", ""},
	} {
		var p *Person
		var ok bool
		if tc.fn == "person" {
			p, ok = g.Person(tc.in)
		} else {
			p, ok = g.PersonBySurname(tc.in)
		}
		got := ""
		if ok {
			got = p.Name
		}
		if got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.fn, tc.in, got, tc.want)
		}
	}
	p, _ := g.Person("Putin")
	if got, want := p.Country, "RU"; got != want {
		t.Errorf("Putin's country = %q, want %q", got, want)
	}
	if last := p.Roles[len(p.Roles)-1]; last.Title != "President of Russia" || last.From != "2012-05-07" || last.To != "" {
		t.Errorf("Putin's current role = %+v", last)
	}
}

func TestAgreementLookups(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ in, want string }{
		{"JCPOA", "Joint Comprehensive Plan of Action"},
		{"Iran nuclear deal", "Joint Comprehensive Plan of Action"},
		{"the nuclear deal", "Joint Comprehensive Plan of Action"},
		{"INF Treaty", "Intermediate-Range Nuclear Forces Treaty"},
		{"Open Skies", "Treaty on Open Skies"},
		{"New START", "New START"},
		{"Paris Agreement", "Paris Agreement"},
		{"Russia-Iran Comprehensive Strategic Partnership Treaty", "Russia–Iran Comprehensive Strategic Partnership Treaty"},
		{"USMCA", "United States–Mexico–Canada Agreement"},
		{"Brexit withdrawal agreement", "Brexit withdrawal agreement"},
		{"sort", ""}, // SORT is case-sensitive
		{"SORT", "Strategic Offensive Reductions Treaty"},
	} {
		got := ""
		if a, ok := g.Agreement(tc.in); ok {
			got = a.Name
		}
		if got != tc.want {
			t.Errorf("Agreement(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSurfaces(t *testing.T) {
	g := Default()
	surfaces := g.Surfaces()
	find := func(text string, kind kg.EntityKind) *Surface {
		for i := range surfaces {
			if surfaces[i].Text == text && surfaces[i].Kind == kind {
				return &surfaces[i]
			}
		}
		return nil
	}
	for _, tc := range []struct {
		text      string
		kind      kg.EntityKind
		form, ref string
		cs        bool
	}{
		{"US", kg.KindState, FormAlias, "US", true},
		{"Kremlin", kg.KindState, FormMetonym, "RU", false},
		{"Iranian", kg.KindState, FormDemonym, "IR", false},
		{"Majlis", kg.KindInstitution, FormAlias, "Islamic Consultative Assembly", false},
		{"Starmer", kg.KindPerson, FormAlias, "Keir Starmer", true},
		{"Rice", kg.KindPerson, FormSurname, "", false},
		{"Xi", kg.KindPerson, FormAlias, "Xi Jinping", true},
		{"JCPOA", kg.KindAgreement, FormAlias, "Joint Comprehensive Plan of Action", false},
	} {
		s := find(tc.text, tc.kind)
		if tc.ref == "" {
			if s != nil {
				t.Errorf("surface %q should not exist: %+v", tc.text, *s)
			}
			continue
		}
		if s == nil {
			t.Errorf("no surface %q of kind %s", tc.text, tc.kind)
			continue
		}
		if s.Form != tc.form || s.Ref != tc.ref || s.CaseSensitive != tc.cs {
			t.Errorf("surface %q = %+v, want form %s ref %s case-sensitive %v", tc.text, *s, tc.form, tc.ref, tc.cs)
		}
	}
	if s := find("Congolese", kg.KindState); s == nil || !s.Ambiguous {
		t.Errorf("Congolese should be an ambiguous surface: %+v", s)
	}
	for i := 1; i < len(surfaces); i++ {
		if surfaces[i-1].Key > surfaces[i].Key {
			t.Fatalf("surfaces not sorted at %d: %q > %q", i, surfaces[i-1].Key, surfaces[i].Key)
		}
	}
}
