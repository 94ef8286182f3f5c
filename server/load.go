package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders"
)

// load reads and stores the articles under paths. Files that cannot be
// read are in the summary's Skipped with the reason, next to documents
// that could not be extracted; the batch goes on without them.
func load(ctx context.Context, s kg.Store, paths []string, stderr io.Writer, log *slog.Logger) (loaders.Summary, error) {
	inputs, unread := loaders.ReadPaths(paths)
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	sum, err := loaders.Load(ctx, s, inputs, loaders.Options{Progress: progress})
	sum.Skipped = append(unread, sum.Skipped...)
	for _, sk := range sum.Skipped {
		log.Warn("load: skipped", "name", sk.Name, "reason", sk.Reason)
	}
	log.Info("load: done", "documents", sum.Documents, "unchanged", sum.Unchanged, "entities", sum.Entities,
		"events", sum.Events, "skipped", len(sum.Skipped), "elapsed", sum.Elapsed.Round(1e6))
	return sum, err
}

// isTerminal reports whether w is a character device, where a progress
// bar redrawn with \r makes sense; a log file or pipe gets none.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
