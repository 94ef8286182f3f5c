// Package mix holds the requests of the load generator (server/loadgen)
// and of the server's request benchmark, so that both measure one
// workload: query texts, and random variables drawn from a sample of the
// served graph.
package mix

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
)

// Sample is what a generator knows of the served graph: entities seen as
// agents and as objects of events, and the years events fall in.
type Sample struct {
	Agents, Objects []EntityRef
	Years           []int
}

// EntityRef names an entity.
type EntityRef struct{ ID, Name string }

// Discover reads a few pages of events through post, which sends one
// request body to the server and returns the response body, to learn
// entity IDs and names, so that the mixes need no knowledge of how the
// store was filled.
func Discover(ctx context.Context, post func(context.Context, []byte) ([]byte, error)) (*Sample, error) {
	const q = `query($sort: SortDirection!, $after: String) {
	  events(sort: {date: $sort}, first: 100, after: $after) {
	    pageInfo { endCursor }
	    nodes { date { earliest } agents { id name } objects { id name } }
	  }
	}`
	s := &Sample{}
	seen := map[string]bool{}
	years := map[int]bool{}
	for _, sort := range []string{"ASC", "DESC"} {
		var after *string
		for range 5 {
			body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"sort": sort, "after": after}})
			b, err := post(ctx, body)
			if err != nil {
				return nil, err
			}
			var r struct {
				Data struct {
					Events struct {
						PageInfo struct{ EndCursor *string }
						Nodes    []struct {
							Date            struct{ Earliest *string }
							Agents, Objects []EntityRef
						}
					}
				}
			}
			if err := json.Unmarshal(b, &r); err != nil {
				return nil, fmt.Errorf("decode %.200s: %w", b, err)
			}
			for _, e := range r.Data.Events.Nodes {
				for _, a := range e.Agents {
					if !seen[a.ID] {
						seen[a.ID] = true
						s.Agents = append(s.Agents, a)
					}
				}
				for _, o := range e.Objects {
					if !seen[o.ID] {
						seen[o.ID] = true
						s.Objects = append(s.Objects, o)
					}
				}
				if d := e.Date.Earliest; d != nil && len(*d) >= 4 {
					var y int
					fmt.Sscanf((*d)[:4], "%d", &y)
					years[y] = true
				}
			}
			if after = r.Data.Events.PageInfo.EndCursor; after == nil {
				break
			}
		}
	}
	for y := range years {
		s.Years = append(s.Years, y)
	}
	if len(s.Agents) == 0 || len(s.Objects) == 0 || len(s.Years) == 0 {
		return nil, fmt.Errorf("the server has no events with agents, objects and dates to query")
	}
	return s, nil
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func body(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

var eventTypes = []string{"SIGNED", "APPROVED", "RATIFIED", "ENTERED_INTO_FORCE", "PROPOSED", "WITHDREW"}

// EventsQuery is what a dashboard's event list asks: a page of 20 with
// participants, date, source title and evidence.
const EventsQuery = `query Events($where: EventWhere, $sort: EventSort) {
  events(where: $where, sort: $sort, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id type status
      date { value precision earliest latest }
      agents { id name }
      objects { id name }
      document { title }
      evidence { sentence }
    }
  }
}`

const subgraphQuery = `query Subgraph($around: [String!]!, $depth: Int) {
  subgraph(around: $around, depth: $depth, maxNodes: 200) {
    nodes { key: id attributes: data { id label kind type status date country } }
    edges { key: id source target attributes: data { id source target role label } }
  }
}`

const searchQuery = `query Search($q: String!) {
  searchEntities(query: $q, first: 10) { score entity { id name kind } }
}`

// EventsBody is a request of EventsQuery with filter kind k: 0 one event
// type in one year, 1 one agent, 2 one agreement, 3 one participant's
// occurred events, latest first.
func EventsBody(r *rand.Rand, s *Sample, k int) []byte {
	var where map[string]any
	sort := "ASC"
	switch k {
	case 0:
		y := pick(r, s.Years)
		where = map[string]any{"types": []string{pick(r, eventTypes)},
			"dateFrom": fmt.Sprintf("%d-01-01", y), "dateTo": fmt.Sprintf("%d-12-31", y)}
	case 1:
		where = map[string]any{"agent": pick(r, s.Agents).ID}
	case 2:
		where = map[string]any{"object": pick(r, s.Objects).ID}
	default:
		where = map[string]any{"participant": pick(r, s.Agents).ID, "statuses": []string{"OCCURRED"}}
		sort = "DESC"
	}
	return body(EventsQuery, map[string]any{"where": where, "sort": map[string]any{"date": sort}})
}

// Mixes build one request body from a random source, by -query name.
var Mixes = map[string]func(*rand.Rand, *Sample) []byte{
	// Events: a quarter each of the four kinds below.
	"events": func(r *rand.Rand, s *Sample) []byte { return EventsBody(r, s, r.IntN(4)) },
	// Events of one type in one year.
	"events-type-year": func(r *rand.Rand, s *Sample) []byte { return EventsBody(r, s, 0) },
	// Events of one agent.
	"events-agent": func(r *rand.Rand, s *Sample) []byte { return EventsBody(r, s, 1) },
	// Events on one agreement.
	"events-object": func(r *rand.Rand, s *Sample) []byte { return EventsBody(r, s, 2) },
	// Occurred events of one participant in any role, latest first.
	"events-participant": func(r *rand.Rand, s *Sample) []byte { return EventsBody(r, s, 3) },
	// Subgraph: around one agreement or one agent, depth 1 or 2, at most
	// 200 nodes.
	"subgraph": func(r *rand.Rand, s *Sample) []byte {
		seed := pick(r, s.Objects)
		if r.IntN(2) == 0 {
			seed = pick(r, s.Agents)
		}
		return body(subgraphQuery, map[string]any{"around": []string{seed.ID}, "depth": 1 + r.IntN(2)})
	},
	// Search: exact names, prefixes and one-letter typos, by thirds.
	"search": func(r *rand.Rand, s *Sample) []byte {
		name := pick(r, append(s.Agents[:len(s.Agents):len(s.Agents)], s.Objects...)).Name
		runes := []rune(name)
		switch r.IntN(3) {
		case 0:
			if len(runes) > 5 {
				runes = runes[:3+r.IntN(len(runes)-4)]
			}
		case 1:
			if len(runes) > 3 {
				i := 1 + r.IntN(len(runes)-2)
				runes[i], runes[i+1] = runes[i+1], runes[i]
			}
		}
		return body(searchQuery, map[string]any{"q": string(runes)})
	},
}
