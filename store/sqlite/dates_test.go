package sqlite

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg"
)

// TestDateClassMatchesMigration checks that Save classifies dates as
// migration 0003 classified the events stored before it, by running the
// migration's own expression.
func TestDateClassMatchesMigration(t *testing.T) {
	body, err := migrations.ReadFile("migrations/0003_find_indexes.sql")
	if err != nil {
		t.Fatal(err)
	}
	_, expr, ok := strings.Cut(string(body), "UPDATE events SET date_class = ")
	expr, _, ok2 := strings.Cut(expr, ";")
	if !ok || !ok2 {
		t.Fatal("migration 0003 has no UPDATE of date_class")
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	t0 := day(2024, time.January, 31)
	dates := []kg.Date{
		kg.Unresolved("some day"), kg.DayOfYearUnknown(time.March, 3),
		kg.Day(t0), kg.Week(t0), kg.Month(2024, time.February), kg.Year(2024), kg.Year(2023),
		kg.OnOrBefore(t0), kg.OnOrAfter(t0),
		kg.Interval(t0, t0.AddDate(0, 0, 31)), kg.Interval(t0, t0.AddDate(0, 0, 32)),
		kg.Interval(t0, t0.AddDate(0, 0, 366)), kg.Interval(t0, t0.AddDate(0, 0, 367)),
		kg.Interval(day(1900, time.January, 1), day(2300, time.January, 1)),
	}
	classes := map[int]bool{}
	for _, d := range dates {
		var want int
		err := db.QueryRow(`SELECT `+expr+` FROM (SELECT ? AS date_earliest, ? AS date_latest)`,
			nullable(d.Earliest), nullable(d.Latest)).Scan(&want)
		if err != nil {
			t.Fatal(err)
		}
		if got := dateClass(d); got != want {
			t.Errorf("dateClass(%+v) = %d, migration says %d", d, got, want)
		}
		classes[want] = true
	}
	if got, want := len(classes), 6; got != want {
		t.Fatalf("the dates fall in %d classes, want all %d", got, want)
	}
}
