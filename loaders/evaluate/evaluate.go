// Package evaluate scores the loaders against gold annotations: precision,
// recall and F1 of (agent, action, agreement, date, precision) facts.
package evaluate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

// Fact is one gold annotation, in the seeds' format.
type Fact struct {
	Doc       string  `json:"doc"`
	Who       *string `json:"who"`
	WhoKind   *string `json:"who_kind"`
	Action    string  `json:"action"`
	What      string  `json:"what"`
	When      *string `json:"when"`
	Precision string  `json:"precision"`
	Status    string  `json:"status"`
	Evidence  string  `json:"evidence"`
	// Gold is the gold file a fact was read from, so that each annotated
	// set can be scored on its own; empty for predictions.
	Gold string `json:"-"`
}

// Key is what must match for a fact to count as found.
func (f Fact) Key() string {
	who, when := "", ""
	if f.Who != nil {
		who = *f.Who
	}
	if f.When != nil {
		when = *f.When
	}
	return strings.Join([]string{f.Doc, gazetteer.Fold(who), f.Action, gazetteer.Fold(f.What), when, f.Precision}, "|")
}

// ReadGold reads every gold*.json file in dir.
func ReadGold(dir string) ([]Fact, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "gold*.json"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no gold*.json in %s", dir)
	}
	var all []Fact
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read gold: %w", err)
		}
		var facts []Fact
		if err := json.Unmarshal(data, &facts); err != nil {
			return nil, fmt.Errorf("parse %s: %w", p, err)
		}
		for i := range facts {
			facts[i].Gold = filepath.Base(p)
		}
		all = append(all, facts...)
	}
	return all, nil
}

// Facts flattens an extraction into facts, one per agent.
func Facts(doc string, x *kg.Extraction) []Fact {
	names := map[string]*kg.Entity{}
	for i := range x.Entities {
		names[x.Entities[i].ID] = &x.Entities[i]
	}
	var out []Fact
	for _, e := range x.Events {
		var what string
		for _, id := range e.Objects() {
			if ent := names[id]; ent != nil {
				what = ent.Name
			}
		}
		when := e.Date.Value
		base := Fact{Doc: doc, Action: string(e.Type), What: what, Precision: string(e.Date.Precision), Status: string(e.Status)}
		if when != "" {
			base.When = &when
		}
		if len(e.Evidence) > 0 {
			base.Evidence = e.Evidence[0].Sentence
		}
		agents := e.Agents()
		if len(agents) == 0 {
			out = append(out, base)
		}
		for _, id := range agents {
			f := base
			if ent := names[id]; ent != nil {
				name, kind := ent.Name, string(ent.Kind)
				f.Who, f.WhoKind = &name, &kind
			}
			out = append(out, f)
		}
	}
	return out
}

// Score is precision and recall counts for one slice of facts.
type Score struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN).
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is the outcome of one evaluation.
type Report struct {
	ByAction map[string]*Score
	Overall  Score
	Missed   []Fact
	Spurious []Fact
	// ByGold holds the same report for each gold file, over the documents
	// that file annotates, so a held-out set is not averaged into the
	// development sets. Predictions for documents no gold file annotates
	// count only in the overall figures.
	ByGold map[string]Report
}

// Compare scores predicted facts against gold.
func Compare(gold, predicted []Fact) Report {
	r := Report{ByAction: map[string]*Score{}}
	score := func(action string) *Score {
		if r.ByAction[action] == nil {
			r.ByAction[action] = &Score{}
		}
		return r.ByAction[action]
	}
	want := map[string]bool{}
	for _, g := range gold {
		want[g.Key()] = true
	}
	got := map[string]bool{}
	for _, p := range predicted {
		k := p.Key()
		if got[k] {
			continue
		}
		got[k] = true
		if want[k] {
			score(p.Action).TP++
			r.Overall.TP++
		} else {
			score(p.Action).FP++
			r.Overall.FP++
			r.Spurious = append(r.Spurious, p)
		}
	}
	seen := map[string]bool{}
	for _, g := range gold {
		k := g.Key()
		if !got[k] && !seen[k] {
			score(g.Action).FN++
			r.Overall.FN++
			r.Missed = append(r.Missed, g)
		}
		seen[k] = true
	}
	return r
}

// CompareByGold is Compare over everything, plus one Compare per gold
// file restricted to the documents that file annotates.
func CompareByGold(gold, predicted []Fact) Report {
	r := Compare(gold, predicted)
	fileOf := map[string]string{}
	golds := map[string][]Fact{}
	for _, g := range gold {
		if _, ok := fileOf[g.Doc]; !ok {
			fileOf[g.Doc] = g.Gold
		}
		golds[g.Gold] = append(golds[g.Gold], g)
	}
	preds := map[string][]Fact{}
	for _, p := range predicted {
		if file, ok := fileOf[p.Doc]; ok {
			preds[file] = append(preds[file], p)
		}
	}
	r.ByGold = map[string]Report{}
	for file, g := range golds {
		r.ByGold[file] = Compare(g, preds[file])
	}
	return r
}

// Run extracts every article under dir and compares with dir's gold.
// Documents are named as in the gold: the file's base name, with
// "#id" for JSONL articles.
func Run(dir string) (Report, error) {
	gold, err := ReadGold(dir)
	if err != nil {
		return Report{}, err
	}
	inputs, skipped := loaders.ReadPaths([]string{dir})
	if len(skipped) > 0 {
		return Report{}, fmt.Errorf("%d inputs skipped, first: %s: %s", len(skipped), skipped[0].Name, skipped[0].Reason)
	}
	var predicted []Fact
	for _, in := range inputs {
		if strings.HasPrefix(strings.ToUpper(filepath.Base(in.Name)), "README") {
			continue
		}
		x, err := loaders.Extract(in)
		if err != nil {
			return Report{}, fmt.Errorf("extract %s: %w", in.Name, err)
		}
		predicted = append(predicted, Facts(filepath.Base(in.Name), x)...)
	}
	return CompareByGold(gold, predicted), nil
}

// String renders the report as a table.
func (r Report) String() string {
	var b strings.Builder
	actions := make([]string, 0, len(r.ByAction))
	for a := range r.ByAction {
		actions = append(actions, a)
	}
	sort.Strings(actions)
	fmt.Fprintf(&b, "%-20s %5s %5s %5s %9s %7s %5s\n", "action", "tp", "fp", "fn", "precision", "recall", "f1")
	for _, a := range actions {
		s := r.ByAction[a]
		fmt.Fprintf(&b, "%-20s %5d %5d %5d %9.2f %7.2f %5.2f\n", a, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	s := r.Overall
	fmt.Fprintf(&b, "%-20s %5d %5d %5d %9.2f %7.2f %5.2f\n", "overall", s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	files := make([]string, 0, len(r.ByGold))
	for f := range r.ByGold {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		s := r.ByGold[f].Overall
		fmt.Fprintf(&b, "%-20s %5d %5d %5d %9.2f %7.2f %5.2f\n", f, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	return b.String()
}
