package export_test

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/export"
	"github.com/newsgraph/kg/store/storetest"
)

func httptestDo(s kg.Store, method, url string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	export.NewHandler(s).ServeHTTP(rec, httptest.NewRequest(method, url, nil))
	return rec
}

// expectEvents lists the fixture events f selects, in date order.
func expectEvents(xs []*kg.Extraction, f kg.EventFilter) []*kg.Event {
	var es []*kg.Event
	for _, x := range xs {
		for i := range x.Events {
			if storetest.Matches(f, &x.Events[i]) {
				es = append(es, &x.Events[i])
			}
		}
	}
	slices.SortFunc(es, func(a, b *kg.Event) int {
		if storetest.Less(a, b, false) {
			return -1
		}
		return 1
	})
	return es
}

func readCSV(t *testing.T, body []byte) []map[string]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(body))
	recs, err := r.ReadAll() // also checks that every row has the header's width
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, body)
	}
	if len(recs) == 0 || !reflect.DeepEqual(recs[0], export.EventColumns) {
		t.Fatalf("header = %v, want %v", recs, export.EventColumns)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, col := range export.EventColumns {
			row[col] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

func TestEventsCSV(t *testing.T) {
	xs := fixtures()
	s := openStore(t, xs)
	docs := map[string]string{}
	for _, x := range xs {
		docs[x.Document.ID] = x.Document.Title
	}
	for _, c := range []struct {
		query string
		f     kg.EventFilter
	}{
		{"", kg.EventFilter{}},
		{"type=APPROVED&agent=Federation+Council", kg.EventFilter{Types: []kg.EventType{kg.EventApproved}, AgentIDs: []string{storetest.FederationCouncilID}}},
		{"status=occurred,DENIED&object=" + storetest.TreatyID + "&from=2025-04-01&to=2025-04-30",
			kg.EventFilter{Statuses: []kg.Status{kg.StatusOccurred, kg.StatusDenied}, ObjectIDs: []string{storetest.TreatyID}, From: "2025-04-01", To: "2025-04-30"}},
		{"location=Moscow", kg.EventFilter{LocationIDs: []string{storetest.MoscowID}}},
		{"participant=Iran&document=" + xs[3].Document.ID, kg.EventFilter{ParticipantIDs: []string{storetest.IranID}, DocumentIDs: []string{xs[3].Document.ID}}},
	} {
		t.Run(c.query, func(t *testing.T) {
			want := expectEvents(xs, c.f)
			if len(want) == 0 {
				t.Fatal("the fixtures hold no such event; the case tests nothing")
			}
			rec := get(t, s, "/export/events.csv?"+c.query)
			wantOK(t, rec, "text/csv; charset=utf-8; header=present", "events.csv")
			rows := readCSV(t, rec.Body.Bytes())
			if len(rows) != len(want) {
				t.Fatalf("%d rows, want %d", len(rows), len(want))
			}
			for i, e := range want {
				row := rows[i]
				var sentences []string
				for _, ev := range e.Evidence {
					sentences = append(sentences, ev.Sentence)
				}
				if row["id"] != e.ID || row["type"] != string(e.Type) || row["status"] != export.EnumName(string(e.Status)) ||
					row["date"] != e.Date.Value || row["precision"] != export.EnumName(string(e.Date.Precision)) ||
					row["earliest"] != e.Date.Earliest || row["latest"] != e.Date.Latest || row["date_text"] != e.Date.Text ||
					row["agent_ids"] != strings.Join(e.Agents(), "; ") || row["object_ids"] != strings.Join(e.Objects(), "; ") ||
					row["document_id"] != e.DocumentID || row["document_title"] != docs[e.DocumentID] ||
					row["sentence"] != strings.Join(sentences, " ") {
					t.Fatalf("row %d = %v\nwant event %+v", i, row, e)
				}
			}
		})
	}
	t.Run("names", func(t *testing.T) {
		rows := readCSV(t, get(t, s, "/export/events.csv?type=SIGNED&location=Moscow&from=2025-01-01").Body.Bytes())
		if len(rows) != 1 || rows[0]["agents"] != "Vladimir Putin; Masoud Pezeshkian" ||
			rows[0]["objects"] != "Treaty on Comprehensive Strategic Partnership" || rows[0]["locations"] != "Moscow" ||
			rows[0]["location_ids"] != storetest.MoscowID {
			t.Fatalf("signing row = %v", rows)
		}
	})
	t.Run("unknown entity gives the header only", func(t *testing.T) {
		rec := get(t, s, "/export/events.csv?agent=Nobody+Atall")
		wantOK(t, rec, "text/csv; charset=utf-8; header=present", "events.csv")
		if rows := readCSV(t, rec.Body.Bytes()); len(rows) != 0 {
			t.Fatalf("%d rows for an unknown agent", len(rows))
		}
	})
}

func TestEventsCSVDefusesFormulas(t *testing.T) {
	x := storetest.Fixtures()[0]
	x.Entities[0].Name = "=HYPERLINK(\"http://evil.example\",\"Putin\")"
	s := openStore(t, []*kg.Extraction{x})
	rows := readCSV(t, httptestDo(s, http.MethodGet, "/export/events.csv?type=SIGNED").Body.Bytes())
	if len(rows) == 0 || !strings.HasPrefix(rows[0]["agents"], "'=HYPERLINK") {
		t.Fatalf("agents cell %q starts a formula", rows[0]["agents"])
	}
	// Date values are data, not text: TestEventsCSV checks that "--03-12"
	// keeps its dashes.
}
