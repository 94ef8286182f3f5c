package export

import (
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/kg"
)

// Format is a graph file format.
type Format string

// Graph file formats.
const (
	// GraphML is the XML format Gephi, yEd and NetworkX read.
	GraphML Format = "graphml"
	// Cytoscape is Cytoscape JSON (.cyjs).
	Cytoscape Format = "cyjs"
)

// PageSize is how many entities or events one store call fetches while
// streaming the whole graph: memory stays bounded by a page, not the store.
const PageSize = 1000

func newSink(w io.Writer, f Format) (sink, error) {
	switch f {
	case GraphML:
		return newGraphML(w)
	case Cytoscape:
		return newCytoscape(w)
	}
	return nil, kg.Errorf(kg.EINVALID, "unknown graph format %q", f)
}

// WriteSubgraph writes g in format f.
func WriteSubgraph(w io.Writer, f Format, g *kg.Subgraph) error {
	sk, err := newSink(w, f)
	if err != nil {
		return err
	}
	nodes, edges := Elements(g)
	for _, n := range nodes {
		if err := sk.node(n); err != nil {
			return fmt.Errorf("write %s node %s: %w", f, n.ID, err)
		}
	}
	for _, e := range edges {
		if err := sk.edge(e); err != nil {
			return fmt.Errorf("write %s edge %s: %w", f, e.ID, err)
		}
	}
	return sk.close()
}

// WriteGraph streams every entity and event of s in format f, a page at a
// time: entities, then events, then (in a second pass over the events,
// because Cytoscape JSON lists edges after all nodes) the edges. Writes
// that land between the passes may show as an event without edges or
// edges of an event not listed; a consistent snapshot would need a
// transaction the Store interface does not offer.
func WriteGraph(ctx context.Context, w io.Writer, f Format, s kg.Store) error {
	sk, err := newSink(w, f)
	if err != nil {
		return err
	}
	if err := eachEntity(ctx, s, func(e *kg.Entity) error { return sk.node(EntityNode(e)) }); err != nil {
		return err
	}
	if err := eachEvent(ctx, s, kg.EventFilter{}, func(e *kg.Event) error { return sk.node(EventNode(e)) }); err != nil {
		return err
	}
	err = eachEvent(ctx, s, kg.EventFilter{}, func(e *kg.Event) error {
		for _, ed := range EventEdges(e, nil) {
			if err := sk.edge(ed); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return sk.close()
}

// eachEntity calls fn for every stored entity, in ID order.
func eachEntity(ctx context.Context, s kg.Store, fn func(*kg.Entity) error) error {
	after := ""
	for {
		es, err := s.ListEntities(ctx, kg.EntityList{After: after, Limit: PageSize})
		if err != nil {
			return fmt.Errorf("list entities after %q: %w", after, err)
		}
		for _, e := range es {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(es) < PageSize {
			return nil
		}
		after = es[len(es)-1].ID
	}
}

// eachPage calls fn with every page of the events f selects, in f's order;
// f's paging fields are overwritten.
func eachPage(ctx context.Context, s kg.Store, f kg.EventFilter, fn func([]*kg.Event) error) error {
	f.After, f.Limit = nil, PageSize
	for {
		page, err := s.FindEvents(ctx, f)
		if err != nil {
			return fmt.Errorf("find events: %w", err)
		}
		if err := fn(page.Events); err != nil {
			return err
		}
		if len(page.Events) < PageSize {
			return nil
		}
		last := page.Events[len(page.Events)-1]
		f.After = &kg.EventCursor{SortKey: last.Date.SortKey(), ID: last.ID}
	}
}

func eachEvent(ctx context.Context, s kg.Store, f kg.EventFilter, fn func(*kg.Event) error) error {
	return eachPage(ctx, s, f, func(es []*kg.Event) error {
		for _, e := range es {
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}
