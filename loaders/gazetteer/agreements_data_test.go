package gazetteer

import "testing"

// TestAgreementNamesAndShares checks entries whose naming rules matter to
// extraction: an amendment keeps the instrument it amends, a name two
// agreements share resolves to neither, and an accession and an internal
// peace accord carry the parties the rules look them up by.
func TestAgreementNamesAndShares(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ in, want string }{
		{"Kigali Amendment", "Kigali Amendment to the Montreal Protocol"},
		{"Doha Amendment", "Doha Amendment to the Kyoto Protocol"},
		{"Algiers Agreement", ""}, // 1975 Iran–Iraq and 2000 Eritrea–Ethiopia
		{"1975 Algiers Agreement", "Algiers Agreement (1975)"},
		{"EVIPA", "EU–Vietnam Investment Protection Agreement"},
		{"Accession of Croatia to NATO", "Accession of Croatia to NATO"},
		{"Final Agreement to End the Armed Conflict and Build a Stable and Lasting Peace", "Final Agreement to End the Armed Conflict and Build a Stable and Lasting Peace"},
	} {
		got := ""
		if a, ok := g.Agreement(tc.in); ok {
			got = a.Name
		}
		if got != tc.want {
			t.Errorf("Agreement(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if a, ok := g.Agreement("Accession of Croatia to NATO"); !ok || len(a.Parties) != 2 || a.Parties[1] != "NATO" || a.InForce != "2009-04-01" {
		t.Errorf("Croatia's accession = %+v, want parties [HR NATO] in force 2009-04-01", a)
	}
	if a, ok := g.Agreement("Colombian peace agreement"); !ok || len(a.Parties) != 1 || a.Parties[0] != "CO" || a.Type != AgreementPeace {
		t.Errorf("Colombia's peace agreement = %+v, want a peace agreement of CO alone", a)
	}
}
