package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/newsgraph/kg"
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

// Save writes x in one transaction. See kg.Store.
func (s *Store) Save(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	if err := validate(x); err != nil {
		return kg.SaveResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return kg.SaveResult{}, dbError("save", err)
	}
	if err := s.lock(ctx); err != nil {
		return kg.SaveResult{}, err
	}
	defer s.unlock()

	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return kg.SaveResult{}, dbError("begin save", err)
	}
	defer tx.Rollback()
	res, err := saveTx(ctx, tx, x)
	if err != nil || res.Unchanged {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return kg.SaveResult{}, dbError("commit save of "+x.Document.ID, err)
	}
	if s.saves++; s.saves >= optimizeEvery {
		// The save is committed; stale statistics only slow queries down.
		_ = s.optimize(ctx)
	}
	return res, nil
}

func saveTx(ctx context.Context, tx *sql.Tx, x *kg.Extraction) (kg.SaveResult, error) {
	d := &x.Document
	var stored string
	err := tx.QueryRowContext(ctx, `SELECT extractor FROM documents WHERE id = ?`, d.ID).Scan(&stored)
	switch {
	case err == nil && stored == d.Extractor:
		return kg.SaveResult{Unchanged: true}, nil
	case err == nil:
		// A new extractor version re-read the document: its old claims go.
		if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE document_id = ?`, d.ID); err != nil {
			return kg.SaveResult{}, dbError("delete old events of "+d.ID, err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return kg.SaveResult{}, dbError("read document "+d.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents (id, title, url, author,
			published_value, published_precision, published_earliest, published_latest, published_text,
			content_hash, source, text, extractor, loaded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, author = excluded.author,
			published_value = excluded.published_value, published_precision = excluded.published_precision,
			published_earliest = excluded.published_earliest, published_latest = excluded.published_latest,
			published_text = excluded.published_text, content_hash = excluded.content_hash,
			source = excluded.source, text = excluded.text, extractor = excluded.extractor, loaded_at = excluded.loaded_at`,
		d.ID, d.Title, d.URL, d.Author, d.Published.Value, string(d.Published.Precision),
		nullable(d.Published.Earliest), nullable(d.Published.Latest), d.Published.Text,
		d.ContentHash, d.Source, d.Text, d.Extractor, d.LoadedAt.UTC().Format(time.RFC3339Nano)); err != nil {
		return kg.SaveResult{}, dbError("write document "+d.ID, err)
	}
	n, err := saveEntities(ctx, tx, x.Entities)
	if err != nil {
		return kg.SaveResult{}, err
	}
	if err := saveEvents(ctx, tx, d.ID, x.Events); err != nil {
		return kg.SaveResult{}, err
	}
	return kg.SaveResult{Entities: n, Events: len(x.Events)}, nil
}

