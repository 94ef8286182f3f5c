// Command loadgen measures the GraphQL server under an open-model load:
// requests start at a constant rate whether or not earlier ones have
// finished, as independent users' requests do, and each latency counts
// from the moment its request was due, so a stalled server cannot hide
// its stall by slowing the generator down (coordinated omission).
//
//	go run ./server/loadgen -generate 100000 -data-dir /tmp/kgbench
//	go run ./server/loadgen -url http://127.0.0.1:8080/graphql -query events -rate 1000 -duration 20s
//
// Queries (events, subgraph, search) vary their variables per request
// over entities that the generator discovers from the server first, so
// the store's caches see realistic spread rather than one hot query.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/kg/server/loadgen/mix"
)

func main() {
	var (
		url         = flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint")
		query       = flag.String("query", "events", "query mix: events (or one of its parts: events-type-year, events-agent, events-object, events-participant), subgraph or search")
		rate        = flag.Float64("rate", 100, "requests per second to start")
		duration    = flag.Duration("duration", 20*time.Second, "how long to measure")
		warmup      = flag.Duration("warmup", 2*time.Second, "load at the same rate before measuring, not counted")
		maxInflight = flag.Int("max-inflight", 2000, "requests in flight at most; a request due beyond it is counted as dropped")
		timeout     = flag.Duration("timeout", 10*time.Second, "client timeout of one request")
		key         = flag.String("key", os.Getenv("KG_API_KEY"), "API key (env KG_API_KEY)")
		serverPID   = flag.Int("server-pid", 0, "process ID of the server, to report its CPU use (Linux)")
		generate    = flag.Int("generate", 0, "instead of loading a server, write this many synthetic events into -data-dir")
		dataDir     = flag.String("data-dir", "", "store directory for -generate")
	)
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *generate > 0 {
		if err := generateStore(ctx, *dataDir, *generate, os.Stderr); err != nil {
			log.Fatalf("loadgen: generate: %v", err)
		}
		return
	}
	c := &client{url: *url, key: *key, http: &http.Client{Timeout: *timeout, Transport: &http.Transport{
		MaxIdleConns: *maxInflight, MaxIdleConnsPerHost: *maxInflight, IdleConnTimeout: time.Minute}}}
	sample, err := mix.Discover(ctx, c.post)
	if err != nil {
		log.Fatalf("loadgen: discover entities at %s: %v", *url, err)
	}
	draw, ok := mix.Mixes[*query]
	if !ok {
		log.Fatalf("loadgen: -query %q: unknown; see -help", *query)
	}
	// Each request draws its variables from its own generator, so that
	// the draw does not serialize the senders.
	bodies := func(seed uint64) []byte { return draw(rand.New(rand.NewPCG(seed, 7)), sample) }
	if *warmup > 0 {
		runLoad(ctx, c, bodies, *rate, *warmup, *maxInflight)
	}
	cpu0, srv0 := selfCPU(), processCPU(*serverPID)
	res := runLoad(ctx, c, bodies, *rate, *duration, *maxInflight)
	cpu1, srv1 := selfCPU(), processCPU(*serverPID)
	res.report(os.Stdout, *query, *rate, *duration)
	fmt.Printf("cpu: generator %.2f cores", (cpu1-cpu0).Seconds()/res.elapsed.Seconds())
	if *serverPID > 0 && srv0 >= 0 && srv1 >= 0 {
		fmt.Printf(", server %.2f cores", (srv1-srv0).Seconds()/res.elapsed.Seconds())
	}
	fmt.Println()
}

// client posts GraphQL bodies.
type client struct {
	url, key string
	http     *http.Client
}

// post sends body and returns the answer; an HTTP status other than 200
// or a GraphQL error is an error.
func (c *client) post(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, strings.NewReader(string(body)))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return b, fmt.Errorf("HTTP %d: %.200s", res.StatusCode, b)
	}
	if strings.Contains(string(b[:min(len(b), 12)]), `"errors"`) {
		return b, fmt.Errorf("GraphQL error: %.200s", b)
	}
	return b, nil
}

// result is what one run measured.
type result struct {
	latencies []time.Duration
	errors    int
	dropped   int
	firstErr  error
	elapsed   time.Duration
}

// runLoad starts requests at rate for d and waits for them all.
func runLoad(ctx context.Context, c *client, bodies func(uint64) []byte, rate float64, d time.Duration, maxInflight int) *result {
	res := &result{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var inflight atomic.Int64
	interval := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	n := int(d.Seconds() * rate)
	for i := range n {
		due := start.Add(time.Duration(i) * interval)
		if wait := time.Until(due); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				n = i
			}
		}
		if ctx.Err() != nil {
			break
		}
		if inflight.Load() >= int64(maxInflight) {
			mu.Lock()
			res.dropped++
			mu.Unlock()
			continue
		}
		inflight.Add(1)
		wg.Add(1)
		go func(seed uint64, due time.Time) {
			defer wg.Done()
			defer inflight.Add(-1)
			_, err := c.post(ctx, bodies(seed))
			lat := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			res.latencies = append(res.latencies, lat)
			if err != nil && !errors.Is(err, context.Canceled) {
				res.errors++
				if res.firstErr == nil {
					res.firstErr = err
				}
			}
		}(uint64(start.UnixNano())+uint64(i), due)
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

func (r *result) report(w io.Writer, query string, rate float64, d time.Duration) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	ok := len(r.latencies) - r.errors
	fmt.Fprintf(w, "%s: target %.0f rps for %s: sent %d, ok %d, errors %d, dropped %d\n",
		query, rate, d, len(r.latencies), ok, r.errors, r.dropped)
	fmt.Fprintf(w, "achieved %.0f rps (completed / elapsed %.1fs)\n", float64(len(r.latencies))/r.elapsed.Seconds(), r.elapsed.Seconds())
	fmt.Fprintf(w, "latency p50 %s  p90 %s  p99 %s  max %s\n", ms(pct(0.50)), ms(pct(0.90)), ms(pct(0.99)), ms(pct(1)))
	fmt.Fprintf(w, "| %s | %.0f | %.0f | %s | %s | %s | %s | %d |\n", query, rate,
		float64(len(r.latencies))/r.elapsed.Seconds(), ms(pct(0.50)), ms(pct(0.90)), ms(pct(0.99)), ms(pct(1)), r.errors+r.dropped)
	if r.firstErr != nil {
		fmt.Fprintf(w, "first error: %v\n", r.firstErr)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }
