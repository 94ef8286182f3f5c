package neo4jstore

import "github.com/newsgraph/kg"

// Every statement the store runs is a constant in this file, with its
// inputs as $parameters. Labels and relationship types cannot be
// parameters in Cypher, so statements that differ only by label or type
// are spelled out once per allowed value and picked from a map keyed by
// the kg allow-lists (kg.EntityKinds, kg.EventTypes, kg.Roles); input text
// never reaches a statement.

// Schema: uniqueness constraints back every MERGE by id (and make
// concurrent loaders safe), indexes serve the lookups reads start from.
const (
	cypherConstraintEntity      = `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE`
	cypherConstraintDocument    = `CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE`
	cypherConstraintEvent       = `CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE`
	cypherConstraintDataVersion = `CREATE CONSTRAINT data_version_key IF NOT EXISTS FOR (n:DataVersion) REQUIRE n.key IS UNIQUE`
	cypherIndexEventDocument    = `CREATE INDEX event_document IF NOT EXISTS FOR (n:Event) ON (n.documentId)`
	cypherIndexEventType        = `CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)`
	cypherIndexEventSort        = `CREATE INDEX event_sort IF NOT EXISTS FOR (n:Event) ON (n.sortKey, n.id)`
	cypherIndexEntityNames      = `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]`
	cypherAwaitIndexes          = `CALL db.awaitIndexes($seconds)`
)

// schemaStatements run in this order at Open.
var schemaStatements = []string{
	cypherConstraintEntity, cypherConstraintDocument, cypherConstraintEvent, cypherConstraintDataVersion,
	cypherIndexEventDocument, cypherIndexEventType, cypherIndexEventSort, cypherIndexEntityNames,
}

// Save, step 1: which documents are already stored, and by which extractor;
// which entities named by events but not described are stored (a MATCH on a
// missing one would drop its row silently, so Save refuses it first).
const (
	cypherStoredDocuments = `MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id, d.extractor AS extractor`
	cypherStoredEntities = `MATCH (e:Entity) WHERE e.id IN $ids
RETURN e.id AS id`
)

// Save, step 2: forget the previous claims of the documents being saved.
// The action relationships are found from the events' agents, so the
// delete walks only those documents' neighbourhoods.
const (
	cypherDeleteActions = `UNWIND $ids AS id
MATCH (e:Event {documentId: id})-[:AGENT]->(:Entity)-[a:SIGNED|APPROVED|RATIFIED|ENTERED_INTO_FORCE|PROPOSED|WITHDREW]->(:Entity)
WHERE a.eventId = e.id
DELETE a`
	cypherDeleteEvents = `UNWIND $ids AS id
MATCH (e:Event {documentId: id})
DETACH DELETE e`
)

// Save, step 3: the documents. Dates arrive as strings and become native
// values here; "published" is a date only when the day is known.
const cypherMergeDocuments = `UNWIND $rows AS r
MERGE (d:Document {id: r.id})
SET d.title = r.title, d.url = r.url, d.author = r.author,
    d.published = CASE WHEN r.publishedPrecision = 'day' THEN date(r.publishedEarliest) END,
    d.publishedValue = r.publishedValue, d.publishedPrecision = r.publishedPrecision,
    d.publishedEarliest = date(r.publishedEarliest), d.publishedLatest = date(r.publishedLatest),
    d.publishedText = r.publishedText,
    d.contentHash = r.contentHash, d.source = r.source, d.text = r.text,
    d.extractor = r.extractor, d.loadedAt = datetime(r.loadedAt)`

// Save, step 4: entities, one statement per kind. The first name, kind,
// country and Wikidata ID stay; aliases and roles accumulate without
// case-insensitive duplicates (an alias equal to the name is dropped).
// aliasText feeds the full-text index, which reads strings.
const entityMergeBody = `
SET e.kind = coalesce(e.kind, r.kind), e.name = coalesce(e.name, r.name),
    e.country = coalesce(e.country, r.country), e.wikidataId = coalesce(e.wikidataId, r.wikidataId)
SET e.aliases = coalesce(e.aliases, []) + [x IN r.aliases WHERE toLower(x) <> toLower(e.name)
        AND NOT toLower(x) IN [y IN coalesce(e.aliases, []) | toLower(y)]],
    e.roles = coalesce(e.roles, []) + [x IN r.roles WHERE NOT toLower(x) IN [y IN coalesce(e.roles, []) | toLower(y)]]
SET e.aliasText = reduce(s = '', x IN e.aliases | s + x + '\n')`

