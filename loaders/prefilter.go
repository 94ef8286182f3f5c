package loaders

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// Go's regexp engine costs microseconds per sentence and pattern, and most
// sentences cannot match most patterns: a date needs a digit and a month,
// a trigger its verb. Before running a regexp, the loader checks that the
// sentence holds the literals every match must contain. The condition is
// read from the pattern itself, so a rule that changes keeps a correct
// filter without anyone maintaining a keyword list.

// folded is a text with its ASCII letters lower-cased, offsets unchanged,
// for the literal checks.
type folded struct {
	text string
	// any is set for text holding ſ or K, which case-insensitive patterns
	// match as s and k: literal checks pass it through.
	any bool
	// pairs marks the byte pairs of text, hashed to 512 bits: most keys
	// that are absent have a pair that is, which saves the search.
	pairs [8]uint64
}

func pairHash(a, b byte) uint32 { return (uint32(a)<<8 | uint32(b)) * 2654435761 >> 23 }

func newFolded(text string) folded {
	f := folded{text: text}
	for i := 1; i < len(text); i++ {
		h := pairHash(text[i-1], text[i])
		f.pairs[h>>6] |= 1 << (h & 63)
	}
	return f
}

// hasPairs reports whether the folded text may hold a key whose pair
// hashes are grams.
func (f *folded) hasPairs(grams []uint32) bool {
	for _, h := range grams {
		if f.pairs[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// foldASCII folds s for the literal checks.
func foldASCII(s string) folded {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			break
		}
	}
	if i == len(s) {
		return newFolded(s)
	}
	if strings.Contains(s[i:], "ſ") || strings.Contains(s[i:], "\u212a") {
		return folded{text: s, any: true}
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return newFolded(string(b))
}

// need is a condition on a folded text: one of keys occurs in it, or, with
// subs, all (and) or one (or) of the sub-conditions hold. A nil need always
// holds.
type need struct {
	keys  []string
	grams [][]uint32 // the pair hashes of each key
	and   bool
	subs  []*need
	cost  int // about how many substring searches a check takes, and how likely they all fail
}

func (n *need) holds(f *folded) bool {
	switch {
	case n == nil:
		return true
	case n.subs == nil:
		for i, k := range n.keys {
			if f.hasPairs(n.grams[i]) && strings.Contains(f.text, k) {
				return true
			}
		}
		return false
	case n.and:
		for _, s := range n.subs {
			if !s.holds(f) {
				return false
			}
		}
		return true
	}
	for _, s := range n.subs {
		if s.holds(f) {
			return true
		}
	}
	return false
}

// filter is what the literals of a regexp tell about a text.
type filter struct {
	cond *need
	// ends, when known, are the literals every match ends with: no match
	// runs past the last of them in a text.
	ends *need
}

var filterCache sync.Map // *regexp.Regexp → *filter; regexps are package variables

// filterOf returns the filter of re, computed once. re must come from
// regexp.Compile or MustCompile, whose Perl syntax it is parsed with.
func filterOf(re *regexp.Regexp) *filter {
	if n, ok := filterCache.Load(re); ok {
		return n.(*filter)
	}
	fl := &filter{}
	if sre, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		sre = sre.Simplify()
		fl.cond = analyzeLiterals(sre).cond
		if ends := endsOf(sre); ends != nil {
			fl.ends = &need{keys: ends, grams: pairHashes(ends)}
		}
	}
	filterCache.Store(re, fl)
	return fl
}

// mayMatch reports whether re can match the text that f folds; false
// means it certainly cannot.
func mayMatch(re *regexp.Regexp, f folded) bool {
	return f.any || filterOf(re).cond.holds(&f)
}

// searched is the part of s that can hold matches of re: up to the end of
// the last literal that matches end with, and one byte more, whose word
// or non-word kind decides a final \b as it does in s.
func searched(re *regexp.Regexp, s string, f *folded) string {
	ends := filterOf(re).ends
	if ends == nil || f.any {
		return s
	}
	last := 0
	for i, k := range ends.keys {
		if f.hasPairs(ends.grams[i]) {
			if j := strings.LastIndex(f.text, k); j >= 0 && j+len(k) > last {
				last = j + len(k)
			}
		}
	}
	return s[:min(len(s), last+1)]
}

// matchString is re.MatchString(s), skipped when f, the folded s or a
// text that contains s, shows that re cannot match.
func matchString(re *regexp.Regexp, s string, f folded) bool {
	return mayMatch(re, f) && re.MatchString(s)
}

// findStringSubmatch is re.FindStringSubmatch(s), skipped when f, the
// folded s, shows that re cannot match.
func findStringSubmatch(re *regexp.Regexp, s string, f folded) []string {
	if !mayMatch(re, f) {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// findAllIndex is re.FindAllStringIndex(s, -1), skipped when f, the
// folded s, shows that re cannot match.
func findAllIndex(re *regexp.Regexp, s string, f folded) [][]int {
	if !mayMatch(re, f) {
		return nil
	}
	return re.FindAllStringIndex(searched(re, s, &f), -1)
}

// findAllSubmatchIndex is re.FindAllStringSubmatchIndex(s, -1), skipped
// when f, the folded s, shows that re cannot match.
func findAllSubmatchIndex(re *regexp.Regexp, s string, f folded) [][]int {
	if !mayMatch(re, f) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(searched(re, s, &f), -1)
}
