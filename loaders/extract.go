package loaders

import (
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// Version identifies the extraction rules. Stores re-extract a document
// whose stored version differs, so bump it when rules change.
const Version = "rules-6"

// Extract reads one article into graph values. Returns EINVALID for input
// that is empty, binary, not UTF-8 or too large.
func Extract(in Input) (*kg.Extraction, error) {
	if err := validate(in); err != nil {
		return nil, err
	}
	format := in.Format
	if format == "" && looksLikeHTML(in.Text) {
		format = "html"
	}
	raw, meta := in.Text, htmlArticle{}
	if format == "html" {
		meta = fromHTML(in.Text)
		raw = meta.Text
	}
	p := cleanText(raw, format)
	if len(p.Lines) == 0 {
		return nil, kg.Errorf(kg.EINVALID, "%s: no article text after removing page chrome", displayName(in.Name))
	}
	text := strings.Join(p.Lines, "\n")
	doc := kg.Document{
		Title:     firstNonEmpty(in.Title, meta.Title, p.Title),
		URL:       in.URL,
		Author:    firstNonEmpty(in.Author, meta.Author, p.Author),
		Source:    firstNonEmpty(in.Name, "api"),
		Text:      text,
		Extractor: Version,
		LoadedAt:  time.Now().UTC(),
	}
	doc.ContentHash = kg.ContentHash(doc.Title + "\n" + text)
	doc.ID = kg.DocumentID(doc.ContentHash)
	a := newAnalysis(&doc, p, firstNonEmpty(in.Published, meta.Published))
	return a.run(), nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
