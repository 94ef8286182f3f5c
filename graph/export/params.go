package export

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/kg"
)

// Defaults and bounds of subgraph downloads; the same as the GraphQL
// subgraph query, so that a download reproduces what a client drew.
const (
	DefaultDepth    = 1
	DefaultMaxNodes = 200
	MaxSeeds        = 100
)

func (h *handler) graph(f Format) func(*http.Request) (writeFunc, error) {
	return func(r *http.Request) (writeFunc, error) {
		if err := known(r.URL.Query()); err != nil {
			return nil, err
		}
		return func(ctx context.Context, w io.Writer) error { return WriteGraph(ctx, w, f, h.s) }, nil
	}
}

// subgraph computes the subgraph before anything is written, so that an
// unknown seed or a bad bound is a JSON error with a 4xx status.
func (h *handler) subgraph(f Format) func(*http.Request) (writeFunc, error) {
	return func(r *http.Request) (writeFunc, error) {
		ctx, q := r.Context(), r.URL.Query()
		if err := known(q, "around", "depth", "maxNodes", "from", "to", "type", "status"); err != nil {
			return nil, err
		}
		around := q["around"]
		if len(around) == 0 || len(around) > MaxSeeds {
			return nil, kg.Errorf(kg.EINVALID, "give 1 to %d around parameters, got %d", MaxSeeds, len(around))
		}
		var sq kg.SubgraphQuery
		for _, ref := range around {
			ids, _, err := EntityRefs(ctx, h.s, ref, nil)
			if err != nil {
				return nil, err
			}
			sq.SeedIDs = append(sq.SeedIDs, ids...)
		}
		if len(sq.SeedIDs) == 0 {
			return nil, kg.Errorf(kg.ENOTFOUND, "no entity is named %s", strings.Join(around, " or "))
		}
		var err error
		if sq.Depth, err = intParam(q, "depth", DefaultDepth, 1, kg.MaxSubgraphDepth); err != nil {
			return nil, err
		}
		if sq.MaxNodes, err = intParam(q, "maxNodes", DefaultMaxNodes, 1, kg.MaxSubgraphNodes); err != nil {
			return nil, err
		}
		if sq.Events, err = enumFilter(q); err != nil {
			return nil, err
		}
		sq.Events.From, sq.Events.To = q.Get("from"), q.Get("to")
		g, err := h.s.Subgraph(ctx, sq)
		if err != nil {
			return nil, err
		}
		return func(_ context.Context, w io.Writer) error { return WriteSubgraph(w, f, g) }, nil
	}
}

func (h *handler) events(r *http.Request) (writeFunc, error) {
	ctx, q := r.Context(), r.URL.Query()
	if err := known(q, "type", "status", "agent", "object", "location", "participant", "from", "to", "document"); err != nil {
		return nil, err
	}
	f, err := enumFilter(q)
	if err != nil {
		return nil, err
	}
	f.From, f.To, f.DocumentIDs = q.Get("from"), q.Get("to"), q["document"]
	for _, ref := range []struct {
		param string
		ids   *[]string
	}{{"agent", &f.AgentIDs}, {"object", &f.ObjectIDs}, {"location", &f.LocationIDs}, {"participant", &f.ParticipantIDs}} {
		for _, name := range q[ref.param] {
			ids, _, err := EntityRefs(ctx, h.s, name, nil)
			if err != nil {
				return nil, err
			}
			*ref.ids = append(*ref.ids, ids...)
		}
		if len(q[ref.param]) > 0 && len(*ref.ids) == 0 {
			// No entity has that name, so no event matches: an empty
			// filter would instead match everything.
			return func(_ context.Context, w io.Writer) error { return writeCSVHeader(w) }, nil
		}
	}
	return func(ctx context.Context, w io.Writer) error { return WriteEventsCSV(ctx, w, h.s, f) }, nil
}

// known rejects parameters outside allowed: a misspelt filter silently
// ignored would download far more than asked.
func known(q url.Values, allowed ...string) error {
	for k := range q {
		if !slices.Contains(allowed, k) {
			want := "no parameters"
			if len(allowed) > 0 {
				want = strings.Join(allowed, ", ")
			}
			return kg.Errorf(kg.EINVALID, "unknown parameter %q; this export takes %s", k, want)
		}
	}
	return nil
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, kg.Errorf(kg.EINVALID, "%s must be a whole number from %d to %d, got %q", name, lo, hi, s)
	}
	return n, nil
}

// enumFilter reads type and status, in GraphQL spelling or lower case,
// repeated or comma-separated.
func enumFilter(q url.Values) (kg.EventFilter, error) {
	var f kg.EventFilter
	for _, v := range values(q, "type") {
		t := kg.EventType(strings.ToUpper(v))
		if !t.Valid() {
			return f, kg.Errorf(kg.EINVALID, "unknown event type %q", v)
		}
		f.Types = append(f.Types, t)
	}
	for _, v := range values(q, "status") {
		s := kg.Status(strings.ToLower(v))
		if !s.Valid() {
			return f, kg.Errorf(kg.EINVALID, "unknown status %q", v)
		}
		f.Statuses = append(f.Statuses, s)
	}
	return f, nil
}

func values(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}
