package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// querier is what *sql.DB, *sql.Tx and cached offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// placeholders returns "?, ?, ?" for n parameters.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func stringArgs(ss []string) []any {
	args := make([]any, len(ss))
	for i, s := range ss {
		args[i] = s
	}
	return args
}

// readTx runs fn in a read transaction, so that its several queries see
// one snapshot even while a save commits.
func (s *Store) readTx(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return dbError(op, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return dbError(op, err)
	}
	return nil
}

// Document returns the stored document with the given ID, or ENOTFOUND.
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

// documentsByID is the query of readDocuments.
const documentsByID = `SELECT id, title, url, author, published_value, published_precision,
	coalesce(published_earliest, ''), coalesce(published_latest, ''), published_text,
	content_hash, source, text, extractor, loaded_at
	FROM documents WHERE id IN ` + inJSON

// Documents returns the documents with the given IDs, in order; missing
// ones are nil.
func (s *Store) Documents(ctx context.Context, ids []string) ([]*kg.Document, error) {
	var byID map[string]*kg.Document
	err := s.readTx(ctx, "read documents", func(tx *sql.Tx) error {
		var err error
		byID, err = s.loadDocuments(ctx, tx, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Document, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// readDocuments reads documents; like readEntities, q must read one
// snapshot. Store.loadDocuments adds a cache.
func readDocuments(ctx context.Context, q querier, ids []string) (map[string]*kg.Document, error) {
	byID := make(map[string]*kg.Document, len(ids))
	rows, err := q.QueryContext(ctx, documentsByID, jsonIDs(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var d kg.Document
		var loaded string
		if err := rows.Scan(&d.ID, &d.Title, &d.URL, &d.Author, &d.Published.Value, &d.Published.Precision,
			&d.Published.Earliest, &d.Published.Latest, &d.Published.Text,
			&d.ContentHash, &d.Source, &d.Text, &d.Extractor, &loaded); err != nil {
			return nil, err
		}
		if d.LoadedAt, err = time.Parse(time.RFC3339Nano, loaded); err != nil {
			return nil, fmt.Errorf("document %s: loaded_at %q: %w", d.ID, loaded, err)
		}
		byID[d.ID] = &d
	}
	return byID, rows.Err()
}

// Entities returns the entities with the given IDs, in order; missing ones
// are nil.
func (s *Store) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	var byID map[string]*kg.Entity
	err := s.readTx(ctx, "read entities", func(tx *sql.Tx) error {
		var err error
		byID, err = s.loadEntities(ctx, tx, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Entity, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// Queries of readEntities and readEvents. Each binds its set of IDs as one
// JSON parameter, so that its text is fixed and its prepared statement
// reused (see stmts).
const (
	entitiesByID = `SELECT id, kind, name, country, wikidata_id FROM entities WHERE id IN ` + inJSON
	aliasesByID  = `SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ` + inJSON + ` ORDER BY entity_id, seq`
	rolesByID    = `SELECT entity_id, role FROM entity_roles WHERE entity_id IN ` + inJSON + ` ORDER BY entity_id, seq`
	eventsByID   = `SELECT id, document_id, type, status, date_value, date_precision,
		coalesce(date_earliest, ''), coalesce(date_latest, ''), date_text
		FROM events WHERE id IN ` + inJSON
	participantsByID = `SELECT event_id, entity_id, role FROM event_participants
		WHERE event_id IN ` + inJSON + ` ORDER BY event_id, seq`
	evidenceByID = `SELECT event_id, document_id, sentence, start_offset, end_offset, rule FROM evidence
		WHERE event_id IN ` + inJSON + ` ORDER BY event_id, seq`
)

// readEntities reads entities with their aliases and roles; q must read
// one snapshot (a transaction), or an alias could name an entity that the
// first query did not see. Store.loadEntities adds a cache.
func readEntities(ctx context.Context, q querier, ids []string) (map[string]*kg.Entity, error) {
	byID := make(map[string]*kg.Entity, len(ids))
	set := jsonIDs(ids)
	rows, err := q.QueryContext(ctx, entitiesByID, set)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e kg.Entity
		if err := rows.Scan(&e.ID, &e.Kind, &e.Name, &e.Country, &e.WikidataID); err != nil {
			return nil, err
		}
		byID[e.ID] = &e
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, q, aliasesByID, []any{set}, func(id, v string) { byID[id].Aliases = append(byID[id].Aliases, v) }); err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, rolesByID, []any{set}, func(id, v string) { byID[id].Roles = append(byID[id].Roles, v) })
	return byID, err
}

// eachRow calls fn for each (key, value) row of a two-column query.
func eachRow(ctx context.Context, q querier, query string, args []any, fn func(k, v string)) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		fn(k, v)
	}
	return rows.Err()
}

// Events returns the events with the given IDs, in order; missing ones are
// nil.
func (s *Store) Events(ctx context.Context, ids []string) ([]*kg.Event, error) {
	var byID map[string]*kg.Event
	err := s.readTx(ctx, "read events", func(tx *sql.Tx) error {
		var err error
		byID, err = s.loadEvents(ctx, tx, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Event, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// readEvents reads events with their participants and evidence; like
// readEntities, q must read one snapshot. Store.loadEvents adds a cache.
func readEvents(ctx context.Context, q querier, ids []string) (map[string]*kg.Event, error) {
	byID := make(map[string]*kg.Event, len(ids))
	set := jsonIDs(ids)
	rows, err := q.QueryContext(ctx, eventsByID, set)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e kg.Event
		if err := rows.Scan(&e.ID, &e.DocumentID, &e.Type, &e.Status, &e.Date.Value, &e.Date.Precision,
			&e.Date.Earliest, &e.Date.Latest, &e.Date.Text); err != nil {
			return nil, err
		}
		byID[e.ID] = &e
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := loadParticipants(ctx, q, set, byID); err != nil {
		return nil, err
	}
	return byID, loadEvidence(ctx, q, set, byID)
}

func loadParticipants(ctx context.Context, q querier, set string, byID map[string]*kg.Event) error {
	rows, err := q.QueryContext(ctx, participantsByID, set)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var p kg.Participant
		if err := rows.Scan(&id, &p.EntityID, &p.Role); err != nil {
			return err
		}
		byID[id].Participants = append(byID[id].Participants, p)
	}
	return rows.Err()
}

func loadEvidence(ctx context.Context, q querier, set string, byID map[string]*kg.Event) error {
	rows, err := q.QueryContext(ctx, evidenceByID, set)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var v kg.Evidence
		if err := rows.Scan(&id, &v.DocumentID, &v.Sentence, &v.Start, &v.End, &v.Rule); err != nil {
			return err
		}
		byID[id].Evidence = append(byID[id].Evidence, v)
	}
	return rows.Err()
}
