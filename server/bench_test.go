package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/server/loadgen/mix"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// benchEvents is the size of the benchmark store, as in BENCHMARKS.md,
// as 5,000 documents of 20 events like server/loadgen's.
const (
	benchEvents       = 100_000
	eventsPerDocument = 20
)

// benchStore opens the store of 100,000 generated events. KG_BENCH_DATA_DIR
// names a directory to reuse across runs (generating takes over a minute);
// without it the store is generated in a temporary directory.
func benchStore(b *testing.B) kg.Store {
	b.Helper()
	ctx := context.Background()
	dir := os.Getenv("KG_BENCH_DATA_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	s, err := sqlite.Open(ctx, filepath.Join(dir, "kg.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Events < benchEvents {
		start := time.Now()
		for n := range benchEvents / eventsPerDocument {
			if _, err := s.Save(ctx, storetest.Generate(n, eventsPerDocument)); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("generated %d events in %s under %s", benchEvents, time.Since(start).Round(time.Second), dir)
	}
	return s
}

// BenchmarkEventsRequest sends the events query of the load generator
// through the server's whole handler (logging, CORS, authentication,
// body limit, timeout, GraphQL) over a store of 100,000 events, without
// the network. Requests run in parallel as under load, so ns/op is wall
// time per request with every core busy; cpu-ns/op is the process's CPU
// time per request, which other work on the machine disturbs less.
// mix-serial sends one request at a time: its ns/op is the latency of a
// request alone.
func BenchmarkEventsRequest(b *testing.B) {
	// The collector as main sets it (tuneGC); GOGC=100 in the
	// environment measures Go's default.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	s := benchStore(b)
	c, err := parseConfig([]string{"--data-dir", b.TempDir()}, func(string) string { return "" }, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	h := newHandler(s, c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	// The load generator's sample of the graph, discovered the same way.
	sample, err := mix.Discover(context.Background(), func(_ context.Context, body []byte) ([]byte, error) {
		return postGraphQL(h, body)
	})
	if err != nil {
		b.Fatal(err)
	}
	benchBodies := func(kinds ...int) [][]byte {
		r := rand.New(rand.NewPCG(1, 2))
		bodies := make([][]byte, 512)
		for i := range bodies {
			bodies[i] = mix.EventsBody(r, sample, kinds[i%len(kinds)])
		}
		return bodies
	}
	b.Run("mix-serial", func(b *testing.B) {
		bodies := benchBodies(0, 1, 2, 3)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if err := serveOnce(h, bodies[i%len(bodies)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, k := range []struct {
		name  string
		kinds []int
	}{{"mix", []int{0, 1, 2, 3}}, {"type-year", []int{0}}, {"agent", []int{1}}, {"object", []int{2}}, {"participant", []int{3}}} {
		b.Run(k.name, func(b *testing.B) { runParallel(b, h, benchBodies(k.kinds...)) })
	}
	// The mix through a server with --response-cache: its 512 bodies are
	// answered from the cache after their first time, so this is the cost
	// of a hit, not of a query.
	c.ResponseCache = 4096
	cached := newHandler(s, c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	b.Run("mix-response-cache", func(b *testing.B) { runParallel(b, cached, benchBodies(0, 1, 2, 3)) })
}

// runParallel sends bodies in turn from 8 goroutines per core and reports
// the process's CPU time per request.
func runParallel(b *testing.B, h http.Handler, bodies [][]byte) {
	var next atomic.Int64
	b.SetParallelism(8)
	b.ReportAllocs()
	cpu := processCPU()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := serveOnce(h, bodies[next.Add(1)%int64(len(bodies))]); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}

// serveOnce posts body to /graphql and checks for a 200 without errors.
func serveOnce(h http.Handler, body []byte) error {
	_, err := postGraphQL(h, body)
	return err
}

// postGraphQL posts body to /graphql and returns the response body of a 200
// without errors.
func postGraphQL(h http.Handler, body []byte) ([]byte, error) {
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
		return nil, fmt.Errorf("status %d: %.300s", w.Code, strings.TrimSpace(w.Body.String()))
	}
	return w.Body.Bytes(), nil
}
