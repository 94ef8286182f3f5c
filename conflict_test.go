package kg

import "testing"

func TestDisagreement(t *testing.T) {
	base := func(doc string, s Status, d Date, agents ...string) *Event {
		e := &Event{Type: EventRatified, Status: s, Date: d, DocumentID: doc,
			Participants: []Participant{{EntityID: "agreement:t", Role: RoleObject}}}
		for _, a := range agents {
			e.Participants = append(e.Participants, Participant{EntityID: a, Role: RoleAgent})
		}
		return e
	}
	may5, may7 := Date{Value: "2025-05-05", Earliest: "2025-05-05", Latest: "2025-05-05"}, Date{Value: "2025-05-07", Earliest: "2025-05-07", Latest: "2025-05-07"}
	may := Date{Value: "2025-05", Earliest: "2025-05-01", Latest: "2025-05-31"}
	for _, tc := range []struct {
		name string
		a, b *Event
		want ConflictKind
		ok   bool
	}{
		{"different days", base("d1", StatusOccurred, may5, "s:ru"), base("d2", StatusOccurred, may7, "s:ru"), ConflictDate, true},
		{"month contains day", base("d1", StatusOccurred, may5, "s:ru"), base("d2", StatusOccurred, may, "s:ru"), "", false},
		{"same document", base("d1", StatusOccurred, may5, "s:ru"), base("d1", StatusOccurred, may7, "s:ru"), "", false},
		{"different agents", base("d1", StatusOccurred, may5, "s:ru"), base("d2", StatusOccurred, may7, "s:ir"), "", false},
		{"one side has no agent", base("d1", StatusOccurred, may5), base("d2", StatusOccurred, may7, "s:ir"), ConflictDate, true},
		{"unresolved date", base("d1", StatusOccurred, may5, "s:ru"), base("d2", StatusOccurred, Unresolved("soon"), "s:ru"), "", false},
		{"denied", base("d1", StatusOccurred, may5, "s:ru"), base("d2", StatusDenied, Unresolved(""), "s:ru"), ConflictStatus, true},
		{"negated first", base("d1", StatusNegated, may5, "s:ru"), base("d2", StatusOccurred, may, "s:ru"), ConflictStatus, true},
		{"plan before fact", base("d1", StatusPlanned, may5, "s:ru"), base("d2", StatusOccurred, may7, "s:ru"), "", false},
		{"allegation", base("d1", StatusAlleged, may5, "s:ru"), base("d2", StatusDenied, may5, "s:ru"), "", false},
	} {
		got, ok := Disagreement(tc.a, tc.b)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: Disagreement = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
		if got2, ok2 := Disagreement(tc.b, tc.a); got2 != got || ok2 != ok {
			t.Errorf("%s: not symmetric: %q, %v", tc.name, got2, ok2)
		}
	}
}
