package gazetteer

import "testing"

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Erdoğan", "erdogan"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"Côte d’Ivoire", "cote d'ivoire"},
		{"the Kremlin", "kremlin"},
		{"The  White   House", "white house"},
		{"Kim Jong-un", "kim jong un"},
		{"Russia–Iran", "russia iran"},
		{"Łukaszenka", "lukaszenka"},
		{"Alþingi", "althingi"},
		{"Støre", "store"},
		{"Théâtre", "theatre"},
		{"U.S.", "u.s."},
		{"  Tehran ", "tehran"},
		{"Thessaloniki", "thessaloniki"},
		{"the", "the"},
		{"", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldCase(t *testing.T) {
	if got, want := FoldCase("the U.S."), "U.S."; got != want {
		t.Fatalf("FoldCase = %q, want %q", got, want)
	}
}

func TestCaseSensitive(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"US", true}, {"WHO", true}, {"the UN", true}, {"AP", true}, {"QUAD", true},
		{"NATO", false}, {"Nato", false}, {"dpa", false}, {"U.S.", true}, {"Iran", false},
	} {
		if got := caseSensitive(tc.in); got != tc.want {
			t.Errorf("caseSensitive(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestFoldSpelling(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Strategic Mutual Defence Agreement", "strategic mutual defense agreement"},
		{"the World Food Programme", "world food program"},
		{"Centre for Policy", "center for policy"},
	} {
		if got := Fold(tc.a); got != tc.b {
			t.Errorf("Fold(%q) = %q, want %q", tc.a, got, tc.b)
		}
	}
	if got, want := FoldCase("Defence Ministry"), "Defence Ministry"; got != want {
		t.Errorf("FoldCase keeps spelling: got %q, want %q", got, want)
	}
}
