package neo4jstore

import (
	"context"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/newsgraph/kg"
)

// Document returns one document or ENOTFOUND.
func (s *Store) Document(ctx context.Context, id string) (*kg.Document, error) {
	docs, err := s.Documents(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if docs[0] == nil {
		return nil, kg.Errorf(kg.ENOTFOUND, "document %s not found", id)
	}
	return docs[0], nil
}

// Documents returns documents by ID in the order asked; missing ones are nil.
func (s *Store) Documents(ctx context.Context, ids []string) ([]*kg.Document, error) {
	out := make([]*kg.Document, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	byID := map[string]*kg.Document{}
	err := s.read(ctx, "documents", func(tx neo4j.ManagedTransaction) error {
		recs, err := collect(ctx, tx, cypherDocuments, map[string]any{"ids": ids})
		if err != nil {
			return err
		}
		for _, r := range recs {
			d := nodeDocument(recordNode(r, "d"))
			byID[d.ID] = d
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// Entities returns entities by ID in the order asked; missing ones are nil.
func (s *Store) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	out := make([]*kg.Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var byID map[string]*kg.Entity
	err := s.read(ctx, "entities", func(tx neo4j.ManagedTransaction) error {
		var err error
		byID, err = loadEntities(ctx, tx, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// Events returns events by ID in the order asked; missing ones are nil.
func (s *Store) Events(ctx context.Context, ids []string) ([]*kg.Event, error) {
	var out []*kg.Event
	err := s.read(ctx, "events", func(tx neo4j.ManagedTransaction) error {
		var err error
		out, err = loadEvents(ctx, tx, ids)
		return err
	})
	return out, err
}

// loadEvents reads events, their participants and their evidence with three
// key lookups, which avoids the row explosion of one query with two
// optional expansions.
func loadEvents(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]*kg.Event, error) {
	out := make([]*kg.Event, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	// Each ID once: a repeated one would repeat its participant and
	// evidence rows.
	params := map[string]any{"ids": uniq(ids)}
	recs, err := collect(ctx, tx, cypherEvents, params)
	if err != nil {
		return nil, err
	}
	byID := map[string]*kg.Event{}
	for _, r := range recs {
		e := nodeEvent(recordNode(r, "e"))
		byID[e.ID] = e
	}
	type ordered[T any] struct {
		ord int64
		v   T
	}
	parts := map[string][]ordered[kg.Participant]{}
	recs, err = collect(ctx, tx, cypherEventParticipants, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, role := str(r, "eventId"), roleOf(str(r, "role"))
		parts[id] = append(parts[id], ordered[kg.Participant]{integer(r, "ord"), kg.Participant{EntityID: str(r, "entityId"), Role: role}})
	}
	evs := map[string][]ordered[kg.Evidence]{}
	recs, err = collect(ctx, tx, cypherEventEvidence, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id := str(r, "eventId")
		evs[id] = append(evs[id], ordered[kg.Evidence]{integer(r, "ord"), kg.Evidence{
			DocumentID: str(r, "documentId"), Sentence: str(r, "sentence"),
			Start: int(integer(r, "startOffset")), End: int(integer(r, "endOffset")), Rule: str(r, "rule"),
		}})
	}
	for id, e := range byID {
		ps := parts[id]
		sort.Slice(ps, func(i, j int) bool { return ps[i].ord < ps[j].ord })
		for _, p := range ps {
			e.Participants = append(e.Participants, p.v)
		}
		vs := evs[id]
		sort.Slice(vs, func(i, j int) bool { return vs[i].ord < vs[j].ord })
		for _, v := range vs {
			e.Evidence = append(e.Evidence, v.v)
		}
	}
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// roleOf maps a participant relationship type back to its role.
func roleOf(relType string) kg.Role {
	switch relType {
	case "AGENT":
		return kg.RoleAgent
	case "OBJECT":
		return kg.RoleObject
	case "LOCATION":
		return kg.RoleLocation
	}
	return kg.Role(relType)
}

func nodeDocument(p map[string]any) *kg.Document {
	d := &kg.Document{
		ID: prop(p, "id"), Title: prop(p, "title"), URL: prop(p, "url"), Author: prop(p, "author"),
		Published: kg.Date{
			Value: prop(p, "publishedValue"), Precision: kg.Precision(prop(p, "publishedPrecision")),
			Earliest: dateProp(p, "publishedEarliest"), Latest: dateProp(p, "publishedLatest"),
			Text: prop(p, "publishedText"),
		},
		ContentHash: prop(p, "contentHash"), Source: prop(p, "source"), Text: prop(p, "text"),
		Extractor: prop(p, "extractor"),
	}
	switch t := p["loadedAt"].(type) {
	case time.Time:
		d.LoadedAt = t.UTC()
	case string:
		d.LoadedAt, _ = time.Parse(time.RFC3339Nano, t)
	}
	return d
}

func nodeEntity(p map[string]any) *kg.Entity {
	return &kg.Entity{
		ID: prop(p, "id"), Kind: kg.EntityKind(prop(p, "kind")), Name: prop(p, "name"),
		Aliases: listProp(p, "aliases"), Country: prop(p, "country"), WikidataID: prop(p, "wikidataId"),
		Roles: listProp(p, "roles"),
	}
}

func nodeEvent(p map[string]any) *kg.Event {
	return &kg.Event{
		ID: prop(p, "id"), Type: kg.EventType(prop(p, "type")), Status: kg.Status(prop(p, "status")),
		DocumentID: prop(p, "documentId"),
		Date: kg.Date{
			Value: prop(p, "dateValue"), Precision: kg.Precision(prop(p, "precision")),
			Earliest: dateProp(p, "earliest"), Latest: dateProp(p, "latest"), Text: prop(p, "dateText"),
		},
	}
}

func recordNode(r *neo4j.Record, key string) map[string]any {
	v, _ := r.Get(key)
	if n, ok := v.(dbtype.Node); ok {
		return n.Props
	}
	return nil
}

func prop(p map[string]any, key string) string {
	s, _ := p[key].(string)
	return s
}

// dateProp formats a native date property as YYYY-MM-DD.
func dateProp(p map[string]any, key string) string {
	switch v := p[key].(type) {
	case dbtype.Date:
		return time.Time(v).Format(kg.DayLayout)
	case time.Time:
		return v.Format(kg.DayLayout)
	case string:
		return v
	}
	return ""
}

func listProp(p map[string]any, key string) []string {
	vs, _ := p[key].([]any)
	if len(vs) == 0 {
		return nil
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func str(r *neo4j.Record, key string) string {
	v, _ := r.Get(key)
	s, _ := v.(string)
	return s
}

func integer(r *neo4j.Record, key string) int64 {
	v, _ := r.Get(key)
	n, _ := v.(int64)
	return n
}
