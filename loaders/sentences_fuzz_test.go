package loaders

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzSentences splits arbitrary text and checks that the spans tile it:
// in order, in bounds, trimmed, never across a line, and together covering
// every byte but spaces and newlines.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"The U.S. withdrew in 2018. Russian President Vladimir Putin said so.\nA heading line\nIt was signed on January 13.Russia and Iran met. Mr. Lavrov agreed! Then \"It works.\" He left.",
		"Growth was 2.5 per cent in Q3. Inflation rose to 3.1% by Dec. 31. Prices fell.",
		"George W. Bush met Gen. Smith at No. 10 Downing St. on Friday. They talked.",
		"“We will sign it,” he said. “Today.” The deal (signed in Oct.) holds.",
		"He asked: \"Why now?\" Nobody knew! 'It is late.' (Really.) [Sic.] Done",
		"The E.U. and the U.N. agreed... Then what? Wait?! Yes.",
		"Prof. Dr. Müller sagte: „Wir unterschreiben.“ Ende. Ça va. Öl stieg.",
		"  Leading spaces.  Trailing spaces.  \n\n\n  \nLast line without stop",
		"MOSCOW, April 16. /TASS/. The Federation Council ratified the treaty.",
		"a.b.c. D.e.f. 1.2.3. 4. Ok.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := splitSentences(text)
		checkSentences(t, text, got)
		// Curly closing quotes close a sentence as straight ones do. Only
		// quotes followed by a space or a line end are surely closing:
		// in `!"A.` the quote opens a word.
		curly := reClosingQuote.ReplaceAllStringFunc(text, func(q string) string {
			return strings.NewReplacer(`"`, `”`, `'`, `’`).Replace(q)
		})
		if curly == text {
			return
		}
		fold := strings.NewReplacer(`”`, `"`, `’`, `'`)
		other := splitSentences(curly)
		if len(other) != len(got) {
			t.Fatalf("%d sentences with straight quotes, %d with curly ones:\n%q\n%q", len(got), len(other), sentenceTexts(got), sentenceTexts(other))
		}
		for i := range got {
			if a, b := fold.Replace(got[i].Text), fold.Replace(other[i].Text); a != b {
				t.Fatalf("sentence %d = %q with straight quotes, %q with curly ones", i, a, b)
			}
		}
	})
}

var reClosingQuote = regexp.MustCompile(`[.!?]["']( |\n|$)`)

func sentenceTexts(ss []sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

// checkSentences asserts that sentence spans tile text.
func checkSentences(t *testing.T, text string, got []sentence) {
	t.Helper()
	covered := make([]bool, len(text))
	prevEnd := 0
	for i, s := range got {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %d at [%d,%d) out of order, empty or out of bounds (previous end %d, len %d)", i, s.Start, s.End, prevEnd, len(text))
		}
		if got, want := s.Text, text[s.Start:s.End]; got != want {
			t.Fatalf("sentence %d text = %q, want %q", i, got, want)
		}
		if strings.Contains(s.Text, "\n") || s.Text[0] == ' ' || s.Text[len(s.Text)-1] == ' ' {
			t.Fatalf("sentence %d %q crosses a line or is not trimmed", i, s.Text)
		}
		if got, want := s.Para, strings.Count(text[:s.Start], "\n"); got != want {
			t.Fatalf("sentence %d %q para = %d, want line %d", i, s.Text, got, want)
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
		prevEnd = s.End
	}
	for i := 0; i < len(text); i++ {
		if !covered[i] && text[i] != ' ' && text[i] != '\n' {
			t.Fatalf("byte %d (%q) of the text is in no sentence", i, text[i])
		}
	}
}
