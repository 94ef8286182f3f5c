package neo4jstore

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// TestPathStatements checks that every bound kg allows has its statement,
// with that bound in the quantifier, and no other bound has one.
func TestPathStatements(t *testing.T) {
	if got, want := len(pathStatements), kg.MaxPathHops; got != want {
		t.Fatalf("%d path statements, want %d", got, want)
	}
	for hops := 1; hops <= kg.MaxPathHops; hops++ {
		if q := pathStatements[hops]; !strings.Contains(q, fmt.Sprintf("){1,%d}(dst)", hops)) {
			t.Fatalf("statement for %d hops does not bound the pattern by it:\n%s", hops, q)
		}
	}
}

// levelRows is one level of cypherSubgraphLevel's answer: events in order,
// each with its participants by ID.
func levelRows(events ...[]string) []*neo4j.Record {
	var recs []*neo4j.Record
	for _, ev := range events {
		for _, ent := range ev[1:] {
			recs = append(recs, &neo4j.Record{Keys: []string{"eventId", "sortKey", "entityId"}, Values: []any{ev[0], "2025-01-01", ent}})
		}
	}
	return recs
}

// TestSubgraphWalk checks how the node budget is spent over a level's rows,
// which needs no server: the statement only supplies the rows.
func TestSubgraphWalk(t *testing.T) {
	// Seed p; e1 joins a, b, p and z; e2 joins a and p; then e3 from a.
	level1 := levelRows([]string{"e1", "a", "b", "p", "z"}, []string{"e2", "a", "p"})
	level2 := levelRows([]string{"e3", "a", "q"})
	for _, c := range []struct {
		name               string
		budget             int
		entities, events   []string
		next1              []string
		truncated, level2s bool
	}{
		{name: "room to spare", budget: 100, entities: []string{"p", "a", "b", "z", "q"}, events: []string{"e1", "e2", "e3"},
			next1: []string{"a", "b", "z"}, level2s: true},
		{name: "filled exactly", budget: 6, entities: []string{"p", "a", "b", "z"}, events: []string{"e1", "e2"},
			next1: []string{"a", "b", "z"}},
		{name: "filled exactly, more beyond", budget: 6, entities: []string{"p", "a", "b", "z"}, events: []string{"e1", "e2"},
			next1: []string{"a", "b", "z"}, truncated: true, level2s: true},
		{name: "last event cut", budget: 5, entities: []string{"p", "a", "b", "z"}, events: []string{"e1"},
			next1: []string{"a", "b", "z"}, truncated: true},
		{name: "participant cut", budget: 4, entities: []string{"p", "a", "b"}, events: []string{"e1"},
			next1: []string{"a", "b"}, truncated: true},
		{name: "seed only", budget: 1, entities: []string{"p"}, truncated: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := subgraphWalk{kg.NewSubgraphNodes(c.budget)}
			if !w.KeepEntity("p") {
				t.Fatal("seed not taken")
			}
			next := w.level(level1)
			if !slices.Equal(next, c.next1) {
				t.Fatalf("next frontier = %v, want %v", next, c.next1)
			}
			if c.level2s && !w.Truncated {
				w.level(level2)
			}
			got := [2][]string{w.Entities, w.Events}
			if want := [2][]string{c.entities, c.events}; !reflect.DeepEqual(got, want) || w.Truncated != c.truncated {
				t.Fatalf("kept %v (truncated %v), want %v (truncated %v)", got, w.Truncated, want, c.truncated)
			}
			if n := len(w.Entities) + len(w.Events); n > c.budget {
				t.Fatalf("kept %d nodes, budget %d", n, c.budget)
			}
		})
	}

	t.Run("seeds cut", func(t *testing.T) {
		w := subgraphWalk{kg.NewSubgraphNodes(2)}
		for _, id := range []string{"s1", "s1", "s2", "s3"} {
			w.KeepEntity(id)
		}
		if got, want := w.Entities, []string{"s1", "s2"}; !slices.Equal(got, want) || !w.Truncated {
			t.Fatalf("seeds %v (truncated %v), want %v truncated", got, w.Truncated, want)
		}
	})
}

func TestStringColumns(t *testing.T) {
	r := &neo4j.Record{Keys: []string{"ids", "none"}, Values: []any{[]any{"b", "a", "c"}, nil}}
	if got, want := stringList(r, "ids"), []string{"b", "a", "c"}; !slices.Equal(got, want) {
		t.Fatalf("stringList = %v, want %v", got, want)
	}
	if got, want := sortedStrings(r, "ids"), []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Fatalf("sortedStrings = %v, want %v", got, want)
	}
	if got := stringList(r, "none"); len(got) != 0 {
		t.Fatalf("null column read as %v", got)
	}
}
