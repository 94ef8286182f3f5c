// Package loaders turns news articles into graph values: it reads files,
// strips page chrome, finds entities, events and dates, and hands each
// document's extraction to a store in one call. It never imports a store.
package loaders

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/kg"
)

// MaxDocumentBytes bounds one article. Real articles are well under 1 MB;
// anything larger is a dump or a mistake, and would stall the batch.
const MaxDocumentBytes = 4 << 20

// Input is one article before extraction. Only Text is required.
type Input struct {
	// Name is where the article came from: a path, "file.jsonl#id", or "api".
	Name string
	Text string
	// Format is "txt", "md" or "html"; empty means guess from the content.
	Format string
	// Optional metadata that overrides what is read from the text.
	Title, URL, Author, Published string
}

// Skipped is an input that was not loaded, and why.
type Skipped struct {
	Name   string
	Reason string
}

// Formats maps file extensions to input formats.
var Formats = map[string]string{
	".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
	".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
}

// ReadPaths reads files and directories (recursively, in name order) into
// inputs. Files it cannot read or decode are reported, and the rest go on.
func ReadPaths(paths []string) ([]Input, []Skipped) {
	var inputs []Input
	var skipped []Skipped
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				skipped = append(skipped, Skipped{Name: path, Reason: err.Error()})
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			format, known := Formats[strings.ToLower(filepath.Ext(path))]
			if !known {
				if path == root {
					skipped = append(skipped, Skipped{Name: path, Reason: "unsupported file type " + filepath.Ext(path)})
				}
				return nil
			}
			in, skip := readFile(path, format)
			inputs = append(inputs, in...)
			skipped = append(skipped, skip...)
			return nil
		})
		if err != nil {
			skipped = append(skipped, Skipped{Name: root, Reason: err.Error()})
		}
	}
	return inputs, skipped
}

func readFile(path, format string) ([]Input, []Skipped) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, []Skipped{{Name: path, Reason: err.Error()}}
	}
	if format != "jsonl" && info.Size() > MaxDocumentBytes {
		return nil, []Skipped{{Name: path, Reason: fmt.Sprintf("file is %d bytes, more than the %d-byte limit", info.Size(), MaxDocumentBytes)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, []Skipped{{Name: path, Reason: err.Error()}}
	}
	if format == "jsonl" {
		return readJSONL(path, data)
	}
	if reason := checkText(data); reason != "" {
		return nil, []Skipped{{Name: path, Reason: reason}}
	}
	return []Input{{Name: path, Text: string(data), Format: format}}, nil
}

// jsonlArticle is one line of a .jsonl batch.
type jsonlArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Format    string `json:"format"`
}

func readJSONL(path string, data []byte) ([]Input, []Skipped) {
	var inputs []Input
	var skipped []Skipped
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var a jsonlArticle
		name := fmt.Sprintf("%s#%d", path, n+1)
		if err := json.Unmarshal(line, &a); err != nil {
			skipped = append(skipped, Skipped{Name: name, Reason: "invalid JSON: " + err.Error()})
			continue
		}
		if a.ID != "" {
			name = path + "#" + a.ID
		}
		if reason := checkText([]byte(a.Text)); reason != "" {
			skipped = append(skipped, Skipped{Name: name, Reason: reason})
			continue
		}
		inputs = append(inputs, Input{Name: name, Text: a.Text, Format: a.Format,
			Title: a.Title, URL: a.URL, Author: a.Author, Published: a.Published})
	}
	return inputs, skipped
}

// checkText returns why data cannot be an article, or "".
func checkText(data []byte) string {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "empty document"
	case len(data) > MaxDocumentBytes:
		return fmt.Sprintf("document is %d bytes, more than the %d-byte limit", len(data), MaxDocumentBytes)
	case bytes.IndexByte(data, 0) >= 0:
		return "binary file (contains NUL bytes)"
	case !utf8.Valid(data):
		return fmt.Sprintf("invalid UTF-8 at byte %d", invalidUTF8At(data))
	case controlRatio(data) > 0.01:
		return "binary file (control characters)"
	}
	return ""
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

func controlRatio(data []byte) float64 {
	n := 0
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			n++
		}
	}
	return float64(n) / float64(len(data))
}

// validate reports an input that cannot be extracted as a kg EINVALID error.
func validate(in Input) error {
	if reason := checkText([]byte(in.Text)); reason != "" {
		return kg.Errorf(kg.EINVALID, "%s: %s", displayName(in.Name), reason)
	}
	return nil
}

func displayName(name string) string {
	if name == "" {
		return "document"
	}
	return name
}

// sortSkipped orders skip reports by name for stable summaries.
func sortSkipped(s []Skipped) {
	sort.SliceStable(s, func(i, j int) bool { return s[i].Name < s[j].Name })
}
