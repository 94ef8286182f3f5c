package loaders

import (
	"slices"
	"strings"
	"testing"
)

// eventLines renders an extraction as "TYPE status agent>object date"
// lines, one per agent and object, as TestRules does.
func eventLines(t *testing.T, text string) []string {
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
				out = append(out, strings.Join([]string{string(e.Type), string(e.Status), names[ag] + ">" + names[ob], e.Date.Value}, " "))
			}
		}
	}
	return out
}

// eventCase is a short invented article and every fact it must yield.
type eventCase struct {
	name, text string
	want       []string
}

func runEventCases(t *testing.T, cases []eventCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := eventLines(t, tc.text)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q\ngot %q", w, got)
				}
			}
			for _, g := range got {
				if !slices.Contains(tc.want, g) {
					t.Errorf("unexpected %q", g)
				}
			}
		})
	}
}

// TestModalityRules checks how the words around a verb set its status.
func TestModalityRules(t *testing.T) {
	runEventCases(t, []eventCase{
		{"expects to is a plan", "Published: March 8, 2024\n\nNorway has finished talks on the Treaty on Arctic Cooperation, which Oslo expects to sign soon.",
			[]string{"SIGNED planned Norway>Treaty on Arctic Cooperation "}},
		{"a promise is a plan", "Published: March 8, 2024\n\nNorway has promised to ratify the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED planned Norway>Treaty on Arctic Cooperation "}},
		{"clearing the way is a plan", "Published: March 8, 2024\n\nThe Storting on Monday approved the Treaty on Arctic Cooperation, clearing the way for the treaty to take effect on May 1.",
			[]string{"APPROVED occurred Storting>Treaty on Arctic Cooperation 2024-03-04", "ENTERED_INTO_FORCE planned >Treaty on Arctic Cooperation 2024-05-01"}},
		{"neither is a negation", "Published: March 8, 2024\n\nNorway and Sweden met on Saturday to discuss the Treaty on Arctic Cooperation, but neither country signed the treaty.",
			[]string{"SIGNED negated Norway>Treaty on Arctic Cooperation 2024-03-02", "SIGNED negated Sweden>Treaty on Arctic Cooperation 2024-03-02"}},
		{"a plan as a noun plans nothing", "Published: March 8, 2024\n\nAs part of a UN-backed plan to protect fish stocks, Chile on Friday signed the Treaty on Arctic Cooperation.",
			[]string{"SIGNED occurred Chile>Treaty on Arctic Cooperation 2024-03-08"}},
		{"a claim denied", "Published: March 8, 2024\n\nPeruvian media said Chile had signed the Treaty on Arctic Cooperation, a claim Chile's foreign ministry denied.",
			[]string{"SIGNED denied Chile>Treaty on Arctic Cooperation ../2024-03-08"}},
	})
}
