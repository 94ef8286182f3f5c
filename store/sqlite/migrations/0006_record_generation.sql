-- A counter that every change or removal of a stored document or event
-- increments, whichever program makes it, for the record cache (see
-- recordCache). Inserts leave it alone: an event is written once, with its
-- participants and evidence, in the transaction that creates it, and a
-- document row changes only by an update. Re-reading a document with a new
-- extractor deletes its events, which moves the counter.
CREATE TABLE record_generation (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	generation INTEGER NOT NULL
) STRICT;
INSERT INTO record_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER documents_updated AFTER UPDATE ON documents
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
CREATE TRIGGER documents_deleted AFTER DELETE ON documents
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
CREATE TRIGGER events_updated AFTER UPDATE ON events
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
CREATE TRIGGER events_deleted AFTER DELETE ON events
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
CREATE TRIGGER event_participants_updated AFTER UPDATE ON event_participants
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
CREATE TRIGGER event_participants_deleted AFTER DELETE ON event_participants
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
CREATE TRIGGER evidence_updated AFTER UPDATE ON evidence
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
CREATE TRIGGER evidence_deleted AFTER DELETE ON evidence
	BEGIN UPDATE record_generation SET generation = generation + 1; END;
