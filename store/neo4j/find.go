package neo4jstore

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// noLimit stands for "no limit" in LIMIT $limit, which needs a number.
const noLimit = 1 << 40

// FindEvents returns one keyset page of matching events and the total
// number of matches, both read in one transaction. See kg.Store.
func (s *Store) FindEvents(ctx context.Context, f kg.EventFilter) (kg.EventPage, error) {
	if err := validFilter(f); err != nil {
		return kg.EventPage{}, err
	}
	params := filterParams(f)
	params["afterKey"], params["afterId"], params["limit"] = nil, nil, int64(noLimit)
	if f.After != nil {
		params["afterKey"], params["afterId"] = f.After.SortKey, f.After.ID
	}
	if f.Limit > 0 {
		params["limit"] = int64(f.Limit)
	}
	stmts := findStatements[anchor(f)]
	page := stmts[1]
	if f.Descending {
		page = stmts[2]
	}
	var out kg.EventPage
	err := s.read(ctx, "find events", func(tx neo4j.ManagedTransaction) error {
		total := int64(-1)
		if !f.NoTotal {
			var err error
			if total, err = single[int64](ctx, tx, stmts[0], params, "total"); err != nil {
				return err
			}
		}
		recs, err := collect(ctx, tx, page, params)
		if err != nil {
			return err
		}
		ids := make([]string, len(recs))
		for i, r := range recs {
			ids[i] = str(r, "id")
		}
		events, err := loadEvents(ctx, tx, ids)
		if err != nil {
			return err
		}
		out = kg.EventPage{Events: events, Total: int(total)}
		return nil
	})
	return out, err
}

// anchor picks the index a query starts from: documents and entities are
// usually the most selective, a type the least.
func anchor(f kg.EventFilter) findAnchor {
	switch {
	case len(f.DocumentIDs) > 0:
		return anchorDocuments
	case len(f.AgentIDs) > 0:
		return anchorAgents
	case len(f.ObjectIDs) > 0:
		return anchorObjects
	case len(f.LocationIDs) > 0:
		return anchorLocations
	case len(f.ParticipantIDs) > 0:
		return anchorParticipants
	case len(f.Types) > 0:
		return anchorTypes
	}
	return anchorAll
}

func validFilter(f kg.EventFilter) error {
	for _, t := range f.Types {
		if !t.Valid() {
			return kg.Errorf(kg.EINVALID, "unknown event type %q", t)
		}
	}
	for _, st := range f.Statuses {
		if !st.Valid() {
			return kg.Errorf(kg.EINVALID, "unknown status %q", st)
		}
	}
	for _, d := range []string{f.From, f.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(kg.DayLayout, d); err != nil {
			return kg.Errorf(kg.EINVALID, "date %q is not YYYY-MM-DD", d)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return kg.Errorf(kg.EINVALID, "from %s is after to %s", f.From, f.To)
	}
	if f.Limit < 0 {
		return kg.Errorf(kg.EINVALID, "negative limit %d", f.Limit)
	}
	return nil
}

// filterParams passes the selecting fields of f as the parameters of
// eventMatches; paging is left to the caller.
func filterParams(f kg.EventFilter) map[string]any {
	return map[string]any{
		"types": list(f.Types), "statuses": list(f.Statuses), "documentIds": list(f.DocumentIDs),
		"agentIds": list(f.AgentIDs), "objectIds": list(f.ObjectIDs), "locationIds": list(f.LocationIDs),
		"participantIds": list(f.ParticipantIDs), "from": nilIfEmpty(f.From), "to": nilIfEmpty(f.To),
	}
}

// list passes a filter list as a Cypher list, or null when empty so that
// the statement skips that part of the filter.
func list[T ~string](vs []T) any {
	if len(vs) == 0 {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// DefaultSearchLimit caps SearchEntities when the query sets no limit.
const DefaultSearchLimit = 20

// Scores: exact names, then exact aliases, then full-text hits scaled below
// both, so exact matches always rank first.
const (
	scoreExactName  = 3.0
	scoreExactAlias = 2.0
)

// SearchEntities finds entities by name or alias: exact matches (ignoring
// case and punctuation) first, then full-text hits that tolerate typos.
func (s *Store) SearchEntities(ctx context.Context, q kg.EntityQuery) ([]kg.EntityMatch, error) {
	terms := strings.FieldsFunc(kg.Slug(q.Text), func(r rune) bool { return r == '-' })
	switch {
	case len(terms) == 0:
		return nil, kg.Errorf(kg.EINVALID, "empty search")
	case q.Limit < 0:
		return nil, kg.Errorf(kg.EINVALID, "negative limit %d", q.Limit)
	}
	kinds := q.Kinds
	for _, k := range kinds {
		if !k.Valid() {
			return nil, kg.Errorf(kg.EINVALID, "unknown kind %q", k)
		}
	}
	if len(kinds) == 0 {
		kinds = kg.EntityKinds
	}
	limit := q.Limit
	if limit == 0 {
		limit = DefaultSearchLimit
	}
	slug := kg.Slug(q.Text)
	exactIDs := make([]string, len(kinds))
	for i, k := range kinds {
		exactIDs[i] = kg.EntityID(k, q.Text)
	}
	best := map[string]*kg.EntityMatch{}
	var fulltextMax float64
	err := s.read(ctx, "search entities", func(tx neo4j.ManagedTransaction) error {
		clear(best)
		fulltextMax = 0
		recs, err := collect(ctx, tx, cypherSearchExact, map[string]any{"ids": exactIDs})
		if err != nil {
			return err
		}
		for _, r := range recs {
			e := nodeEntity(recordNode(r, "e"))
			best[e.ID] = &kg.EntityMatch{Entity: e, Score: scoreExactName}
		}
		recs, err = collect(ctx, tx, cypherSearchFulltext, map[string]any{
			"query": luceneQuery(terms), "fetch": int64(limit * 5), "kinds": list(q.Kinds),
		})
		if err != nil {
			return err
		}
		for _, r := range recs {
			e := nodeEntity(recordNode(r, "e"))
			v, _ := r.Get("score")
			score, _ := v.(float64)
			if _, ok := best[e.ID]; ok {
				continue
			}
			if exactAlias(e, slug) {
				score = scoreExactAlias
			} else if score > fulltextMax {
				fulltextMax = score
			}
			best[e.ID] = &kg.EntityMatch{Entity: e, Score: score}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]kg.EntityMatch, 0, len(best))
	for _, m := range best {
		if m.Score < scoreExactAlias && fulltextMax > 0 {
			// Lucene scores are unbounded; scale them into (0, 1].
			m.Score /= fulltextMax
		}
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Entity.ID < out[j].Entity.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func exactAlias(e *kg.Entity, slug string) bool {
	for _, a := range e.Aliases {
		if kg.Slug(a) == slug {
			return true
		}
	}
	return kg.Slug(e.Name) == slug
}

// luceneQuery asks for every term, each exactly (boosted) or within an edit
// distance that grows with its length, so typos match but short words do
// not match everything. Terms come from kg.Slug, so they hold only letters
// and digits and need no escaping.
func luceneQuery(terms []string) string {
	clauses := make([]string, len(terms))
	for i, t := range terms {
		switch n := len([]rune(t)); {
		case n <= 2:
			clauses[i] = t
		case n <= 5:
			clauses[i] = "(" + t + "^2 OR " + t + "~1)"
		default:
			clauses[i] = "(" + t + "^2 OR " + t + "~2)"
		}
	}
	return strings.Join(clauses, " AND ")
}
