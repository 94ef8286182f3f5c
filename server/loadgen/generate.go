package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/newsgraph/kg/store/sqlite"
	"github.com/newsgraph/kg/store/storetest"
)

// eventsPerDocument is how many events each synthetic report carries.
const eventsPerDocument = 20

// generateStore writes at least events synthetic events into the SQLite
// store under dir, as documents of storetest.Generate: 1,760 recurring
// persons, states, institutions, agreements and places, dated 2000–2025
// with every precision, status and event type. Saving is idempotent, so
// running it again on the same directory adds nothing.
func generateStore(ctx context.Context, dir string, events int, progress io.Writer) error {
	if dir == "" {
		return fmt.Errorf("-generate needs -data-dir")
	}
	s, err := sqlite.Open(ctx, filepath.Join(dir, "kg.db"))
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	docs := (events + eventsPerDocument - 1) / eventsPerDocument
	for n := range docs {
		if _, err := s.Save(ctx, storetest.Generate(n, eventsPerDocument)); err != nil {
			return fmt.Errorf("save document %d: %w", n, err)
		}
		if (n+1)%500 == 0 || n+1 == docs {
			fmt.Fprintf(progress, "\r%d/%d documents, %s", n+1, docs, time.Since(start).Round(time.Second))
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(progress, "\nstore %s: %d documents, %d entities, %d events (%s)\n",
		dir, st.Documents, st.Entities, st.Events, time.Since(start).Round(time.Second))
	return nil
}
