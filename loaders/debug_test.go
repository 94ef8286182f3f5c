package loaders

import (
	"os"
	"testing"
)

func TestDebugDoc(t *testing.T) {
	path := os.Getenv("KG_DEBUG_DOC")
	if path == "" {
		t.Skip("set KG_DEBUG_DOC")
	}
	data, _ := os.ReadFile(path)
	a := func() *analysis {
		x, _ := Extract(Input{Name: path, Text: string(data)})
		t.Logf("title=%q author=%q published=%+v", x.Document.Title, x.Document.Author, x.Document.Published)
		for _, e := range x.Events {
			t.Logf("%s %s %+v %v %q", e.Type, e.Status, e.Date, e.Participants, e.Evidence[0].Rule)
		}
		return nil
	}()
	_ = a
}
