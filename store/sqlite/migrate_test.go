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
	for _, stmt := range []string{
		`DROP INDEX event_participants_typed`,
		`ALTER TABLE event_participants DROP COLUMN event_type`,
		`CREATE INDEX event_participants_entity ON event_participants (entity_id, role, event_id)`,
		`DELETE FROM schema_migrations WHERE name = 'migrations/0002_participant_type.sql'`,
	} {
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
	if !slices.Contains(names, "migrations/0002_participant_type.sql") {
		t.Fatalf("migrations = %v, want 0002 applied again", names)
	}
	if got := counterparts(s); !reflect.DeepEqual(got, wantCounterparts) {
		t.Fatalf("counterparts after migration = %+v, want %+v", got, wantCounterparts)
	}
	if got := conflicts(s); !reflect.DeepEqual(got, wantConflicts) {
		t.Fatalf("conflicts after migration = %+v, want %+v", got, wantConflicts)
	}
}
