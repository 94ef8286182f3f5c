package export

import (
	"context"
	"strings"

	"github.com/newsgraph/kg"
)

// searchWindow is how many search hits are scanned for an exact name; an
// exact match ranks above partial ones, so it is near the top when present.
const searchWindow = 50

// IsEntityID reports whether ref is an entity ID ("state:russia") rather
// than a name: a kind prefix followed by a slug.
func IsEntityID(ref string) bool {
	prefix, rest, ok := strings.Cut(ref, ":")
	if !ok || rest == "" || rest != kg.Slug(rest) {
		return false
	}
	for _, k := range kg.EntityKinds {
		if prefix == strings.ToLower(string(k)) {
			return true
		}
	}
	return false
}

// EntityRefs resolves what a user wrote for an entity, an ID or a name. An
// ID is returned as it is, unchecked, with no store call. A name yields
// every entity of kinds (any kind when empty) whose name or alias equals it
// up to case and punctuation, best-ranked first, and found holds those
// entities so that a caller can cache them. It lives here, not in package
// graph, because the export handler and the GraphQL API must resolve names
// the same way, and graph imports export.
func EntityRefs(ctx context.Context, s kg.Store, ref string, kinds []kg.EntityKind) (ids []string, found []*kg.Entity, err error) {
	if IsEntityID(ref) {
		return []string{ref}, nil, nil
	}
	hits, err := s.SearchEntities(ctx, kg.EntityQuery{Text: ref, Kinds: kinds, Limit: searchWindow})
	if err != nil {
		return nil, nil, err
	}
	want := kg.Slug(ref)
	for _, h := range hits {
		if h.Entity != nil && namedAs(h.Entity, want) {
			ids = append(ids, h.Entity.ID)
			found = append(found, h.Entity)
		}
	}
	return ids, found, nil
}

func namedAs(e *kg.Entity, slug string) bool {
	if kg.Slug(e.Name) == slug {
		return true
	}
	for _, a := range e.Aliases {
		if kg.Slug(a) == slug {
			return true
		}
	}
	return false
}
