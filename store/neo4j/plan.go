package neo4jstore

import (
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// plan is the rows one save writes, grouped by the statement that writes
// them. Rows are maps because that is what Cypher's UNWIND reads.
type plan struct {
	docIDs       []string
	documents    []map[string]any
	entities     map[kg.EntityKind][]map[string]any
	events       []map[string]any
	participants map[kg.Role][]map[string]any
	evidence     []map[string]any
	actions      map[kg.EventType][]map[string]any
	// external are entity IDs that events name but no extraction describes.
	external []string
}

// rows counts every row of the plan, for benchmarks.
func (p *plan) rows() int {
	n := len(p.documents) + len(p.events) + len(p.evidence)
	for _, rs := range p.entities {
		n += len(rs)
	}
	for _, rs := range p.participants {
		n += len(rs)
	}
	for _, rs := range p.actions {
		n += len(rs)
	}
	return n
}

// planRows turns validated extractions into rows. Entities met more than
// once are merged here with the same rules the Cypher applies to stored
// ones, so a batch never holds two rows for one node.
func planRows(xs []*kg.Extraction) *plan {
	p := &plan{
		entities:     map[kg.EntityKind][]map[string]any{},
		participants: map[kg.Role][]map[string]any{},
		actions:      map[kg.EventType][]map[string]any{},
	}
	merged := map[string]*kg.Entity{}
	var order []string
	for _, x := range xs {
		p.docIDs = append(p.docIDs, x.Document.ID)
		p.documents = append(p.documents, documentRow(&x.Document))
		for _, e := range x.Entities {
			m, ok := merged[e.ID]
			if !ok {
				m = &kg.Entity{ID: e.ID, Kind: e.Kind, Name: e.Name}
				merged[e.ID] = m
				order = append(order, e.ID)
			}
			m.Aliases = addFolded(m.Aliases, m.Name, e.Aliases)
			m.Roles = addFolded(m.Roles, "", e.Roles)
			if m.Country == "" {
				m.Country = e.Country
			}
			if m.WikidataID == "" {
				m.WikidataID = e.WikidataID
			}
		}
		for i := range x.Events {
			p.addEvent(&x.Events[i])
		}
	}
	for _, x := range xs {
		for _, e := range x.Events {
			for _, pt := range e.Participants {
				if merged[pt.EntityID] == nil && !contains(p.external, pt.EntityID) {
					p.external = append(p.external, pt.EntityID)
				}
			}
		}
	}
	for _, id := range order {
		e := merged[id]
		p.entities[e.Kind] = append(p.entities[e.Kind], map[string]any{
			"id": e.ID, "kind": string(e.Kind), "name": e.Name,
			"aliases": strs(e.Aliases), "roles": strs(e.Roles),
			"country": nilIfEmpty(e.Country), "wikidataId": nilIfEmpty(e.WikidataID),
		})
	}
	return p
}

func (p *plan) addEvent(e *kg.Event) {
	row := dateRow(e.Date)
	row["id"], row["type"], row["status"], row["documentId"] = e.ID, string(e.Type), string(e.Status), e.DocumentID
	row["sortKey"] = e.Date.SortKey()
	p.events = append(p.events, row)
	for i, pt := range e.Participants {
		p.participants[pt.Role] = append(p.participants[pt.Role], map[string]any{
			"eventId": e.ID, "entityId": pt.EntityID, "ord": i,
		})
	}
	for i, ev := range e.Evidence {
		p.evidence = append(p.evidence, map[string]any{
			"eventId": e.ID, "documentId": ev.DocumentID, "ord": i,
			"sentence": ev.Sentence, "start": ev.Start, "end": ev.End, "rule": ev.Rule,
		})
	}
	for _, a := range uniq(e.Agents()) {
		for _, o := range uniq(e.Objects()) {
			row := dateRow(e.Date)
			row["eventId"], row["agentId"], row["objectId"] = e.ID, a, o
			row["status"], row["documentId"] = string(e.Status), e.DocumentID
			p.actions[e.Type] = append(p.actions[e.Type], row)
		}
	}
}

// dateRow carries a kg.Date as strings; the statements build native dates
// from the bounds with date(), which reads null as null.
func dateRow(d kg.Date) map[string]any {
	return map[string]any{
		"value": d.Value, "precision": string(d.Precision), "text": d.Text,
		"earliest": nilIfEmpty(d.Earliest), "latest": nilIfEmpty(d.Latest),
	}
}

func documentRow(d *kg.Document) map[string]any {
	return map[string]any{
		"id": d.ID, "title": d.Title, "url": d.URL, "author": d.Author,
		"publishedValue": d.Published.Value, "publishedPrecision": string(d.Published.Precision),
		"publishedEarliest": nilIfEmpty(d.Published.Earliest), "publishedLatest": nilIfEmpty(d.Published.Latest),
		"publishedText": d.Published.Text,
		"contentHash":   d.ContentHash, "source": d.Source, "text": d.Text, "extractor": d.Extractor,
		"loadedAt": d.LoadedAt.UTC().Format(time.RFC3339Nano),
	}
}

// addFolded appends the strings of add that are not already in have and do
// not equal name, ignoring case.
func addFolded(have []string, name string, add []string) []string {
	for _, a := range add {
		if strings.EqualFold(a, name) || containsFolded(have, a) {
			continue
		}
		have = append(have, a)
	}
	return have
}

func containsFolded(ss []string, s string) bool {
	for _, h := range ss {
		if strings.EqualFold(h, s) {
			return true
		}
	}
	return false
}

// uniq returns ss without repeats, in first-seen order.
func uniq(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, h := range ss {
		if h == s {
			return true
		}
	}
	return false
}

// strs makes a nil slice an empty list, which Cypher's list operators need.
func strs(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
