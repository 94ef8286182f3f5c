package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/model"
	"github.com/newsgraph/kg/loaders"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// MaxIngestArticles bounds one ingest call: extraction runs on the request,
// so a larger batch would hold a connection for minutes.
const MaxIngestArticles = 100

// ingestSource is the document Source of articles that came through the
// API, as the loaders name them.
const ingestSource = "api"

var formats = map[model.ArticleFormat]string{
	model.ArticleFormatText: "txt", model.ArticleFormatMarkdown: "md", model.ArticleFormatHTML: "html"}

// forbidden is the error of a resolver whose request lacks scope. It is a
// gqlerror with its code already set, so the error presenter passes it on.
func forbidden(scope Scope, what string) error {
	err := gqlerror.Errorf("%s needs an API key with the %s scope", what, scope)
	errcode.Set(err, CodeForbidden)
	return err
}

// ingest extracts and saves articles one by one, as loaders.Load does for
// files, but reports per article. Unreadable articles are skipped; a store
// failure ends the call, because every later save would fail alike.
func (r *Resolver) ingest(ctx context.Context, articles []*model.ArticleInput) (*model.IngestResult, error) {
	// The server's scope check refuses the operation before it runs; this
	// guards a handler mounted without it.
	if !HasScope(ctx, ScopeWrite) {
		return nil, forbidden(ScopeWrite, "ingest")
	}
	if len(articles) > MaxIngestArticles {
		return nil, kg.Errorf(kg.EINVALID, "at most %d articles per ingest, got %d", MaxIngestArticles, len(articles))
	}
	res := &model.IngestResult{Articles: []*model.IngestedArticle{}, Skipped: []*model.SkippedArticle{}}
	skip := func(i int, err error) {
		reason := strings.TrimPrefix(kg.ErrorMessage(err), ingestSource+": ")
		res.Skipped = append(res.Skipped, &model.SkippedArticle{Index: i, Reason: reason})
	}
	for i, a := range articles {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ingest canceled before article %d: %w", i, err)
		}
		in := loaders.Input{Name: ingestSource, Text: a.Text, Title: deref(a.Title), URL: deref(a.URL),
			Author: deref(a.Author), Published: deref(a.Published)}
		if a.Format != nil {
			in.Format = formats[*a.Format]
		}
		x, err := loaders.Extract(in)
		if kg.ErrorCode(err) == kg.EINVALID {
			skip(i, err)
			continue
		} else if err != nil {
			return nil, fmt.Errorf("extract article %d: %w", i, err)
		}
		saved, err := r.Store.Save(ctx, x)
		if kg.ErrorCode(err) == kg.EINVALID {
			skip(i, err)
			continue
		} else if err != nil {
			return nil, fmt.Errorf("save article %d: %w", i, err)
		}
		doc := x.Document
		if saved.Unchanged {
			// Report what is stored, loaded when it was first saved.
			if stored, err := r.Store.Document(ctx, doc.ID); err == nil {
				doc = *stored
			}
		}
		res.Articles = append(res.Articles, &model.IngestedArticle{Index: i, Document: &doc, Unchanged: saved.Unchanged,
			Entities: saved.Entities, Events: saved.Events})
		if saved.Unchanged {
			res.Unchanged++
		} else {
			res.Created++
		}
	}
	return res, nil
}
