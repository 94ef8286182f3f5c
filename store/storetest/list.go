package storetest

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/newsgraph/kg"
)

// Semantics of ListEntities are noted at the top of traverse.go.

// ListPages lists the entities of q page by page, q.Limit at a time from
// q.After, and returns them in listing order. It fails t when a page is
// longer than the limit or when paging goes on past max entities.
func ListPages(t *testing.T, s kg.Store, q kg.EntityList, max int) []*kg.Entity {
	t.Helper()
	var all []*kg.Entity
	for {
		page, err := s.ListEntities(context.Background(), q)
		if err != nil {
			t.Fatalf("list %+v: %v", q, err)
		}
		if len(page) > q.Limit {
			t.Fatalf("page of %d for limit %d", len(page), q.Limit)
		}
		if len(page) == 0 {
			return all
		}
		if all = append(all, page...); len(all) > max {
			t.Fatalf("paging listed over %d entities: it does not end", max)
		}
		q.After = page[len(page)-1].ID
	}
}

func runListEntities(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s, xs := loaded(t, open)
	ents := mergedEntities(xs)
	expect := func(q kg.EntityList) []string {
		var ids []string
		for id, e := range ents {
			if id > q.After && (len(q.Kinds) == 0 || slices.Contains(q.Kinds, e.Kind)) {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		return ids
	}
	list := func(t *testing.T, q kg.EntityList) []string {
		t.Helper()
		got, err := s.ListEntities(ctx, q)
		if err != nil {
			t.Fatalf("list %+v: %v", q, err)
		}
		var ids []string
		for _, e := range got {
			ids = append(ids, e.ID)
			if w := ents[e.ID]; w == nil || !reflect.DeepEqual(normEntity(*e), normEntity(*w)) {
				t.Fatalf("entity %+v, want %+v", e, w)
			}
		}
		return ids
	}
	for _, c := range []struct {
		name string
		q    kg.EntityList
		n    int // hand counts
	}{
		{"all", kg.EntityList{}, 14},
		{"kinds", kg.EntityList{Kinds: []kg.EntityKind{kg.KindInstitution, kg.KindPlace}}, 7},
		{"after a prefix", kg.EntityList{After: "person:m"}, 6},
		{"after a stored ID", kg.EntityList{After: PezeshkianID}, 5},
		{"after the last place", kg.EntityList{After: TehranID}, 2},
		{"after everything", kg.EntityList{After: "~"}, 0},
		{"kind and after", kg.EntityList{Kinds: []kg.EntityKind{kg.KindState}, After: IranID}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := expect(c.q)
			if got := len(want); got != c.n {
				t.Fatalf("reference lists %d, hand count %d", got, c.n)
			}
			if got := list(t, c.q); !slices.Equal(got, want) {
				t.Fatalf("ids = %v, want %v", got, want)
			}
			// Keyset pages of every size add up to the whole list.
			for size := 1; size <= 4; size++ {
				q := c.q
				q.Limit = size
				listed := ListPages(t, s, q, len(want))
				for _, e := range listed {
					if w := ents[e.ID]; w == nil || !reflect.DeepEqual(normEntity(*e), normEntity(*w)) {
						t.Fatalf("entity %+v, want %+v", e, w)
					}
				}
				if got := EntityIDs(listed); !slices.Equal(got, want) {
					t.Fatalf("limit %d: pages gave %v, want %v", size, got, want)
				}
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		_, err := s.ListEntities(ctx, kg.EntityList{Limit: -1})
		wantCode(t, err, kg.EINVALID)
		_, err = s.ListEntities(ctx, kg.EntityList{Kinds: []kg.EntityKind{"Planet"}})
		wantCode(t, err, kg.EINVALID)
	})
}
