package export

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/newsgraph/kg"
)

// Content types of the downloads.
const (
	graphMLType   = "application/graphml+xml; charset=utf-8"
	cytoscapeType = "application/json"
	csvType       = "text/csv; charset=utf-8; header=present"
)

// bufferSize is how much of a download is held before the first byte is
// sent: errors found before then (most store failures happen on the first
// page) still leave as a JSON error with a status code.
const bufferSize = 64 << 10

type handler struct {
	s   kg.Store
	log *slog.Logger
}

// writeFunc writes a download whose parameters were already checked.
type writeFunc func(ctx context.Context, w io.Writer) error

// NewHandler returns the download endpoints over s, all GET:
//
//	/export/graph.graphml, /export/graph.cyjs        the whole graph
//	/export/subgraph.graphml, /export/subgraph.cyjs  ?around=&depth=&maxNodes=&from=&to=&type=&status=
//	/export/events.csv                               ?type=&status=&agent=&object=&location=&participant=&from=&to=&document=
//
// Entities are given by ID or exact name or alias; repeat a parameter (or
// separate types and statuses by commas) for alternatives. Files come as
// attachments; errors as JSON in the GraphQL shape,
// {"errors":[{"message":…,"extensions":{"code":…}}]}. Whole-graph downloads
// stream a page at a time and take as long as the store is large, so the
// server should not give them its short request timeout.
func NewHandler(s kg.Store) http.Handler {
	h := &handler{s: s, log: slog.Default()}
	mux := http.NewServeMux()
	paths := map[string]bool{}
	route := func(path string, hd http.Handler) {
		paths[path] = true
		mux.Handle("GET "+path, hd)
	}
	for _, f := range []struct {
		format Format
		ext    string
		ctype  string
	}{{GraphML, "graphml", graphMLType}, {Cytoscape, "cyjs", cytoscapeType}} {
		route("/export/graph."+f.ext, h.download("graph."+f.ext, f.ctype, h.graph(f.format)))
		route("/export/subgraph."+f.ext, h.download("subgraph."+f.ext, f.ctype, h.subgraph(f.format)))
	}
	route("/export/events.csv", h.download("events.csv", csvType, h.events))
	// Everything else under /export/ gets a JSON error too, rather than
	// the mux's plain-text one.
	mux.HandleFunc("/export/", func(w http.ResponseWriter, r *http.Request) {
		if paths[r.URL.Path] {
			w.Header().Set("Allow", "GET, HEAD")
			h.writeError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "exports are downloaded with GET")
			return
		}
		h.fail(w, r, kg.Errorf(kg.ENOTFOUND, "no export at %s", r.URL.Path))
	})
	return mux
}

// download checks a request with prepare, then writes the file it returns.
func (h *handler) download(name, ctype string, prepare func(*http.Request) (writeFunc, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		write, err := prepare(r)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		c := &committer{w: w, name: name, ctype: ctype}
		buf := bufio.NewWriterSize(c, bufferSize)
		err = write(r.Context(), buf)
		if err == nil {
			err = buf.Flush()
		}
		switch {
		case err == nil:
			if !c.started { // an empty file still needs its headers
				c.start()
			}
		case !c.started:
			h.fail(w, r, err)
		default:
			// Half a file has gone out with status 200. Aborting the
			// connection lets the client see a failed download instead of
			// a silently truncated one.
			h.log.ErrorContext(r.Context(), "export: failed mid-stream", "path", r.URL.Path, "err", err)
			panic(http.ErrAbortHandler)
		}
	})
}

// committer sets a download's headers when its first byte is written, so
// that an error before then can still choose the status and type.
type committer struct {
	w           http.ResponseWriter
	name, ctype string
	started     bool
}

func (c *committer) start() {
	c.started = true
	hd := c.w.Header()
	hd.Set("Content-Type", c.ctype)
	hd.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", c.name))
	hd.Set("X-Content-Type-Options", "nosniff")
	c.w.WriteHeader(http.StatusOK)
}

func (c *committer) Write(p []byte) (int, error) {
	if !c.started {
		c.start()
	}
	return c.w.Write(p)
}

// statuses maps kg error codes to an HTTP status and the extensions.code
// spelling of the GraphQL API (graph/errors.go), so clients handle both
// alike.
var statuses = map[string]struct {
	status int
	code   string
}{
	kg.EINVALID:     {http.StatusBadRequest, "BAD_USER_INPUT"},
	kg.ENOTFOUND:    {http.StatusNotFound, "NOT_FOUND"},
	kg.ECONFLICT:    {http.StatusConflict, "CONFLICT"},
	kg.EUNAVAILABLE: {http.StatusServiceUnavailable, "UNAVAILABLE"},
	kg.ETIMEOUT:     {http.StatusGatewayTimeout, "TIMEOUT"},
	kg.EINTERNAL:    {http.StatusInternalServerError, "INTERNAL"},
}

// fail writes err as a JSON error. Messages of *kg.Error are safe to show;
// anything else is logged here and leaves as "internal error".
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	st, msg := statuses[kg.ErrorCode(err)], kg.ErrorMessage(err)
	var kgErr *kg.Error
	switch {
	case errors.As(err, &kgErr):
	case errors.Is(err, context.DeadlineExceeded):
		st, msg = statuses[kg.ETIMEOUT], "request timed out"
	case errors.Is(err, context.Canceled):
		st, msg = statuses[kg.EUNAVAILABLE], "request canceled"
	default:
		h.log.ErrorContext(r.Context(), "export: internal error", "path", r.URL.Path, "err", err)
	}
	if st.code == "INTERNAL" {
		msg = "internal error"
	}
	h.writeError(w, st.status, st.code, msg)
}

func (h *handler) writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": msg, "extensions": map[string]string{"code": code}}}})
}
