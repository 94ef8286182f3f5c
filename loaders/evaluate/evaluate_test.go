package evaluate

import (
	"os"
	"path/filepath"
	"sort"
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
	// Floors a little under the measured figures guard the development
	// sets against regressions: a and b (F1 0.98 each) and c (0.87), which
	// was written blind and then tuned on. Set d was written blind by an
	// annotator who did not read the loaders, and nobody has tuned on it:
	// it measures how the rules generalize (F1 0.24 in session 5), so it is
	// only reported. A floor on it would invite tuning to it.
	r := evaluate(t, filepath.Join("..", "..", "testdata", "corpus"))
	for file, floor := range map[string]float64{"gold_a.json": 0.90, "gold_b.json": 0.90, "gold_c.json": 0.80} {
		s, ok := r.ByGold[file]
		if !ok {
			t.Errorf("%s: no facts scored", file)
			continue
		}
		if s.Overall.F1() < floor {
			t.Errorf("%s F1 %.2f below the floor %.2f", file, s.Overall.F1(), floor)
		}
	}
	if _, ok := r.ByGold["gold_d.json"]; !ok {
		t.Errorf("gold_d.json: the held-out set is missing")
	}
}

func TestCompareByGold(t *testing.T) {
	who := "Lok Sabha"
	fact := func(gold, doc, when string) Fact {
		return Fact{Gold: gold, Doc: doc, Who: &who, Action: "APPROVED", What: "Treaty", When: &when, Precision: "day"}
	}
	gold := []Fact{fact("gold_a.json", "a1", "2015-05-07"), fact("gold_c.json", "c1", "2015-05-07"), fact("gold_c.json", "c1", "2015-05-06")}
	predicted := []Fact{
		fact("", "a1", "2015-05-07"), // found
		fact("", "c1", "2015-05-07"), // found
		fact("", "c1", "2016-01-01"), // spurious in c
		fact("", "x1", "2015-05-07"), // document with no gold: overall only
	}
	r := CompareByGold(gold, predicted)
	if got, want := r.Overall, (Score{TP: 2, FP: 2, FN: 1}); got != want {
		t.Errorf("overall %+v, want %+v", got, want)
	}
	if got, want := r.ByGold["gold_a.json"].Overall, (Score{TP: 1}); got != want {
		t.Errorf("gold_a.json %+v, want %+v", got, want)
	}
	c := r.ByGold["gold_c.json"]
	if got, want := c.Overall, (Score{TP: 1, FP: 1, FN: 1}); got != want {
		t.Errorf("gold_c.json %+v, want %+v", got, want)
	}
	if got, want := len(c.Missed), 1; got != want {
		t.Fatalf("gold_c.json missed %d, want %d", got, want)
	}
	if got, want := *c.Missed[0].When, "2015-05-06"; got != want {
		t.Errorf("gold_c.json missed date %s, want %s", got, want)
	}
	if got, want := len(r.ByGold), 2; got != want {
		t.Errorf("%d gold files reported, want %d", got, want)
	}
}

func evaluate(t *testing.T, dir string) Report {
	r, err := Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\n%s", dir, r)
	if testing.Verbose() {
		files := make([]string, 0, len(r.ByGold))
		for f := range r.ByGold {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, file := range files {
			g := r.ByGold[file]
			t.Logf("%s\n%s", file, g)
			for _, f := range g.Missed {
				t.Logf("MISSED   %s", f.Key())
			}
			for _, f := range g.Spurious {
				t.Logf("SPURIOUS %s  <- %.100s", f.Key(), f.Evidence)
			}
		}
	}
	if r.Overall.TP == 0 {
		t.Fatalf("no gold fact found in %s", dir)
	}
	return r
}
