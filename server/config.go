package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/kg/graph"
)

// Config is every setting of the server. Each has a flag and, except
// --load and --load-only, an environment variable that the flag overrides.
type Config struct {
	DataDir       string
	Addr          string
	Load          []string
	LoadOnly      bool
	Store         string
	Neo4j         Neo4jConfig
	Introspection bool
	GraphiQL      bool
	Timeout       time.Duration
	MaxBodyBytes  int64
	// APIKeysFile and the variable KG_API_KEYS configure Keys.
	APIKeysFile string
	Keys        keyring
	// CORSOrigins may call the API from a browser; "*" is any origin.
	CORSOrigins   []string
	MaxDepth      int
	MaxComplexity int
	MaxPageSize   int
	// ResponseCache is how many query responses the server keeps while the
	// store's data does not change; 0 keeps none.
	ResponseCache int
}

// Neo4jConfig says how to reach Neo4j when Store is "neo4j".
type Neo4jConfig struct {
	URI, User, Password, Database string
}

// pathList is a repeatable flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(v string) error { *p = append(*p, v); return nil }

// parseConfig reads flags from args with defaults from getenv, so that a
// flag beats its variable and the variable beats the built-in default.
func parseConfig(args []string, getenv func(string) string, out io.Writer) (Config, error) {
	var c Config
	env := envDefaults{getenv: getenv}
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.DataDir, "data-dir", env.str("KG_DATA_DIR", "./data"), "directory of the embedded store (file kg.db) (env KG_DATA_DIR)")
	fs.StringVar(&c.Addr, "addr", env.str("KG_ADDR", "127.0.0.1:8080"), "HTTP listen address (env KG_ADDR)")
	fs.Var((*pathList)(&c.Load), "load", "load articles from this file or directory before serving (repeatable)")
	fs.BoolVar(&c.LoadOnly, "load-only", false, "load the --load paths and exit without serving")
	fs.StringVar(&c.Store, "store", env.str("KG_STORE", "sqlite"), "store backend: sqlite or neo4j (env KG_STORE)")
	fs.StringVar(&c.Neo4j.URI, "neo4j-uri", env.str("KG_NEO4J_URI", "bolt://localhost:7687"), "Neo4j URI (env KG_NEO4J_URI)")
	fs.StringVar(&c.Neo4j.User, "neo4j-user", env.str("KG_NEO4J_USER", "neo4j"), "Neo4j user (env KG_NEO4J_USER)")
	fs.StringVar(&c.Neo4j.Database, "neo4j-database", env.str("KG_NEO4J_DATABASE", ""), "Neo4j database, empty for the server default (env KG_NEO4J_DATABASE)")
	// The password has no flag: command lines show up in process lists.
	c.Neo4j.Password = getenv("KG_NEO4J_PASSWORD")
	fs.BoolVar(&c.Introspection, "introspection", env.boolean("KG_INTROSPECTION", true), "allow GraphQL introspection (env KG_INTROSPECTION)")
	fs.BoolVar(&c.GraphiQL, "graphiql", env.boolean("KG_GRAPHIQL", true), "serve GraphiQL at / (env KG_GRAPHIQL)")
	fs.DurationVar(&c.Timeout, "timeout", env.duration("KG_TIMEOUT", 10*time.Second), "time limit of one GraphQL request (env KG_TIMEOUT)")
	fs.Int64Var(&c.MaxBodyBytes, "max-body-bytes", env.int64("KG_MAX_BODY_BYTES", 1<<20), "largest accepted request body (env KG_MAX_BODY_BYTES)")
	fs.StringVar(&c.APIKeysFile, "api-keys-file", env.str("KG_API_KEYS_FILE", ""),
		"file of API keys, one name:scope[,scope]:sha256-hex per line; without keys the server is localhost-only (env KG_API_KEYS_FILE)")
	cors := fs.String("cors-origins", env.str("KG_CORS_ORIGINS", ""), "comma-separated origins that browsers may call the API from, * for any (env KG_CORS_ORIGINS)")
	fs.IntVar(&c.MaxDepth, "max-depth", env.integer("KG_MAX_DEPTH", graph.DefaultMaxDepth), "deepest accepted nesting of fields (env KG_MAX_DEPTH)")
	fs.IntVar(&c.MaxComplexity, "max-complexity", env.integer("KG_MAX_COMPLEXITY", graph.DefaultMaxComplexity), "largest accepted query cost (env KG_MAX_COMPLEXITY)")
	fs.IntVar(&c.MaxPageSize, "max-page-size", env.integer("KG_MAX_PAGE_SIZE", graph.MaxPageSize),
		fmt.Sprintf("largest accepted `first` argument, at most %d (env KG_MAX_PAGE_SIZE)", graph.MaxPageSize))
	fs.IntVar(&c.ResponseCache, "response-cache", env.integer("KG_RESPONSE_CACHE", 0),
		"keep the responses of up to this many distinct queries until the next write to the store; 0 for none (env KG_RESPONSE_CACHE)")
	if env.err != nil {
		return c, env.err
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case fs.NArg() > 0:
		return c, fmt.Errorf("unexpected arguments %q; use --load PATH to load articles", fs.Args())
	case c.Store != "sqlite" && c.Store != "neo4j":
		return c, fmt.Errorf("--store %q: want sqlite or neo4j", c.Store)
	case c.LoadOnly && len(c.Load) == 0:
		return c, fmt.Errorf("--load-only needs at least one --load PATH")
	case c.Timeout <= 0:
		return c, fmt.Errorf("--timeout %s: must be positive", c.Timeout)
	case c.MaxBodyBytes <= 0:
		return c, fmt.Errorf("--max-body-bytes %d: must be positive", c.MaxBodyBytes)
	case c.MaxDepth <= 0 || c.MaxComplexity <= 0:
		return c, fmt.Errorf("--max-depth %d, --max-complexity %d: must be positive", c.MaxDepth, c.MaxComplexity)
	case c.ResponseCache < 0:
		return c, fmt.Errorf("--response-cache %d: must not be negative", c.ResponseCache)
	case c.MaxPageSize <= 0 || c.MaxPageSize > graph.MaxPageSize:
		return c, fmt.Errorf("--max-page-size %d: must be between 1 and %d", c.MaxPageSize, graph.MaxPageSize)
	}
	for _, o := range strings.Split(*cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, strings.TrimSuffix(o, "/"))
		}
	}
	var err error
	if c.Keys, err = loadKeys(c.APIKeysFile, getenv("KG_API_KEYS")); err != nil {
		return c, err
	}
	if len(c.Keys) == 0 && !c.LoadOnly && !isLoopback(c.Addr) {
		return c, fmt.Errorf("--addr %s would listen beyond this machine, but no API keys are configured: "+
			"configure keys (--api-keys-file or KG_API_KEYS) or listen on 127.0.0.1", c.Addr)
	}
	return c, nil
}

// envDefaults reads flag defaults from the environment and keeps the first
// malformed value as an error.
type envDefaults struct {
	getenv func(string) string
	err    error
}

func (e *envDefaults) str(name, def string) string {
	if v := e.getenv(name); v != "" {
		return v
	}
	return def
}

func (e *envDefaults) parse(name string, parse func(string) error) {
	v := e.getenv(name)
	if v == "" {
		return
	}
	if err := parse(v); err != nil && e.err == nil {
		e.err = fmt.Errorf("%s=%q: %w", name, v, err)
	}
}

func (e *envDefaults) boolean(name string, def bool) bool {
	e.parse(name, func(v string) (err error) { def, err = strconv.ParseBool(v); return err })
	return def
}

func (e *envDefaults) duration(name string, def time.Duration) time.Duration {
	e.parse(name, func(v string) (err error) { def, err = time.ParseDuration(v); return err })
	return def
}

func (e *envDefaults) integer(name string, def int) int {
	e.parse(name, func(v string) (err error) { def, err = strconv.Atoi(v); return err })
	return def
}

func (e *envDefaults) int64(name string, def int64) int64 {
	e.parse(name, func(v string) (err error) { def, err = strconv.ParseInt(v, 10, 64); return err })
	return def
}
