package graph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

const ingestMutation = `mutation($articles: [ArticleInput!]!) {
  ingest(articles: $articles) {
    created unchanged
    articles { index unchanged entities events document { id title url source published { value } events { totalCount } } }
    skipped { index reason }
  }
}`

type ingestResult struct {
	Ingest struct {
		Created, Unchanged int
		Articles           []struct {
			Index            int
			Unchanged        bool
			Entities, Events int
			Document         struct {
				ID, Title, Source string
				URL               *string
				Published         *struct{ Value string }
				Events            struct{ TotalCount int }
			}
		}
		Skipped []struct {
			Index  int
			Reason string
		}
	}
}

// Articles written for this test; the extraction rules are general, so
// any news-like sentence serves.
var ingestArticles = []map[string]any{
	{"title": "Duma backs Arctic pact", "url": "https://example.test/arctic", "published": "2025-03-12",
		"text": "Moscow, March 12, 2025. The State Duma ratified the Treaty on Arctic Cooperation on March 11, 2025.\n"},
	{"text": "   \n  "},
	{"text": "\x00\x01\x02 not an article"},
	{"format": "HTML", "text": `<html><head><title>Majlis vote</title></head><body><article><h1>Majlis vote</h1>` +
		`<p>Tehran, May 2, 2025. The Majlis approved the Treaty on Caspian Fisheries on May 1, 2025.</p></article></body></html>`},
}

func stats(t *testing.T, s kg.Store) kg.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestIngest(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	before := stats(t, fx.store)
	for _, scopes := range [][]graph.Scope{nil, {graph.ScopeRead}} {
		r := do(t, withScopes(fx.handler, scopes...), ingestMutation, map[string]any{"articles": ingestArticles})
		wantError(t, r, graph.CodeForbidden)
		if got := stats(t, fx.store); got != before {
			t.Fatalf("a refused ingest changed the store: %+v, was %+v", got, before)
		}
	}

	writer := withScopes(fx.handler, graph.ScopeRead, graph.ScopeWrite)
	var r ingestResult
	query(t, writer, ingestMutation, map[string]any{"articles": ingestArticles}, &r)
	in := r.Ingest
	if len(in.Articles) != 2 || in.Articles[0].Index != 0 || in.Articles[1].Index != 3 || in.Created != 2 || in.Unchanged != 0 {
		t.Fatalf("ingest = %+v, want articles 0 and 3 created", in)
	}
	if len(in.Skipped) != 2 || in.Skipped[0].Index != 1 || !strings.Contains(in.Skipped[0].Reason, "empty") ||
		in.Skipped[1].Index != 2 || !strings.Contains(in.Skipped[1].Reason, "binary") {
		t.Fatalf("skipped = %+v, want 1 (empty) and 2 (binary)", in.Skipped)
	}
	first := in.Articles[0]
	if d := first.Document; d.Title != "Duma backs Arctic pact" || str(d.URL) != "https://example.test/arctic" || d.Source != "api" ||
		d.Published == nil || d.Published.Value != "2025-03-12" {
		t.Fatalf("document = %+v", d)
	}
	events := 0
	for _, a := range in.Articles {
		if a.Unchanged || a.Events == 0 || a.Entities == 0 || a.Document.Events.TotalCount != a.Events {
			t.Fatalf("article %d: %+v; its stored events must equal the count", a.Index, a)
		}
		events += a.Events
	}
	after := stats(t, fx.store)
	if after.Documents != before.Documents+2 || after.Events != before.Events+events {
		t.Fatalf("stats %+v after ingest, %+v before, %d events reported", after, before, events)
	}

	// The same articles again change nothing, like loading files twice.
	var again ingestResult
	query(t, writer, ingestMutation, map[string]any{"articles": ingestArticles}, &again)
	if again.Ingest.Created != 0 || again.Ingest.Unchanged != 2 || !again.Ingest.Articles[0].Unchanged ||
		again.Ingest.Articles[0].Document.ID != first.Document.ID {
		t.Fatalf("second ingest = %+v, want both unchanged", again.Ingest)
	}
	if got := stats(t, fx.store); got != after {
		t.Fatalf("second ingest changed the store: %+v, was %+v", got, after)
	}
}

func TestIngestLimits(t *testing.T) {
	fx := newFixture(t, graph.Options{})
	writer := withScopes(fx.handler, graph.ScopeRead, graph.ScopeWrite)
	many := make([]map[string]any, graph.MaxIngestArticles+1)
	for i := range many {
		many[i] = map[string]any{"text": "The Duma ratified the treaty."}
	}
	wantError(t, do(t, writer, ingestMutation, map[string]any{"articles": many}), graph.CodeBadUserInput)

	// A mutation over GET must be refused before it runs, even with the
	// write scope: GET requests may be prefetched, cached or replayed.
	before := stats(t, fx.store)
	q := url.Values{"query": {`mutation { ingest(articles: [{text: "The State Duma ratified the Treaty on Arctic Cooperation on March 11, 2025."}]) { created } }`}}
	req := httptest.NewRequest(http.MethodGet, "/graphql?"+q.Encode(), nil)
	req.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	writer.ServeHTTP(rec, req)
	if rec.Code < 400 || rec.Code >= 500 || !strings.Contains(rec.Body.String(), "errors") {
		t.Fatalf("GET mutation: status %d, body %s; want a 4xx refusal", rec.Code, rec.Body)
	}
	if got := stats(t, fx.store); got != before {
		t.Fatalf("a GET mutation changed the store: %+v, was %+v", got, before)
	}
}
