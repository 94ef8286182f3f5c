package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/kg"
)

func runSearch(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s, _ := loaded(t, open)
	search := func(t *testing.T, q kg.EntityQuery) []kg.EntityMatch {
		t.Helper()
		ms, err := s.SearchEntities(ctx, q)
		if err != nil {
			t.Fatalf("search %+v: %v", q, err)
		}
		for i := 1; i < len(ms); i++ {
			if ms[i].Score > ms[i-1].Score {
				t.Fatalf("search %q: scores not descending: %v then %v", q.Text, ms[i-1].Score, ms[i].Score)
			}
		}
		return ms
	}

	for _, c := range []struct {
		name, q string
		kinds   []kg.EntityKind
		first   string
	}{
		{"exact name", "Masoud Pezeshkian", nil, PezeshkianID},
		{"alias", "Majlis", nil, MajlisID},
		{"alias of several words", "Russian Senate", nil, FederationCouncilID},
		{"part of name", "Consultative", nil, MajlisID},
		{"part of word", "onsultativ", nil, MajlisID},
		{"case-insensitive", "vladimir PUTIN", nil, PutinID},
		{"typo transposed", "Pezeshkain", nil, PezeshkianID},
		{"typo missing letter", "Araghci", nil, AraghchiID},
		{"typo in full name", "Vladimir Puttin", nil, PutinID},
		{"short alias", "EU", nil, EUID},
		{"short lower-case", "rf", nil, RussiaID},
		{"kind filter", "Russia", []kg.EntityKind{kg.KindAgreement}, TreatyID},
		{"exact before partial", "Iran", nil, IranID},
		{"exact alias before partial", "Duma", nil, DumaID},
	} {
		t.Run(c.name, func(t *testing.T) {
			ms := search(t, kg.EntityQuery{Text: c.q, Kinds: c.kinds})
			if len(ms) == 0 {
				t.Fatalf("search %q found nothing, want %s first", c.q, c.first)
			}
			if got, want := ms[0].Entity.ID, c.first; got != want {
				t.Fatalf("search %q: first = %s, want %s (all: %v)", c.q, got, want, ids(ms))
			}
			for _, m := range ms {
				if len(c.kinds) > 0 && m.Entity.Kind != c.kinds[0] {
					t.Fatalf("search %q kinds %v returned %s", c.q, c.kinds, m.Entity.ID)
				}
			}
		})
	}

	t.Run("exact ranks above partial", func(t *testing.T) {
		// Iran by name; the Majlis by its alias "Iranian Parliament"; the
		// treaty by its alias "Russia-Iran treaty".
		ms := search(t, kg.EntityQuery{Text: "iran"})
		got := ids(ms)
		if len(got) != 3 || got[0] != IranID || !slices.Contains(got, MajlisID) || !slices.Contains(got, TreatyID) {
			t.Fatalf("search iran = %v, want %s first, then %s and %s", got, IranID, MajlisID, TreatyID)
		}
		if !(ms[0].Score > ms[1].Score) {
			t.Fatalf("exact score %v not above partial %v", ms[0].Score, ms[1].Score)
		}
	})
	t.Run("entity once", func(t *testing.T) {
		// Pezeshkian matches both by name and by two aliases.
		ms := search(t, kg.EntityQuery{Text: "Pezeshkian"})
		n := 0
		for _, m := range ms {
			if m.Entity.ID == PezeshkianID {
				n++
			}
		}
		if got, want := n, 1; got != want {
			t.Fatalf("Pezeshkian returned %d times", got)
		}
		if got := ms[0].Entity; len(got.Aliases) == 0 || got.Name != "Masoud Pezeshkian" {
			t.Fatalf("hit carries an incomplete entity: %+v", got)
		}
	})
	t.Run("kind filter keeps kind", func(t *testing.T) {
		ms := search(t, kg.EntityQuery{Text: "Russia", Kinds: []kg.EntityKind{kg.KindState, kg.KindPlace}})
		if len(ms) != 1 || ms[0].Entity.ID != RussiaID {
			t.Fatalf("search Russia in states and places = %v, want only %s", ids(ms), RussiaID)
		}
	})
	t.Run("limit", func(t *testing.T) {
		all := search(t, kg.EntityQuery{Text: "treaty"})
		if len(all) < 2 {
			t.Fatalf("search treaty = %v, want both treaties", ids(all))
		}
		if got := search(t, kg.EntityQuery{Text: "treaty", Limit: 1}); len(got) != 1 {
			t.Fatalf("limit 1 gave %d hits", len(got))
		}
	})
	t.Run("no match", func(t *testing.T) {
		if ms := search(t, kg.EntityQuery{Text: "Zanzibar Accord"}); len(ms) != 0 {
			t.Fatalf("nonsense query found %v", ids(ms))
		}
	})
	t.Run("invalid", func(t *testing.T) {
		_, err := s.SearchEntities(ctx, kg.EntityQuery{Text: "   "})
		wantCode(t, err, kg.EINVALID)
		_, err = s.SearchEntities(ctx, kg.EntityQuery{Text: "Iran", Kinds: []kg.EntityKind{"Planet"}})
		wantCode(t, err, kg.EINVALID)
		_, err = s.SearchEntities(ctx, kg.EntityQuery{Text: "Iran", Limit: -1})
		wantCode(t, err, kg.EINVALID)
	})
}

func ids(ms []kg.EntityMatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Entity.ID
	}
	return out
}
