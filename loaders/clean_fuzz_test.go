package loaders

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzFormats are the formats a fuzz input is read as, by index.
var fuzzFormats = []string{"txt", "md", "html", ""}

func fuzzFormat(i uint8) string { return fuzzFormats[int(i)%len(fuzzFormats)] }

func formatIndex(format string) uint8 {
	for i, f := range fuzzFormats {
		if f == format {
			return uint8(i)
		}
	}
	return 3
}

// FuzzClean runs page text (and, for HTML, the readability pass before it)
// through the chrome cleaner. The cleaner only drops and trims lines, so
// every line it keeps must be found in its input, once.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Home | World | Politics | Business\nSkip to content\nWe use cookies to improve your experience.\nAccept all\n" +
			"Russia and Iran sign a new pact 28/01/2025 | Fabio Di Felice\nShare this article\n" +
			"MOSCOW, April 8 (TASS) - The State Duma ratified the treaty on Tuesday.\nRead more:\nAdvertisement\n" +
			"It enters into force 30 days later.\nRelated articles\nPutin visits Tehran\n© 2025 TASS. All rights reserved.",
		"16 APR 2025, 13:05\n\nFederation Council ratifies treaty\n\nFederation Council ratifies treaty\n\nThe document was signed.",
		"May 21, 2025 · Islamabad desk · 5 min read\nBy Ayesha Khan, Staff Reporter\nPakistan and Saudi Arabia signed a pact.\nContact: press@example.com\nPhone : +92 51 123 4567",
		"---\ntitle: \"Hungary ratifies\"\ndate: 2024-02-26\nauthor: Anna Kovács\n---\n# Hungary's parliament ratifies\n\n**Share:** [Facebook](#) · [X](#)\n\n> \"Sweden's membership will make NATO stronger,\" Orbán said.\n\n- Bullet point one.\n***\n",
		"<html><head><title>Pact signed | Site</title></head><body><div id=\"cookie\">We use cookies. <button>Accept all</button></div>" +
			"<nav><ul><li><a href=\"/\">Home</a></li><li>World</li></ul></nav><article><h1>Pact signed</h1><p class=\"byline\">By Jane Roe</p>" +
			"<p>Iran and Russia signed the treaty on January 17, 2025.</p><script>var x = 1;</script><p>The Duma ratified it in April.</p></article>" +
			"<footer>Follow us on Telegram</footer></body></html>",
		"\ufeffTitle with BOM\r\nLine\u00a0with\u2009odd\u200bspaces.\rAnother\tline.",
	} {
		for i := range fuzzFormats {
			f.Add(s, uint8(i))
		}
	}
	for _, in := range corpusInputs(f) {
		f.Add(in.Text, formatIndex(in.Format))
	}
	f.Fuzz(func(t *testing.T, raw string, fi uint8) {
		if !utf8.ValidString(raw) {
			return // Extract refuses such input before cleaning
		}
		format := fuzzFormat(fi)
		source := raw
		if format == "html" {
			meta := fromHTML(raw)
			for _, s := range []string{meta.Text, meta.Title, meta.Author, meta.Published} {
				if !utf8.ValidString(s) {
					t.Fatalf("readability output is not UTF-8: %q", s)
				}
			}
			source = meta.Text
		}
		p := cleanText(source, format)
		// What the line filter sees: normalized text, front matter cut,
		// Markdown marks stripped.
		norm := normalizeSpace(source)
		text := (&page{}).frontMatter(norm)
		if format == "md" {
			text = stripMarkdown(text)
		}
		keys := map[string]bool{}
		for i, l := range p.Lines {
			if l == "" || l != strings.TrimSpace(l) || strings.Contains(l, "\n") || !utf8.ValidString(l) {
				t.Fatalf("line %d %q is empty, untrimmed, multi-line or not UTF-8", i, l)
			}
			if !strings.Contains(text, l) {
				t.Fatalf("line %d %q is not in the input", i, l)
			}
			if k := lineKey(l); keys[k] {
				t.Fatalf("line %d %q is kept twice", i, l)
			} else {
				keys[k] = true
			}
		}
		for _, s := range []string{p.Title, p.Author, p.Published} {
			if !utf8.ValidString(s) || !strings.Contains(norm, s) && !strings.Contains(text, s) {
				t.Fatalf("metadata %q is not UTF-8 or not in the input", s)
			}
		}
	})
}
