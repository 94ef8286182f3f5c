package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// reply is a decoded answer of the server.
type reply struct {
	status int
	header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	raw string
}

func (r reply) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// send makes a request with the given headers ("Name: value") and
// decodes the JSON answer, if any.
func send(t *testing.T, method, url, body string, headers ...string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, h := range headers {
		name, value, _ := strings.Cut(h, ": ")
		req.Header.Set(name, value)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	r := reply{status: res.StatusCode, header: res.Header, raw: string(b)}
	if strings.Contains(res.Header.Get("Content-Type"), "json") && len(b) > 0 {
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s %s: undecodable answer %q: %v", method, url, b, err)
		}
	}
	return r
}

func gqlBody(query string) string {
	b, _ := json.Marshal(map[string]string{"query": query})
	return string(b)
}

func hashOf(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// newTestServer serves an empty store with the configuration of args and
// env, as the program would.
func newTestServer(t *testing.T, env map[string]string, args ...string) *httptest.Server {
	t.Helper()
	c, err := parseConfig(append([]string{"--data-dir", t.TempDir()}, args...), func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatalf("parseConfig(%q): %v", args, err)
	}
	s, err := openStore(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	srv := httptest.NewServer(newHandler(s, c, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)
	return srv
}

const (
	readerKey = "reader-secret-0123456789"
	writerKey = "writer-secret-9876543210"
	pusherKey = "pusher-secret-5555555555"
)

func TestAPIKeys(t *testing.T) {
	file := filepath.Join(t.TempDir(), "keys")
	lines := "# dashboards read, the pipeline writes\n\nreader:read:" + hashOf(readerKey) + "\nwriter:read,write:" + hashOf(writerKey) + "\n"
	if err := os.WriteFile(file, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"KG_API_KEYS": "pusher:write:" + hashOf(pusherKey)}
	srv := newTestServer(t, env, "--api-keys-file", file)
	gql := srv.URL + "/graphql"
	query := gqlBody(`{ events { totalCount } }`)

	for _, path := range []string{"/healthz", "/readyz"} {
		if r := send(t, "GET", srv.URL+path, ""); r.status != http.StatusOK {
			t.Errorf("GET %s without a key = %d, want probes open", path, r.status)
		}
	}
	for _, c := range []struct {
		name    string
		headers []string
		invalid bool
	}{
		{"no key", nil, false},
		{"unknown key", []string{"Authorization: Bearer not-a-key"}, true},
		{"empty bearer", []string{"Authorization: Bearer "}, true},
		{"other scheme", []string{"Authorization: Basic " + readerKey}, true},
		{"hash instead of key", []string{"X-API-Key: " + hashOf(readerKey)}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := send(t, "POST", gql, query, c.headers...)
			if got, want := r.status, http.StatusUnauthorized; got != want {
				t.Fatalf("status %d, want %d: %s", got, want, r.raw)
			}
			if got, want := r.code(), "UNAUTHENTICATED"; got != want {
				t.Fatalf("code %q, want %q", got, want)
			}
			auth := r.header.Get("WWW-Authenticate")
			if !strings.HasPrefix(auth, "Bearer") || strings.Contains(auth, "invalid_token") != c.invalid {
				t.Fatalf("WWW-Authenticate %q", auth)
			}
		})
	}
	for _, h := range []string{"Authorization: Bearer " + readerKey, "authorization: bearer " + readerKey, "X-API-Key: " + readerKey} {
		if r := send(t, "POST", gql, query, h); r.status != http.StatusOK || len(r.Errors) > 0 {
			t.Errorf("query with %q: status %d, %s", h, r.status, r.raw)
		}
	}
	if r := send(t, "GET", gql+"?query="+strings.ReplaceAll(`{events{totalCount}}`, " ", ""), "", "X-API-Key: "+writerKey); r.status != http.StatusOK {
		t.Errorf("GET query with the writer's key: %d %s", r.status, r.raw)
	}
	// A key without read may not query.
	r := send(t, "POST", gql, query, "X-API-Key: "+pusherKey)
	if r.status != http.StatusForbidden || r.code() != "FORBIDDEN" || len(r.Data) > 0 {
		t.Fatalf("query with a write-only key: status %d, %s; want 403 FORBIDDEN without data", r.status, r.raw)
	}
	// The export routes need read; the handler behind them is checked by
	// its own package.
	r = send(t, "GET", srv.URL+"/export/graph.graphml", "", "X-API-Key: "+pusherKey)
	if r.status != http.StatusForbidden || r.code() != "FORBIDDEN" {
		t.Fatalf("export with a write-only key: status %d, %s; want 403 FORBIDDEN", r.status, r.raw)
	}
	if r := send(t, "GET", srv.URL+"/export/graph.graphml", ""); r.status != http.StatusUnauthorized {
		t.Fatalf("export without a key: status %d, want 401", r.status)
	}
}

// TestMutationScopes runs the ingest mutation with a read-only key, which
// must be refused, and with a write key, which must store the article.
func TestMutationScopes(t *testing.T) {
	env := map[string]string{"KG_API_KEYS": "reader:read:" + hashOf(readerKey) + "; writer:read,write:" + hashOf(writerKey)}
	srv := newTestServer(t, env)
	gql := srv.URL + "/graphql"
	m := gqlBody(`mutation { ingest(articles: [{text: "` + strings.ReplaceAll(articles["duma.txt"], "\n", `\n`) + `"}]) { created skipped { index } } }`)
	r := send(t, "POST", gql, m, "X-API-Key: "+writerKey)
	if r.code() == "GRAPHQL_VALIDATION_FAILED" {
		t.Skipf("LOUD SKIP: the schema has no Mutation.ingest(articles:) yet: %s", r.raw)
	}
	if r.status != http.StatusOK || len(r.Errors) > 0 || !strings.Contains(r.raw, `"created":1`) {
		t.Fatalf("ingest with a write key: status %d, %s; want one article created", r.status, r.raw)
	}
	r = send(t, "POST", gql, gqlBody(`{ events { totalCount } }`), "X-API-Key: "+readerKey)
	if r.status != http.StatusOK || strings.Contains(r.raw, `"totalCount":0`) {
		t.Fatalf("after ingest: %s; want the article's events", r.raw)
	}
	r = send(t, "POST", gql, m, "X-API-Key: "+readerKey)
	if r.status != http.StatusForbidden || r.code() != "FORBIDDEN" {
		t.Fatalf("ingest with a read-only key: status %d, %s; want 403 FORBIDDEN", r.status, r.raw)
	}
	r = send(t, "GET", gql+"?query="+strings.ReplaceAll("mutation{__typename}", " ", ""), "", "X-API-Key: "+writerKey)
	if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST" {
		t.Fatalf("mutation over GET: status %d, Allow %q; want 405 and Allow: POST", r.status, r.header.Get("Allow"))
	}
}

func TestKeyConfiguration(t *testing.T) {
	h := hashOf("k")
	for _, c := range []struct{ name, env, want string }{
		{"unknown scope", "a:admin:" + h, "unknown scope"},
		{"raw key instead of hash", "a:read:" + readerKey, "not a SHA-256"},
		{"missing field", "a:" + h, "want name:scope"},
		{"duplicate name", "a:read:" + h + " a:write:" + h, "twice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseConfig(nil, func(k string) string { return map[string]string{"KG_API_KEYS": c.env}[k] }, io.Discard)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("KG_API_KEYS=%q: error %v, want one saying %q", c.env, err, c.want)
			}
			if strings.Contains(err.Error(), readerKey) {
				t.Fatalf("error %q repeats a secret", err)
			}
		})
	}
	if _, err := parseConfig([]string{"--api-keys-file", filepath.Join(t.TempDir(), "absent")}, func(string) string { return "" }, io.Discard); err == nil {
		t.Error("a missing key file was accepted")
	}
}

