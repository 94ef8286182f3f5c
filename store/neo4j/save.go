package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// Save writes one document, its entities and its events in one write
// transaction. See kg.Store.
func (s *Store) Save(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	res, err := s.SaveBatch(ctx, []*kg.Extraction{x})
	if err != nil {
		return kg.SaveResult{}, err
	}
	return res[0], nil
}

// SaveBatch saves several documents in one write transaction, so rows of
// many small documents share UNWIND batches: after a failure none of them
// is stored. Each document otherwise behaves as in Save, and the results
// are in the order of xs. Returns EINVALID if any extraction is malformed
// or two of them are the same document.
func (s *Store) SaveBatch(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	seen := map[string]bool{}
	for _, x := range xs {
		if err := validate(x); err != nil {
			return nil, fmt.Errorf("neo4j save: %w", err)
		}
		if seen[x.Document.ID] {
			return nil, kg.Errorf(kg.EINVALID, "document %s given twice", x.Document.ID)
		}
		seen[x.Document.ID] = true
	}
	results := make([]kg.SaveResult, len(xs))
	if len(xs) == 0 {
		return results, nil
	}
	err := s.write(ctx, "save "+xs[0].Document.ID, func(tx neo4j.ManagedTransaction) error {
		// The transaction may be retried, so start from nothing each time.
		for i := range results {
			results[i] = kg.SaveResult{}
		}
		changed, err := s.changed(ctx, tx, xs, results)
		if err != nil || len(changed) == 0 {
			// Documents already stored by the same extractor are not
			// written again, so the data version stays too.
			return err
		}
		if err := s.writeRows(ctx, tx, planRows(changed)); err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// changed marks the documents already stored by the same extractor as
// Unchanged and returns the others.
func (s *Store) changed(ctx context.Context, tx neo4j.ManagedTransaction, xs []*kg.Extraction, results []kg.SaveResult) ([]*kg.Extraction, error) {
	ids := make([]string, len(xs))
	for i, x := range xs {
		ids[i] = x.Document.ID
	}
	recs, err := collect(ctx, tx, cypherStoredDocuments, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	stored := map[string]string{}
	for _, r := range recs {
		id, _ := r.Get("id")
		ext, _ := r.Get("extractor")
		idStr, _ := id.(string)
		extStr, _ := ext.(string)
		stored[idStr] = extStr
	}
	var out []*kg.Extraction
	for i, x := range xs {
		if ext, ok := stored[x.Document.ID]; ok && ext == x.Document.Extractor {
			results[i].Unchanged = true
			continue
		}
		results[i].Entities, results[i].Events = len(x.Entities), len(x.Events)
		out = append(out, x)
	}
	return out, nil
}

// writeRows deletes the documents' previous events and writes the plan, in
// batches of s.batch rows.
func (s *Store) writeRows(ctx context.Context, tx neo4j.ManagedTransaction, p *plan) error {
	if err := checkReferences(ctx, tx, p); err != nil {
		return err
	}
	ids := map[string]any{"ids": p.docIDs}
	if err := run(ctx, tx, cypherDeleteActions, ids); err != nil {
		return err
	}
	if err := run(ctx, tx, cypherDeleteEvents, ids); err != nil {
		return err
	}
	if err := s.unwind(ctx, tx, cypherMergeDocuments, p.documents); err != nil {
		return err
	}
	for _, k := range kg.EntityKinds {
		if err := s.unwind(ctx, tx, cypherMergeEntity[k], p.entities[k]); err != nil {
			return err
		}
	}
	if err := s.unwind(ctx, tx, cypherMergeEvents, p.events); err != nil {
		return err
	}
	for _, r := range kg.Roles {
		if err := s.unwind(ctx, tx, cypherMergeParticipant[r], p.participants[r]); err != nil {
			return err
		}
	}
	if err := s.unwind(ctx, tx, cypherMergeEvidence, p.evidence); err != nil {
		return err
	}
	for _, t := range kg.EventTypes {
		if err := s.unwind(ctx, tx, cypherMergeAction[t], p.actions[t]); err != nil {
			return err
		}
	}
	return nil
}

// checkReferences refuses a plan whose events name entities that are
// neither in it nor stored, before anything is written.
func checkReferences(ctx context.Context, tx neo4j.ManagedTransaction, p *plan) error {
	if len(p.external) == 0 {
		return nil
	}
	recs, err := collect(ctx, tx, cypherStoredEntities, map[string]any{"ids": p.external})
	if err != nil {
		return err
	}
	stored := map[string]bool{}
	for _, r := range recs {
		stored[str(r, "id")] = true
	}
	for _, id := range p.external {
		if !stored[id] {
			return kg.Errorf(kg.EINVALID, "an event names entity %s, which is neither in the extraction nor stored", id)
		}
	}
	return nil
}

// unwind runs cypher over rows in batches of s.batch.
func (s *Store) unwind(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, rows []map[string]any) error {
	for start := 0; start < len(rows); start += s.batch {
		chunk := rows[start:min(start+s.batch, len(rows))]
		if err := run(ctx, tx, cypher, map[string]any{"rows": chunk}); err != nil {
			return err
		}
	}
	return nil
}

// validate returns EINVALID when x cannot be stored faithfully.
func validate(x *kg.Extraction) error {
	if x == nil {
		return kg.Errorf(kg.EINVALID, "no extraction")
	}
	d := &x.Document
	if strings.TrimSpace(d.ID) == "" {
		return kg.Errorf(kg.EINVALID, "document has no ID")
	}
	if err := validDate(d.Published); err != nil {
		return kg.Errorf(kg.EINVALID, "document %s: published: %v", d.ID, err)
	}
	for _, e := range x.Entities {
		switch {
		case e.ID == "":
			return kg.Errorf(kg.EINVALID, "entity %q has no ID", e.Name)
		case !e.Kind.Valid():
			return kg.Errorf(kg.EINVALID, "entity %s: unknown kind %q", e.ID, e.Kind)
		case strings.TrimSpace(e.Name) == "":
			return kg.Errorf(kg.EINVALID, "entity %s has no name", e.ID)
		}
	}
	events := map[string]bool{}
	for _, e := range x.Events {
		switch {
		case e.ID == "":
			return kg.Errorf(kg.EINVALID, "event without ID")
		case events[e.ID]:
			return kg.Errorf(kg.EINVALID, "event %s given twice", e.ID)
		case !e.Type.Valid():
			return kg.Errorf(kg.EINVALID, "event %s: unknown type %q", e.ID, e.Type)
		case !e.Status.Valid():
			return kg.Errorf(kg.EINVALID, "event %s: unknown status %q", e.ID, e.Status)
		case e.DocumentID != d.ID:
			return kg.Errorf(kg.EINVALID, "event %s belongs to document %q, not %s", e.ID, e.DocumentID, d.ID)
		}
		events[e.ID] = true
		if err := validDate(e.Date); err != nil {
			return kg.Errorf(kg.EINVALID, "event %s: %v", e.ID, err)
		}
		for _, p := range e.Participants {
			if p.EntityID == "" || !validRole(p.Role) {
				return kg.Errorf(kg.EINVALID, "event %s: bad participant %+v", e.ID, p)
			}
		}
		for _, ev := range e.Evidence {
			if ev.DocumentID != d.ID {
				return kg.Errorf(kg.EINVALID, "event %s: evidence from document %q, not %s", e.ID, ev.DocumentID, d.ID)
			}
			if ev.Start < 0 || ev.End < ev.Start {
				return kg.Errorf(kg.EINVALID, "event %s: evidence offsets %d..%d", e.ID, ev.Start, ev.End)
			}
		}
	}
	return nil
}

func validRole(r kg.Role) bool {
	for _, known := range kg.Roles {
		if r == known {
			return true
		}
	}
	return false
}

// validDate checks what Cypher's date() will parse, so that a bad bound is
// reported as EINVALID rather than as a failed statement.
func validDate(d kg.Date) error {
	if d.Precision != "" && !validPrecision(d.Precision) {
		return fmt.Errorf("unknown precision %q", d.Precision)
	}
	for _, b := range []string{d.Earliest, d.Latest} {
		if b == "" {
			continue
		}
		if _, err := time.Parse(kg.DayLayout, b); err != nil {
			return fmt.Errorf("bound %q is not YYYY-MM-DD", b)
		}
	}
	if d.Earliest != "" && d.Latest != "" && d.Earliest > d.Latest {
		return fmt.Errorf("earliest %s after latest %s", d.Earliest, d.Latest)
	}
	return nil
}

func validPrecision(p kg.Precision) bool {
	for _, known := range kg.Precisions {
		if p == known {
			return true
		}
	}
	return false
}
