package loaders

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkExtract measures the whole loader (cleaning, sentences, dates,
// entities, events) on the example corpus, reported in words per second.
func BenchmarkExtract(b *testing.B) {
	inputs, skipped := ReadPaths([]string{filepath.Join("..", "testdata", "corpus")})
	if len(inputs) == 0 || len(skipped) > 0 {
		b.Fatalf("corpus: %d inputs, %d skipped", len(inputs), len(skipped))
	}
	words := 0
	for _, in := range inputs {
		words += len(strings.Fields(in.Text))
	}
	if _, err := os.Stat(filepath.Join("..", "testdata", "corpus")); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range inputs {
			if _, err := Extract(in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkExtractGrowing runs the loader over the corpus repeated 1, 4 and
// 16 times, each copy a distinct document, and reports allocation per
// document and the heap still live after the run. Nothing outlives a
// document's extraction, so all three must stay flat as the corpus grows.
func BenchmarkExtractGrowing(b *testing.B) {
	inputs, skipped := ReadPaths([]string{filepath.Join("..", "testdata", "corpus")})
	if len(inputs) == 0 || len(skipped) > 0 {
		b.Fatalf("corpus: %d inputs, %d skipped", len(inputs), len(skipped))
	}
	if _, err := Extract(inputs[0]); err != nil { // load the gazetteer first
		b.Fatal(err)
	}
	for _, copies := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("copies=%d", copies), func(b *testing.B) {
			var docs []Input
			for c := 0; c < copies; c++ {
				for _, in := range inputs {
					in.Name = fmt.Sprintf("%s#%d", in.Name, c)
					in.Text += fmt.Sprintf("\n\nReference number %d.", c)
					docs = append(docs, in)
				}
			}
			var before, after runtime.MemStats
			settle(&before)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, in := range docs {
					if _, err := Extract(in); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.StopTimer()
			settle(&after)
			runtime.KeepAlive(docs) // live in both readings
			n := float64(b.N * len(docs))
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/doc")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/doc")
			b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)), "retained-B")
		})
	}
}

// settle reads the heap with only live objects in it: the second
// collection also frees what sync.Pools (the regexp engine's among them)
// kept through the first.
func settle(m *runtime.MemStats) {
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(m)
}
