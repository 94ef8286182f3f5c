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
	"syscall"
)

func main() {
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
