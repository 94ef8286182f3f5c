package loaders

import (
	"strings"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
)

// htmlArticle is what the readability extractor keeps of a web page.
type htmlArticle struct {
	Text, Title, Author, Published string
}

// fromHTML extracts the article body of a web page as plain text, one block
// element a line, with the page's title, byline and publication time.
// Readability drops navigation, asides and footers; what chrome survives
// inside the body is removed later by the plain-text cleaner.
func fromHTML(page string) htmlArticle {
	parser := readability.NewParser()
	article, err := parser.Parse(strings.NewReader(page), nil)
	if err != nil || article.Node == nil {
		return htmlArticle{Text: renderText(parseOrNil(page))}
	}
	out := htmlArticle{Text: renderText(article.Node), Title: article.Title, Author: article.Byline}
	if article.PublishedTime != nil {
		out.Published = article.PublishedTime.Format("2006-01-02")
	}
	return out
}

func parseOrNil(page string) *html.Node {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil
	}
	return doc
}

var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "section": true, "article": true, "blockquote": true,
	"header": true, "footer": true, "ul": true, "ol": true, "table": true, "figcaption": true, "pre": true,
}

var skippedTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true}

// renderText flattens an HTML tree to text with a newline at each block.
func renderText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			return
		}
		if n.Type == html.ElementNode && skippedTags[n.Data] {
			return
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(n)
	var kept []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// looksLikeHTML guesses the format of an input without a file extension.
func looksLikeHTML(text string) bool {
	head := strings.ToLower(text[:min(len(text), 1024)])
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") ||
		(strings.Contains(head, "<p>") && strings.Contains(head, "</"))
}
