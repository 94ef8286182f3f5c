-- A counter that every change to an entity, its aliases or its roles
-- increments, whichever program makes it: a process that caches entities
-- reads it in the snapshot it reads entities from, and trusts its cache
-- only while the counter has not moved (see entityCache).
CREATE TABLE entity_generation (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	generation INTEGER NOT NULL
) STRICT;
INSERT INTO entity_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER entities_inserted AFTER INSERT ON entities
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entities_updated AFTER UPDATE ON entities
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entities_deleted AFTER DELETE ON entities
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entity_aliases_inserted AFTER INSERT ON entity_aliases
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entity_aliases_updated AFTER UPDATE ON entity_aliases
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entity_aliases_deleted AFTER DELETE ON entity_aliases
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entity_roles_inserted AFTER INSERT ON entity_roles
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entity_roles_updated AFTER UPDATE ON entity_roles
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
CREATE TRIGGER entity_roles_deleted AFTER DELETE ON entity_roles
	BEGIN UPDATE entity_generation SET generation = generation + 1; END;
