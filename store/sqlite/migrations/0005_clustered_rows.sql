-- Participants and evidence are read by event, a few rows per event for a
-- page of events. Stored WITHOUT ROWID, each table is its primary key's
-- b-tree, so reading an event's rows is one index range instead of an
-- index range and a table lookup per row. The tables are copied, since
-- SQLite cannot change a table to WITHOUT ROWID in place; both are only
-- referencing tables, so dropping the old ones deletes nothing else.

CREATE TABLE event_participants_new (
	event_id       TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	entity_id      TEXT NOT NULL REFERENCES entities (id),
	role           TEXT NOT NULL,
	seq            INTEGER NOT NULL,
	event_type     TEXT NOT NULL DEFAULT '',
	event_status   TEXT NOT NULL DEFAULT '',
	event_sort_key TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (event_id, entity_id, role)
) STRICT, WITHOUT ROWID;
INSERT INTO event_participants_new (event_id, entity_id, role, seq, event_type, event_status, event_sort_key)
	SELECT event_id, entity_id, role, seq, event_type, event_status, event_sort_key FROM event_participants;
DROP TABLE event_participants;
ALTER TABLE event_participants_new RENAME TO event_participants;
CREATE INDEX event_participants_typed ON event_participants (entity_id, role, event_type, event_id);
CREATE INDEX event_participants_sorted
	ON event_participants (entity_id, event_sort_key, event_id, role, event_status, event_type);

CREATE TABLE evidence_new (
	event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	seq          INTEGER NOT NULL,
	document_id  TEXT NOT NULL,
	sentence     TEXT NOT NULL,
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL,
	rule         TEXT NOT NULL,
	PRIMARY KEY (event_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO evidence_new (event_id, seq, document_id, sentence, start_offset, end_offset, rule)
	SELECT event_id, seq, document_id, sentence, start_offset, end_offset, rule FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_new RENAME TO evidence;

ANALYZE event_participants;
ANALYZE evidence;