// saveEntities merges entities by ID and returns how many distinct ones
// it saw. A new entity's name, and each new alias, enter the search index.
func saveEntities(ctx context.Context, tx *sql.Tx, es []kg.Entity) (int, error) {
	insert, err := tx.PrepareContext(ctx, `INSERT INTO entities (id, kind, name, country, wikidata_id)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
	if err != nil {
		return 0, dbError("prepare entity insert", err)
	}
	defer insert.Close()
	// Later documents fill what earlier ones lacked but never overwrite.
	fill, err := tx.PrepareContext(ctx, `UPDATE entities SET
		country = CASE WHEN country = '' THEN ? ELSE country END,
		wikidata_id = CASE WHEN wikidata_id = '' THEN ? ELSE wikidata_id END
		WHERE id = ? AND (country = '' OR wikidata_id = '')`)
	if err != nil {
		return 0, dbError("prepare entity update", err)
	}
	defer fill.Close()
	// An alias equal to the name, or to a stored alias, in any case, is skipped.
	alias, err := tx.PrepareContext(ctx, `INSERT INTO entity_aliases (entity_id, alias, seq)
		SELECT ?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM entity_aliases WHERE entity_id = ?1)
		WHERE NOT EXISTS (SELECT 1 FROM entities WHERE id = ?1 AND name = ?2 COLLATE NOCASE)
		ON CONFLICT (entity_id, alias) DO NOTHING`)
	if err != nil {
		return 0, dbError("prepare alias insert", err)
	}
	defer alias.Close()
	role, err := tx.PrepareContext(ctx, `INSERT INTO entity_roles (entity_id, role, seq)
		VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM entity_roles WHERE entity_id = ?1))
		ON CONFLICT (entity_id, role) DO NOTHING`)
	if err != nil {
		return 0, dbError("prepare role insert", err)
	}
	defer role.Close()
	index, err := tx.PrepareContext(ctx, `INSERT INTO entity_names (name, entity_id) VALUES (?, ?)`)
	if err != nil {
		return 0, dbError("prepare name index", err)
	}
	defer index.Close()

	seen := make(map[string]bool, len(es))
	for _, e := range es {
		seen[e.ID] = true
		r, err := insert.ExecContext(ctx, e.ID, string(e.Kind), e.Name, e.Country, e.WikidataID)
		if err != nil {
			return 0, dbError("write entity "+e.ID, err)
		}
		if added, _ := r.RowsAffected(); added == 1 {
			if _, err := index.ExecContext(ctx, e.Name, e.ID); err != nil {
				return 0, dbError("index entity "+e.ID, err)
			}
		} else if e.Country != "" || e.WikidataID != "" {
			if _, err := fill.ExecContext(ctx, e.Country, e.WikidataID, e.ID); err != nil {
				return 0, dbError("update entity "+e.ID, err)
			}
		}
		for _, a := range e.Aliases {
			if a == "" {
				continue
			}
			r, err := alias.ExecContext(ctx, e.ID, a)
			if err != nil {
				return 0, dbError("write alias of "+e.ID, err)
			}
			if added, _ := r.RowsAffected(); added == 1 {
				if _, err := index.ExecContext(ctx, a, e.ID); err != nil {
					return 0, dbError("index alias of "+e.ID, err)
				}
			}
		}
		for _, ro := range e.Roles {
			if ro == "" {
				continue
			}
			if _, err := role.ExecContext(ctx, e.ID, ro); err != nil {
				return 0, dbError("write role of "+e.ID, err)
			}
		}
	}
	return len(seen), nil
}

func saveEvents(ctx context.Context, tx *sql.Tx, docID string, es []kg.Event) error {
	event, err := tx.PrepareContext(ctx, `INSERT INTO events (id, document_id, type, status,
		date_value, date_precision, date_earliest, date_latest, date_text, sort_key, date_class)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return dbError("prepare event insert", err)
	}
	defer event.Close()
	part, err := tx.PrepareContext(ctx, `INSERT INTO event_participants (event_id, entity_id, role, seq,
			event_type, event_status, event_sort_key)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return dbError("prepare participant insert", err)
	}
	defer part.Close()
	evid, err := tx.PrepareContext(ctx, `INSERT INTO evidence (event_id, seq, document_id, sentence, start_offset, end_offset, rule)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return dbError("prepare evidence insert", err)
	}
	defer evid.Close()

	for i := range es {
		e := &es[i]
		if _, err := event.ExecContext(ctx, e.ID, docID, string(e.Type), string(e.Status),
			e.Date.Value, string(e.Date.Precision), nullable(e.Date.Earliest), nullable(e.Date.Latest),
			e.Date.Text, e.Date.SortKey(), dateClass(e.Date)); err != nil {
			if isConstraint(err, sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY) {
				return kg.Errorf(kg.ECONFLICT, "event %s is already stored for another document", e.ID)
			}
			return dbError("write event "+e.ID, err)
		}
		for j, p := range e.Participants {
			if _, err := part.ExecContext(ctx, e.ID, p.EntityID, string(p.Role), j,
				string(e.Type), string(e.Status), e.Date.SortKey()); err != nil {
				if isConstraint(err, sqlite3lib.SQLITE_CONSTRAINT_FOREIGNKEY) {
					return kg.Errorf(kg.EINVALID, "event %s names participant %s, which is neither in the extraction nor stored",
						e.ID, p.EntityID)
				}
				return dbError("write participant of "+e.ID, err)
			}
		}
		for j, v := range e.Evidence {
			if _, err := evid.ExecContext(ctx, e.ID, j, docID, v.Sentence, v.Start, v.End, v.Rule); err != nil {
				return dbError("write evidence of "+e.ID, err)
			}
		}
	}
	return nil
}

func isConstraint(err error, code int) bool {
	var se *sqlite3.Error
	return errors.As(err, &se) && se.Code() == code
}

// nullable stores an open date bound as NULL, so that range filters can
// tell "unbounded" from a day.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
