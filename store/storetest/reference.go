package storetest

import (
	"slices"
	"sort"

	"github.com/newsgraph/kg"
)

// This file holds the reference answers of the traversal and conflict
// queries, computed in memory over the saved extractions, in the plainest
// form that follows the semantics noted at the top of traverse.go.

// PathLess orders paths as Paths returns them: shorter first, then by the
// IDs along the path, from its first entity, entity and event alternating,
// compared as byte strings.
func PathLess(a, b kg.Path) bool {
	if len(a.EventIDs) != len(b.EventIDs) {
		return len(a.EventIDs) < len(b.EventIDs)
	}
	for i := range a.EntityIDs {
		if i > 0 && a.EventIDs[i-1] != b.EventIDs[i-1] {
			return a.EventIDs[i-1] < b.EventIDs[i-1]
		}
		if a.EntityIDs[i] != b.EntityIDs[i] {
			return a.EntityIDs[i] < b.EntityIDs[i]
		}
	}
	return false
}

// followed returns the events a traversal may pass through: those f
// matches, its paging fields ignored.
func followed(es []*kg.Event, f kg.EventFilter) []*kg.Event {
	var out []*kg.Event
	for _, e := range es {
		if Matches(f, e) {
			out = append(out, e)
		}
	}
	return out
}

