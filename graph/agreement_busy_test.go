package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/graph/dataload"
	"github.com/newsgraph/kg/store/sqlite"
)

// busyAgreement returns one document reporting n daily ratifications of
// one agreement by one institution, then its entry into force: more events
// than the AgreementEvents loader holds.
func busyAgreement(n int) *kg.Extraction {
	x := &kg.Extraction{Document: kg.Document{Title: "A busy treaty", Source: "test", Extractor: "test/v1",
		Published: kg.Unresolved(""), LoadedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}}
	inst := kg.Entity{Kind: kg.KindInstitution, Name: "Busy Parliament", Country: "BZ"}
	state := kg.Entity{Kind: kg.KindState, Name: "Busyland", Country: "BZ"}
	pact := kg.Entity{Kind: kg.KindAgreement, Name: "Busy Pact"}
	for _, e := range []*kg.Entity{&inst, &state, &pact} {
		e.ID = kg.EntityID(e.Kind, e.Name)
		x.Entities = append(x.Entities, *e)
	}
	var text strings.Builder
	add := func(t kg.EventType, d kg.Date, ps ...kg.Participant) {
		s := fmt.Sprintf("Report %d: %s %s.", len(x.Events), t, d.Value)
		start := text.Len()
		text.WriteString(s + " ")
		x.Events = append(x.Events, kg.Event{Type: t, Status: kg.StatusOccurred, Date: d, Participants: ps,
			Evidence: []kg.Evidence{{Sentence: s, Start: start, End: start + len(s), Rule: "test"}}})
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		add(kg.EventRatified, kg.Day(day.AddDate(0, 0, i)), kg.Participant{EntityID: inst.ID, Role: kg.RoleAgent},
			kg.Participant{EntityID: pact.ID, Role: kg.RoleObject})
	}
	add(kg.EventEnteredIntoForce, kg.Day(day.AddDate(0, 0, n)), kg.Participant{EntityID: pact.ID, Role: kg.RoleObject})
	x.Document.Text = text.String()
	x.Document.ContentHash = kg.ContentHash(x.Document.Text)
	x.Document.ID = kg.DocumentID(x.Document.ContentHash)
	for i := range x.Events {
		x.Events[i].DocumentID = x.Document.ID
		x.Events[i].Evidence[0].DocumentID = x.Document.ID
		x.Events[i].ID = kg.EventID(&x.Events[i])
	}
	return x
}

// TestBusyAgreement checks the agreement fields past the loader's cap:
// they must page from the store rather than stop at the cap.
func TestBusyAgreement(t *testing.T) {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := dataload.MaxAgreementEvents + 20
	x := busyAgreement(n)
	if _, err := s.Save(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Entity struct {
			Parties        []idOnly
			Ratifications  []idOnly
			EntryIntoForce []idOnly
			StageAsOf      *struct{ Stage string }
		}
	}
	query(t, graph.NewHandler(s, graph.Options{}), `{ entity(name: "Busy Pact") { ... on Agreement {
	  parties { id } ratifications(first: 3) { id } entryIntoForce { id } stageAsOf(date: "2030-01-01") { stage } } } }`, nil, &r)
	last := x.Events[n]
	if got := ids(r.Entity.EntryIntoForce); !reflect.DeepEqual(got, []string{last.ID}) {
		t.Fatalf("entryIntoForce = %v, want the %d-th event %s", got, n+1, last.ID)
	}
	if got, want := ids(r.Entity.Ratifications), []string{x.Events[0].ID, x.Events[1].ID, x.Events[2].ID}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ratifications(first: 3) = %v, want %v", got, want)
	}
	if r.Entity.StageAsOf == nil || r.Entity.StageAsOf.Stage != "ENTERED_INTO_FORCE" {
		t.Fatalf("stageAsOf = %+v, want ENTERED_INTO_FORCE", r.Entity.StageAsOf)
	}
	if got := ids(r.Entity.Parties); !reflect.DeepEqual(got, []string{kg.EntityID(kg.KindState, "Busyland")}) {
		t.Fatalf("parties = %v, want Busyland through its parliament", got)
	}
}
