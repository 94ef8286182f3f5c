// Package storetest is the conformance suite that every kg.Store backend
// runs, so that SQLite and Neo4j answer the same questions the same way.
package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
)

// Run runs the shared suite. open must return an empty store for each call
// and arrange for it to be closed (t.Cleanup), so subtests stay independent.
func Run(t *testing.T, open func(t *testing.T) kg.Store) {
	t.Run("Save", func(t *testing.T) { runSave(t, open) })
	t.Run("Lookup", func(t *testing.T) { runLookup(t, open) })
	t.Run("FindEvents", func(t *testing.T) { runFind(t, open) })
	t.Run("SearchEntities", func(t *testing.T) { runSearch(t, open) })
	t.Run("Invalid", func(t *testing.T) { runInvalid(t, open) })
	t.Run("ListEntities", func(t *testing.T) { runListEntities(t, open) })
	t.Run("Paths", func(t *testing.T) { runPaths(t, open) })
	t.Run("Subgraph", func(t *testing.T) { runSubgraph(t, open) })
	t.Run("Counterparts", func(t *testing.T) { runCounterparts(t, open) })
	t.Run("Conflicts", func(t *testing.T) { runConflicts(t, open) })
	t.Run("Crosscheck", func(t *testing.T) { runCrosscheck(t, open) })
	t.Run("CanceledTraversals", func(t *testing.T) { runCanceled(t, open) })
}

// SaveAll saves xs in order and fails the test on any error.
func SaveAll(t testing.TB, s kg.Store, xs []*kg.Extraction) {
	t.Helper()
	for _, x := range xs {
		if _, err := s.Save(context.Background(), x); err != nil {
			t.Fatalf("save %s: %v", x.Document.ID, err)
		}
	}
}

// loaded returns a store holding every fixture, and the fixtures.
func loaded(t *testing.T, open func(t *testing.T) kg.Store) (kg.Store, []*kg.Extraction) {
	t.Helper()
	s := open(t)
	xs := Fixtures()
	SaveAll(t, s, xs)
	return s, xs
}

func mustStats(t *testing.T, s kg.Store) kg.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	return st
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := kg.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// allEvents lists every event of xs, later documents replacing none.
func allEvents(xs []*kg.Extraction) []*kg.Event {
	var es []*kg.Event
	for _, x := range xs {
		for i := range x.Events {
			es = append(es, &x.Events[i])
		}
	}
	return es
}

// mergedEntities is what a store should hold after saving xs: entities by
// ID, the first name and kind, aliases and roles accumulated without
// case-insensitive duplicates, the first non-empty country and Wikidata ID.
func mergedEntities(xs []*kg.Extraction) map[string]*kg.Entity {
	m := map[string]*kg.Entity{}
	for _, x := range xs {
		for _, e := range x.Entities {
			got, ok := m[e.ID]
			if !ok {
				got = &kg.Entity{ID: e.ID, Kind: e.Kind, Name: e.Name}
				m[e.ID] = got
			}
			got.Aliases = addFolded(got.Aliases, got.Name, e.Aliases)
			got.Roles = addFolded(got.Roles, "", e.Roles)
			if got.Country == "" {
				got.Country = e.Country
			}
			if got.WikidataID == "" {
				got.WikidataID = e.WikidataID
			}
		}
	}
	return m
}

func addFolded(have []string, name string, add []string) []string {
	for _, a := range add {
		if strings.EqualFold(a, name) || slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, a) }) {
			continue
		}
		have = append(have, a)
	}
	return have
}

// normEntity and normEvent put the parts whose order a backend need not
// keep into a canonical order, so that comparisons test content only.
func normEntity(e kg.Entity) kg.Entity {
	e.Aliases = sortedCopy(e.Aliases)
	e.Roles = sortedCopy(e.Roles)
	return e
}

func normEvent(e kg.Event) kg.Event {
	e.Participants = slices.Clone(e.Participants)
	sort.Slice(e.Participants, func(i, j int) bool {
		a, b := e.Participants[i], e.Participants[j]
		return a.Role+kg.Role(a.EntityID) < b.Role+kg.Role(b.EntityID)
	})
	if len(e.Participants) == 0 {
		e.Participants = nil
	}
	e.Evidence = slices.Clone(e.Evidence)
	sort.Slice(e.Evidence, func(i, j int) bool { return e.Evidence[i].Start < e.Evidence[j].Start })
	if len(e.Evidence) == 0 {
		e.Evidence = nil
	}
	return e
}

func sortedCopy(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	ss = slices.Clone(ss)
	sort.Strings(ss)
	return ss
}

func diffEvent(got *kg.Event, want *kg.Event) string {
	if got == nil {
		return fmt.Sprintf("event %s missing", want.ID)
	}
	g, w := normEvent(*got), normEvent(*want)
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("event %s:\n got %+v\nwant %+v", want.ID, g, w)
	}
	return ""
}

func diffDocument(got, want *kg.Document) string {
	if got == nil {
		return fmt.Sprintf("document %s missing", want.ID)
	}
	g, w := *got, *want
	if !g.LoadedAt.Equal(w.LoadedAt) {
		return fmt.Sprintf("document %s LoadedAt = %v, want %v", want.ID, g.LoadedAt, w.LoadedAt)
	}
	g.LoadedAt = w.LoadedAt
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("document %s:\n got %+v\nwant %+v", want.ID, g, w)
	}
	return ""
}

// EventIDs returns the IDs of es, in order.
func EventIDs(es []*kg.Event) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

// EntityIDs returns the IDs of es, in order.
func EntityIDs(es []*kg.Entity) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}
