package graph

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
)

// Versioned is a store that can tell cheaply whether anything it holds
// changed: DataVersion differs after every write, by any process.
// store/sqlite (PRAGMA data_version) and store/neo4j (a version node that
// every write transaction replaces) implement it; a response cache needs
// it.
type Versioned interface {
	DataVersion(ctx context.Context) (int64, error)
}

// responseCache keeps the responses of queries, keyed on everything that
// decides one (the document, the operation name, the variables and the
// request's scopes), for as long as the store's data version stays the
// same. Every write, through this server or any other process, changes
// the version, and the first request to see the new version empties the
// cache. Only complete answers are kept: a response with errors (a
// timeout, a missing entity) is computed again next time.
type responseCache struct {
	store Versioned
	size  int
	log   *slog.Logger

	mu      sync.Mutex
	version int64
	entries *lru.LRU[*graphql.Response]
}

func newResponseCache(s Versioned, size int, log *slog.Logger) *responseCache {
	return &responseCache{store: s, size: size, log: log, entries: lru.New[*graphql.Response](size)}
}

// around is the operation middleware that answers from the cache and
// fills it.
func (c *responseCache) around(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return next(ctx)
	}
	version, err := c.store.DataVersion(ctx)
	if err != nil {
		c.log.WarnContext(ctx, "graphql: response cache bypassed", "err", err)
		return next(ctx)
	}
	key, ok := cacheKey(ctx, oc)
	if !ok {
		return next(ctx)
	}
	if resp, ok := c.get(ctx, version, key); ok {
		sent := false
		return func(context.Context) *graphql.Response {
			if sent {
				return nil
			}
			sent = true
			r := *resp
			return &r
		}
	}
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if resp != nil && len(resp.Errors) == 0 && resp.Data != nil && len(resp.Extensions) == 0 && resp.HasNext == nil {
			// The version was read before the query ran: if a write
			// committed meanwhile, the entry is filed under the old
			// version, which the next request will find stale.
			r := *resp
			c.add(ctx, version, key, &r)
		}
		return resp
	}
}

// get returns the cached response of key at version; a newer version
// empties the cache first.
func (c *responseCache) get(ctx context.Context, version int64, key string) (*graphql.Response, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		c.version, c.entries = version, lru.New[*graphql.Response](c.size)
		return nil, false
	}
	return c.entries.Get(ctx, key)
}

func (c *responseCache) add(ctx context.Context, version int64, key string, resp *graphql.Response) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version == c.version {
		c.entries.Add(ctx, key, resp)
	}
}

// cacheKey is the request's scopes, operation name, document and
// variables (JSON with sorted keys). ok is false when the variables do
// not encode, which gqlgen's coercion should rule out.
func cacheKey(ctx context.Context, oc *graphql.OperationContext) (string, bool) {
	vars, err := json.Marshal(oc.Variables)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	for _, s := range scopesOf(ctx) {
		b.WriteString(string(s))
		b.WriteByte(',')
	}
	b.WriteByte(0)
	b.WriteString(oc.OperationName)
	b.WriteByte(0)
	b.WriteString(oc.RawQuery)
	b.WriteByte(0)
	b.Write(vars)
	return b.String(), true
}
