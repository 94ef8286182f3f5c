package kg

// ConflictKind says how two sources disagree about the same action.
type ConflictKind string

// Conflict kinds.
const (
	// ConflictDate: both say it happened, on dates that cannot both be true.
	ConflictDate ConflictKind = "date"
	// ConflictStatus: one says it happened, the other denies or negates it.
	ConflictStatus ConflictKind = "status"
)

// Conflict is a pair of events from different documents that report the
// same action and disagree. A and B are ordered by ID so that each pair is
// reported once.
type Conflict struct {
	Kind ConflictKind
	A, B *Event
}

// ConflictFilter selects conflicts.
type ConflictFilter struct {
	// EntityIDs keeps conflicts in which either event has one of these
	// participants, in any role; empty means all.
	EntityIDs []string
	Types     []EventType
	// Limit caps the conflicts returned; 0 means DefaultConflictLimit.
	Limit int
}

// Disagreement tells whether a and b report the same action and disagree
// about it, and how. They report the same action when they come from
// different documents, have the same type, share an object, and share an
// agent (or either names none: "the treaty entered into force" has no
// agent to compare). A plan never conflicts with an occurrence: plans come
// before the fact. An allegation is not a claim of fact, so it conflicts
// with nothing.
func Disagreement(a, b *Event) (ConflictKind, bool) {
	if a.DocumentID == b.DocumentID || a.Type != b.Type {
		return "", false
	}
	if !intersects(a.Objects(), b.Objects()) {
		return "", false
	}
	agentsA, agentsB := a.Agents(), b.Agents()
	if len(agentsA) > 0 && len(agentsB) > 0 && !intersects(agentsA, agentsB) {
		return "", false
	}
	switch {
	case a.Status == StatusOccurred && b.Status == StatusOccurred:
		if a.Date.Resolved() && b.Date.Resolved() && !a.Date.Compatible(b.Date) {
			return ConflictDate, true
		}
	case a.Status == StatusOccurred && denies(b.Status), denies(a.Status) && b.Status == StatusOccurred:
		if a.Date.Compatible(b.Date) {
			return ConflictStatus, true
		}
	}
	return "", false
}

func denies(s Status) bool { return s == StatusDenied || s == StatusNegated }

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
