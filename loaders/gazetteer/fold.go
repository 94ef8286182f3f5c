package gazetteer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// specialFolds maps letters that Unicode does not decompose into a base
// letter plus a mark, so "Łukaszenka" and "Lukaszenka" still meet.
var specialFolds = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// Fold normalizes a surface form for lookup: diacritics removed, letters
// lower-cased, every dash or hyphen read as a space (so "Kim Jong-un" meets
// "Kim Jong Un"), typographic apostrophes made ASCII, runs of space collapsed,
// and a leading "the" dropped ("the Kremlin" meets "Kremlin").
func Fold(s string) string { return fold(s, true) }

// FoldCase is Fold without lower-casing, the key of case-sensitive
// surfaces such as "US" and "WHO", whose lower-case forms are words.
func FoldCase(s string) string { return fold(s, false) }

func foldCase(s string) string { return fold(s, false) }

func fold(s string, lower bool) string {
	if alreadyFolded(s, lower) {
		// Most words of a sentence: no copy needed.
		if lower {
			return americanSpelling(s)
		}
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	// Most surfaces are ASCII; only others need decomposing.
	src := s
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			src = norm.NFD.String(s)
			break
		}
	}
	for _, r := range src {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.Is(unicode.Pd, r) || r == '‐' || r == '−':
			space = true
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == 'ʻ' || r == '´':
			r = '\''
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if rep, ok := specialFolds[r]; ok {
			if !lower && unicode.IsUpper(r) {
				rep = strings.ToUpper(rep)
			}
			b.WriteString(rep)
			continue
		}
		if lower {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	out := b.String()
	if len(out) > 4 && (out[:4] == "the " || out[:4] == "The " || out[:4] == "THE ") {
		out = out[4:]
	}
	if lower {
		out = americanSpelling(out)
	}
	return out
}

// britishWords are spellings that differ across the Atlantic in the names of
// agreements and institutions: a British wire writes "Defence Agreement"
// where the curated name says "Defense Agreement".
var britishWords = map[string]string{
	"defence": "defense", "programme": "program", "programmes": "programs", "centre": "center",
	"labour": "labor", "organisation": "organization", "organisations": "organizations",
	"harmonisation": "harmonization", "liberalisation": "liberalization",
	"normalisation": "normalization", "modernisation": "modernization", "favourable": "favorable",
	"neighbourhood": "neighborhood", "neighbourly": "neighborly", "licence": "license", "offence": "offense",
}

// alreadyFolded reports whether fold would return s unchanged but for
// its American spelling: ASCII without spaces, dashes, backquotes or,
// when lowering, capitals.
func alreadyFolded(s string, lower bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '-', c == '`', c == ' ', '\t' <= c && c <= '\r', lower && 'A' <= c && c <= 'Z':
			return false
		}
	}
	return true
}

// americanSpelling rewrites British spellings word by word; most strings
// have none of the letter pairs that mark them, and are returned as they are.
func americanSpelling(s string) string {
	if !strings.Contains(s, "ce") && !strings.Contains(s, "mme") && !strings.Contains(s, "our") &&
		!strings.Contains(s, "isation") && !strings.Contains(s, "tre") {
		return s
	}
	words := strings.Split(s, " ")
	changed := false
	for i, w := range words {
		if us, ok := britishWords[w]; ok && us != w {
			words[i], changed = us, true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

// caseSensitive reports whether an alias must match with its case intact:
// short all-capital acronyms ("US", "UK", "WHO", "AP") whose lower-case
// forms are ordinary words or too short to trust.
func caseSensitive(alias string) bool {
	if len(alias) > 4 && strings.EqualFold(alias[:4], "the ") {
		alias = alias[4:]
	}
	letters, upper := 0, 0
	for _, r := range alias {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters == 0 || letters != upper {
		return false
	}
	return letters <= 3 || commonWords[strings.ToLower(alias)]
}

// commonWords are lower-case English words that longer acronyms spell.
var commonWords = map[string]bool{"quad": true, "sort": true, "acta": true}
