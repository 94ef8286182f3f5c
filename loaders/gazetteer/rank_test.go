package gazetteer

import "testing"

func TestAgreementsByParties(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		codes []string
		typ   string
		year  int
		want  string
	}{
		{[]string{"RU", "IR"}, "", 2025, "Russia–Iran Comprehensive Strategic Partnership Treaty"},
		{[]string{"RU", "IR"}, "", 2001, "Treaty on the Basis for Mutual Relations and the Principles of Cooperation between Iran and Russia"},
		{[]string{"IR", "Eurasian Economic Union"}, "free_trade", 2023, "Iran–Eurasian Economic Union Free Trade Agreement"},
		{[]string{"RU", "KP"}, "strategic_partnership", 0, "Russia–North Korea Treaty on Comprehensive Strategic Partnership"},
		{[]string{"US", "RU"}, "arms_control", 2010, "New START"},
		{[]string{"United States", "Russia"}, "arms_control", 1987, "Intermediate-Range Nuclear Forces Treaty"},
		{[]string{"IR", "US"}, "nuclear", 2015, "Joint Comprehensive Plan of Action"},
	} {
		got := g.AgreementsByParties(tc.codes, tc.typ, tc.year)
		if len(got) == 0 {
			t.Errorf("AgreementsByParties(%v, %q, %d) found nothing", tc.codes, tc.typ, tc.year)
			continue
		}
		if got[0].Agreement.Name != tc.want {
			t.Errorf("AgreementsByParties(%v, %q, %d)[0] = %q, want %q", tc.codes, tc.typ, tc.year, got[0].Agreement.Name, tc.want)
		}
		for i := 1; i < len(got); i++ {
			if got[i].Score > got[i-1].Score {
				t.Fatalf("results not ranked at %d", i)
			}
		}
	}
	// Russia reaches the Iran–EAEU agreement through its membership.
	found := false
	for _, m := range g.AgreementsByParties([]string{"RU", "IR"}, "free_trade", 2023) {
		if m.Agreement.Name == "Iran–Eurasian Economic Union Free Trade Agreement" {
			found = true
			if got, want := m.Coverage, 0.75; got != want {
				t.Errorf("coverage of RU+IR by the Iran–EAEU agreement = %v, want %v (Iran direct, Russia as a member)", got, want)
			}
		}
	}
	if !found {
		t.Error("RU+IR free trade did not reach the Iran–EAEU agreement via membership")
	}
	for _, m := range g.AgreementsByParties([]string{"RU", "KP"}, "", 2024) {
		if m.Agreement.Name == "Russia–North Korea Treaty on Comprehensive Strategic Partnership" && m.Coverage != 1 {
			t.Errorf("coverage of RU+KP by their own treaty = %v, want 1", m.Coverage)
		}
		if m.Agreement.Name == "New START" && m.Coverage != 0.5 {
			t.Errorf("coverage of RU+KP by New START = %v, want 0.5", m.Coverage)
		}
	}
	if got := g.AgreementsByParties(nil, "", 0); got != nil {
		t.Errorf("no parties: got %d results, want none", len(got))
	}
}
