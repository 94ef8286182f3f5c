// Command server loads news articles into the knowledge graph and serves
// it over GraphQL: `go run ./server --load ../shared/seeds`. Every setting
// is a flag with an environment fallback (see the settings table in README.md).
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// gcPercent is the garbage collector's target growth of the heap when the
// environment sets no GOGC. A GraphQL request allocates a few hundred
// kilobytes, nearly all garbage once it is answered, while the live heap
// stays small (SQLite keeps its pages outside the Go heap), so letting the
// heap grow to five times the live data instead of twice costs some tens
// of megabytes and saves a fifth of the CPU under load (BENCHMARKS.md).
const gcPercent = 400

// tuneGC applies gcPercent unless GOGC is set.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

func main() {
	tuneGC(os.Getenv)
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	cfg, err := parseConfig(os.Args[1:], os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		log.Error("kg: bad configuration", "err", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, os.Stderr, log); err != nil {
		log.Error("kg: stopped", "err", err)
		os.Exit(1)
	}
}
