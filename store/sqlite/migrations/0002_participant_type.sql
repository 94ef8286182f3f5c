-- Each participant row repeats its event's type, so that "events of type T
-- on object O" (counterparts, conflict candidates) is one range of one
-- index, without a lookup in events per row. Save writes it; an event's
-- type never changes, as a re-read document's events are replaced.

ALTER TABLE event_participants ADD COLUMN event_type TEXT NOT NULL DEFAULT '';
UPDATE event_participants
	SET event_type = (SELECT e.type FROM events e WHERE e.id = event_participants.event_id);
-- Replaces (entity_id, role, event_id): same prefix, one more column.
DROP INDEX event_participants_entity;
CREATE INDEX event_participants_typed ON event_participants (entity_id, role, event_type, event_id);
