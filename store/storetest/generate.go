package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/newsgraph/kg"
)

// Pool sizes of generated entities; a generated store of n documents
// reuses them, as real news keeps naming the same actors.
const (
	genPersons      = 400
	genStates       = 60
	genInstitutions = 200
	genAgreements   = 1000
	genPlaces       = 100
)

// GenAgreementID returns the ID of the i-th generated agreement, for
// filters in benchmarks.
func GenAgreementID(i int) string {
	return kg.EntityID(kg.KindAgreement, fmt.Sprintf("Agreement %04d", i%genAgreements))
}

// GenPersonID returns the ID of the i-th generated person.
func GenPersonID(i int) string {
	return kg.EntityID(kg.KindPerson, fmt.Sprintf("Person %03d", i%genPersons))
}

// GenStateID returns the ID of the i-th generated state.
func GenStateID(i int) string {
	return kg.EntityID(kg.KindState, fmt.Sprintf("State %02d", i%genStates))
}

// Generate returns a synthetic extraction: document n with the given number
// of events between generated actors and agreements, dated 2000–2025 with
// every precision and status. The same n gives the same extraction.
func Generate(n, events int) *kg.Extraction {
	r := rand.New(rand.NewPCG(uint64(n), 0x6b67))
	b := newDoc(fmt.Sprintf("Generated report %d", n), fmt.Sprintf("https://gen.example/%d", n), "generator", "generated",
		kg.Day(time.Date(2000+n%26, time.Month(1+n%12), 1+n%28, 0, 0, 0, 0, time.UTC)))
	b.x.Document.Extractor = "generated/v1"
	seen := map[string]bool{}
	use := func(kind kg.EntityKind, name string) string {
		id := kg.EntityID(kind, name)
		if !seen[id] {
			seen[id] = true
			b.entity(kg.Entity{Kind: kind, Name: name, Aliases: []string{name + " alias " + fmt.Sprint(n%3)}})
		}
		return id
	}
	for j := 0; j < events; j++ {
		var agentID string
		switch r.IntN(3) {
		case 0:
			agentID = use(kg.KindPerson, fmt.Sprintf("Person %03d", r.IntN(genPersons)))
		case 1:
			agentID = use(kg.KindState, fmt.Sprintf("State %02d", r.IntN(genStates)))
		default:
			agentID = use(kg.KindInstitution, fmt.Sprintf("Institution %03d", r.IntN(genInstitutions)))
		}
		objectID := use(kg.KindAgreement, fmt.Sprintf("Agreement %04d", r.IntN(genAgreements)))
		ps := []kg.Participant{agent(agentID), object(objectID)}
		if r.IntN(4) == 0 {
			ps = append(ps, place(use(kg.KindPlace, fmt.Sprintf("Place %03d", r.IntN(genPlaces)))))
		}
		d := genDate(r)
		if !d.Resolved() {
			d.Text = fmt.Sprintf("%s (item %d)", d.Text, j) // keeps event IDs distinct
		}
		s := b.sentence(fmt.Sprintf("Report %d item %d: %s acted on %s (%s).", n, j, agentID, objectID, d.Value), "generated")
		status := kg.StatusOccurred
		if r.IntN(3) == 0 {
			status = kg.Statuses[r.IntN(len(kg.Statuses))]
		}
		b.event(kg.EventTypes[r.IntN(len(kg.EventTypes))], status, d, ev(s), ps...)
	}
	return b.done()
}

func genDate(r *rand.Rand) kg.Date {
	t := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(26*365))
	switch r.IntN(10) {
	case 0:
		return kg.Month(t.Year(), t.Month())
	case 1:
		return kg.Year(t.Year())
	case 2:
		return kg.Week(t)
	case 3:
		return kg.Interval(t, t.AddDate(0, 0, 1+r.IntN(20)))
	case 4:
		return kg.OnOrBefore(t)
	case 5:
		return kg.OnOrAfter(t)
	case 6:
		return kg.DayOfYearUnknown(t.Month(), t.Day())
	case 7:
		return kg.Unresolved("some day")
	default:
		return kg.Day(t)
	}
}
