package loaders

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/kg/loaders/gazetteer"
)

// token is a word of a sentence. Possessive "'s" is a token of its own so
// that "Iran's parliament" reads as Iran + 's + parliament.
type token struct {
	Start, End int
	Text       string
	Key        string // gazetteer.Fold(Text)
}

func (t token) upper() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// tokenize splits s into words. Dots inside a word stay ("U.S."), and so
// does the last dot of such an abbreviation.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1) // words average more than five bytes with their spaces
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if n := possessiveAt(s, i); n > 0 && len(toks) > 0 && toks[len(toks)-1].End == i {
				toks = append(toks, token{Start: i, End: i + n, Text: "'s", Key: "'s"})
				i += n
				continue
			}
			i += size
			continue
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if (r == '.' || r == '\'' || r == '’') && i+size < len(s) && isLetterAt(s, i+size) && possessiveAt(s, i) == 0 {
				i += size
				continue
			}
			break
		}
		if i < len(s) && s[i] == '.' && strings.Contains(s[start:i], ".") {
			i++ // "U.S." keeps its last dot
		}
		toks = append(toks, token{Start: start, End: i, Text: s[start:i], Key: gazetteer.Fold(s[start:i])})
	}
	return toks
}

// possessiveAt returns the byte length of a possessive "'s" at s[i:], or 0.
func possessiveAt(s string, i int) int {
	n := 0
	switch {
	case strings.HasPrefix(s[i:], "'s"), strings.HasPrefix(s[i:], "'S"):
		n = 2
	case strings.HasPrefix(s[i:], "’s"):
		n = len("’s")
	default:
		return 0
	}
	if i+n < len(s) && isLetterAt(s, i+n) {
		return 0
	}
	return n
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// matcher finds gazetteer surfaces in token sequences, longest first.
type matcher struct {
	byKey  map[string][]gazetteer.Surface
	maxLen map[string]int // first word's key → longest surface in words
	gaz    *gazetteer.Gazetteer
	// agreementNames holds each agreement's folded name and aliases, in
	// the gazetteer's order, for the containment search of partial names.
	agreementNames [][]string
}

var (
	defaultMatcherOnce sync.Once
	defaultMatcher     *matcher
)

func getMatcher() *matcher {
	defaultMatcherOnce.Do(func() {
		g := gazetteer.Default()
		m := &matcher{byKey: map[string][]gazetteer.Surface{}, maxLen: map[string]int{}, gaz: g}
		for _, s := range g.Surfaces() {
			key := gazetteer.Fold(s.Text)
			m.byKey[key] = append(m.byKey[key], s)
			words := strings.Fields(key)
			if len(words) == 0 {
				continue
			}
			if n := len(words); n > m.maxLen[words[0]] {
				m.maxLen[words[0]] = n
			}
		}
		for _, ag := range g.Agreements {
			names := []string{gazetteer.Fold(ag.Name)}
			for _, al := range ag.Aliases {
				names = append(names, gazetteer.Fold(al))
			}
			m.agreementNames = append(m.agreementNames, names)
		}
		defaultMatcher = m
	})
	return defaultMatcher
}

// longest returns the surfaces of the longest gazetteer entry that starts
// at toks[i], and its length in tokens, or nil.
func (m *matcher) longest(s string, toks []token, i int) ([]gazetteer.Surface, int) {
	maxN := m.maxLen[toks[i].Key]
	var buf [64]byte
	for n := min(maxN, len(toks)-i); n >= 1; n-- {
		key := buf[:0]
		for k := 0; k < n; k++ {
			if k > 0 {
				key = append(key, ' ')
			}
			key = append(key, toks[i+k].Key...)
		}
		cands := m.byKey[string(key)] // no copy of the key for a lookup
		if len(cands) == 0 {
			continue
		}
		text := s[toks[i].Start:toks[i+n-1].End]
		var kept []gazetteer.Surface
		for _, c := range cands {
			if c.CaseSensitive && text != c.Text {
				continue
			}
			kept = append(kept, c)
		}
		if len(kept) > 0 {
			return kept, n
		}
	}
	return nil, 0
}
