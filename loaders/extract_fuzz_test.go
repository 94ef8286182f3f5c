package loaders

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/kg"
)

// corpusInputs reads the example corpus that seeds the fuzz targets.
func corpusInputs(f *testing.F) []Input {
	f.Helper()
	inputs, skipped := ReadPaths([]string{filepath.Join("..", "testdata", "corpus")})
	if len(inputs) == 0 || len(skipped) > 0 {
		f.Fatalf("corpus: %d inputs, %d skipped: %v", len(inputs), len(skipped), skipped)
	}
	return inputs
}

// FuzzExtract runs the whole loader and checks the extraction as a store
// would rely on it: evidence that points into the text, participants that
// are among the entities, well-formed dates and IDs, and the same output
// for the same input.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Russia and Iran sign treaty\nMOSCOW, January 17, 2025 – Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed the Treaty on Comprehensive Strategic Partnership on Friday.\nThe State Duma ratified the treaty on April 8. The Federation Council approved it the following day.\nThe treaty entered into force on October 2, 2025.",
		"Trump withdraws from Paris Agreement\nWASHINGTON, June 1, 2017 - President Donald Trump said the United States will withdraw from the Paris Agreement. He did not sign the decree.\nThe European Commission proposed a new deal last month.",
		"Hungary ratifies\n\nBUDAPEST – Hungary's National Assembly on Monday ratified Sweden's bid to join NATO. Sulyok is expected to sign the law on March 5.",
		"<html><body><nav>Home | World | Politics</nav><article><h1>UK signs CPTPP</h1><p>By Jane Roe</p><p>Britain signed the CPTPP trade pact in Auckland on July 16, 2023.</p><p>Parliament is set to ratify it next year.</p></article></body></html>",
	} {
		f.Add(s, uint8(3), "")
		f.Add(s, uint8(0), "2025-05-21")
	}
	// Anchors at the edges of the calendar, and dates that are not days.
	f.Add("Russia and Iran signed the Treaty on Comprehensive Strategic Partnership two years ago. The State Duma ratified the treaty last year.", uint8(0), "0001-01-01")
	f.Add("Iran and Russia signed the treaty 9999 years ago. The Duma ratified the treaty on February 29.", uint8(0), "9999-12-31")
	f.Add("Putin signed the treaty on 2025-00-10. The Duma ratified the treaty on 00/01/2025, and Iran ratified it the following day.", uint8(0), "")
	for _, in := range corpusInputs(f) {
		f.Add(in.Text, formatIndex(in.Format), in.Published)
	}
	f.Fuzz(func(t *testing.T, text string, fi uint8, published string) {
		in := Input{Name: "fuzz", Text: text, Format: fuzzFormat(fi), Published: published}
		x, err := Extract(in)
		if err != nil {
			if got, want := kg.ErrorCode(err), kg.EINVALID; got != want {
				t.Fatalf("error code = %q, want %q: %v", got, want, err)
			}
			return
		}
		checkExtraction(t, x)
		again, err := Extract(in)
		if err != nil {
			t.Fatalf("second extraction failed: %v", err)
		}
		x.Document.LoadedAt, again.Document.LoadedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(x, again) {
			t.Fatalf("extraction is not deterministic:\n%+v\n%+v", x, again)
		}
	})
}

// checkExtraction asserts what stores and the API rely on in an extraction.
func checkExtraction(t *testing.T, x *kg.Extraction) {
	t.Helper()
	doc := x.Document
	if doc.Text == "" || !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) || !utf8.ValidString(doc.Author) {
		t.Fatalf("document text, title or author is empty or not UTF-8: %+v", doc)
	}
	if got, want := doc.ContentHash, kg.ContentHash(doc.Title+"\n"+doc.Text); got != want {
		t.Errorf("content hash = %s, want %s", got, want)
	}
	if got, want := doc.ID, kg.DocumentID(doc.ContentHash); got != want {
		t.Errorf("document ID = %s, want %s", got, want)
	}
	if err := checkDate(doc.Published); err != nil {
		t.Errorf("published %+v: %v", doc.Published, err)
	}
	if p := doc.Published.Precision; p != kg.PrecisionDay && p != kg.PrecisionUnresolved {
		t.Errorf("published precision = %s, want day or unresolved", p)
	}
	entities := map[string]kg.Entity{}
	for _, e := range x.Entities {
		if _, dup := entities[e.ID]; dup {
			t.Errorf("entity %s listed twice", e.ID)
		}
		entities[e.ID] = e
		if !e.Kind.Valid() || e.Name == "" || e.ID != kg.EntityID(e.Kind, e.Name) {
			t.Errorf("entity %+v: bad kind, name or ID (want ID %s)", e, kg.EntityID(e.Kind, e.Name))
		}
	}
	events := map[string]bool{}
	for _, e := range x.Events {
		if events[e.ID] {
			t.Errorf("event ID %s used twice", e.ID)
		}
		events[e.ID] = true
		if e.ID != kg.EventID(&e) || e.DocumentID != doc.ID || !e.Type.Valid() || !e.Status.Valid() {
			t.Errorf("event %+v: bad ID, document, type or status", e)
		}
		if err := checkDate(e.Date); err != nil {
			t.Errorf("event %s date %+v: %v", e.Type, e.Date, err)
		}
		if !strings.Contains(doc.Text, e.Date.Text) {
			t.Errorf("event %s date text %q is not in the document", e.Type, e.Date.Text)
		}
		roles := map[kg.Role]int{}
		seen := map[kg.Participant]bool{}
		for _, p := range e.Participants {
			roles[p.Role]++
			if seen[p] {
				t.Errorf("event %s lists participant %+v twice: %+v", e.Type, p, e.Evidence)
			}
			seen[p] = true
			if _, ok := entities[p.EntityID]; !ok {
				t.Errorf("event %s participant %s is not among the entities", e.Type, p.EntityID)
			}
		}
		if roles[kg.RoleObject] != 1 || roles[kg.RoleLocation] > 1 || roles[kg.RoleAgent]+roles[kg.RoleObject]+roles[kg.RoleLocation] != len(e.Participants) {
			t.Errorf("event %s participants %+v: want one object, at most one location, known roles", e.Type, e.Participants)
		}
		if len(e.Evidence) == 0 {
			t.Errorf("event %s has no evidence", e.Type)
		}
		starts := map[int]bool{}
		for _, ev := range e.Evidence {
			if starts[ev.Start] {
				t.Errorf("event %s cites the sentence at %d twice", e.Type, ev.Start)
			}
			starts[ev.Start] = true
			if ev.DocumentID != doc.ID || ev.Rule == "" || ev.Start < 0 || ev.End > len(doc.Text) || ev.Start >= ev.End {
				t.Fatalf("event %s evidence %+v: bad document, rule or offsets (text is %d bytes)", e.Type, ev, len(doc.Text))
			}
			if got := doc.Text[ev.Start:ev.End]; got != ev.Sentence || strings.TrimSpace(got) != got {
				t.Errorf("evidence offsets [%d,%d) point at %q, not at sentence %q", ev.Start, ev.End, got, ev.Sentence)
			}
		}
	}
}