const (
	cypherMergePerson      = "UNWIND $rows AS r\nMERGE (e:Entity {id: r.id})\nSET e:Person" + entityMergeBody
	cypherMergeState       = "UNWIND $rows AS r\nMERGE (e:Entity {id: r.id})\nSET e:State" + entityMergeBody
	cypherMergeInstitution = "UNWIND $rows AS r\nMERGE (e:Entity {id: r.id})\nSET e:Institution" + entityMergeBody
	cypherMergeAgreement   = "UNWIND $rows AS r\nMERGE (e:Entity {id: r.id})\nSET e:Agreement" + entityMergeBody
	cypherMergePlace       = "UNWIND $rows AS r\nMERGE (e:Entity {id: r.id})\nSET e:Place" + entityMergeBody
)

// cypherMergeEntity picks the statement for each allowed kind.
var cypherMergeEntity = map[kg.EntityKind]string{
	kg.KindPerson:      cypherMergePerson,
	kg.KindState:       cypherMergeState,
	kg.KindInstitution: cypherMergeInstitution,
	kg.KindAgreement:   cypherMergeAgreement,
	kg.KindPlace:       cypherMergePlace,
}

// Save, step 5: event nodes, each tied to the document that claims it.
const cypherMergeEvents = `UNWIND $rows AS r
MATCH (d:Document {id: r.documentId})
MERGE (e:Event {id: r.id})
SET e.type = r.type, e.status = r.status, e.documentId = r.documentId,
    e.date = CASE WHEN r.precision = 'day' THEN date(r.earliest) END,
    e.dateValue = r.value, e.precision = r.precision,
    e.earliest = date(r.earliest), e.latest = date(r.latest),
    e.dateText = r.text, e.sortKey = r.sortKey
MERGE (e)-[:REPORTED_IN]->(d)`

// Save, step 6: participants, one statement per role.
const (
	cypherMergeAgents = `UNWIND $rows AS r
MATCH (e:Event {id: r.eventId})
MATCH (x:Entity {id: r.entityId})
MERGE (e)-[p:AGENT {ord: r.ord}]->(x)`
	cypherMergeObjects = `UNWIND $rows AS r
MATCH (e:Event {id: r.eventId})
MATCH (x:Entity {id: r.entityId})
MERGE (e)-[p:OBJECT {ord: r.ord}]->(x)`
	cypherMergeLocations = `UNWIND $rows AS r
MATCH (e:Event {id: r.eventId})
MATCH (x:Entity {id: r.entityId})
MERGE (e)-[p:LOCATION {ord: r.ord}]->(x)`
)

// cypherMergeParticipant picks the statement for each role.
var cypherMergeParticipant = map[kg.Role]string{
	kg.RoleAgent:    cypherMergeAgents,
	kg.RoleObject:   cypherMergeObjects,
	kg.RoleLocation: cypherMergeLocations,
}

// Save, step 7: evidence sentences, as properties of EVIDENCE relationships
// from the event to the document the sentence is in.
const cypherMergeEvidence = `UNWIND $rows AS r
MATCH (e:Event {id: r.eventId})
MATCH (d:Document {id: r.documentId})
MERGE (e)-[v:EVIDENCE {ord: r.ord}]->(d)
SET v.sentence = r.sentence, v.start = r.start, v.end = r.end, v.rule = r.rule`

