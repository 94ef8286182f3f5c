package neo4jstore

// Statements of the whole-graph reads: entity pages, paths, neighbourhoods,
// counterparts and conflicts. Like every statement they take their inputs
// as $parameters; the event filter is eventMatches (cypher_find.go) over a
// variable e, so every traversal filters events exactly as FindEvents does.

// ListEntities: a keyset page in ID order, which the index behind the id
// constraint can serve without sorting.
const cypherListEntities = `MATCH (e:Entity)
WHERE e.id > $after AND ($kinds IS NULL OR e.kind IN $kinds)
RETURN e
ORDER BY e.id
LIMIT $limit`

// cypherKnownEntities tells which of some IDs are stored.
const cypherKnownEntities = `MATCH (e:Entity) WHERE e.id IN $ids
RETURN e.id AS id`

// Subgraph, one level: the events of the frontier entities that pass the
// filter and were not taken at a nearer level, earliest first and no more
// than $fit of them (one more than can still be kept tells whether any
// was cut), each with its participants in ID order. Go spends the node
// budget over these rows, so the cut is exact whatever the plan.
const cypherSubgraphLevel = `MATCH (x:Entity) WHERE x.id IN $frontier
MATCH (x)<-[:AGENT|OBJECT|LOCATION]-(e:Event)
WITH DISTINCT e
WHERE NOT e.id IN $seen
  AND ` + eventMatches + `
WITH e
ORDER BY e.sortKey, e.id
LIMIT $fit
MATCH (e)-[:AGENT|OBJECT|LOCATION]->(y:Entity)
RETURN DISTINCT e.id AS eventId, e.sortKey AS sortKey, y.id AS entityId
ORDER BY sortKey, eventId, entityId`

// Counterparts read the action relationships, which is the question in
// the graph's own terms: MATCH (me)-[:SIGNED]->(t)<-[:SIGNED]-(other).
// The type must be the same on both sides; ties on the number of shared
// objects break on the ID.
const cypherCounterparts = `MATCH (me:Entity {id: $id})-[mine:SIGNED|APPROVED|RATIFIED|ENTERED_INTO_FORCE|PROPOSED|WITHDREW]->(o:Entity)
MATCH (o)<-[theirs:SIGNED|APPROVED|RATIFIED|ENTERED_INTO_FORCE|PROPOSED|WITHDREW]-(other:Entity)
WHERE other <> me AND type(theirs) = type(mine) AND ($types IS NULL OR type(mine) IN $types)
WITH other, collect(DISTINCT o.id) AS objectIds, collect(DISTINCT theirs.eventId) AS eventIds
RETURN other, objectIds, eventIds
ORDER BY size(objectIds) DESC, other.id
LIMIT $limit`

// Conflicts: candidate pairs, the events of one type that share an object
// and come from different documents, each pair once with the smaller ID
// first, in the order the result is reported. kg.Disagreement decides in
// Go, so the rule lives in one place. With entity IDs the search starts
// from those entities' events instead of from every event; the shared
// object is matched in a clause of its own, because within one pattern
// Neo4j uses a relationship once, and the entity asked about may be that
// very object.
const (
	cypherConflictCandidates = `MATCH (a:Event)-[:OBJECT]->(:Entity)<-[:OBJECT]-(b:Event)
WHERE a.id < b.id AND a.type = b.type AND a.documentId <> b.documentId
  AND ($types IS NULL OR a.type IN $types)
RETURN DISTINCT a.type AS type, a.id AS first, b.id AS second
ORDER BY type, first, second`

	cypherConflictCandidatesByEntities = `MATCH (x:Entity) WHERE x.id IN $entityIds
MATCH (x)<-[:AGENT|OBJECT|LOCATION]-(a:Event)
WITH DISTINCT a
MATCH (a)-[:OBJECT]->(:Entity)<-[:OBJECT]-(b:Event)
WHERE a.type = b.type AND a.documentId <> b.documentId
  AND ($types IS NULL OR a.type IN $types)
WITH DISTINCT a.type AS type,
     CASE WHEN a.id < b.id THEN a.id ELSE b.id END AS first,
     CASE WHEN a.id < b.id THEN b.id ELSE a.id END AS second
RETURN type, first, second
ORDER BY type, first, second`
)

// Paths: every shortest chain entity ← event → entity from one entity to
// another, through events that pass the filter (an inline predicate, so
// Neo4j applies it during the search, before it picks the shortest). The
// bound on hops is a literal in the quantifier, so there is one statement
// per allowed bound, picked by pathStatements. A shortest path never
// visits an entity or an event twice (dropping the loop would shorten it)
// and never hops from an entity to itself, so the pattern needs no check
// for either; DISTINCT folds paths that differ only in the role through
// which an entity takes part. The order is kg's: by length, then by the
// IDs along the path, event and entity alternating after the first.
const (
	pathsHead = `MATCH (src:Entity {id: $fromId})
MATCH (dst:Entity {id: $toId})
MATCH ALL SHORTEST (src)((:Entity)<-[:AGENT|OBJECT|LOCATION]-(e:Event WHERE ` + eventMatches + `)-[:AGENT|OBJECT|LOCATION]->(x:Entity)){1,`
	pathsTail = `}(dst)
WITH DISTINCT [n IN [src] + x | n.id] AS entityIds, [n IN e | n.id] AS eventIds
RETURN entityIds, eventIds
ORDER BY size(eventIds), reduce(s = [], i IN range(0, size(eventIds) - 1) | s + [eventIds[i], entityIds[i + 1]])
LIMIT $limit`

	cypherPaths1 = pathsHead + "1" + pathsTail
	cypherPaths2 = pathsHead + "2" + pathsTail
	cypherPaths3 = pathsHead + "3" + pathsTail
	cypherPaths4 = pathsHead + "4" + pathsTail
	cypherPaths5 = pathsHead + "5" + pathsTail
	cypherPaths6 = pathsHead + "6" + pathsTail
)

// pathStatements picks the statement for each bound on hops, 1 to
// kg.MaxPathHops.
var pathStatements = map[int]string{
	1: cypherPaths1, 2: cypherPaths2, 3: cypherPaths3, 4: cypherPaths4, 5: cypherPaths5, 6: cypherPaths6,
}
