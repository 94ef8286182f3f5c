package export_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/export"
	"github.com/newsgraph/kg/store/storetest"
)

// wantGraph lists the elements the export must hold for entities ents and
// events es, in the format-neutral form of elements.
func wantGraph(ents []*kg.Entity, es []*kg.Event) (nodes []string, edges map[string]string) {
	in := map[string]bool{}
	for _, e := range ents {
		nodes = append(nodes, e.ID)
		in[e.ID] = true
	}
	edges = map[string]string{}
	for _, e := range es {
		nodes = append(nodes, e.ID)
		for _, p := range e.Participants {
			if !in[p.EntityID] {
				continue
			}
			src, dst := e.ID, p.EntityID
			if p.Role == kg.RoleAgent {
				src, dst = dst, src
			}
			edges[e.ID+"_"+string(p.Role)+"_"+p.EntityID] = fmt.Sprintf("%s %s %s", src, dst, strings.ToUpper(string(p.Role)))
		}
	}
	return nodes, edges
}

func checkGraph(t *testing.T, got elements, ents []*kg.Entity, es []*kg.Event) {
	t.Helper()
	nodes, edges := wantGraph(ents, es)
	if len(got.nodes) != len(nodes) || len(got.edges) != len(edges) {
		t.Fatalf("%d nodes and %d edges, want %d and %d", len(got.nodes), len(got.edges), len(nodes), len(edges))
	}
	for _, e := range ents {
		if a := got.nodes[e.ID]; a == nil || a["label"] != e.Name || a["kind"] != strings.ToUpper(string(e.Kind)) || a["country"] != e.Country {
			t.Fatalf("entity node %s = %v", e.ID, a)
		}
	}
	for _, e := range es {
		a := got.nodes[e.ID]
		if a == nil || a["kind"] != "EVENT" || a["type"] != string(e.Type) || a["status"] != export.EnumName(string(e.Status)) ||
			a["date"] != e.Date.Value || a["earliest"] != e.Date.Earliest || a["latest"] != e.Date.Latest {
			t.Fatalf("event node %s = %v, want %+v", e.ID, a, e)
		}
	}
	for id, want := range edges {
		if got.edges[id] != want {
			t.Fatalf("edge %s = %q, want %q", id, got.edges[id], want)
		}
	}
}

