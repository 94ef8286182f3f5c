package loaders

import (
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The literal conditions of a pattern are read from its syntax tree, as
// RE2's prefilters are: a literal must occur; a concatenation needs what
// each part needs; an alternation, what one branch needs. Strings are
// compared folded (foldASCII), which (?i) patterns require.

// endsOf returns the literals, folded, that every match of re ends with,
// or nil when they are not known.
func endsOf(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return endsOf(re.Sub[0])
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			ends := endsOf(sub)
			if ends == nil {
				return nil
			}
			all = append(all, ends...)
		}
		return all
	case syntax.OpConcat:
		tail := []string{""}
		for i := len(re.Sub) - 1; i >= 0; i-- {
			info := analyzeLiterals(re.Sub[i])
			if !info.isExact {
				if slices.Equal(tail, []string{""}) {
					return endsOf(re.Sub[i]) // only assertions follow it
				}
				return nil
			}
			if len(tail)*len(info.exact) > maxExact {
				return nil
			}
			var prod []string
			for _, x := range info.exact {
				for _, y := range tail {
					prod = append(prod, x+y)
				}
			}
			if tail = prod; !slices.Contains(tail, "") {
				return tail
			}
		}
		return nil
	}
	if info := analyzeLiterals(re); info.isExact && len(info.exact) > 0 && !slices.Contains(info.exact, "") {
		return info.exact
	}
	return nil
}

// maxExact bounds the sets of whole strings tracked for a subexpression.
const maxExact = 64

// litInfo describes what a subexpression matches: exactly one of a few
// strings (exact, folded), and a condition that its matches meet.
type litInfo struct {
	isExact bool
	exact   []string
	cond    *need
}

func exactly(s ...string) litInfo { return litInfo{isExact: true, exact: s, cond: anyKey(s)} }

// anyKey is the condition that one of keys occurs; nil when a key is empty.
func anyKey(keys []string) *need {
	if len(keys) == 0 || slices.Contains(keys, "") {
		return nil
	}
	// A key that contains another adds nothing: where it occurs, so does
	// the other.
	var kept []string
	for _, k := range keys {
		implied := false
		for _, o := range keys {
			if len(o) < len(k) && strings.Contains(k, o) {
				implied = true
				break
			}
		}
		if !implied && !slices.Contains(kept, k) {
			kept = append(kept, k)
		}
	}
	// Short keys are found almost everywhere: check them last.
	cost := len(kept)
	for _, k := range kept {
		cost += 4 * max(0, 3-len(k))
	}
	return &need{keys: kept, grams: pairHashes(kept), cost: cost}
}

// pairHashes returns the pair hashes of each key.
func pairHashes(keys []string) [][]uint32 {
	grams := make([][]uint32, len(keys))
	for i, k := range keys {
		for j := 1; j < len(k); j++ {
			if h := pairHash(k[j-1], k[j]); !slices.Contains(grams[i], h) {
				grams[i] = append(grams[i], h)
			}
		}
	}
	return grams
}

// allOf is the conjunction of conds, cheapest first; nil when none is known.
func allOf(conds []*need) *need {
	var subs []*need
	add := func(c *need) {
		for _, s := range subs {
			if s.subs == nil && c.subs == nil && slices.Equal(s.keys, c.keys) {
				return
			}
		}
		subs = append(subs, c)
	}
	for _, c := range conds {
		switch {
		case c == nil || c.subs == nil && onlySpace(c.keys):
			// Sentences all have spaces: not worth a check.
		case c.subs != nil && c.and:
			for _, s := range c.subs {
				add(s)
			}
		default:
			add(c)
		}
	}
	switch len(subs) {
	case 0:
		return nil
	case 1:
		return subs[0]
	}
	sort.SliceStable(subs, func(i, j int) bool { return subs[i].cost < subs[j].cost })
	return &need{and: true, subs: subs, cost: subs[0].cost}
}

func onlySpace(keys []string) bool {
	for _, k := range keys {
		if strings.TrimSpace(k) != "" {
			return false
		}
	}
	return true
}

// oneOf is the disjunction of conds; nil when one of them is unknown.
func oneOf(conds []*need) *need {
	var keys []string
	var subs []*need
	for _, c := range conds {
		switch {
		case c == nil:
			return nil
		case c.subs == nil:
			keys = append(keys, c.keys...)
		case !c.and:
			subs = append(subs, c.subs...)
		default:
			subs = append(subs, c)
		}
	}
	if len(keys) > 0 {
		subs = append([]*need{anyKey(keys)}, subs...)
	}
	if len(subs) == 1 {
		return subs[0]
	}
	n := &need{subs: subs}
	for _, s := range subs {
		n.cost += s.cost
	}
	return n
}

