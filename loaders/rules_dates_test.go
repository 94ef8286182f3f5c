package loaders

import (
	"slices"
	"strings"
	"testing"
)

// datedFacts renders an extraction as "TYPE agent>object date precision"
// lines, one per agent: the date rules are judged on the date and how
// sure of it the text is.
func datedFacts(t *testing.T, text string) []string {
	t.Helper()
	x, err := Extract(Input{Name: "t.txt", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	var out []string
	for _, e := range x.Events {
		agents := e.Agents()
		if len(agents) == 0 {
			agents = []string{""}
		}
		for _, ag := range agents {
			for _, ob := range e.Objects() {
				out = append(out, strings.Join([]string{string(e.Type), names[ag] + ">" + names[ob], e.Date.Value, string(e.Date.Precision)}, " "))
			}
		}
	}
	return out
}

// Each case is a short article of our own that dates its facts the way
// wire copy does; the want lists every fact, in the order extracted.
func TestDateRules(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"a page date with its time zone in brackets", "2021-04-06 17:35 (GMT+7)\n\nStorting backs Arctic treaty\n\nOSLO – Norway's Storting on Monday ratified the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED Storting>Treaty on Arctic Cooperation 2021-04-05 day"}},
		{"a page date with dots, then its time", "14.04.2021 | 09:12\n\nStorting backs Arctic treaty\n\nOSLO – Norway's Storting on Monday ratified the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED Storting>Treaty on Arctic Cooperation 2021-04-12 day"}},
		{"a page date year first", "2021/04/14\n\nStorting backs Arctic treaty\n\nOSLO – Norway's Storting on Monday ratified the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED Storting>Treaty on Arctic Cooperation 2021-04-12 day"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := datedFacts(t, tc.text)
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}
