package main

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestGraphQLOverHTTP checks the status codes and bodies that the GraphQL
// over HTTP spec asks for, where gqlgen on its own answers otherwise. The
// full audit runs in CI (.ci/audit).
func TestGraphQLOverHTTP(t *testing.T) {
	srv := newTestServer(t, nil)
	gql := srv.URL + "/graphql"
	const jsonMedia, gqlMedia = "application/json", "application/graphql-response+json"
	for _, c := range []struct {
		name, body, accept string
		status             int
		code               string
	}{
		{"parse error, json", gqlBody(`{ events {`), jsonMedia, 200, "GRAPHQL_PARSE_FAILED"},
		{"parse error, graphql-response", gqlBody(`{ events {`), gqlMedia, 400, "GRAPHQL_PARSE_FAILED"},
		{"validation error, json", gqlBody(`{ events { colour } }`), jsonMedia, 200, "GRAPHQL_VALIDATION_FAILED"},
		{"validation error, no accept", gqlBody(`{ events { colour } }`), "", 200, "GRAPHQL_VALIDATION_FAILED"},
		{"validation error, graphql-response", gqlBody(`{ events { colour } }`), gqlMedia, 400, "GRAPHQL_VALIDATION_FAILED"},
		{"no query, json", `{"variables": {}}`, jsonMedia, 400, ""},
		{"no query, graphql-response", `{"query": ""}`, gqlMedia, 400, ""},
		{"malformed JSON", `{"query": `, jsonMedia, 400, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var headers []string
			if c.accept != "" {
				headers = append(headers, "Accept: "+c.accept)
			}
			r := send(t, "POST", gql, c.body, headers...)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.raw)
			}
			if len(r.Errors) == 0 || (c.code != "" && r.code() != c.code) {
				t.Fatalf("errors %s, want code %q", r.raw, c.code)
			}
			if strings.Contains(r.raw, `"data"`) {
				t.Fatalf("request error with a data entry: %s", r.raw)
			}
			if want := c.accept; want != "" && !strings.HasPrefix(r.header.Get("Content-Type"), want) {
				t.Fatalf("Content-Type %q, want %q", r.header.Get("Content-Type"), want)
			}
		})
	}
	// A field error is not a request error: data stays, status 200.
	r := send(t, "POST", gql, gqlBody(`{ events(first: 101) { totalCount } }`), "Accept: "+gqlMedia)
	if r.status != 200 || !strings.Contains(r.raw, `"data"`) || r.code() != "BAD_USER_INPUT" {
		t.Fatalf("field error: status %d, %s", r.status, r.raw)
	}
}

func TestLimitFlags(t *testing.T) {
	srv := newTestServer(t, nil, "--max-page-size", "5", "--max-depth", "3", "--max-complexity", "20")
	gql := srv.URL + "/graphql"
	for _, c := range []struct{ name, body, code string }{
		{"page size literal", gqlBody(`{ events(first: 6) { totalCount } }`), "BAD_USER_INPUT"},
		{"page size in a fragment", gqlBody(`{ ...F } fragment F on Query { searchEntities(query: "x", first: 9) { score } }`), "BAD_USER_INPUT"},
		{"page size variable", `{"query": "query($n: Int) { events(first: $n) { totalCount } }", "variables": {"n": 6}}`, "BAD_USER_INPUT"},
		{"depth", gqlBody(`{ events { nodes { document { events { totalCount } } } } }`), "DEPTH_LIMIT_EXCEEDED"},
		{"complexity", gqlBody(`{ events(first: 5) { totalCount nodes { id type status } } }`), "COMPLEXITY_LIMIT_EXCEEDED"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := send(t, "POST", gql, c.body)
			if r.status != 200 || r.code() != c.code || strings.Contains(r.raw, `"data"`) {
				t.Fatalf("status %d, %s; want 200, code %s and no data", r.status, r.raw, c.code)
			}
		})
	}
	if r := send(t, "POST", gql, gqlBody(`{ events(first: 5) { totalCount nodes { id } } }`)); r.status != 200 || len(r.Errors) > 0 {
		t.Fatalf("query within every limit: status %d, %s", r.status, r.raw)
	}
	for _, bad := range [][]string{{"--max-page-size", "101"}, {"--max-page-size", "0"}, {"--max-depth", "0"}, {"--max-complexity", "-1"}} {
		if _, err := parseConfig(bad, func(string) string { return "" }, io.Discard); err == nil {
			t.Errorf("parseConfig(%q) accepted", bad)
		}
	}
}

// TestChunkedBodyLimit sends an oversized body without Content-Length,
// which only reading can catch.
func TestChunkedBodyLimit(t *testing.T) {
	srv := newTestServer(t, nil, "--max-body-bytes", "1000")
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte(`{"query": "{ events { totalCount } }", "pad": "` + strings.Repeat("x", 5000) + `"}`))
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", srv.URL+"/graphql", pr)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got, want := res.StatusCode, http.StatusRequestEntityTooLarge; got != want {
		t.Fatalf("chunked oversized body: status %d, want %d", got, want)
	}
	if r := send(t, "GET", srv.URL+"/graphql?query="+url.QueryEscape(`{ events { totalCount } }`), ""); r.status != 200 {
		t.Fatalf("GET within the limit: %d %s", r.status, r.raw)
	}
}
