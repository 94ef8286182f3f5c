package evaluate

import (
	"os"
	"path/filepath"
	"testing"
)

// seedsDir is where the shared seed articles live; KG_SEEDS_DIR overrides.
func seedsDir() string {
	if d := os.Getenv("KG_SEEDS_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "seeds")
}

func TestSeeds(t *testing.T) {
	dir := seedsDir()
	if _, err := os.Stat(filepath.Join(dir, "gold.json")); err != nil {
		if os.Getenv("KG_REQUIRE_SEEDS") != "" {
			t.Fatalf("KG_REQUIRE_SEEDS is set but the seeds are missing at %s: %v", dir, err)
		}
		t.Skipf("SKIPPING seed evaluation: no gold.json in %s (set KG_SEEDS_DIR; CI sets KG_REQUIRE_SEEDS)", dir)
	}
	// Floors a little under the measured figures (recall 1.00, F1 0.94), so a
	// regression fails while honest tuning can move them up.
	r := evaluate(t, dir)
	if r.Overall.Recall() < 0.95 || r.Overall.F1() < 0.90 {
		t.Errorf("seed recall %.2f, F1 %.2f: below the floors 0.95 and 0.90", r.Overall.Recall(), r.Overall.F1())
	}
}

func TestCorpus(t *testing.T) {
	// Measured F1 0.98 (session 5); the floor guards against regressions, not the target.
	r := evaluate(t, filepath.Join("..", "..", "testdata", "corpus"))
	if r.Overall.F1() < 0.93 {
		t.Errorf("corpus F1 %.2f below the floor 0.93", r.Overall.F1())
	}
}

func evaluate(t *testing.T, dir string) Report {
	r, err := Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\n%s", dir, r)
	if testing.Verbose() {
		for _, f := range r.Missed {
			t.Logf("MISSED   %s", f.Key())
		}
		for _, f := range r.Spurious {
			t.Logf("SPURIOUS %s  <- %.100s", f.Key(), f.Evidence)
		}
	}
	if r.Overall.TP == 0 {
		t.Fatalf("no gold fact found in %s", dir)
	}
	return r
}