func TestWholeGraph(t *testing.T) {
	xs := fixtures()
	s := openStore(t, xs)
	ctx := context.Background()
	ents, err := s.ListEntities(ctx, kg.EntityList{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.FindEvents(ctx, kg.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		url, ctype, file string
		parse            func(*testing.T, []byte) elements
	}{
		{"/export/graph.graphml", "application/graphml+xml; charset=utf-8", "graph.graphml", parseGraphML},
		{"/export/graph.cyjs", "application/json", "graph.cyjs", parseCytoscape},
	} {
		t.Run(c.file, func(t *testing.T) {
			rec := get(t, s, c.url)
			wantOK(t, rec, c.ctype, c.file)
			checkGraph(t, c.parse(t, rec.Body.Bytes()), ents, page.Events)
		})
	}
}

// TestWholeGraphPages streams a store larger than a page and checks that
// no store call asks for more than a page, and that nothing is lost or
// repeated at page boundaries.
func TestWholeGraphPages(t *testing.T) {
	x := storetest.Generate(1, 2*export.PageSize+300)
	s := openStore(t, []*kg.Extraction{x})
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Entities <= export.PageSize {
		t.Fatalf("only %d entities; the case does not page through them", st.Entities)
	}
	for _, url := range []string{"/export/graph.graphml", "/export/graph.cyjs"} {
		ps := &pagingStore{Store: s}
		rec := get(t, ps, url)
		var el elements
		if strings.HasSuffix(url, "graphml") {
			el = parseGraphML(t, rec.Body.Bytes())
		} else {
			el = parseCytoscape(t, rec.Body.Bytes())
		}
		participants := 0
		for _, e := range x.Events {
			participants += len(e.Participants)
		}
		if len(el.nodes) != st.Entities+st.Events || len(el.edges) != participants {
			t.Fatalf("%s: %d nodes and %d edges, want %d and %d", url, len(el.nodes), len(el.edges), st.Entities+st.Events, participants)
		}
		if got := ps.maxLimit.Load(); got > export.PageSize || ps.lists.Load() < 2 || ps.finds.Load() < 6 {
			t.Fatalf("%s: %d entity pages, %d event pages, largest %d; want pages of at most %d", url, ps.lists.Load(),
				ps.finds.Load(), got, export.PageSize)
		}
	}
}

func TestSubgraphExport(t *testing.T) {
	s := openStore(t, fixtures())
	for _, c := range []struct {
		query string
		q     kg.SubgraphQuery
	}{
		{"around=Vladimir+Putin", kg.SubgraphQuery{SeedIDs: []string{storetest.PutinID}, Depth: 1, MaxNodes: 200}},
		{"around=" + storetest.MajlisID + "&around=Duma&depth=2&maxNodes=9",
			kg.SubgraphQuery{SeedIDs: []string{storetest.MajlisID, storetest.DumaID}, Depth: 2, MaxNodes: 9}},
		{"around=2001+treaty&from=2001-01-01&to=2001-12-31&type=signed,RATIFIED",
			kg.SubgraphQuery{SeedIDs: []string{storetest.OldTreatyID}, Depth: 1, MaxNodes: 200,
				Events: kg.EventFilter{From: "2001-01-01", To: "2001-12-31", Types: []kg.EventType{kg.EventSigned, kg.EventRatified}}}},
	} {
		want, err := s.Subgraph(context.Background(), c.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Events) == 0 {
			t.Fatalf("%s: the store finds no events; the case tests nothing", c.query)
		}
		for _, f := range []struct {
			ext, ctype string
			parse      func(*testing.T, []byte) elements
		}{{"graphml", "application/graphml+xml; charset=utf-8", parseGraphML}, {"cyjs", "application/json", parseCytoscape}} {
			rec := get(t, s, "/export/subgraph."+f.ext+"?"+c.query)
			wantOK(t, rec, f.ctype, "subgraph."+f.ext)
			checkGraph(t, f.parse(t, rec.Body.Bytes()), want.Entities, want.Events)
		}
	}
}

func TestExportErrors(t *testing.T) {
	s := openStore(t, fixtures())
	for _, c := range []struct {
		url    string
		status int
		code   string
	}{
		{"/export/subgraph.graphml", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/subgraph.cyjs?around=Putin&depth=4", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/subgraph.cyjs?around=Putin&depth=0", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/subgraph.cyjs?around=Putin&maxNodes=2001", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/subgraph.cyjs?around=Putin&maxNodes=lots", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/subgraph.cyjs?around=Nobody+Atall", http.StatusNotFound, "NOT_FOUND"},
		{"/export/subgraph.cyjs?around=Putin&type=SIGNS", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/subgraph.cyjs?around=Putin&from=April", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/events.csv?types=SIGNED", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/events.csv?status=maybe", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/graph.graphml?around=Putin", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/export/graph.gexf", http.StatusNotFound, "NOT_FOUND"},
	} {
		wantJSONError(t, get(t, s, c.url), c.status, c.code)
	}

	rec := httptestDo(s, http.MethodPost, "/export/events.csv")
	wantJSONError(t, rec, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")

	// Store failures before the first byte leave as JSON, without internals.
	secret := "SQL logic error near /secret/kg.db"
	for _, c := range []struct {
		err    error
		status int
		code   string
	}{
		{fmt.Errorf("list: %w", errors.New(secret)), http.StatusInternalServerError, "INTERNAL"},
		{fmt.Errorf("list: %w", kg.Errorf(kg.EUNAVAILABLE, "database is unavailable")), http.StatusServiceUnavailable, "UNAVAILABLE"},
		{fmt.Errorf("list: %w: %s", context.DeadlineExceeded, secret), http.StatusGatewayTimeout, "TIMEOUT"},
	} {
		msg := wantJSONError(t, get(t, &pagingStore{Store: s, failList: c.err}, "/export/graph.cyjs"), c.status, c.code)
		if strings.Contains(msg, "secret") || strings.Contains(msg, "SQL") {
			t.Fatalf("message %q leaks internals", msg)
		}
	}
}
