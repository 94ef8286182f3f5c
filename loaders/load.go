package loaders

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/kg"
)

// Saver stores one document's extraction. kg.Store satisfies it.
type Saver interface {
	Save(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error)
}

// Options tune a batch load.
type Options struct {
	// Progress, when set, receives a progress line per document ("\r"-updated
	// on a terminal) and nothing else.
	Progress io.Writer
	// Workers extract in parallel; saving stays sequential so that the store
	// sees one writer. Zero means one per CPU.
	Workers int
}

// Summary reports a batch load.
type Summary struct {
	Documents int // newly stored or replaced
	Unchanged int // already stored by this extractor version
	Entities  int
	Events    int
	Skipped   []Skipped
	Elapsed   time.Duration
}

// String renders the summary for a terminal or a log line.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents loaded, %d unchanged, %d entities, %d events, %d skipped in %s",
		s.Documents, s.Unchanged, s.Entities, s.Events, len(s.Skipped), s.Elapsed.Round(time.Millisecond))
	for _, sk := range s.Skipped {
		fmt.Fprintf(&b, "\n  skipped %s: %s", sk.Name, sk.Reason)
	}
	return b.String()
}

// Load extracts and saves inputs. A document that cannot be extracted is
// skipped with its reason and the batch goes on; a store error stops the
// batch, because every later save would fail the same way, and is returned
// with the summary of what was saved before it.
func Load(ctx context.Context, s Saver, inputs []Input, opt Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type result struct {
		x   *kg.Extraction
		err error
	}
	results := make([]chan result, len(inputs))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				x, err := Extract(inputs[i])
				results[i] <- result{x, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	for i, in := range inputs {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			sum.Elapsed = time.Since(start)
			return sum, fmt.Errorf("load canceled after %d of %d documents: %w", i, len(inputs), ctx.Err())
		}
		if r.err != nil {
			sum.Skipped = append(sum.Skipped, Skipped{Name: in.Name, Reason: kg.ErrorMessage(r.err)})
			continue
		}
		res, err := s.Save(ctx, r.x)
		if err != nil {
			sum.Elapsed = time.Since(start)
			return sum, fmt.Errorf("save %s: %w", displayName(in.Name), err)
		}
		if res.Unchanged {
			sum.Unchanged++
		} else {
			sum.Documents++
			sum.Entities += res.Entities
			sum.Events += res.Events
		}
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "\r%s %d/%d %s", bar(i+1, len(inputs)), i+1, len(inputs), shortName(in.Name))
		}
	}
	if opt.Progress != nil && len(inputs) > 0 {
		fmt.Fprintln(opt.Progress)
	}
	sortSkipped(sum.Skipped)
	sum.Elapsed = time.Since(start)
	return sum, nil
}

func bar(done, total int) string {
	const width = 24
	filled := width * done / total
	return "[" + strings.Repeat("#", filled) + strings.Repeat(".", width-filled) + "]"
}

func shortName(name string) string {
	if len(name) > 40 {
		return "…" + name[len(name)-39:]
	}
	return name + strings.Repeat(" ", 40-len(name))
}
