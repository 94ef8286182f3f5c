// Package model holds the Go types behind the GraphQL schema that are not
// domain types: the Node and Entity interfaces, one wrapper per entity kind,
// and the types gqlgen generates (models_gen.go).
package model

import "github.com/newsgraph/kg"

// Node is the Go side of the GraphQL Node interface. It is empty because
// kg.Document implements Node, and domain types carry no GraphQL methods.
type Node interface{}

// Entity is the Go side of the GraphQL Entity interface: a Person, State,
// Institution, Agreement or Place.
type Entity interface {
	KG() *kg.Entity
}

// EntityBase holds the fields that every entity type shares. Country and
// WikidataID are null rather than empty when unknown.
type EntityBase struct{ e *kg.Entity }

// KG returns the domain entity.
func (b EntityBase) KG() *kg.Entity { return b.e }

// ID returns the entity's global ID, which is its kg ID.
func (b EntityBase) ID() string { return b.e.ID }

// Name returns the canonical name.
func (b EntityBase) Name() string { return b.e.Name }

// Kind returns the entity kind.
func (b EntityBase) Kind() kg.EntityKind { return b.e.Kind }

// Aliases returns the other names, never nil.
func (b EntityBase) Aliases() []string { return nonNil(b.e.Aliases) }

// Country returns the ISO country code, or nil.
func (b EntityBase) Country() *string { return Nullable(b.e.Country) }

// WikidataID returns the Wikidata Q-identifier, or nil.
func (b EntityBase) WikidataID() *string { return Nullable(b.e.WikidataID) }

// Person is an Entity of kind Person.
type Person struct{ EntityBase }

// Roles returns the titles the person holds, never nil.
func (p Person) Roles() []string { return nonNil(p.e.Roles) }

// State is an Entity of kind State.
type State struct{ EntityBase }

// Institution is an Entity of kind Institution.
type Institution struct{ EntityBase }

// Agreement is an Entity of kind Agreement.
type Agreement struct{ EntityBase }

// Place is an Entity of kind Place.
type Place struct{ EntityBase }

// NewEntity wraps e in the type of its kind; nil for nil or an unknown kind.
func NewEntity(e *kg.Entity) Entity {
	if e == nil {
		return nil
	}
	b := EntityBase{e}
	switch e.Kind {
	case kg.KindPerson:
		return Person{b}
	case kg.KindState:
		return State{b}
	case kg.KindInstitution:
		return Institution{b}
	case kg.KindAgreement:
		return Agreement{b}
	case kg.KindPlace:
		return Place{b}
	}
	return nil
}

// Nullable returns nil for "" and &s otherwise, for optional strings that
// the domain keeps as "".
func Nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