// memberIDs returns the IDs of e's participants, each once, sorted.
func memberIDs(e *kg.Event) []string {
	ids := make([]string, 0, len(e.Participants))
	for _, p := range e.Participants {
		ids = append(ids, p.EntityID)
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

type hop struct{ event, to string }

// refPaths finds the distance from both ends by breadth-first search, then
// lists every path of that length whose entities keep both distances
// consistent, which are exactly the shortest paths.
func refPaths(es []*kg.Event, q kg.PathQuery) []kg.Path {
	if q.FromID == q.ToID {
		return []kg.Path{{EntityIDs: []string{q.FromID}}}
	}
	adj := map[string][]hop{}
	for _, e := range followed(es, q.Events) {
		ids := memberIDs(e)
		for _, a := range ids {
			for _, b := range ids {
				if a != b {
					adj[a] = append(adj[a], hop{e.ID, b})
				}
			}
		}
	}
	bfs := func(origin string) map[string]int {
		dist := map[string]int{origin: 0}
		for level := []string{origin}; len(level) > 0; {
			var next []string
			for _, u := range level {
				for _, h := range adj[u] {
					if _, ok := dist[h.to]; !ok {
						dist[h.to] = dist[u] + 1
						next = append(next, h.to)
					}
				}
			}
			level = next
		}
		return dist
	}
	fromStart, toEnd := bfs(q.FromID), bfs(q.ToID)
	d, ok := fromStart[q.ToID]
	if !ok || d > q.MaxHops {
		return nil
	}
	var out []kg.Path
	var walk func(p kg.Path)
	walk = func(p kg.Path) {
		i := len(p.EventIDs)
		if i == d {
			out = append(out, kg.Path{EntityIDs: slices.Clone(p.EntityIDs), EventIDs: slices.Clone(p.EventIDs)})
			return
		}
		for _, h := range adj[p.EntityIDs[i]] {
			a, okA := fromStart[h.to]
			b, okB := toEnd[h.to]
			if okA && okB && a == i+1 && b == d-i-1 {
				walk(kg.Path{EntityIDs: append(p.EntityIDs, h.to), EventIDs: append(p.EventIDs, h.event)})
			}
		}
	}
	walk(kg.Path{EntityIDs: []string{q.FromID}})
	sort.Slice(out, func(i, j int) bool { return PathLess(out[i], out[j]) })
	limit := q.Limit
	if limit == 0 {
		limit = 10
	}
	return out[:min(len(out), limit)]
}

// refGraph is a subgraph as IDs, in the order kept.
type refGraph struct {
	Entities, Events []string
	Truncated        bool
}

// refSubgraph walks level by level: each level's new events in FindEvents
// order, each followed by its participants not yet kept, in ID order,
// until the budget is spent. known tells which seeds are stored.
func refSubgraph(es []*kg.Event, known map[string]bool, q kg.SubgraphQuery) refGraph {
	budget := q.MaxNodes
	if budget == 0 {
		budget = kg.MaxSubgraphNodes
	}
	var g refGraph
	kept := map[string]bool{}
	keep := func(list *[]string, id string) bool {
		if len(g.Entities)+len(g.Events) >= budget {
			g.Truncated = true
			return false
		}
		*list = append(*list, id)
		kept[id] = true
		return true
	}
	for _, id := range q.SeedIDs {
		if known[id] && !kept[id] && !keep(&g.Entities, id) {
			break
		}
	}
	usable := followed(es, q.Events)
	frontier := slices.Clone(g.Entities)
	for level := 1; level <= q.Depth && len(frontier) > 0 && !g.Truncated; level++ {
		var next []*kg.Event
		for _, e := range usable {
			if kept[e.ID] {
				continue
			}
			for _, id := range memberIDs(e) {
				if slices.Contains(frontier, id) {
					next = append(next, e)
					break
				}
			}
		}
		sort.Slice(next, func(i, j int) bool { return Less(next[i], next[j], false) })
		start := len(g.Entities)
	events:
		for _, e := range next {
			if !keep(&g.Events, e.ID) {
				break
			}
			for _, id := range memberIDs(e) {
				if !kept[id] && !keep(&g.Entities, id) {
					break events
				}
			}
		}
		frontier = slices.Clone(g.Entities[start:])
	}
	return g
}

// refCounterpart is a counterpart as IDs.
type refCounterpart struct {
	ID                  string
	ObjectIDs, EventIDs []string
}

func refCounterparts(es []*kg.Event, q kg.CounterpartQuery) []refCounterpart {
	found := map[string]*refCounterpart{}
	for _, mine := range es {
		if !slices.Contains(mine.Agents(), q.EntityID) || (len(q.Types) > 0 && !slices.Contains(q.Types, mine.Type)) {
			continue
		}
		for _, o := range mine.Objects() {
			for _, theirs := range es {
				if theirs.Type != mine.Type || !slices.Contains(theirs.Objects(), o) {
					continue
				}
				for _, who := range theirs.Agents() {
					if who == q.EntityID {
						continue
					}
					c := found[who]
					if c == nil {
						c = &refCounterpart{ID: who}
						found[who] = c
					}
					c.ObjectIDs = append(c.ObjectIDs, o)
					c.EventIDs = append(c.EventIDs, theirs.ID)
				}
			}
		}
	}
	var out []refCounterpart
	for _, c := range found {
		c.ObjectIDs, c.EventIDs = slices.Compact(sortedCopy(c.ObjectIDs)), slices.Compact(sortedCopy(c.EventIDs))
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := len(out[i].ObjectIDs), len(out[j].ObjectIDs); a != b {
			return a > b
		}
		return out[i].ID < out[j].ID
	})
	limit := q.Limit
	if limit == 0 {
		limit = 20
	}
	return out[:min(len(out), limit)]
}

// refConflict is a conflict as IDs.
type refConflict struct {
	Kind kg.ConflictKind
	Type kg.EventType
	A, B string
}

// refConflicts tries every pair of events.
func refConflicts(es []*kg.Event, f kg.ConflictFilter) []refConflict {
	touches := func(e *kg.Event) bool {
		for _, p := range e.Participants {
			if slices.Contains(f.EntityIDs, p.EntityID) {
				return true
			}
		}
		return false
	}
	var out []refConflict
	for _, a := range es {
		for _, b := range es {
			if a.ID >= b.ID || (len(f.Types) > 0 && !slices.Contains(f.Types, a.Type)) ||
				(len(f.EntityIDs) > 0 && !touches(a) && !touches(b)) {
				continue
			}
			if kind, ok := kg.Disagreement(a, b); ok {
				out = append(out, refConflict{kind, a.Type, a.ID, b.ID})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Type != y.Type {
			return x.Type < y.Type
		}
		if x.A != y.A {
			return x.A < y.A
		}
		return x.B < y.B
	})
	limit := f.Limit
	if limit == 0 {
		limit = 100
	}
	return out[:min(len(out), limit)]
}
