package loaders

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is a span of the document text.
type sentence struct {
	Start, End int // byte offsets into the document text
	Text       string
	// Heading marks a line without final punctuation: a title or section
	// heading, which restates rather than reports.
	Heading bool
	Para    int
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "sen": true, "rep": true, "gov": true, "pres": true, "st": true, "jr": true,
	"sr": true, "no": true, "vol": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "vs": true,
	"etc": true, "approx": true, "inc": true, "ltd": true, "co": true, "corp": true, "adm": true, "amb": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "fig": true, "art": true, "para": true, "mt": true,
}

// splitSentences cuts each line of text into sentences. Offsets point into
// text, so evidence can be shown in place.
func splitSentences(text string) []sentence {
	var out []sentence
	offset := 0
	for para, line := range strings.Split(text, "\n") {
		heading := isHeadline(line)
		start := 0
		for i := 0; i < len(line); {
			r, size := utf8.DecodeRuneInString(line[i:])
			end := i + size
			if r == '.' || r == '!' || r == '?' {
				for end < len(line) {
					q, n := utf8.DecodeRuneInString(line[end:])
					if !strings.ContainsRune(`"'”’)]`, q) {
						break
					}
					end += n
				}
				if boundaryAfter(line, i, end) {
					out = appendSentence(out, text, offset+start, offset+end, para, false)
					start = end
				}
			}
			i += size
		}
		out = appendSentence(out, text, offset+start, offset+len(line), para, heading)
		offset += len(line) + 1
	}
	return out
}

func appendSentence(out []sentence, text string, start, end, para int, heading bool) []sentence {
	for start < end && text[start] == ' ' {
		start++
	}
	for end > start && text[end-1] == ' ' {
		end--
	}
	if end <= start {
		return out
	}
	return append(out, sentence{Start: start, End: end, Text: text[start:end], Para: para, Heading: heading})
}

// boundaryAfter decides whether the punctuation at line[i] ends a sentence,
// given that line[i:end] is the punctuation and any closing quotes.
func boundaryAfter(line string, i, end int) bool {
	if end >= len(line) {
		return false // the line's end closes the sentence anyway
	}
	next, _ := utf8.DecodeRuneInString(line[end:])
	if line[i] != '.' {
		return next == ' '
	}
	if next != ' ' {
		// "January 13.Russia and Iran" - scraped text that lost a newline.
		return end == i+1 && i > 0 && (unicode.IsLower(rune(line[i-1])) || unicode.IsDigit(rune(line[i-1]))) && unicode.IsUpper(next) &&
			end+1 < len(line) && unicode.IsLower(rune(line[end+1]))
	}
	rest := strings.TrimLeft(line[end:], " ")
	first, _ := utf8.DecodeRuneInString(rest)
	if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune(`"“‘'(`, first)) {
		return false
	}
	word := lastWord(line[:i])
	if abbreviations[strings.ToLower(word)] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false // an initial: "George W. Bush"
	}
	return true
}

func lastWord(s string) string {
	j := strings.LastIndexAny(s, " (\"“")
	return s[j+1:]
}