func analyzeLiterals(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactly("")
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			f, ok := foldRune(r, re.Flags&syntax.FoldCase != 0)
			if !ok {
				return litInfo{}
			}
			b.WriteString(f)
		}
		return exactly(b.String())
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= maxExact {
				return litInfo{}
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r == 'ſ' || r == '\u212a' {
					continue // folded text that holds them passes every check
				}
				f, ok := foldRune(r, false)
				if !ok {
					return litInfo{}
				}
				if !slices.Contains(set, f) {
					set = append(set, f)
				}
			}
			if len(set) > 10 {
				return litInfo{} // too weak a condition to be worth checking
			}
		}
		if len(set) == 0 {
			return litInfo{}
		}
		return exactly(set...)
	case syntax.OpCapture:
		return analyzeLiterals(re.Sub[0])
	case syntax.OpQuest:
		sub := analyzeLiterals(re.Sub[0])
		if sub.isExact && len(sub.exact) < maxExact {
			return exactly(append([]string{""}, sub.exact...)...)
		}
		return litInfo{}
	case syntax.OpPlus:
		return litInfo{cond: analyzeLiterals(re.Sub[0]).cond}
	case syntax.OpRepeat:
		if re.Min == 0 {
			return litInfo{}
		}
		sub := analyzeLiterals(re.Sub[0])
		if re.Min == 1 && re.Max == 1 {
			return sub
		}
		return litInfo{cond: sub.cond}
	case syntax.OpConcat:
		return concatLiterals(re.Sub)
	case syntax.OpAlternate:
		subs := make([]litInfo, len(re.Sub))
		conds := make([]*need, len(re.Sub))
		allExact, n := true, 0
		for i, s := range re.Sub {
			subs[i] = analyzeLiterals(s)
			conds[i] = subs[i].cond
			allExact = allExact && subs[i].isExact
			n += len(subs[i].exact)
		}
		cond := oneOf(conds)
		if allExact && n <= maxExact {
			var union []string
			for _, s := range subs {
				union = append(union, s.exact...)
			}
			info := exactly(union...)
			if cond != nil && info.cond != nil && cond.cost < info.cond.cost {
				info.cond = cond // "took effect" or "into force" before 35 idioms in full
			}
			return info
		}
		return litInfo{cond: cond}
	}
	return litInfo{} // any character, stars, no match
}

// concatLiterals requires what each part requires and, for runs of exactly
// known parts, one of their products: "last week" rather than "last" and
// "week" apart.
func concatLiterals(subs []*syntax.Regexp) litInfo {
	var conds []*need
	cur, runLen, whole := []string{""}, 0, true
	flush := func() {
		if runLen > 1 {
			conds = append(conds, anyKey(cur))
		}
		cur, runLen = []string{""}, 0
	}
	for _, sub := range subs {
		c := analyzeLiterals(sub)
		conds = append(conds, c.cond)
		if !c.isExact {
			whole = false
			flush()
			continue
		}
		if len(cur)*len(c.exact) > maxExact {
			whole = false
			flush()
		}
		var prod []string
		for _, x := range cur {
			for _, y := range c.exact {
				prod = append(prod, x+y)
			}
		}
		cur = prod
		if !slices.Equal(c.exact, []string{""}) {
			runLen++
		}
	}
	if whole {
		info := exactly(cur...)
		info.cond = allOf(append(conds, info.cond))
		return info
	}
	flush()
	return litInfo{cond: allOf(conds)}
}

// foldRune is what foldASCII makes of a rune of a literal, and of every
// rune a case-insensitive literal also matches; false when they differ or
// the text need not spell the rune out.
func foldRune(r rune, foldCase bool) (string, bool) {
	// The regexp engine also reads each invalid byte as U+FFFD.
	if r == utf8.RuneError || !utf8.ValidRune(r) {
		return "", false
	}
	f := strings.ToLower(string(r))
	if r >= utf8.RuneSelf {
		f = string(r)
	}
	if !foldCase {
		return f, true
	}
	for o := unicode.SimpleFold(r); o != r; o = unicode.SimpleFold(o) {
		if o == 'ſ' || o == '\u212a' {
			continue // folded text that holds them passes every check
		}
		g := strings.ToLower(string(o))
		if o >= utf8.RuneSelf {
			g = string(o)
		}
		if g != f {
			return "", false
		}
	}
	return f, true
}
