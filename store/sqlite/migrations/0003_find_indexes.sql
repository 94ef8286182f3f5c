-- Indexes that let FindEvents answer a page and its total from one index
-- range instead of reading and sorting every match.

-- date_class sorts events by the shape of their date, so that "overlaps
-- [from, to]" becomes a range of sort_key within each class: an event whose
-- bounds are at most 31 (or 366) days apart and that ends on or after
-- `from` starts on or after `from` minus 31 (or 366) days. 0: no bound
-- (sort_key '~'); 1: both bounds, at most 31 days apart; 2: at most 366;
-- 3: further apart; 4: earliest only; 5: latest only. Save computes it as
-- dateClass does. It is a plain column, not a generated one, because
-- SQLite reads a generated column from the table even when an index
-- holds it, and counting from the index alone is the point.
ALTER TABLE events ADD COLUMN date_class INTEGER NOT NULL DEFAULT 0;
UPDATE events SET date_class = CASE
	WHEN date_earliest IS NULL AND date_latest IS NULL THEN 0
	WHEN date_earliest IS NULL THEN 5
	WHEN date_latest IS NULL THEN 4
	WHEN julianday(date_latest) - julianday(date_earliest) <= 31 THEN 1
	WHEN julianday(date_latest) - julianday(date_earliest) <= 366 THEN 2
	ELSE 3 END;
CREATE INDEX events_type_dates ON events (type, date_class, sort_key, date_latest);
CREATE INDEX events_dates ON events (date_class, sort_key, date_latest, status, type);

-- Participant rows also repeat their event's status and sort key (as they
-- repeat its type since 0002), so that the events of one entity come in
-- date order, filtered by type and status, from the index alone. Save
-- writes them; an event's date and status never change, as a re-read
-- document's events are replaced.
ALTER TABLE event_participants ADD COLUMN event_status TEXT NOT NULL DEFAULT '';
ALTER TABLE event_participants ADD COLUMN event_sort_key TEXT NOT NULL DEFAULT '';
UPDATE event_participants SET (event_status, event_sort_key) =
	(SELECT e.status, e.sort_key FROM events e WHERE e.id = event_participants.event_id);
CREATE INDEX event_participants_sorted
	ON event_participants (entity_id, event_sort_key, event_id, role, event_status, event_type);

-- The planner needs statistics of the new indexes to prefer them.
ANALYZE events;
ANALYZE event_participants;
