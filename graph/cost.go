package graph

import (
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph/export"
	"github.com/newsgraph/kg/graph/model"
)

// listCost prices a list like a connection: its size times its selection,
// so that the complexity limit stops lists nested in lists.
func listCost(child int, first *int, def int) int {
	n := def
	if first != nil && *first > 0 {
		n = *first
	}
	return 1 + n*child
}

// traversalCosts prices the relationship, traversal and visualization
// fields; complexity calls it.
func traversalCosts(c *ComplexityRoot) {
	timeline := func(child int, _ *model.EventWhere, _ *model.EventSort, first *int, _ *string) int {
		return listCost(child, first, DefaultPageSize)
	}
	counterparts := func(child int, _ []kg.EventType, first *int) int { return listCost(child, first, DefaultCounterparts) }
	c.Person.Timeline, c.State.Timeline, c.Institution.Timeline, c.Agreement.Timeline, c.Place.Timeline =
		timeline, timeline, timeline, timeline, timeline
	c.Person.Counterparts, c.State.Counterparts, c.Institution.Counterparts, c.Agreement.Counterparts, c.Place.Counterparts =
		counterparts, counterparts, counterparts, counterparts, counterparts

	list := func(child int, _ []kg.Status, first *int) int { return listCost(child, first, MaxPageSize) }
	c.Agreement.Signings, c.Agreement.Approvals, c.Agreement.Ratifications = list, list, list
	c.Agreement.EntryIntoForce, c.Agreement.Withdrawals, c.Agreement.Proposals = list, list, list
	// Parties and signatories have no first; a treaty has a handful.
	few := func(child int) int { return 1 + 10*child }
	c.Agreement.Parties, c.Agreement.Signatories = few, few
	c.Agreement.Conflicts = func(child int, _ []kg.EventType, first *int) int { return listCost(child, first, DefaultConflicts) }
	c.Query.Conflicts = func(child int, _ *string, _ []kg.EventType, first *int) int {
		return listCost(child, first, DefaultConflicts)
	}
	// A path holds up to maxHops events and maxHops+1 entities.
	c.Query.Path = func(child int, _, _ string, maxHops *int, _ *model.EventWhere, first *int) int {
		return listCost(child*max(1, intArg(maxHops, DefaultMaxHops)), first, DefaultPaths)
	}
	// A subgraph's flat attributes are in memory once it is loaded, and a
	// drawing of the largest allowed subgraph must pass the limit; what
	// costs is nesting store lookups under every node. So `data` counts
	// once whatever it selects, the selection up to flatSelection (every
	// flat field of nodes and edges) counts once, and only the rest is
	// multiplied by the node budget.
	one := func(int) int { return 1 }
	c.SubgraphNode.Data, c.SubgraphEdge.Data = one, one
	c.Subgraph.Nodes = func(child int) int { return child }
	c.Subgraph.Edges = c.Subgraph.Nodes
	c.Query.Subgraph = func(child int, _ []string, _ *int, maxNodes *int, _ *model.EventWhere) int {
		return 1 + child + max(1, intArg(maxNodes, export.DefaultMaxNodes))*max(0, child-flatSelection)
	}
}

// flatSelection is the cost of selecting every flat field of a subgraph:
// node id, label, kind and data; edge id, source, target, role and data;
// truncated.
const flatSelection = 10
