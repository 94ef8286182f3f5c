package loaders

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// page is an article reduced to its content lines, with the metadata that
// the chrome around it gave away.
type page struct {
	Title     string
	Author    string
	Published string // a date expression, resolved later
	Lines     []string
}

var (
	reURLLine     = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	reEmail       = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`)
	rePhone       = regexp.MustCompile(`(?:\+?\d[\d ().-]{7,}\d)`)
	reNavLine     = regexp.MustCompile(`^[^|]{1,30}(?:\|[^|]{1,30}){2,}$|^[^›»]{1,30}(?:[›»][^›»]{1,30})+$`)
	reKeyValue    = regexp.MustCompile(`^[\p{L} ]{2,20}\s:\s`)
	reMarkdownURL = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	// What may follow a date on a date line: a time, a zone, "Updated …".
	reTimeTail   = regexp.MustCompile(`(?i)^[\s,|–—-]*(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:\(?[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?\s*)?(?:(?:updated|last updated)\b.*)?$`)
	reMinRead    = regexp.MustCompile(`(?i)^\d+\s*min(ute)?s?\s+read$`)
	reByline     = regexp.MustCompile(`^(?i:by)\s+([\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3})(?:\s*[,|–—-].*)?$`)
	reDateAuthor = regexp.MustCompile(`^(.{6,30}?)\s*\|\s*([\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3})\s*$`)
	// A headline that ends with its date and byline:
	// "Russia and Iran sign a new pact 28/01/2025 | Fabio Di Felice".
	reTitleDateAuthor = regexp.MustCompile(`^(.{12,200}?)\s+(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*\|\s*([\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3})\s*$`)
	// What sites print before the date on a date line: "Published:",
	// "Updated 4:51 PM EDT,", "Posted on".
	reDateLead = regexp.MustCompile(`(?i)^\s*(?:(?:published|updated|last updated|posted|first published)(?: on| at)?\s*:?\s*)?(?:(?:\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2}\.\d{2}\s*(?:am|pm|a\.m\.|p\.m\.))\s*(?:[A-Z]{2,4}(?:[+-]\d{1,2})?)?\s*[,|·–—-]?\s*)?`)
	// A dateline opens a story: "Tehran, May 21, 2025 –",
	// "MOSCOW, April 8 (TASS) -", "Amit Kaul – For Digital Desk, Bengaluru: January 17, 2026 –".
	reDateline = regexp.MustCompile(`^(.{0,90}?)([A-Z][\w.]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2})(\s*\([^)]{2,30}\))?(?:\s*[–—-]{1,2}|\.?\s*/[A-Z]{2,10}/\.?)\s+`)
)

// chromeLine matches whole lines that sites add around articles.
var chromeLine = regexp.MustCompile(`(?i)^(?:share(?: this| on)?(?: article)?:?|share on \w+|tweet|print|email|whatsapp|telegram|facebook|twitter|linkedin|x|follow us.*|subscribe.*|sign up.*|newsletter.*|advertisement|sponsored|skip to (?:main )?content|table of contents|read more:?|click here.*|leave a reply|post a comment|comments?|reply|cancel reply|your email address will not be published.*|required fields are marked.*|all rights reserved.*|©.*|copyright.*|cookie.*|we use cookies.*|accept(?: all)?(?: cookies)?|manage (?:cookie )?preferences|log ?in|sign ?in|register|menu|home|search|trending(?: now)?|latest news|category|tags?:.*|topics?:.*|loading.*|listen to (?:this )?article.*|socials?|photo:.*|image:.*)$`)

// tailHeading starts a block that ends the article: related links, author
// boxes, comments.
var tailHeading = regexp.MustCompile(`(?i)^(?:related(?: articles| stories| news| posts| content| reading)?|more (?:from|on|stories|news).*|you (?:may|might) also like.*|recommended(?: for you)?|read (?:more|next|also)|also read|author bio|about the authors?|detail author:?|post a comment|leave a reply|comments?(?: \(\d+\))?|most (?:read|popular)|popular (?:stories|posts)|editor'?s picks|latest (?:stories|articles)|share on:?)$`)

// cleanText reduces raw article text to content lines. Chrome that carries
// no facts goes; the title and the publication date are remembered.
func cleanText(raw string, format string) page {
	text := normalizeSpace(raw)
	var p page
	text = p.frontMatter(text)
	if format == "md" {
		text = stripMarkdown(text)
	}
	lines := strings.Split(text, "\n")
	seen := map[string]int{}
	for _, l := range lines {
		if k := lineKey(l); k != "" {
			seen[k]++
		}
	}
	kept := make([]string, 0, len(lines))
	emitted := map[string]bool{}
	for i, l := range lines {
		l = strings.TrimSpace(strings.TrimLeft(l, "•*·▪►-– \t"))
		k := lineKey(l)
		if k == "" {
			continue
		}
		f := foldASCII(l)
		if i > len(lines)/3 && matchString(tailHeading, strings.TrimRight(l, ":"), f) {
			break
		}
		switch {
		case seen[k] >= 3, emitted[k]:
			// Teasers repeated down the page, and headlines printed twice.
			continue
		case matchString(chromeLine, l, f), matchString(reURLLine, l, f), matchString(reMinRead, l, f):
			continue
		case (matchString(reNavLine, l, f) || navSegments(l)) && !(p.Published == "" && len(kept) < 12 && isDateLine(l)):
			// "22 Feb 2023 | 14:05 GMT | By Jane Roe" has the shape of a
			// row of links but is the story's date line.
			continue
		case matchString(reEmail, l, f), matchString(reKeyValue, l, f) && matchString(rePhone, l, f):
			continue
		case matchString(reKeyValue, l, f) && len(l) < 80:
			continue
		}
		emitted[k] = true
		if p.Published == "" && len(kept) < 12 {
			if d, author, ok := dateOnlyLine(l); ok {
				p.Published = d
				if p.Author == "" {
					p.Author = author
				}
				continue
			}
		}
		if m := findStringSubmatch(reTitleDateAuthor, l, f); m != nil && p.Published == "" {
			p.Published, p.Author = m[2], m[3]
			if p.Title == "" {
				p.Title = m[1]
			} else {
				kept = append(kept, m[1])
			}
			continue
		}
		if m := reByline.FindStringSubmatch(l); m != nil && len(kept) < 12 {
			p.Author = m[1]
			continue
		}
		if p.Title == "" && isHeadline(l) {
			p.Title = l
			continue
		}
		if isShortLabel(l) && len(kept) < 6 {
			continue
		}
		kept = append(kept, l)
	}
	p.Lines = kept
	return p
}

// dateOnlyLine recognises a line that is just a date, perhaps with an
// author: "May 21, 2025", "28/01/2025 | Fabio Di Felice".
func dateOnlyLine(l string) (date, author string, ok bool) {
	candidate := l
	if m := reDateAuthor.FindStringSubmatch(l); m != nil {
		candidate, author = m[1], m[2]
	}
	candidate = reDateLead.ReplaceAllString(candidate, "")
	found := findDates(candidate, true)
	if len(found) >= 1 && found[0].Kind == dkDay && found[0].Start <= 12 && (reTimeTail.MatchString(candidate[found[0].End:]) || shortSegments(candidate[found[0].End:])) {
		return found[0].Text, author, true
	}
	// "*Budapest Weekly Observer* · 26/02/2024 · 4 min read": the date is
	// one short segment among others.
	segments := strings.FieldsFunc(l, func(r rune) bool { return r == '·' || r == '•' || r == '|' })
	if len(segments) < 2 {
		return "", "", false
	}
	date = ""
	for _, seg := range segments {
		seg = reDateLead.ReplaceAllString(strings.TrimSpace(seg), "")
		if ds := findDates(seg, true); date == "" && len(ds) == 1 && ds[0].Kind == dkDay && ds[0].Start <= 2 && reTimeTail.MatchString(seg[ds[0].End:]) {
			date = ds[0].Text
			continue
		}
		if len(strings.Fields(seg)) > 5 {
			return "", "", false
		}
	}
	return date, author, date != ""
}

func isDateLine(l string) bool {
	_, _, ok := dateOnlyLine(l)
	return ok
}

// navSegments reports a line of short links: "Log in | Subscribe".
func navSegments(l string) bool {
	segments := strings.Split(l, "|")
	if len(segments) < 2 {
		return false
	}
	for _, seg := range segments {
		if n := len(strings.Fields(seg)); n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// isHeadline tells a title from a sentence: short, no final full stop.
func isHeadline(l string) bool {
	words := strings.Fields(l)
	if len(words) < 3 || len(words) > 25 || strings.Count(l, "|") >= 2 {
		return false // "Home | Region | World" is navigation
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return last != '.' && last != ',' && last != ':'
}

// isShortLabel is a navigation crumb like "Category" or "Latest news".
func isShortLabel(l string) bool {
	words := strings.Fields(l)
	last, _ := utf8.DecodeLastRuneInString(l)
	return len(words) <= 3 && last != '.'
}

// lineKey folds a line for repetition counting.
func lineKey(l string) string {
	return strings.ToLower(strings.Join(strings.Fields(l), " "))
}

func normalizeSpace(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\t':
			return ' '
		case r == '\u200b' || r == '\ufeff':
			return -1
		case unicode.IsControl(r) && r != '\n':
			return -1
		}
		return r
	}, s)
}

func stripMarkdown(s string) string {
	s = reMarkdownURL.ReplaceAllString(s, "$1")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimLeft(l, "#> ")
		l = strings.ReplaceAll(l, "**", "")
		l = strings.ReplaceAll(l, "__", "")
		if strings.Trim(l, "-=*_ ") == "" {
			l = ""
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// splitDateline separates a story's opening dateline from its first
// sentence. It returns the date expression and the byte length of the
// prefix, or 0 when the paragraph has no dateline.
func splitDateline(paragraph string) (date string, prefix int) {
	m := reDateline.FindStringSubmatchIndex(paragraph)
	if m == nil {
		return "", 0
	}
	return paragraph[m[4]:m[5]], m[1]
}

var reFrontKey = regexp.MustCompile(`^(title|date|published|author|byline)\s*:\s*["']?(.*?)["']?\s*$`)

// frontMatter reads and removes a "---" metadata block at the top of a
// Markdown (or any) file: title, date and author.
func (p *page) frontMatter(text string) string {
	if !strings.HasPrefix(text, "---\n") {
		return text
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return text
	}
	for _, line := range strings.Split(text[4:4+end], "\n") {
		m := reFrontKey.FindStringSubmatch(strings.ToLower(line[:min(len(line), 12)]) + line[min(len(line), 12):])
		if m == nil {
			continue
		}
		value := strings.TrimSpace(line[strings.Index(line, ":")+1:])
		value = strings.Trim(value, `"'`)
		switch m[1] {
		case "title":
			p.Title = value
		case "date", "published":
			p.Published = value
		case "author", "byline":
			p.Author = value
		}
	}
	rest := text[4+end+4:]
	return strings.TrimLeft(rest, "-\n")
}

// shortSegments accepts what sites print after a date on its own line:
// "· Islamabad desk · 5 min read".
func shortSegments(rest string) bool {
	rest = strings.TrimSpace(rest)
	if rest == "" || !strings.ContainsAny(rest[:min(len(rest), 4)], "·•|") {
		return false
	}
	for _, seg := range strings.FieldsFunc(rest, func(r rune) bool { return r == '·' || r == '•' || r == '|' }) {
		if len(strings.Fields(seg)) > 4 {
			return false
		}
	}
	return true
}
