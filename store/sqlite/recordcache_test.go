package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// TestRecordCache checks that cached events and documents follow every
// change: a caller that changes what it was given, and the same document
// read again by a new extractor version through another store on the same
// file (as another process would), which replaces its events' evidence
// and its title under the same IDs.
func TestRecordCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s, other := openAt(t, path), openAt(t, path)
	x := storetest.Generate(0, 20)
	storetest.SaveAll(t, s, []*kg.Extraction{x})
	var ids []string
	for _, e := range x.Events {
		ids = append(ids, e.ID)
	}
	read := func() ([]*kg.Event, *kg.Document) {
		t.Helper()
		es, err := s.Events(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range es {
			if e == nil || len(e.Evidence) == 0 || len(e.Participants) == 0 {
				t.Fatalf("event %s = %+v, want it with evidence and participants", ids[i], e)
			}
		}
		d, err := s.Document(ctx, x.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		return es, d
	}
	read()
	es, d := read() // from the cache
	es[0].Evidence[0].Sentence, es[0].Participants[0].EntityID, d.Title = "changed", "changed", "changed"
	if got, gotDoc := read(); got[0].Evidence[0].Sentence == "changed" || got[0].Participants[0].EntityID == "changed" ||
		gotDoc.Title == "changed" {
		t.Fatalf("a caller's change reached the cache: %+v, %+v", got[0], gotDoc)
	}

	again := storetest.Generate(0, 20)
	again.Document.Extractor, again.Document.Title = "generated/v2", "Retitled report"
	for i := range again.Events {
		again.Events[i].Evidence[0].Sentence = "Read again."
	}
	storetest.SaveAll(t, other, []*kg.Extraction{again})
	es, d = read()
	for _, e := range es {
		if got := e.Evidence[0].Sentence; got != "Read again." {
			t.Fatalf("%s evidence = %q after another store re-read the document, want the new sentence", e.ID, got)
		}
	}
	if d.Title != "Retitled report" || d.Extractor != "generated/v2" {
		t.Fatalf("document = %q by %q after another store re-read it, want the new title and extractor", d.Title, d.Extractor)
	}
	page, err := s.FindEvents(ctx, kg.EventFilter{DocumentIDs: []string{x.Document.ID}, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) == 0 || page.Events[0].Evidence[0].Sentence != "Read again." {
		t.Fatalf("FindEvents after the re-read = %+v, want events with the new sentence", page.Events)
	}
}
