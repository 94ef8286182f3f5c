package sqlite

import (
	"slices"
	"time"

	"github.com/newsgraph/kg"
)

// validate checks what can be checked without the database. Participants
// that are neither in x nor stored are caught by a foreign key inside the
// save transaction.
func validate(x *kg.Extraction) error {
	if x == nil {
		return kg.Errorf(kg.EINVALID, "no extraction")
	}
	d := &x.Document
	if d.ID == "" {
		return kg.Errorf(kg.EINVALID, "document has no ID")
	}
	if err := validateDate(d.Published, "published date of "+d.ID); err != nil {
		return err
	}
	for _, e := range x.Entities {
		switch {
		case e.ID == "":
			return kg.Errorf(kg.EINVALID, "entity %q has no ID", e.Name)
		case !e.Kind.Valid():
			return kg.Errorf(kg.EINVALID, "entity %s has unknown kind %q", e.ID, e.Kind)
		case e.Name == "":
			return kg.Errorf(kg.EINVALID, "entity %s has no name", e.ID)
		}
	}
	seen := make(map[string]bool, len(x.Events))
	for i := range x.Events {
		e := &x.Events[i]
		switch {
		case e.ID == "":
			return kg.Errorf(kg.EINVALID, "event %d of %s has no ID", i, d.ID)
		case seen[e.ID]:
			return kg.Errorf(kg.EINVALID, "event %s appears twice", e.ID)
		case e.DocumentID != "" && e.DocumentID != d.ID:
			return kg.Errorf(kg.EINVALID, "event %s belongs to %s, not %s", e.ID, e.DocumentID, d.ID)
		case !e.Type.Valid():
			return kg.Errorf(kg.EINVALID, "event %s has unknown type %q", e.ID, e.Type)
		case !e.Status.Valid():
			return kg.Errorf(kg.EINVALID, "event %s has unknown status %q", e.ID, e.Status)
		}
		seen[e.ID] = true
		if err := validateDate(e.Date, "date of event "+e.ID); err != nil {
			return err
		}
		for _, p := range e.Participants {
			if p.EntityID == "" || !slices.Contains(kg.Roles, p.Role) {
				return kg.Errorf(kg.EINVALID, "event %s has participant %q in unknown role %q", e.ID, p.EntityID, p.Role)
			}
		}
		for _, ev := range e.Evidence {
			if ev.Start < 0 || ev.End < ev.Start || (d.Text != "" && ev.End > len(d.Text)) {
				return kg.Errorf(kg.EINVALID, "event %s has evidence at bad offsets %d..%d", e.ID, ev.Start, ev.End)
			}
			if ev.DocumentID != "" && ev.DocumentID != d.ID {
				return kg.Errorf(kg.EINVALID, "event %s cites document %s, not %s", e.ID, ev.DocumentID, d.ID)
			}
		}
	}
	return nil
}

// validateDate accepts the zero date (no date at all) or a known precision
// with well-formed bounds.
func validateDate(dt kg.Date, what string) error {
	if dt.IsZero() && dt.Earliest == "" && dt.Latest == "" {
		return nil
	}
	if !slices.Contains(kg.Precisions, dt.Precision) {
		return kg.Errorf(kg.EINVALID, "%s has unknown precision %q", what, dt.Precision)
	}
	for _, b := range []string{dt.Earliest, dt.Latest} {
		if b == "" {
			continue
		}
		if _, err := time.Parse(kg.DayLayout, b); err != nil {
			return kg.Errorf(kg.EINVALID, "%s has bound %q, want YYYY-MM-DD", what, b)
		}
	}
	if dt.Earliest != "" && dt.Latest != "" && dt.Earliest > dt.Latest {
		return kg.Errorf(kg.EINVALID, "%s ends before it starts", what)
	}
	return nil
}

// validDay reports whether s is empty or a YYYY-MM-DD day.
func validDay(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse(kg.DayLayout, s)
	return err == nil
}
