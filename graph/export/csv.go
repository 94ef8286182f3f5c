package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/kg"
)

// EventColumns is the header of the events CSV. Names and IDs of
// participants are separate columns: people read names, joins need IDs.
var EventColumns = []string{"id", "type", "status", "date", "precision", "earliest", "latest", "date_text",
	"agents", "objects", "locations", "agent_ids", "object_ids", "location_ids",
	"document_id", "document_title", "sentence"}

// listSep joins several names or IDs in one cell.
const listSep = "; "

// WriteEventsCSV writes the events f selects as RFC 4180 CSV, one row per
// event in f's order, a page at a time. Enum values are spelled as in
// GraphQL (OCCURRED, ON_OR_BEFORE); several evidence sentences are joined
// by a space.
func WriteEventsCSV(ctx context.Context, w io.Writer, s kg.Store, f kg.EventFilter) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(EventColumns); err != nil {
		return err
	}
	err := eachPage(ctx, s, f, func(es []*kg.Event) error {
		names, titles, err := pageLookups(ctx, s, es)
		if err != nil {
			return err
		}
		for _, e := range es {
			if err := cw.Write(eventRow(e, names, titles)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// writeCSVHeader writes the header alone: the file of a filter that
// matches nothing.
func writeCSVHeader(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(EventColumns)
	cw.Flush()
	return cw.Error()
}

// pageLookups reads the names of a page's participants and the titles of
// its documents in one batch each; they are dropped with the page so that
// memory stays bounded.
func pageLookups(ctx context.Context, s kg.Store, es []*kg.Event) (names, titles map[string]string, err error) {
	var entityIDs, docIDs []string
	names, titles = map[string]string{}, map[string]string{}
	for _, e := range es {
		for _, p := range e.Participants {
			if _, ok := names[p.EntityID]; !ok {
				names[p.EntityID] = ""
				entityIDs = append(entityIDs, p.EntityID)
			}
		}
		if _, ok := titles[e.DocumentID]; !ok {
			titles[e.DocumentID] = ""
			docIDs = append(docIDs, e.DocumentID)
		}
	}
	if len(entityIDs) > 0 {
		ents, err := s.Entities(ctx, entityIDs)
		if err != nil {
			return nil, nil, fmt.Errorf("entities of events: %w", err)
		}
		for _, e := range ents {
			if e != nil {
				names[e.ID] = e.Name
			}
		}
	}
	if len(docIDs) > 0 {
		docs, err := s.Documents(ctx, docIDs)
		if err != nil {
			return nil, nil, fmt.Errorf("documents of events: %w", err)
		}
		for _, d := range docs {
			if d != nil {
				titles[d.ID] = d.Title
			}
		}
	}
	return names, titles, nil
}

func eventRow(e *kg.Event, names, titles map[string]string) []string {
	byRole := func(r kg.Role) (ns, ids []string) {
		for _, p := range e.Participants {
			if p.Role == r {
				ns, ids = append(ns, names[p.EntityID]), append(ids, p.EntityID)
			}
		}
		return ns, ids
	}
	agents, agentIDs := byRole(kg.RoleAgent)
	objects, objectIDs := byRole(kg.RoleObject)
	locations, locationIDs := byRole(kg.RoleLocation)
	sentences := make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		sentences[i] = ev.Sentence
	}
	d := e.Date
	return []string{e.ID, string(e.Type), EnumName(string(e.Status)), d.Value, EnumName(string(d.Precision)), d.Earliest, d.Latest,
		text(d.Text), text(strings.Join(agents, listSep)), text(strings.Join(objects, listSep)), text(strings.Join(locations, listSep)),
		strings.Join(agentIDs, listSep), strings.Join(objectIDs, listSep), strings.Join(locationIDs, listSep),
		e.DocumentID, text(titles[e.DocumentID]), text(strings.Join(sentences, " "))}
}

// text defuses free text taken from articles before it enters a
// spreadsheet: a cell that starts with =, +, -, @ or a tab would run as a
// formula in Excel or LibreOffice (CSV injection), so it gets a leading
// apostrophe. Only columns of article text pass here; date values such as
// "--03-12" are data and stay as they are.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
