package storetest

import (
	"context"
	"testing"

	"github.com/newsgraph/kg"
)

// runInvalid checks that malformed extractions are refused with EINVALID
// and leave no trace, including those refused only after the backend has
// started writing (a participant that is neither in the extraction nor
// stored).
func runInvalid(t *testing.T, open func(t *testing.T) kg.Store) {
	ctx := context.Background()
	cases := []struct {
		name  string
		spoil func(x *kg.Extraction)
	}{
		{"nil document ID", func(x *kg.Extraction) { x.Document.ID = "" }},
		{"unknown kind", func(x *kg.Extraction) { x.Entities[2].Kind = "Planet" }},
		{"empty entity ID", func(x *kg.Extraction) { x.Entities[1].ID = "" }},
		{"unknown type", func(x *kg.Extraction) { x.Events[1].Type = "SOLD" }},
		{"unknown status", func(x *kg.Extraction) { x.Events[1].Status = "rumoured" }},
		{"unknown role", func(x *kg.Extraction) { x.Events[0].Participants[1].Role = "witness" }},
		{"unknown precision", func(x *kg.Extraction) { x.Events[0].Date.Precision = "fortnight" }},
		{"bad date bound", func(x *kg.Extraction) { x.Events[0].Date.Earliest = "January 2025" }},
		{"empty event ID", func(x *kg.Extraction) { x.Events[2].ID = "" }},
		{"event of another document", func(x *kg.Extraction) { x.Events[0].DocumentID = "doc:other" }},
		{"negative evidence offset", func(x *kg.Extraction) { x.Events[0].Evidence[0].Start = -1 }},
		{"unknown participant", func(x *kg.Extraction) {
			// Last, so that a backend that writes as it goes has written
			// the document, the entities and the other events by then.
			last := &x.Events[len(x.Events)-1]
			last.Participants = append(last.Participants, kg.Participant{EntityID: "person:nobody", Role: kg.RoleAgent})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			// A stored document first, to see it is left alone.
			SaveAll(t, s, Fixtures()[:1])
			before := mustStats(t, s)
			x := Fixtures()[2]
			c.spoil(x)
			_, err := s.Save(ctx, x)
			wantCode(t, err, kg.EINVALID)
			if got := mustStats(t, s); got != before {
				t.Fatalf("stats after refused save = %+v, want %+v", got, before)
			}
			if x.Document.ID != "" {
				_, err := s.Document(ctx, x.Document.ID)
				wantCode(t, err, kg.ENOTFOUND)
			}
			got, err := s.Entities(ctx, []string{MajlisID, TehranID, GuardianID})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range got {
				if e != nil {
					t.Fatalf("entity %s of a refused save was stored", e.ID)
				}
			}
		})
	}

	t.Run("stored participant", func(t *testing.T) {
		// A participant that is not in the extraction but already stored
		// is fine: loaders may refer to entities they did not describe.
		s := open(t)
		SaveAll(t, s, Fixtures()[:1])
		x := Fixtures()[2]
		x.Events[0].Participants = append(x.Events[0].Participants, kg.Participant{EntityID: MoscowID, Role: kg.RoleLocation})
		x.Events[0].ID = kg.EventID(&x.Events[0])
		if _, err := s.Save(ctx, x); err != nil {
			t.Fatalf("save with a stored participant: %v", err)
		}
		page, err := s.FindEvents(ctx, kg.EventFilter{ParticipantIDs: []string{MoscowID}, DocumentIDs: []string{x.Document.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := page.Total, 1; got != want {
			t.Fatalf("events at Moscow in document = %d, want %d", got, want)
		}
	})

	t.Run("nil extraction", func(t *testing.T) {
		_, err := open(t).Save(ctx, nil)
		wantCode(t, err, kg.EINVALID)
	})
}
