package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// TestParticipantTypeMigration takes a populated store back to its schema
// before 0002_participant_type.sql and reopens it: the migration must fill
// the event type of every participant, or counterparts and conflicts,
// which read it, would find nothing.
func TestParticipantTypeMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s := openAt(t, path)
	storetest.SaveAll(t, s, append(storetest.Fixtures(), storetest.Dispute()))
	counterparts := func(s kg.Store) []kg.Counterpart {
		t.Helper()
		cs, err := s.Counterparts(ctx, kg.CounterpartQuery{EntityID: storetest.IranID})
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	conflicts := func(s kg.Store) []kg.Conflict {
		t.Helper()
		cs, err := s.Conflicts(ctx, kg.ConflictFilter{EntityIDs: []string{storetest.TreatyID}})
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	wantCounterparts, wantConflicts := counterparts(s), conflicts(s)
	if len(wantCounterparts) == 0 || len(wantConflicts) == 0 {
		t.Fatal("no counterparts or conflicts to compare")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range append(undo0003, []string{
		`DROP INDEX event_participants_typed`,
		`ALTER TABLE event_participants DROP COLUMN event_type`,
		`CREATE INDEX event_participants_entity ON event_participants (entity_id, role, event_id)`,
		`DELETE FROM schema_migrations WHERE name = 'migrations/0002_participant_type.sql'`,
	}...) {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path)
	names, err := s.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, "migrations/0002_participant_type.sql") || !slices.Contains(names, "migrations/0003_find_indexes.sql") {
		t.Fatalf("migrations = %v, want 0002 and 0003 applied again", names)
	}
	if got := counterparts(s); !reflect.DeepEqual(got, wantCounterparts) {
		t.Fatalf("counterparts after migration = %+v, want %+v", got, wantCounterparts)
	}
	if got := conflicts(s); !reflect.DeepEqual(got, wantConflicts) {
		t.Fatalf("conflicts after migration = %+v, want %+v", got, wantConflicts)
	}
}

// undo0003 takes a store back to its schema before 0003_find_indexes.sql.
var undo0003 = []string{
	`DROP INDEX event_participants_sorted`,
	`ALTER TABLE event_participants DROP COLUMN event_sort_key`,
	`ALTER TABLE event_participants DROP COLUMN event_status`,
	`DROP INDEX events_type_dates`,
	`DROP INDEX events_dates`,
	`ALTER TABLE events DROP COLUMN date_class`,
	`DELETE FROM schema_migrations WHERE name = 'migrations/0003_find_indexes.sql'`,
}

// TestFindIndexesMigration takes a populated store back to its schema
// before 0003_find_indexes.sql and reopens it: the migration must fill
// the status and sort key of every participant and classify every date,
// or FindEvents, which reads them, would miss events.
func TestFindIndexesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s := openAt(t, path)
	xs := storetest.Fixtures()
	for n := range 20 {
		xs = append(xs, storetest.Generate(n, 20))
	}
	storetest.SaveAll(t, s, xs)
	filters := findFilters()
	find := func(s kg.Store) []kg.EventPage {
		t.Helper()
		var pages []kg.EventPage
		for _, f := range filters {
			page, err := s.FindEvents(ctx, f)
			if err != nil {
				t.Fatalf("%+v: %v", f, err)
			}
			pages = append(pages, page)
		}
		return pages
	}
	want := find(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range undo0003 {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path)
	got := find(s)
	for i := range filters {
		if got[i].Total == 0 && len(got[i].Events) == 0 && want[i].Total > 0 {
			t.Fatalf("%+v after migration found nothing, before %d", filters[i], want[i].Total)
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%+v after migration = %d events of %d, want %d of %d",
				filters[i], len(got[i].Events), got[i].Total, len(want[i].Events), want[i].Total)
		}
	}
}

// TestClusteredRowsMigration takes a populated store back to rowid tables
// of participants and evidence, as before 0005_clustered_rows.sql, and
// reopens it: the copy into WITHOUT ROWID tables must keep every row.
func TestClusteredRowsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s := openAt(t, path)
	xs := append(storetest.Fixtures(), storetest.Dispute())
	for n := range 10 {
		xs = append(xs, storetest.Generate(n, 20))
	}
	storetest.SaveAll(t, s, xs)
	var ids []string
	for _, x := range xs {
		for _, e := range x.Events {
			ids = append(ids, e.ID)
		}
	}
	read := func(s kg.Store) ([]*kg.Event, []kg.EventPage) {
		t.Helper()
		es, err := s.Events(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		var pages []kg.EventPage
		for _, f := range findFilters() {
			page, err := s.FindEvents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, page)
		}
		return es, pages
	}
	wantEvents, wantPages := read(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`CREATE TABLE rowid_participants (
			event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
			entity_id TEXT NOT NULL REFERENCES entities (id),
			role TEXT NOT NULL, seq INTEGER NOT NULL,
			event_type TEXT NOT NULL DEFAULT '', event_status TEXT NOT NULL DEFAULT '', event_sort_key TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (event_id, entity_id, role)) STRICT`,
		`INSERT INTO rowid_participants SELECT event_id, entity_id, role, seq, event_type, event_status, event_sort_key FROM event_participants`,
		`DROP TABLE event_participants`,
		`ALTER TABLE rowid_participants RENAME TO event_participants`,
		`CREATE INDEX event_participants_typed ON event_participants (entity_id, role, event_type, event_id)`,
		`CREATE INDEX event_participants_sorted ON event_participants (entity_id, event_sort_key, event_id, role, event_status, event_type)`,
		`CREATE TABLE rowid_evidence (
			event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
			seq INTEGER NOT NULL, document_id TEXT NOT NULL, sentence TEXT NOT NULL,
			start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, rule TEXT NOT NULL,
			PRIMARY KEY (event_id, seq)) STRICT`,
		`INSERT INTO rowid_evidence SELECT event_id, seq, document_id, sentence, start_offset, end_offset, rule FROM evidence`,
		`DROP TABLE evidence`,
		`ALTER TABLE rowid_evidence RENAME TO evidence`,
		`DELETE FROM schema_migrations WHERE name = 'migrations/0005_clustered_rows.sql'`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path)
	gotEvents, gotPages := read(s)
	if !reflect.DeepEqual(gotEvents, wantEvents) {
		t.Fatal("events differ after the migration")
	}
	if !reflect.DeepEqual(gotPages, wantPages) {
		t.Fatal("event pages differ after the migration")
	}
	if db, err = sql.Open("sqlite", "file:"+path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var clustered int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema
		WHERE name IN ('event_participants', 'evidence') AND sql LIKE '%WITHOUT ROWID%'`).Scan(&clustered)
	if err != nil || clustered != 2 {
		t.Fatalf("%d of 2 tables WITHOUT ROWID after the migration (%v)", clustered, err)
	}
}