func TestLocalhostOnlyWithoutKeys(t *testing.T) {
	noEnv := func(string) string { return "" }
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.0.2.1:8080", "[::]:8080", "example.com:80"} {
		_, err := parseConfig([]string{"--addr", addr}, noEnv, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "no API keys") {
			t.Errorf("--addr %s without keys: error %v, want a refusal naming the missing keys", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080"} {
		if _, err := parseConfig([]string{"--addr", addr}, noEnv, io.Discard); err != nil {
			t.Errorf("--addr %s: %v", addr, err)
		}
	}
	withKey := func(k string) string { return map[string]string{"KG_API_KEYS": "a:read:" + hashOf("k")}[k] }
	if _, err := parseConfig([]string{"--addr", "0.0.0.0:8080"}, withKey, io.Discard); err != nil {
		t.Errorf("--addr 0.0.0.0:8080 with a key: %v", err)
	}

	// The running server says that it is localhost-only.
	c := mustConfig(t, "--data-dir", t.TempDir(), "--addr", "127.0.0.1:0")
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, c, io.Discard, slog.New(slog.NewTextHandler(&logs, nil))) }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logs.String(), "kg: serving") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if !strings.Contains(logs.String(), "localhost only") {
		t.Fatalf("log does not say the server is localhost-only:\n%s", logs.String())
	}
}

