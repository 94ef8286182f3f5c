package neo4jstore

// FindEvents statements: an anchor that starts from the most selective
// index (entity ids, event documentId, event type), the filter every
// variant shares, then either the count or one keyset page. A null
// parameter disables its part of the filter, so the count and the page
// see the same WHERE.
const (
	findFromDocuments = `MATCH (e:Event) WHERE e.documentId IN $documentIds
WITH e
`
	findFromAgents = `MATCH (x:Entity) WHERE x.id IN $agentIds
MATCH (x)<-[:AGENT]-(e:Event)
WITH DISTINCT e
`
	findFromObjects = `MATCH (x:Entity) WHERE x.id IN $objectIds
MATCH (x)<-[:OBJECT]-(e:Event)
WITH DISTINCT e
`
	findFromLocations = `MATCH (x:Entity) WHERE x.id IN $locationIds
MATCH (x)<-[:LOCATION]-(e:Event)
WITH DISTINCT e
`
	findFromParticipants = `MATCH (x:Entity) WHERE x.id IN $participantIds
MATCH (x)<-[:AGENT|OBJECT|LOCATION]-(e:Event)
WITH DISTINCT e
`
	findFromTypes = `MATCH (e:Event) WHERE e.type IN $types
WITH e
`
	findFromAll = `MATCH (e:Event)
WITH e
`

	// eventMatches is the filter on an event e, shared by FindEvents and the
	// traversals. Overlap as kg.Date.Overlaps: unresolved dates never match
	// a range, a missing bound is open.
	eventMatches = `($types IS NULL OR e.type IN $types)
  AND ($statuses IS NULL OR e.status IN $statuses)
  AND ($documentIds IS NULL OR e.documentId IN $documentIds)
  AND ($agentIds IS NULL OR EXISTS { MATCH (e)-[:AGENT]->(a:Entity) WHERE a.id IN $agentIds })
  AND ($objectIds IS NULL OR EXISTS { MATCH (e)-[:OBJECT]->(o:Entity) WHERE o.id IN $objectIds })
  AND ($locationIds IS NULL OR EXISTS { MATCH (e)-[:LOCATION]->(l:Entity) WHERE l.id IN $locationIds })
  AND ($participantIds IS NULL OR EXISTS { MATCH (e)-[:AGENT|OBJECT|LOCATION]->(p:Entity) WHERE p.id IN $participantIds })
  AND (($from IS NULL AND $to IS NULL) OR e.earliest IS NOT NULL OR e.latest IS NOT NULL)
  AND ($to IS NULL OR e.earliest IS NULL OR e.earliest <= date($to))
  AND ($from IS NULL OR e.latest IS NULL OR e.latest >= date($from))`

	findWhere = "WHERE " + eventMatches + "\n"

	findCount = `RETURN count(e) AS total`

	// Ascending: "~" (unresolved) sorts after every date already.
	findPageAsc = `  AND ($afterKey IS NULL OR e.sortKey > $afterKey OR (e.sortKey = $afterKey AND e.id > $afterId))
RETURN e.id AS id, e.sortKey AS sortKey
ORDER BY sortKey, id
LIMIT $limit`

	// Descending: latest first, but unresolved dates still last.
	findPageDesc = `  AND ($afterKey IS NULL
    OR ($afterKey = '~' AND e.sortKey = '~' AND e.id < $afterId)
    OR ($afterKey <> '~' AND (e.sortKey = '~' OR e.sortKey < $afterKey OR (e.sortKey = $afterKey AND e.id < $afterId))))
RETURN e.id AS id, e.sortKey AS sortKey
ORDER BY sortKey = '~', sortKey DESC, id DESC
LIMIT $limit`
)

const (
	cypherFindCountByDocuments    = findFromDocuments + findWhere + findCount
	cypherFindCountByAgents       = findFromAgents + findWhere + findCount
	cypherFindCountByObjects      = findFromObjects + findWhere + findCount
	cypherFindCountByLocations    = findFromLocations + findWhere + findCount
	cypherFindCountByParticipants = findFromParticipants + findWhere + findCount
	cypherFindCountByTypes        = findFromTypes + findWhere + findCount
	cypherFindCountAll            = findFromAll + findWhere + findCount

	cypherFindAscByDocuments    = findFromDocuments + findWhere + findPageAsc
	cypherFindAscByAgents       = findFromAgents + findWhere + findPageAsc
	cypherFindAscByObjects      = findFromObjects + findWhere + findPageAsc
	cypherFindAscByLocations    = findFromLocations + findWhere + findPageAsc
	cypherFindAscByParticipants = findFromParticipants + findWhere + findPageAsc
	cypherFindAscByTypes        = findFromTypes + findWhere + findPageAsc
	cypherFindAscAll            = findFromAll + findWhere + findPageAsc

	cypherFindDescByDocuments    = findFromDocuments + findWhere + findPageDesc
	cypherFindDescByAgents       = findFromAgents + findWhere + findPageDesc
	cypherFindDescByObjects      = findFromObjects + findWhere + findPageDesc
	cypherFindDescByLocations    = findFromLocations + findWhere + findPageDesc
	cypherFindDescByParticipants = findFromParticipants + findWhere + findPageDesc
	cypherFindDescByTypes        = findFromTypes + findWhere + findPageDesc
	cypherFindDescAll            = findFromAll + findWhere + findPageDesc
)

// findAnchor names where a FindEvents query starts.
type findAnchor int

const (
	anchorDocuments findAnchor = iota
	anchorAgents
	anchorObjects
	anchorLocations
	anchorParticipants
	anchorTypes
	anchorAll
)

// findStatements holds, per anchor, the count, ascending and descending
// statements.
var findStatements = map[findAnchor][3]string{
	anchorDocuments:    {cypherFindCountByDocuments, cypherFindAscByDocuments, cypherFindDescByDocuments},
	anchorAgents:       {cypherFindCountByAgents, cypherFindAscByAgents, cypherFindDescByAgents},
	anchorObjects:      {cypherFindCountByObjects, cypherFindAscByObjects, cypherFindDescByObjects},
	anchorLocations:    {cypherFindCountByLocations, cypherFindAscByLocations, cypherFindDescByLocations},
	anchorParticipants: {cypherFindCountByParticipants, cypherFindAscByParticipants, cypherFindDescByParticipants},
	anchorTypes:        {cypherFindCountByTypes, cypherFindAscByTypes, cypherFindDescByTypes},
	anchorAll:          {cypherFindCountAll, cypherFindAscAll, cypherFindDescAll},
}

// SearchEntities statements: exact names by key, then the full-text index
// with fuzzy terms. The index limit is wider than the page so that the kind
// filter, applied after it, still fills the page.
const (
	cypherSearchExact = `MATCH (e:Entity) WHERE e.id IN $ids
RETURN e`
	cypherSearchFulltext = `CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $fetch})
YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node AS e, score
ORDER BY score DESC
LIMIT $fetch`
)
