// Package kg is the domain of the news knowledge graph: documents, entities,
// events with dated, sourced evidence, and the Store interface that every
// storage backend implements. It imports no transport or database package.
package kg

import "time"

// EntityKind is the kind of a graph entity.
type EntityKind string

// Entity kinds. They double as Neo4j labels, so they come from this fixed list.
const (
	KindPerson      EntityKind = "Person"
	KindState       EntityKind = "State"
	KindInstitution EntityKind = "Institution"
	KindAgreement   EntityKind = "Agreement"
	KindPlace       EntityKind = "Place"
)

// EntityKinds lists every entity kind, in a stable order.
var EntityKinds = []EntityKind{KindPerson, KindState, KindInstitution, KindAgreement, KindPlace}

// Valid reports whether k is one of the known kinds.
func (k EntityKind) Valid() bool {
	for _, known := range EntityKinds {
		if k == known {
			return true
		}
	}
	return false
}

// EventType is what happened to an agreement. Types double as Neo4j
// relationship types, so they come from this fixed list.
type EventType string

// Event types.
const (
	EventSigned           EventType = "SIGNED"
	EventApproved         EventType = "APPROVED"
	EventRatified         EventType = "RATIFIED"
	EventEnteredIntoForce EventType = "ENTERED_INTO_FORCE"
	EventProposed         EventType = "PROPOSED"
	EventWithdrew         EventType = "WITHDREW"
)

// EventTypes lists every event type, in a stable order.
var EventTypes = []EventType{EventSigned, EventApproved, EventRatified, EventEnteredIntoForce, EventProposed, EventWithdrew}

// Valid reports whether t is one of the known event types.
func (t EventType) Valid() bool {
	for _, known := range EventTypes {
		if t == known {
			return true
		}
	}
	return false
}

// Status says whether the text reports an event as having happened.
type Status string

// Statuses. Negated ("did not ratify") differs from denied (someone
// disputes a claim), so both are kept.
const (
	StatusOccurred Status = "occurred"
	StatusPlanned  Status = "planned"
	StatusAlleged  Status = "alleged"
	StatusDenied   Status = "denied"
	StatusNegated  Status = "negated"
)

// Statuses lists every status, in a stable order.
var Statuses = []Status{StatusOccurred, StatusPlanned, StatusAlleged, StatusDenied, StatusNegated}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	for _, known := range Statuses {
		if s == known {
			return true
		}
	}
	return false
}

// Role is the part an entity plays in an event.
type Role string

// Roles.
const (
	RoleAgent    Role = "agent"
	RoleObject   Role = "object"
	RoleLocation Role = "location"
)

// Roles lists every role, in a stable order.
var Roles = []Role{RoleAgent, RoleObject, RoleLocation}

// Entity is a person, state, institution, agreement or place. Its ID is
// derived from its kind and canonical name, so two loaders that meet the same
// entity agree on it without coordination.
type Entity struct {
	ID      string
	Kind    EntityKind
	Name    string
	Aliases []string
	// Country is the ISO 3166-1 alpha-2 code: of a state itself, or of the
	// state an institution or person belongs to, when known.
	Country string
	// WikidataID is a Q-identifier when the entity is in a curated list.
	WikidataID string
	// Roles are titles a person holds in the text ("President of Russia").
	Roles []string
}

// Participant links an entity to an event in a role.
type Participant struct {
	EntityID string
	Role     Role
}

// Evidence is the sentence a fact was read from.
type Evidence struct {
	DocumentID string
	Sentence   string
	// Start and End are byte offsets of Sentence in the document's Text.
	Start, End int
	// Rule names the extraction rule that produced the fact.
	Rule string
}

// Event is one claim of one document: an action on an agreement, with its
// agents, its date as precise as the text allows, its status and the
// sentences that state it. Claims of different documents stay separate so
// that disagreeing sources can be shown side by side.
type Event struct {
	ID           string
	Type         EventType
	Status       Status
	Date         Date
	DocumentID   string
	Participants []Participant
	Evidence     []Evidence
}

// Agents returns the IDs of the event's agents.
func (e *Event) Agents() []string { return e.withRole(RoleAgent) }

// Objects returns the IDs of the event's objects.
func (e *Event) Objects() []string { return e.withRole(RoleObject) }

func (e *Event) withRole(r Role) []string {
	var ids []string
	for _, p := range e.Participants {
		if p.Role == r {
			ids = append(ids, p.EntityID)
		}
	}
	return ids
}

// Document is one loaded article.
type Document struct {
	ID     string
	Title  string
	URL    string
	Author string
	// Published is the publication date, with Precision "unresolved" and
	// an empty Value when the article carries none.
	Published Date
	// ContentHash is the SHA-256 of Text; the document ID derives from it.
	ContentHash string
	// Source is where the loader read the document (a path, or "api").
	Source string
	// Text is the cleaned article text that evidence offsets point into.
	Text string
	// Extractor identifies the loader version that produced the facts.
	Extractor string
	LoadedAt  time.Time
}

// Extraction is everything the loaders produce from one document. A store
// saves it as one unit.
type Extraction struct {
	Document Document
	Entities []Entity
	Events   []Event
}
