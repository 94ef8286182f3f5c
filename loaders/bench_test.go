package loaders

import (
	"os"
	"path/filepath"
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
