package neo4jstore

import (
	"fmt"
	"time"

	"github.com/newsgraph/kg"
)

// generate makes n deterministic extractions over a pool of entities that
// recur across documents, so that loads merge entities as real ones do.
// Each has perDoc events with two agents, one object and one sentence.
func generate(n, perDoc int, salt string) []*kg.Extraction {
	kinds := []kg.EntityKind{kg.KindPerson, kg.KindState, kg.KindInstitution, kg.KindPlace}
	pool := make([]kg.Entity, 200)
	for i := range pool {
		k := kinds[i%len(kinds)]
		name := fmt.Sprintf("%s Number %d", k, i)
		pool[i] = kg.Entity{ID: kg.EntityID(k, name), Kind: k, Name: name,
			Aliases: []string{fmt.Sprintf("Alias %d-%d", i, i%3)}, Country: "RU"}
	}
	treaties := make([]kg.Entity, 20)
	for i := range treaties {
		name := fmt.Sprintf("Treaty Number %d", i)
		treaties[i] = kg.Entity{ID: kg.EntityID(kg.KindAgreement, name), Kind: kg.KindAgreement, Name: name}
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	xs := make([]*kg.Extraction, n)
	for d := range xs {
		text := fmt.Sprintf("Generated document %d %s.", d, salt)
		x := &kg.Extraction{Document: kg.Document{
			Title: fmt.Sprintf("Document %d", d), Text: text, ContentHash: kg.ContentHash(text),
			Published: kg.Day(base.AddDate(0, 0, d)), Source: "generated", Extractor: "gen/v1",
			LoadedAt: base,
		}}
		x.Document.ID = kg.DocumentID(x.Document.ContentHash)
		seen := map[string]bool{}
		add := func(e kg.Entity) {
			if !seen[e.ID] {
				seen[e.ID] = true
				x.Entities = append(x.Entities, e)
			}
		}
		for j := 0; j < perDoc; j++ {
			a, b := pool[(d*7+j*3)%len(pool)], pool[(d*11+j*5+1)%len(pool)]
			t := treaties[(d+j)%len(treaties)]
			add(a)
			add(b)
			add(t)
			e := kg.Event{
				Type: kg.EventTypes[(d+j)%len(kg.EventTypes)], Status: kg.StatusOccurred,
				Date: kg.Day(base.AddDate(0, 0, d+j)), DocumentID: x.Document.ID,
				Participants: []kg.Participant{{EntityID: a.ID, Role: kg.RoleAgent}, {EntityID: b.ID, Role: kg.RoleAgent},
					{EntityID: t.ID, Role: kg.RoleObject}},
				Evidence: []kg.Evidence{{DocumentID: x.Document.ID, Sentence: text, Start: 0, End: len(text), Rule: "gen"}},
			}
			if a.ID == b.ID {
				e.Participants = append(e.Participants[:1], e.Participants[2])
			}
			e.ID = kg.EventID(&e)
			x.Events = append(x.Events, e)
		}
		xs[d] = x
	}
	return xs
}
