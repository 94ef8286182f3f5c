package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long in-flight requests may finish after SIGINT
// or SIGTERM.
const shutdownGrace = 10 * time.Second

// run opens the store, loads what --load names, and serves until ctx ends.
func run(ctx context.Context, c Config, stderr io.Writer, log *slog.Logger) error {
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	if len(c.Load) > 0 {
		if _, err := load(ctx, s, c.Load, stderr, log); err != nil {
			return fmt.Errorf("load: %w", err)
		}
	}
	if c.LoadOnly {
		return nil
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.Addr, err)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); len(c.Keys) == 0 && (!ok || !tcp.IP.IsLoopback()) {
		// parseConfig checked the address; this checks what it resolved to.
		ln.Close()
		return fmt.Errorf("listen on %s: resolved to %s, not loopback, and no API keys are configured", c.Addr, ln.Addr())
	}
	if len(c.Keys) == 0 {
		log.Warn("kg: no API keys configured: listening on localhost only, and every request may read and write")
	} else {
		log.Info("kg: API keys required on /graphql and /export", "keys", len(c.Keys), "names", c.Keys.names())
	}
	log.Info("kg: serving", "addr", "http://"+ln.Addr().String(), "graphql", "/graphql", "graphiql", c.GraphiQL,
		"store", c.Store, "introspection", c.Introspection, "cors", c.CORSOrigins)
	if err := serve(ctx, ln, newHandler(s, c, log)); err != nil {
		return err
	}
	log.Info("kg: shut down")
	return nil
}

// serve answers on ln until ctx ends, then lets in-flight requests finish.
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
