package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two short articles in the team's own words, an empty file and a binary
// file with a text extension: the loaders must take the first two and
// report the other two.
var articles = map[string]string{
	"duma.txt": `Duma backs partnership accord

MOSCOW, April 8, 2025 — The State Duma ratified the Treaty on Comprehensive Strategic Partnership between Russia and Iran on April 8, 2025.
Lawmakers voted almost unanimously, officials said.
`,
	"senate.txt": `Upper house approves accord

MOSCOW, April 16, 2025 — The Federation Council approved the Treaty on Comprehensive Strategic Partnership with Iran on April 16, 2025.
President Vladimir Putin is expected to sign the ratification law next week.
`,
	"empty.txt":  "",
	"binary.txt": "\x00\x01\x02PNG\x00\xff\xfe\x00\x00\x10\x11",
}

func writeArticles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range articles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustConfig(t *testing.T, args ...string) Config {
	t.Helper()
	c, err := parseConfig(args, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatalf("parseConfig(%q): %v", args, err)
	}
	return c
}

func TestServerWithLoadedArticles(t *testing.T) {
	ctx := context.Background()
	dir := writeArticles(t)
	c := mustConfig(t, "--data-dir", t.TempDir(), "--load", dir)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	s, err := openStore(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum, err := load(ctx, s, c.Load, io.Discard, log)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if got, want := sum.Documents, 2; got != want {
		t.Fatalf("loaded %d documents, want %d; summary: %s", got, want, sum)
	}
	if got, want := len(sum.Skipped), 2; got != want {
		t.Fatalf("skipped %d, want %d: %+v", got, want, sum.Skipped)
	}
	for _, name := range []string{"empty.txt", "binary.txt"} {
		found := false
		for _, sk := range sum.Skipped {
			found = found || (strings.HasSuffix(sk.Name, name) && sk.Reason != "")
		}
		if !found || !strings.Contains(logs.String(), name) {
			t.Fatalf("%s not reported with a reason: %+v\nlog:\n%s", name, sum.Skipped, logs.String())
		}
	}

	srv := httptest.NewServer(newHandler(s, c, log))
	defer srv.Close()
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/": 200, "/nowhere": 404} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Fatalf("GET %s = %d, want %d", path, res.StatusCode, want)
		}
	}

	q := `{ events(first: 100) { totalCount nodes { id type agents { name } document { title } evidence { sentence } } } }`
	var r struct {
		Data struct {
			Events struct {
				TotalCount int
				Nodes      []struct {
					ID       string
					Document struct{ Title string }
					Evidence []struct{ Sentence string }
				}
			}
		}
		Errors []any
	}
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		var res *http.Response
		if method == http.MethodPost {
			body, _ := json.Marshal(map[string]string{"query": q})
			res, err = http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
		} else {
			res, err = http.Get(srv.URL + "/graphql?query=" + url.QueryEscape(q))
		}
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(res.Body).Decode(&r)
		res.Body.Close()
		if err != nil || res.StatusCode != 200 || len(r.Errors) > 0 {
			t.Fatalf("%s /graphql: status %d, err %v, errors %v", method, res.StatusCode, err, r.Errors)
		}
		// Extraction quality is not this package's business; what the store
		// counted while loading is what the API must serve.
		if got, want := r.Data.Events.TotalCount, sum.Events; got != want {
			t.Fatalf("%s: totalCount %d, but the load stored %d events", method, got, want)
		}
		for _, e := range r.Data.Events.Nodes {
			if e.Document.Title == "" || len(e.Evidence) == 0 {
				t.Fatalf("event %s lacks its document or evidence: %+v", e.ID, e)
			}
		}
	}
	t.Logf("summary: %s", sum)
}

func TestRequestLimits(t *testing.T) {
	ctx := context.Background()
	c := mustConfig(t, "--data-dir", t.TempDir(), "--timeout", "1ns", "--graphiql=false")
	s, err := openStore(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	srv := httptest.NewServer(newHandler(s, c, slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()

	big := `{"query": "{ events { totalCount } }", "pad": "` + strings.Repeat("x", 1<<20) + `"}`
	res, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got, want := res.StatusCode, http.StatusRequestEntityTooLarge; got != want {
		t.Fatalf("oversized body: status %d, want %d", got, want)
	}

	res, err = http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query": "{ events { totalCount } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), `"code":"TIMEOUT"`) {
		t.Fatalf("request past its 1ns timeout answered %s, want code TIMEOUT", body)
	}

	res, err = http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("GraphiQL switched off still answers %d", res.StatusCode)
	}
}

func TestLoadOnlyAndGracefulShutdown(t *testing.T) {
	dataDir := t.TempDir()
	c := mustConfig(t, "--data-dir", dataDir, "--load", writeArticles(t), "--load-only")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := run(context.Background(), c, io.Discard, log); err != nil {
		t.Fatalf("run --load-only: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "kg.db")); err != nil {
		t.Fatalf("--load-only left no store: %v", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		w.Write([]byte("finished"))
	})
	go func() { done <- serve(ctx, ln, slow) }()
	reply := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			reply <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		reply <- string(b)
	}()
	time.Sleep(50 * time.Millisecond) // let the request arrive before shutdown starts
	cancel()
	if got := <-reply; got != "finished" {
		t.Fatalf("in-flight request got %q during shutdown, want it to finish", got)
	}
	if err := <-done; err != nil {
		t.Fatalf("serve after shutdown: %v", err)
	}
}

func TestConfig(t *testing.T) {
	env := map[string]string{"KG_ADDR": "0.0.0.0:9000", "KG_DATA_DIR": "/var/kg", "KG_INTROSPECTION": "false",
		"KG_TIMEOUT": "3s", "KG_NEO4J_PASSWORD": "pw"}
	c, err := parseConfig([]string{"--addr", "127.0.0.1:7000", "--load", "a", "--load", "b"},
		func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:7000" || c.DataDir != "/var/kg" || c.Introspection || !c.GraphiQL ||
		c.Timeout != 3*time.Second || c.Neo4j.Password != "pw" || len(c.Load) != 2 || c.MaxBodyBytes != 1<<20 {
		t.Fatalf("config = %+v: flags must beat variables, variables beat defaults", c)
	}
	if c.ResponseCache != 0 {
		t.Fatalf("response cache %d by default, want off", c.ResponseCache)
	}
	if c, err := parseConfig([]string{"--response-cache", "5000"}, func(string) string { return "" }, io.Discard); err != nil || c.ResponseCache != 5000 {
		t.Fatalf("--response-cache 5000: %+v, %v", c.ResponseCache, err)
	}
	for _, bad := range [][]string{{"--store", "mysql"}, {"--load-only"}, {"stray"}, {"--timeout", "0s"}, {"--response-cache", "-1"}} {
		if _, err := parseConfig(bad, func(string) string { return "" }, io.Discard); err == nil {
			t.Errorf("parseConfig(%q) accepted", bad)
		}
	}
	if _, err := parseConfig(nil, func(k string) string { return map[string]string{"KG_GRAPHIQL": "maybe"}[k] }, io.Discard); err == nil {
		t.Error("KG_GRAPHIQL=maybe accepted")
	}
}