func TestCORS(t *testing.T) {
	env := map[string]string{"KG_API_KEYS": "reader:read:" + hashOf(readerKey)}
	srv := newTestServer(t, env, "--cors-origins", "https://dash.example, https://notebook.example/")
	gql := srv.URL + "/graphql"
	pre := send(t, "OPTIONS", gql, "", "Origin: https://notebook.example", "Access-Control-Request-Method: POST",
		"Access-Control-Request-Headers: authorization, content-type")
	if pre.status != http.StatusNoContent || pre.header.Get("Access-Control-Allow-Origin") != "https://notebook.example" ||
		!strings.Contains(pre.header.Get("Access-Control-Allow-Headers"), "Authorization") ||
		!strings.Contains(pre.header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Fatalf("preflight of an allowed origin, without a key: status %d, headers %v", pre.status, pre.header)
	}
	if pre.header.Get("Access-Control-Allow-Credentials") != "" {
		t.Fatal("credentials offered; keys travel in headers, not cookies")
	}
	if r := send(t, "OPTIONS", gql, "", "Origin: https://evil.example", "Access-Control-Request-Method: POST"); r.status != http.StatusForbidden ||
		r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("preflight of another origin: status %d, headers %v", r.status, r.header)
	}
	r := send(t, "POST", gql, gqlBody(`{ events { totalCount } }`), "Origin: https://dash.example", "Authorization: Bearer "+readerKey)
	if r.status != http.StatusOK || r.header.Get("Access-Control-Allow-Origin") != "https://dash.example" ||
		!strings.Contains(strings.Join(r.header.Values("Vary"), ","), "Origin") {
		t.Fatalf("request of an allowed origin: status %d, headers %v", r.status, r.header)
	}
	if r := send(t, "POST", gql, gqlBody(`{ events { totalCount } }`), "Origin: https://evil.example", "Authorization: Bearer "+readerKey); r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("another origin got Access-Control-Allow-Origin %q", r.header.Get("Access-Control-Allow-Origin"))
	}

	open := newTestServer(t, nil)
	if r := send(t, "POST", open.URL+"/graphql", gqlBody(`{ events { totalCount } }`), "Origin: https://dash.example"); r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatal("CORS headers without --cors-origins")
	}
	star := newTestServer(t, nil, "--cors-origins", "*")
	if r := send(t, "POST", star.URL+"/graphql", gqlBody(`{ events { totalCount } }`), "Origin: https://any.example"); r.header.Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("--cors-origins '*': Access-Control-Allow-Origin %q", r.header.Get("Access-Control-Allow-Origin"))
	}
}

// syncBuffer is a bytes.Buffer that a logger may write while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
