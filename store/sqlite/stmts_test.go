package sqlite_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// TestConcurrentFirstQueries runs many queries of shapes never seen
// before at once, more than the read pool has connections: preparing
// their statements must not wait for a connection that a transaction
// waiting to prepare holds.
func TestConcurrentFirstQueries(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "kg.db"))
	storetest.SaveAll(t, s, storetest.Fixtures())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var filters []kg.EventFilter
	for i := range kg.EventTypes {
		for j := range kg.Statuses {
			filters = append(filters, kg.EventFilter{Types: kg.EventTypes[:i+1], Statuses: kg.Statuses[:j+1], From: "2025-01-01"})
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(filters))
	for _, f := range filters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.FindEvents(ctx, f); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("%d concurrent first queries: %v", len(filters), err)
	}
}
