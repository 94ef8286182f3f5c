package main

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/server/loadgen/mix"
	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// TestMixesAgainstTheSchema discovers entities from a real handler over a
// generated store and sends every query mix, so that a schema change that
// breaks a benchmark query fails here rather than in a benchmark run.
func TestMixesAgainstTheSchema(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for n := range 5 {
		if _, err := s.Save(ctx, storetest.Generate(n, eventsPerDocument)); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(graph.NewHandler(s, graph.Options{}))
	defer srv.Close()
	c := &client{url: srv.URL, http: srv.Client()}
	sm, err := mix.Discover(ctx, c.post)
	if err != nil {
		t.Fatalf("discover: %v", err)
	}
	if len(sm.Agents) < 10 || len(sm.Objects) < 10 {
		t.Fatalf("discovered %d agents and %d objects in 100 events", len(sm.Agents), len(sm.Objects))
	}
	for name, draw := range mix.Mixes {
		r := rand.New(rand.NewPCG(1, 2))
		for range 30 {
			body := draw(r, sm)
			if _, err := c.post(ctx, body); err != nil {
				t.Fatalf("%s: %s: %v", name, body, err)
			}
		}
	}
}

// TestOpenModel checks that requests start on schedule although each takes
// longer than the interval between them, and that latency counts from the
// due time.
func TestOpenModel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond)
		if r.Header.Get("Authorization") != "Bearer k" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"data":{}}`))
	}))
	defer srv.Close()
	c := &client{url: srv.URL, key: "k", http: srv.Client()}
	start := time.Now()
	res := runLoad(context.Background(), c, func(uint64) []byte { return []byte(`{}`) }, 200, 500*time.Millisecond, 1000)
	if got, want := len(res.latencies), 100; got != want {
		t.Fatalf("sent %d requests at 200 rps for 0.5 s, want %d", got, want)
	}
	// A closed loop of one connection would need 100 × 50 ms = 5 s.
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Fatalf("run took %s: requests waited for each other", elapsed)
	}
	if res.errors != 0 || res.latencies[0] < 50*time.Millisecond {
		t.Fatalf("errors %d (first %v), fastest %s", res.errors, res.firstErr, res.latencies[0])
	}
	c.key = "wrong"
	if res := runLoad(context.Background(), c, func(uint64) []byte { return []byte(`{}`) }, 100, 100*time.Millisecond, 1000); res.errors != len(res.latencies) || res.firstErr == nil {
		t.Fatalf("401s counted as %d errors of %d", res.errors, len(res.latencies))
	}
}
