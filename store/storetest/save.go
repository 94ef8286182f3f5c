package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/newsgraph/kg"
)

func runSave(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()

	t.Run("RoundTrip", func(t *testing.T) {
		s, xs := loaded(t, open)
		for _, x := range xs {
			doc, err := s.Document(ctx, x.Document.ID)
			if err != nil {
				t.Fatalf("document %s: %v", x.Document.ID, err)
			}
			if d := diffDocument(doc, &x.Document); d != "" {
				t.Error(d)
			}
			ids := EventIDs(allEvents([]*kg.Extraction{x}))
			got, err := s.Events(ctx, ids)
			if err != nil {
				t.Fatalf("events: %v", err)
			}
			for i := range x.Events {
				if d := diffEvent(got[i], &x.Events[i]); d != "" {
					t.Error(d)
				}
			}
		}
		want := mergedEntities(xs)
		for id, w := range want {
			got, err := s.Entities(ctx, []string{id})
			if err != nil {
				t.Fatalf("entities: %v", err)
			}
			if got[0] == nil {
				t.Errorf("entity %s missing", id)
				continue
			}
			if g, w := normEntity(*got[0]), normEntity(*w); !reflect.DeepEqual(g, w) {
				t.Errorf("entity %s:\n got %+v\nwant %+v", id, g, w)
			}
		}
	})

	t.Run("Result", func(t *testing.T) {
		s := open(t)
		x := Fixtures()[0]
		res, err := s.Save(ctx, x)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := res, (kg.SaveResult{Entities: len(x.Entities), Events: len(x.Events)}); got != want {
			t.Fatalf("first save = %+v, want %+v", got, want)
		}
	})

	t.Run("Stats", func(t *testing.T) {
		s, xs := loaded(t, open)
		want := kg.Stats{Documents: len(xs), Entities: len(mergedEntities(xs)), Events: len(allEvents(xs))}
		if got := mustStats(t, s); got != want {
			t.Fatalf("stats = %+v, want %+v", got, want)
		}
		if got, want := want, (kg.Stats{Documents: 4, Entities: 14, Events: 17}); got != want {
			t.Fatalf("fixtures changed: %+v, want %+v", got, want)
		}
	})

	t.Run("Unchanged", func(t *testing.T) {
		s, _ := loaded(t, open)
		before := mustStats(t, s)
		for _, x := range Fixtures() {
			res, err := s.Save(ctx, x)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Unchanged {
				t.Fatalf("second save of %s: Unchanged = false", x.Document.ID)
			}
		}
		if got := mustStats(t, s); got != before {
			t.Fatalf("stats after re-save = %+v, want %+v", got, before)
		}
	})

	t.Run("NewExtractorReplacesEvents", func(t *testing.T) {
		s, xs := loaded(t, open)
		before := mustStats(t, s)
		old := xs[2]
		x := Fixtures()[2]
		x.Document.Extractor = "fixtures/v2"
		// v2 drops the first two events and reads the third differently.
		x.Events = x.Events[2:]
		x.Events[0].Status = kg.StatusAlleged
		x.Events[0].ID = kg.EventID(&x.Events[0])
		res, err := s.Save(ctx, x)
		if err != nil {
			t.Fatal(err)
		}
		if res.Unchanged {
			t.Fatal("save with a new extractor reported Unchanged")
		}
		page, err := s.FindEvents(ctx, kg.EventFilter{DocumentIDs: []string{x.Document.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sortedCopy(EventIDs(page.Events)), sortedCopy(EventIDs(allEvents([]*kg.Extraction{x}))); !reflect.DeepEqual(got, want) {
			t.Fatalf("events of re-extracted document = %v, want %v", got, want)
		}
		gone, err := s.Events(ctx, []string{old.Events[0].ID, old.Events[1].ID, old.Events[2].ID})
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range gone {
			if e != nil {
				t.Errorf("old event %d still stored: %+v", i, e)
			}
		}
		doc, err := s.Document(ctx, x.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := doc.Extractor, "fixtures/v2"; got != want {
			t.Fatalf("extractor = %q, want %q", got, want)
		}
		want := before
		want.Events -= 2
		if got := mustStats(t, s); got != want {
			t.Fatalf("stats = %+v, want %+v", got, want)
		}
	})

	t.Run("AliasesAccumulate", func(t *testing.T) {
		s := open(t)
		xs := Fixtures()
		SaveAll(t, s, xs)
		// Saving again under a new extractor must not duplicate anything.
		for _, x := range Fixtures() {
			x.Document.Extractor = "fixtures/v2"
			SaveAll(t, s, []*kg.Extraction{x})
		}
		got, err := s.Entities(ctx, []string{PezeshkianID, RussiaID, PutinID})
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range []struct{ aliases, roles []string }{
			{[]string{"Dr. Pezeshkian", "Pezeshkian"}, []string{"President of Iran", "President of the Islamic Republic of Iran"}},
			{[]string{"RF", "Russian Federation"}, nil},
			{[]string{"President Putin", "Putin"}, []string{"President of Russia", "Supreme Commander-in-Chief"}},
		} {
			e := normEntity(*got[i])
			if !reflect.DeepEqual(e.Aliases, want.aliases) {
				t.Errorf("%s aliases = %q, want %q", e.ID, e.Aliases, want.aliases)
			}
			if !reflect.DeepEqual(e.Roles, want.roles) {
				t.Errorf("%s roles = %q, want %q", e.ID, e.Roles, want.roles)
			}
		}
		if got, want := got[0].WikidataID, "Q5954129"; got != want {
			t.Errorf("wikidata ID = %q, want %q (a later document without one must not erase it)", got, want)
		}
	})

	t.Run("Ping", func(t *testing.T) {
		if err := open(t).Ping(ctx); err != nil {
			t.Fatalf("ping: %v", err)
		}
	})

	t.Run("CanceledContext", func(t *testing.T) {
		s := open(t)
		canceled, cancel := context.WithCancel(ctx)
		cancel()
		x := Fixtures()[0]
		if _, err := s.Save(canceled, x); err == nil {
			t.Fatal("save with a canceled context succeeded")
		}
		if _, err := s.FindEvents(canceled, kg.EventFilter{}); err == nil {
			t.Fatal("find with a canceled context succeeded")
		}
		if got, want := mustStats(t, s), (kg.Stats{}); got != want {
			t.Fatalf("stats = %+v, want %+v", got, want)
		}
		_, err := s.Document(ctx, x.Document.ID)
		wantCode(t, err, kg.ENOTFOUND)
	})
}

func runLookup(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	s, xs := loaded(t, open)

	t.Run("DocumentNotFound", func(t *testing.T) {
		_, err := s.Document(ctx, "doc:missing")
		wantCode(t, err, kg.ENOTFOUND)
	})
	t.Run("Documents", func(t *testing.T) {
		got, err := s.Documents(ctx, []string{xs[1].Document.ID, "doc:missing", xs[0].Document.ID, xs[1].Document.ID})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(got), 4; got != want {
			t.Fatalf("len = %d, want %d", got, want)
		}
		for i, want := range []*kg.Document{&xs[1].Document, nil, &xs[0].Document, &xs[1].Document} {
			if want == nil {
				if got[i] != nil {
					t.Errorf("[%d] = %s, want nil", i, got[i].ID)
				}
			} else if d := diffDocument(got[i], want); d != "" {
				t.Errorf("[%d] %s", i, d)
			}
		}
	})
	t.Run("Entities", func(t *testing.T) {
		ids := []string{TehranID, "person:nobody", PutinID, TreatyID}
		got, err := s.Entities(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(got), len(ids); got != want {
			t.Fatalf("len = %d, want %d", got, want)
		}
		for i, id := range ids {
			switch {
			case id == "person:nobody" && got[i] != nil:
				t.Errorf("[%d] = %s, want nil", i, got[i].ID)
			case id != "person:nobody" && (got[i] == nil || got[i].ID != id):
				t.Errorf("[%d] = %v, want %s", i, got[i], id)
			}
		}
	})
	t.Run("Events", func(t *testing.T) {
		want := []*kg.Event{&xs[3].Events[1], nil, &xs[0].Events[0]}
		got, err := s.Events(ctx, []string{want[0].ID, "event:missing", want[2].ID})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(got), 3; got != want {
			t.Fatalf("len = %d, want %d", got, want)
		}
		if got[1] != nil {
			t.Errorf("[1] = %s, want nil", got[1].ID)
		}
		for _, i := range []int{0, 2} {
			if d := diffEvent(got[i], want[i]); d != "" {
				t.Error(d)
			}
		}
	})
	t.Run("Empty", func(t *testing.T) {
		docs, err := s.Documents(ctx, nil)
		if err != nil || len(docs) != 0 {
			t.Fatalf("Documents(nil) = %v, %v", docs, err)
		}
		ents, err := s.Entities(ctx, []string{})
		if err != nil || len(ents) != 0 {
			t.Fatalf("Entities([]) = %v, %v", ents, err)
		}
		evs, err := s.Events(ctx, nil)
		if err != nil || len(evs) != 0 {
			t.Fatalf("Events(nil) = %v, %v", evs, err)
		}
	})
}
