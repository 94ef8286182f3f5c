package loaders

import (
	"strings"
	"testing"
	"time"
)

func TestResolveDates(t *testing.T) {
	wed := date(2025, 5, 21) // a Wednesday
	tests := []struct {
		text      string
		published *time.Time
		future    bool
		value     string
		precision string
	}{
		{"signed in Moscow on January 17, 2025, by", nil, false, "2025-01-17", "day"},
		{"on 17 January 2026", nil, false, "2026-01-17", "day"},
		{"dated 2025-04-07", nil, false, "2025-04-07", "day"},
		{"dated 2025/4/7", nil, false, "2025-04-07", "day"},
		{"on January 17th with", &wed, false, "2025-01-17", "day"},
		{"on January 17 during", nil, true, "--01-17", "day-of-year-unknown"},
		{"in March 2001", nil, false, "2001-03", "month"},
		{"in the second half of 2024", nil, false, "2024-07-01/2024-12-31", "interval"},
		{"in the third quarter of 2023", nil, false, "2023-07-01/2023-09-30", "interval"},
		{"withdrew in 2018", nil, false, "2018", "year"},
		{"ratified the agreement in April", &wed, false, "2025-04", "month"},
		{"in April", nil, false, "", "unresolved"},
		{"approval on Wednesday", &wed, false, "2025-05-21", "day"},
		{"will vote on Wednesday", &wed, true, "2025-05-28", "day"},
		{"on Monday", &wed, false, "2025-05-19", "day"},
		{"came into effect last week", &wed, false, "2025-05-12/2025-05-18", "week"},
		{"late last month", &wed, false, "2025-04", "month"},
		{"late last month", nil, false, "", "unresolved"},
		{"earlier this year", &wed, false, "2025", "year"},
		{"earlier this month", &wed, false, "2025-05", "month"},
		{"earlier this week", &wed, false, "2025-05-19/2025-05-25", "week"},
		{"last year", &wed, false, "2024", "year"},
		{"has now come into effect", &wed, false, "../2025-05-21", "on-or-before"},
		{"yesterday", &wed, false, "2025-05-20", "day"},
		{"two days ago", &wed, false, "2025-05-19", "day"},
		{"in late 2024", nil, false, "2024-09-01/2024-12-31", "interval"},
		{"in early March 2022", nil, false, "2022-03", "month"},
	}
	for _, tt := range tests {
		found := findDates(tt.text, true)
		if len(found) == 0 {
			t.Errorf("%q: no date found", tt.text)
			continue
		}
		d := found[0].resolve(anchor{Published: tt.published}, tt.future)
		if got, want := d.Value, tt.value; got != want {
			t.Errorf("%q: value = %q, want %q", tt.text, got, want)
		}
		if got, want := string(d.Precision), tt.precision; got != want {
			t.Errorf("%q: precision = %q, want %q", tt.text, got, want)
		}
	}
}

func TestNumericDatesFollowTheValues(t *testing.T) {
	for _, tt := range []struct {
		text     string
		dayFirst bool
		want     string
	}{
		{"28/01/2025", false, "2025-01-28"},
		{"03/28/2024", true, "2024-03-28"},
		{"04/03/2024", true, "2024-03-04"},
		{"04/03/2024", false, "2024-04-03"},
	} {
		found := findDates(tt.text, tt.dayFirst)
		if len(found) != 1 {
			t.Fatalf("%q: found %d dates", tt.text, len(found))
		}
		if got := found[0].resolve(anchor{}, false).Value; got != tt.want {
			t.Errorf("%q dayFirst=%v: got %s, want %s", tt.text, tt.dayFirst, got, tt.want)
		}
	}
}

func TestYearBeforeAnAgreementNounIsAModifier(t *testing.T) {
	found := findDates("to replace the 2001 treaty first arose in 2020", true)
	if len(found) != 2 {
		t.Fatalf("found %d dates, want 2", len(found))
	}
	if !found[0].Modifier || found[1].Modifier {
		t.Errorf("modifier flags = %v, %v; want true, false", found[0].Modifier, found[1].Modifier)
	}
}

// TestDayFirstConventionCountsBothStyles checks the early-stopping count
// against the plain one: American dates, up to 20, must not outnumber the
// world's.
func TestDayFirstConventionCountsBothStyles(t *testing.T) {
	for us := 0; us <= 23; us++ {
		for world := 0; world <= 23; world++ {
			text := strings.Repeat("Signed on March 4, 2024.\n", us) + strings.Repeat("Signed on 4 March 2024.\n", world)
			u := len(reMonthDayYear.FindAllStringIndex(text, 20))
			w := len(reDayMonthYear.FindAllStringIndex(text, 20))
			if got, want := dayFirstConvention(text), u <= w || u == 0; got != want {
				t.Fatalf("%d American and %d world dates: dayFirst = %v, want %v", us, world, got, want)
			}
		}
	}
}
