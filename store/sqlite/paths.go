package sqlite

import (
	"context"
	"database/sql"
	"sort"

	"github.com/newsgraph/kg"
)

// Paths returns the shortest event chains between two entities. See
// kg.Store.
//
// It searches from both ends at once, one SQL query per level, always
// growing the side with the smaller frontier, so that two hubs a few hops
// apart cost what their neighbourhoods cost rather than the whole graph.
// The levels found record every predecessor of every entity, so all
// shortest paths can be read back, in order, without listing them all.
func (s *Store) Paths(ctx context.Context, q kg.PathQuery) ([]kg.Path, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	cond, condArgs, err := followable(q.Events)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	var paths []kg.Path
	err = s.readTx(ctx, "paths", func(tx *sql.Tx) error {
		known, err := knownEntities(ctx, tx, []string{q.FromID, q.ToID})
		if err != nil {
			return err
		}
		for _, id := range []string{q.FromID, q.ToID} {
			if !known[id] {
				return kg.Errorf(kg.ENOTFOUND, "entity %q not found", id)
			}
		}
		if q.FromID == q.ToID {
			paths = []kg.Path{{EntityIDs: []string{q.FromID}}}
			return nil
		}
		hop := hopQuery(cond)
		fwd, bwd := newSearch(q.FromID), newSearch(q.ToID)
		for fwd.level+bwd.level < q.MaxHops {
			if len(fwd.frontier) == 0 || len(bwd.frontier) == 0 {
				return nil
			}
			grow, other := fwd, bwd
			if len(bwd.frontier) < len(fwd.frontier) {
				grow, other = bwd, fwd
			}
			met, err := grow.expand(ctx, tx, hop, condArgs, other)
			if err != nil {
				return err
			}
			if len(met) > 0 {
				paths = readPaths(fwd, bwd, met, limit)
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return paths, nil
}

// hopQuery returns the query of one level: every (entity, event, other
// entity) whose first entity is in a JSON set and whose other entity is not
// in another, through events that satisfy cond. The participants index
// finds the events of each entity, the primary key their other
// participants; CROSS JOIN keeps that order whatever the statistics say.
func hopQuery(cond string) string {
	q := `SELECT DISTINCT a.entity_id, a.event_id, b.entity_id
		FROM event_participants a
		CROSS JOIN event_participants b ON b.event_id = a.event_id AND b.entity_id <> a.entity_id`
	if cond != "" {
		q += ` CROSS JOIN events e ON e.id = a.event_id`
	}
	return q + ` WHERE a.entity_id IN ` + inJSON + ` AND b.entity_id NOT IN ` + inJSON + andCond(cond)
}

// step is one hop into an entity: the entity it came from and the event
// both take part in.
type step struct{ entity, event string }

// search is one direction of the bidirectional search.
type search struct {
	origin   string
	level    int
	dist     map[string]int
	frontier []string
	// pred holds, for every entity past level 0, each step from an entity
	// one level nearer this search's origin.
	pred map[string][]step
}

func newSearch(origin string) *search {
	return &search{origin: origin, dist: map[string]int{origin: 0}, frontier: []string{origin}, pred: map[string][]step{}}
}

// expand adds the next level and returns its entities that the other
// search has reached. Because no entity was reached by both before, they
// all lie on shortest paths of length s.level + other.level.
func (s *search) expand(ctx context.Context, tx *sql.Tx, hop string, condArgs []any, other *search) ([]string, error) {
	visited := make([]string, 0, len(s.dist))
	for id := range s.dist {
		visited = append(visited, id)
	}
	args := append([]any{jsonIDs(s.frontier), jsonIDs(visited)}, condArgs...)
	rows, err := tx.QueryContext(ctx, hop, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	s.level++
	var next, met []string
	for rows.Next() {
		var from, event, to string
		if err := rows.Scan(&from, &event, &to); err != nil {
			return nil, err
		}
		if _, seen := s.dist[to]; !seen {
			s.dist[to] = s.level
			next = append(next, to)
			if _, ok := other.dist[to]; ok {
				met = append(met, to)
			}
		}
		s.pred[to] = append(s.pred[to], step{entity: from, event: event})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	s.frontier = next
	return met, nil
}

// readPaths lists, in kg path order, at most limit shortest paths through
// the meeting entities met. Each path is the forward search's steps read
// backwards from From to a meeting entity, then the backward search's
// steps on to To.
func readPaths(fwd, bwd *search, met []string, limit int) []kg.Path {
	// next[u] lists the steps from u one position nearer To. Before the
	// meeting position they invert the forward predecessors of entities
	// that lead to a meeting entity; from it on they are the backward
	// search's predecessors, which all lead to To.
	meet := fwd.level
	length := fwd.level + bwd.level
	next := map[string][]step{}
	useful := met
	for pos := meet; pos > 0; pos-- {
		seen := map[string]bool{}
		var prev []string
		for _, v := range useful {
			for _, st := range fwd.pred[v] {
				next[st.entity] = append(next[st.entity], step{entity: v, event: st.event})
				if !seen[st.entity] {
					seen[st.entity] = true
					prev = append(prev, st.entity)
				}
			}
		}
		useful = prev
	}
	succ := func(u string, pos int) []step {
		if pos < meet {
			return next[u]
		}
		return bwd.pred[u]
	}
	var paths []kg.Path
	entities := []string{fwd.origin}
	var events []string
	var walk func(u string, pos int)
	walk = func(u string, pos int) {
		if len(paths) >= limit {
			return
		}
		if pos == length {
			paths = append(paths, kg.Path{EntityIDs: append([]string(nil), entities...), EventIDs: append([]string(nil), events...)})
			return
		}
		steps := append([]step(nil), succ(u, pos)...)
		sort.Slice(steps, func(i, j int) bool {
			if steps[i].event != steps[j].event {
				return steps[i].event < steps[j].event
			}
			return steps[i].entity < steps[j].entity
		})
		for _, st := range steps {
			entities, events = append(entities, st.entity), append(events, st.event)
			walk(st.entity, pos+1)
			entities, events = entities[:len(entities)-1], events[:len(events)-1]
		}
	}
	walk(entities[0], 0)
	return paths
}
