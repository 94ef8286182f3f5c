-- Documents, entities and events, normalised. Dates keep their precision:
-- Earliest/Latest are inclusive 'YYYY-MM-DD' bounds (NULL when open) and
-- sort_key is kg.Date.SortKey, '~' for unplaced dates.

CREATE TABLE documents (
	id                 TEXT PRIMARY KEY,
	title              TEXT NOT NULL,
	url                TEXT NOT NULL,
	author             TEXT NOT NULL,
	published_value    TEXT NOT NULL,
	published_precision TEXT NOT NULL,
	published_earliest TEXT,
	published_latest   TEXT,
	published_text     TEXT NOT NULL,
	content_hash       TEXT NOT NULL,
	source             TEXT NOT NULL,
	text               TEXT NOT NULL,
	extractor          TEXT NOT NULL,
	loaded_at          TEXT NOT NULL
) STRICT;

CREATE TABLE entities (
	id          TEXT PRIMARY KEY,
	kind        TEXT NOT NULL,
	name        TEXT NOT NULL,
	country     TEXT NOT NULL,
	wikidata_id TEXT NOT NULL
) STRICT;
CREATE INDEX entities_kind ON entities (kind);

-- seq keeps first-seen order; NOCASE keeps "RF" and "rf" one alias.
CREATE TABLE entity_aliases (
	entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	alias     TEXT NOT NULL COLLATE NOCASE,
	seq       INTEGER NOT NULL,
	PRIMARY KEY (entity_id, alias)
) STRICT;

CREATE TABLE entity_roles (
	entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	role      TEXT NOT NULL COLLATE NOCASE,
	seq       INTEGER NOT NULL,
	PRIMARY KEY (entity_id, role)
) STRICT;

-- Names and aliases, trigram-indexed for substring and fuzzy search.
CREATE VIRTUAL TABLE entity_names USING fts5 (
	name,
	entity_id UNINDEXED,
	tokenize = 'trigram remove_diacritics 1'
);

CREATE TABLE events (
	id              TEXT PRIMARY KEY,
	document_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	type            TEXT NOT NULL,
	status          TEXT NOT NULL,
	date_value      TEXT NOT NULL,
	date_precision  TEXT NOT NULL,
	date_earliest   TEXT,
	date_latest     TEXT,
	date_text       TEXT NOT NULL,
	sort_key        TEXT NOT NULL,
	-- desc_key orders newest first with unplaced dates still last.
	desc_key        TEXT NOT NULL GENERATED ALWAYS AS (CASE WHEN sort_key = '~' THEN '' ELSE sort_key END) VIRTUAL
) STRICT;
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_sort ON events (sort_key, id);
CREATE INDEX events_desc ON events (desc_key, id);
-- The date bounds ride along so that counts filtered by type or status and
-- a date range are answered from the index alone.
CREATE INDEX events_type ON events (type, sort_key, id, date_earliest, date_latest);
CREATE INDEX events_status ON events (status, sort_key, id, date_earliest, date_latest);
CREATE INDEX events_earliest ON events (date_earliest);
CREATE INDEX events_latest ON events (date_latest);

CREATE TABLE event_participants (
	event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	entity_id TEXT NOT NULL REFERENCES entities (id),
	role      TEXT NOT NULL,
	seq       INTEGER NOT NULL,
	PRIMARY KEY (event_id, entity_id, role)
) STRICT;
CREATE INDEX event_participants_entity ON event_participants (entity_id, role, event_id);

CREATE TABLE evidence (
	event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	seq          INTEGER NOT NULL,
	document_id  TEXT NOT NULL,
	sentence     TEXT NOT NULL,
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL,
	rule         TEXT NOT NULL,
	PRIMARY KEY (event_id, seq)
) STRICT;