// Save, step 8: the action itself as a relationship from each agent to each
// object, named after the event type, so that
// MATCH (i:Institution)-[a:APPROVED]->(t:Agreement) reads directly.
const actionBody = ` {eventId: r.eventId}]->(o)
SET a.status = r.status, a.documentId = r.documentId,
    a.date = CASE WHEN r.precision = 'day' THEN date(r.earliest) END,
    a.dateValue = r.value, a.precision = r.precision,
    a.earliest = date(r.earliest), a.latest = date(r.latest), a.dateText = r.text`

const actionHead = "UNWIND $rows AS r\nMATCH (x:Entity {id: r.agentId})\nMATCH (o:Entity {id: r.objectId})\nMERGE (x)-[a:"

const (
	cypherMergeSigned           = actionHead + "SIGNED" + actionBody
	cypherMergeApproved         = actionHead + "APPROVED" + actionBody
	cypherMergeRatified         = actionHead + "RATIFIED" + actionBody
	cypherMergeEnteredIntoForce = actionHead + "ENTERED_INTO_FORCE" + actionBody
	cypherMergeProposed         = actionHead + "PROPOSED" + actionBody
	cypherMergeWithdrew         = actionHead + "WITHDREW" + actionBody
)

// cypherMergeAction picks the statement for each allowed event type.
var cypherMergeAction = map[kg.EventType]string{
	kg.EventSigned:           cypherMergeSigned,
	kg.EventApproved:         cypherMergeApproved,
	kg.EventRatified:         cypherMergeRatified,
	kg.EventEnteredIntoForce: cypherMergeEnteredIntoForce,
	kg.EventProposed:         cypherMergeProposed,
	kg.EventWithdrew:         cypherMergeWithdrew,
}

// Save, last step, and DataVersion: one node holds the data version, a
// random token that every write transaction replaces (see version.go).
// Taking its lock last keeps concurrent loaders from queueing on it for
// the whole of their transactions.
const (
	cypherBumpDataVersion = `MERGE (v:DataVersion {key: 'graph'})
SET v.value = $token`
	cypherDataVersion = `MATCH (v:DataVersion {key: 'graph'})
RETURN v.value AS value`
)

// Reads by key.
const (
	cypherDocuments = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d`
	cypherEntities = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e`
	cypherEvents = `UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e`
	cypherEventParticipants = `UNWIND $ids AS id
MATCH (e:Event {id: id})-[p:AGENT|OBJECT|LOCATION]->(x:Entity)
RETURN e.id AS eventId, type(p) AS role, p.ord AS ord, x.id AS entityId`
	cypherEventEvidence = `UNWIND $ids AS id
MATCH (e:Event {id: id})-[v:EVIDENCE]->(d:Document)
RETURN e.id AS eventId, v.ord AS ord, d.id AS documentId, v.sentence AS sentence,
       v.start AS startOffset, v.end AS endOffset, v.rule AS rule`
)

// Counts come from the label count store, not from a scan.
const (
	cypherCountDocuments = `MATCH (n:Document) RETURN count(n) AS n`
	cypherCountEntities  = `MATCH (n:Entity) RETURN count(n) AS n`
	cypherCountEvents    = `MATCH (n:Event) RETURN count(n) AS n`
)

// The graph's vocabulary, beyond the kg allow-lists. The Cypher lint test
// hands it to Neo4j's linter as the schema, so a misspelt label, type or
// property in any statement is reported.
var (
	graphLabels            = []string{"Entity", "Event", "Document", "DataVersion"}
	graphRelationshipTypes = []string{"AGENT", "OBJECT", "LOCATION", "REPORTED_IN", "EVIDENCE"}
	graphPropertyKeys      = []string{
		// entities
		"id", "kind", "name", "aliases", "aliasText", "roles", "country", "wikidataId",
		// documents
		"title", "url", "author", "published", "publishedValue", "publishedPrecision", "publishedEarliest",
		"publishedLatest", "publishedText", "contentHash", "source", "text", "extractor", "loadedAt",
		// events and actions
		"type", "status", "documentId", "eventId", "date", "dateValue", "precision", "earliest", "latest",
		"dateText", "sortKey",
		// participants and evidence
		"ord", "sentence", "start", "end", "rule",
		// the data version node
		"key", "value",
	}
)
