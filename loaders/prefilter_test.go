package loaders

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// filteredRegexps runs the loader over the example corpus, which makes it
// derive the literal condition of every regexp it filters, and returns
// those regexps.
func filteredRegexps(tb testing.TB) ([]*regexp.Regexp, []string) {
	tb.Helper()
	inputs, skipped := ReadPaths([]string{filepath.Join("..", "testdata", "corpus")})
	if len(inputs) == 0 || len(skipped) > 0 {
		tb.Fatalf("corpus: %d inputs, %d skipped", len(inputs), len(skipped))
	}
	var texts []string
	for _, in := range inputs {
		x, err := Extract(in)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, strings.Split(x.Document.Text, "\n")...)
		for _, s := range splitSentences(x.Document.Text) {
			texts = append(texts, s.Text)
		}
	}
	var res []*regexp.Regexp
	filterCache.Range(func(k, _ any) bool {
		res = append(res, k.(*regexp.Regexp))
		return true
	})
	if len(res) < 20 {
		tb.Fatalf("only %d regexps filtered", len(res))
	}
	return res, texts
}

// checkFilter fails when the literal check rejects a text that re
// matches, or the filtered search finds other matches than re does.
func checkFilter(t *testing.T, re *regexp.Regexp, text string) bool {
	t.Helper()
	f := foldASCII(text)
	if got, want := len(f.text), len(text); got != want {
		t.Fatalf("folded %q has %d bytes, want %d", text, got, want)
	}
	if got, want := findAllSubmatchIndex(re, text, f), re.FindAllStringSubmatchIndex(text, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("filtered search of %s in %q = %v, want %v", re, text, got, want)
	}
	if mayMatch(re, f) {
		return true
	}
	if re.MatchString(text) {
		t.Fatalf("literal check of %s (%v) rejects %q, which it matches", re, filterOf(re).cond, text)
	}
	return false
}

// TestPrefilterKeepsMatches checks the literal conditions against the
// corpus in several casings: a check may let through a sentence the
// regexp then rejects, never the other way round.
func TestPrefilterKeepsMatches(t *testing.T) {
	res, texts := filteredRegexps(t)
	swap := func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}
	rejected := 0
	for _, text := range texts {
		for _, v := range []string{text, strings.ToUpper(text), strings.ToLower(text), strings.Map(swap, text)} {
			for _, re := range res {
				if !checkFilter(t, re, v) {
					rejected++
				}
			}
		}
	}
	if rejected == 0 {
		t.Fatal("the literal checks rejected nothing")
	}
}

func TestPrefilterCases(t *testing.T) {
	for _, c := range []struct {
		pattern, text string
		want          bool
	}{
		{`(?i)\bratified\b`, "The Duma RATIFIED it", true},
		{`(?i)\bratified\b`, "The Duma signed it", false},
		{`(?i)\bsigns?\b`, "Putin ſigns", true}, // ſ is s to (?i)
		{`(?i)\bkept\b`, "\u212aEPT", true},     // and the Kelvin sign k
		{`\bMay\b`, "may", true},                // a check may pass more than the regexp
		{`\b(\d{4})-(\d{2})-(\d{2})\b`, "in 2025", false},
		{`(?i)(?:last|next) (?:week|month)`, "next year", false},
		{`(?i)(?:last|next) (?:week|month)`, "last month", true},
		{`(?i)é`, "É", true}, // folds that foldASCII does not make: no check
		{`\x{FFFD}`, "\xff", true},
		{`a*`, "", true},
		{`(?i)\bdeal\b`, "the deal's terms", true},  // \b after the last end
		{`(?i)\bdeal\b`, "the dealer's deal", true}, // an end inside a word
		{`(?i)\bdeal\b`, "the deal€", true},         // a rune cut after the end
		{`deal$`, "deal dealer", true},
		{`(?m)deal$`, "deal\nx", true},
	} {
		re := regexp.MustCompile(c.pattern)
		if got := mayMatch(re, foldASCII(c.text)); got != c.want {
			t.Errorf("mayMatch(%s, %q) = %v, want %v", c.pattern, c.text, got, c.want)
		}
		checkFilter(t, re, c.text)
	}
}

// FuzzPrefilter checks that no literal check rejects a text that its
// regexp matches.
func FuzzPrefilter(f *testing.F) {
	res, texts := filteredRegexps(f)
	for _, s := range texts[:min(len(texts), 40)] {
		f.Add(s)
	}
	f.Add("On Jan. 5, 2024 the \u212anesset ratiﬁed the ſigning; 05/01/2024 \xff")
	f.Fuzz(func(t *testing.T, text string) {
		for _, re := range res {
			checkFilter(t, re, text)
		}
	})
}
