package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/graph/export"
)

// readyTimeout bounds the store ping behind /readyz, so that a hung
// database makes the probe fail rather than hang.
const readyTimeout = 2 * time.Second

// newHandler routes the API: GraphQL at /graphql, downloads under
// /export/, GraphiQL at /, and the probes, which stay open to load
// balancers when keys are configured. Requests are logged once, here.
func newHandler(s kg.Store, c Config, log *slog.Logger) http.Handler {
	gql := graph.NewHandler(s, graph.Options{Introspection: c.Introspection, Logger: log, CheckScopes: true,
		MaxDepth: c.MaxDepth, MaxComplexity: c.MaxComplexity, MaxPageSize: c.MaxPageSize, ResponseCache: c.ResponseCache})
	mux := http.NewServeMux()
	// Scopes are checked per operation inside the GraphQL handler: a query
	// needs read, a mutation write.
	mux.Handle("/graphql", authenticate(c.Keys, "", limitBody(c.MaxBodyBytes, withTimeout(c.Timeout, gql))))
	// Downloads of the whole graph take as long as the graph is large, so
	// they get no request timeout; a client that goes away cancels them.
	mux.Handle("/export/", authenticate(c.Keys, graph.ScopeRead, export.NewHandler(s)))
	if c.GraphiQL {
		mux.Handle("GET /{$}", playground.Handler("News knowledge graph", "/graphql"))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		if err := s.Ping(ctx); err != nil {
			log.WarnContext(ctx, "readyz: store not ready", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": kg.ErrorMessage(err)})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	return logRequests(log, withCORS(c.CORSOrigins, mux))
}

// withTimeout bounds a request; the deadline travels in the context to the
// store, which gives up and reports TIMEOUT.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// limitBody refuses bodies over max bytes with 413: at once when
// Content-Length says so, and after reading at most max+1 bytes otherwise.
// The GraphQL transport reads the whole body anyway, so reading it here
// costs nothing and spares the transport from reporting a cut-off body as
// a GraphQL error with status 200.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := func() {
			writeError(w, http.StatusRequestEntityTooLarge, graph.CodeBadUserInput, "request body is larger than the limit")
		}
		if r.ContentLength > max {
			tooLarge()
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
			var tooBig *http.MaxBytesError
			switch {
			case errors.As(err, &tooBig):
				tooLarge()
				return
			case err != nil:
				writeError(w, http.StatusBadRequest, graph.CodeBadUserInput, "could not read the request body")
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// statusRecorder remembers the status a handler wrote, for the log line.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logRequests writes one line per request; probes log at debug level so
// that a load balancer polling them does not drown the log.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level := slog.LevelInfo
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			level = slog.LevelDebug
		}
		log.Log(r.Context(), level, "http", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"duration", time.Since(start).Round(time.Microsecond))
	})
}
