package kg

import "testing"

func TestNormalize(t *testing.T) {
	p := PathQuery{MaxHops: 3}
	if err := p.Normalize(); err != nil || p.Limit != DefaultPathLimit {
		t.Errorf("PathQuery: err %v, limit %d; want nil, %d", err, p.Limit, DefaultPathLimit)
	}
	g := SubgraphQuery{Depth: 1}
	if err := g.Normalize(); err != nil || g.MaxNodes != MaxSubgraphNodes {
		t.Errorf("SubgraphQuery: err %v, max nodes %d; want nil, %d", err, g.MaxNodes, MaxSubgraphNodes)
	}
	for name, err := range map[string]error{
		"hops 0":        (&PathQuery{}).Normalize(),
		"hops 7":        (&PathQuery{MaxHops: MaxPathHops + 1}).Normalize(),
		"negative":      (&PathQuery{MaxHops: 1, Limit: -1}).Normalize(),
		"depth 4":       (&SubgraphQuery{Depth: MaxSubgraphDepth + 1}).Normalize(),
		"nodes over":    (&SubgraphQuery{Depth: 1, MaxNodes: MaxSubgraphNodes + 1}).Normalize(),
		"bad type":      (&CounterpartQuery{Types: []EventType{"VETOED"}}).Normalize(),
		"bad conflict":  (&ConflictFilter{Types: []EventType{"VETOED"}}).Normalize(),
		"bad kind":      (&EntityList{Kinds: []EntityKind{"Planet"}}).Normalize(),
		"negative list": (&EntityList{Limit: -5}).Normalize(),
	} {
		if ErrorCode(err) != EINVALID {
			t.Errorf("%s: code %q, want %q", name, ErrorCode(err), EINVALID)
		}
	}
}

func TestSubgraphNodes(t *testing.T) {
	n := NewSubgraphNodes(3)
	if !n.KeepEntity("a") || n.KeepEntity("a") || n.Truncated {
		t.Fatal("a new entity is kept once, and a repeat is not a cut")
	}
	if !n.KeepEvent("e1") || !n.KeepEntity("b") {
		t.Fatal("nodes within the budget are kept")
	}
	if n.Truncated || n.Room() != 0 {
		t.Fatalf("an exactly filled budget: truncated %v, room %d", n.Truncated, n.Room())
	}
	if n.KeepEvent("e2") || !n.Truncated {
		t.Fatal("a node past the budget is refused and marks the cut")
	}
	if got, want := len(n.Entities)+len(n.Events), 3; got != want {
		t.Fatalf("kept %d nodes, want %d", got, want)
	}
}
