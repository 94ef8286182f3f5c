package model

import "github.com/newsgraph/kg"

// Event is the GraphQL Event: a domain event with the entities and
// documents its fields show, read beforehand for a whole list of events
// (graph's eventViews). Its fields are methods without a context, which
// gqlgen runs inline. As resolvers, agents, objects, document and the
// date's parts each ran in a goroutine of their own for every event of a
// page, and those goroutines' start and stack growth cost more CPU than
// the store did (BENCHMARKS.md, session 5).
type Event struct {
	e    *kg.Event
	refs *Refs
}

// Refs holds by ID the entities and documents that a list of events
// refers to. One Refs serves the whole list.
type Refs struct {
	Entities  map[string]*kg.Entity
	Documents map[string]*kg.Document
}

// NewEvent returns the view of e whose references refs holds; nil for nil.
func NewEvent(e *kg.Event, refs *Refs) *Event {
	if e == nil {
		return nil
	}
	return &Event{e: e, refs: refs}
}

// KG returns the domain event.
func (v *Event) KG() *kg.Event { return v.e }

// ID returns the event's global ID, which is its kg ID.
func (v *Event) ID() string { return v.e.ID }

// Type returns the action.
func (v *Event) Type() kg.EventType { return v.e.Type }

// Status returns whether it occurred, was planned, alleged, denied or negated.
func (v *Event) Status() kg.Status { return v.e.Status }

// Date returns the event's date.
func (v *Event) Date() DateValue { return DateValue{v.e.Date} }

// Participants returns every participant with its entity. A participant
// whose entity is missing breaks the store's invariant: an error.
func (v *Event) Participants() ([]Participant, error) {
	out := make([]Participant, len(v.e.Participants))
	for i, p := range v.e.Participants {
		e := NewEntity(v.refs.Entities[p.EntityID])
		if e == nil {
			return nil, kg.Errorf(kg.ENOTFOUND, "entity %s not found", p.EntityID)
		}
		out[i] = Participant{Role: p.Role, Entity: e}
	}
	return out, nil
}

// Agents returns who acted.
func (v *Event) Agents() []Entity { return v.inRole(kg.RoleAgent) }

// Objects returns the agreements acted on.
func (v *Event) Objects() []Entity { return v.inRole(kg.RoleObject) }

// Locations returns where it happened.
func (v *Event) Locations() []Entity { return v.inRole(kg.RoleLocation) }

// inRole lists the entities in role in participant order, leaving out a
// missing one: a vanished entity should not hide the whole event.
func (v *Event) inRole(role kg.Role) []Entity {
	out := []Entity{}
	for _, p := range v.e.Participants {
		if p.Role == role {
			if e := NewEntity(v.refs.Entities[p.EntityID]); e != nil {
				out = append(out, e)
			}
		}
	}
	return out
}

// Document returns the article that reports the event.
func (v *Event) Document() (*kg.Document, error) { return v.refs.document(v.e.DocumentID) }

// Evidence returns the sentences the event was read from.
func (v *Event) Evidence() []Evidence {
	out := make([]Evidence, len(v.e.Evidence))
	for i := range v.e.Evidence {
		out[i] = Evidence{v.e.Evidence[i], v.refs}
	}
	return out
}

// document returns the document id; its absence breaks the store's
// invariant, so it is an error rather than null.
func (r *Refs) document(id string) (*kg.Document, error) {
	if d := r.Documents[id]; d != nil {
		return d, nil
	}
	return nil, kg.Errorf(kg.ENOTFOUND, "document %s not found", id)
}

// Participant is an entity in a role of an event.
type Participant struct {
	Role   kg.Role
	Entity Entity
}

// Evidence is a sentence an event was read from, with its document.
type Evidence struct {
	kg.Evidence
	refs *Refs
}

// Document returns the article the sentence is in.
func (v Evidence) Document() (*kg.Document, error) { return v.refs.document(v.DocumentID) }

// DateValue is the GraphQL DateValue: a kg.Date whose empty parts are null.
type DateValue struct{ D kg.Date }

// Value returns the ISO 8601 value, or nil when the date cannot be placed.
func (d DateValue) Value() *string { return Nullable(d.D.Value) }

// Precision returns how precise the date is.
func (d DateValue) Precision() kg.Precision { return d.D.Precision }

// Earliest returns the first possible day, or nil when open.
func (d DateValue) Earliest() *string { return Nullable(d.D.Earliest) }

// Latest returns the last possible day, or nil when open.
func (d DateValue) Latest() *string { return Nullable(d.D.Latest) }

// Text returns the expression the date was read from, or nil.
func (d DateValue) Text() *string { return Nullable(d.D.Text) }
