package sqlite

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/kg"
)

// Search tiers. A hit's score is its tier plus a bonus below 0.1 for
// covering more of the name, so tiers never overlap.
const (
	scoreExactName  = 1.0
	scoreExactAlias = 0.95
	scorePrefix     = 0.8
	scoreWordPrefix = 0.7
	scoreSubstring  = 0.6
	scoreFuzzy      = 0.5 // at most; less per edit

	defaultSearchLimit = 20
	// candidateLimit caps the rows one index probe returns; shorter names
	// come first, so exact and prefix hits survive the cut.
	candidateLimit = 500
)

// SearchEntities finds entities by name or alias: exact, prefix, substring
// (trigram index) and, when nothing contains a query of four letters or
// more, names within a few edits of it. See kg.Store.
func (s *Store) SearchEntities(ctx context.Context, q kg.EntityQuery) ([]kg.EntityMatch, error) {
	text := strings.TrimSpace(q.Text)
	switch {
	case text == "":
		return nil, kg.Errorf(kg.EINVALID, "empty search")
	case q.Limit < 0:
		return nil, kg.Errorf(kg.EINVALID, "negative limit %d", q.Limit)
	}
	for _, k := range q.Kinds {
		if !k.Valid() {
			return nil, kg.Errorf(kg.EINVALID, "unknown entity kind %q", k)
		}
	}
	limit := q.Limit
	if limit == 0 {
		limit = defaultSearchLimit
	}
	folded := strings.ToLower(text)

	var matches []kg.EntityMatch
	err := s.readTx(ctx, "search entities", func(tx *sql.Tx) error {
		best := map[string]float64{}
		consider := func(name, id string) {
			if sc := nameScore(folded, strings.ToLower(name)); sc > best[id] {
				best[id] = sc
			}
		}
		kindSQL, kindArgs := "", []any{}
		if len(q.Kinds) > 0 {
			kindSQL = ` AND e.kind IN (` + placeholders(len(q.Kinds)) + `)`
			kindArgs = stringArgs(asStrings(q.Kinds))
		}
		probe := func(cond string, arg any, order string) error {
			rows, err := tx.QueryContext(ctx, `SELECT entity_names.name, entity_names.entity_id
				FROM entity_names JOIN entities e ON e.id = entity_names.entity_id
				WHERE `+cond+kindSQL+` ORDER BY `+order+` LIMIT ?`,
				append(append([]any{arg}, kindArgs...), candidateLimit)...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var name, id string
				if err := rows.Scan(&name, &id); err != nil {
					return err
				}
				consider(name, id)
			}
			return rows.Err()
		}
		if utf8.RuneCountInString(folded) < 3 {
			// Too short for a trigram; a scan is cheap for so few letters' worth.
			if err := probe(`entity_names.name LIKE ? ESCAPE '\'`, "%"+escapeLike(text)+"%", `length(entity_names.name)`); err != nil {
				return err
			}
		} else {
			if err := probe(`entity_names MATCH ?`, ftsPhrase(text), `length(entity_names.name)`); err != nil {
				return err
			}
			// Typos are sought only when no name contains the query: a
			// rank over every name sharing a trigram is the costly part.
			if len(best) == 0 && maxEdits(folded) > 0 {
				if err := probe(`entity_names MATCH ?`, ftsAnyTrigram(folded), `rank`); err != nil {
					return err
				}
			}
		}
		ids := make([]string, 0, len(best))
		for id, sc := range best {
			if sc > 0 {
				ids = append(ids, id)
			}
		}
		byID, err := s.loadEntities(ctx, tx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			e := byID[id]
			if e == nil {
				continue
			}
			sc := best[id]
			if strings.ToLower(e.Name) == folded {
				sc = scoreExactName
			}
			matches = append(matches, kg.EntityMatch{Entity: e, Score: sc})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(matches, func(i, j int) bool {
		a, b := matches[i], matches[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Entity.Name != b.Entity.Name {
			return a.Entity.Name < b.Entity.Name
		}
		return a.Entity.ID < b.Entity.ID
	})
	if len(matches) > limit {
		matches = matches[:limit]
	}
	return matches, nil
}

// nameScore rates how well the lower-cased query q matches the lower-cased
// name n; 0 means not at all.
func nameScore(q, n string) float64 {
	cover := 0.09 * float64(len(q)) / float64(max(len(n), len(q)))
	switch {
	case n == q:
		return scoreExactAlias
	case strings.HasPrefix(n, q):
		return scorePrefix + cover
	case strings.Contains(n, " "+q) || strings.Contains(n, "-"+q):
		return scoreWordPrefix + cover
	case strings.Contains(n, q):
		return scoreSubstring + cover
	}
	limit := maxEdits(q)
	if limit == 0 {
		return 0
	}
	d := fuzzyDistance(q, n)
	if d > limit {
		return 0
	}
	return scoreFuzzy * (1 - float64(d)/float64(utf8.RuneCountInString(q)))
}

// maxEdits is how many typos a query may carry: none below four letters,
// then one per four letters, at most three.
func maxEdits(q string) int {
	n := utf8.RuneCountInString(q)
	if n < 4 {
		return 0
	}
	return min(n/4, 3)
}

// fuzzyDistance is the smallest edit distance between q and the whole of n
// or any run of as many consecutive words of n as q has.
func fuzzyDistance(q, n string) int {
	best := osa([]rune(q), []rune(n))
	qw, nw := len(strings.Fields(q)), strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '-' })
	for i := 0; i+qw <= len(nw); i++ {
		best = min(best, osa([]rune(q), []rune(strings.Join(nw[i:i+qw], " "))))
	}
	return best
}

// osa is the optimal string alignment distance: Levenshtein plus adjacent
// transpositions, so "Pezeshkain" is one edit from "Pezeshkian".
func osa(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// ftsPhrase quotes s as one FTS5 string; with the trigram tokenizer that
// matches s anywhere in a name.
func ftsPhrase(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// ftsAnyTrigram matches names sharing at least one trigram with s; rank
// then favours those sharing most.
func ftsAnyTrigram(s string) string {
	r := []rune(s)
	seen := map[string]bool{}
	var terms []string
	for i := 0; i+3 <= len(r); i++ {
		t := string(r[i : i+3])
		if !seen[t] {
			seen[t] = true
			terms = append(terms, ftsPhrase(t))
		}
	}
	return strings.Join(terms, " OR ")
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
