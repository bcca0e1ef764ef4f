-- Progress reports: timeliness, one report per (task, unit, period), kept photo declarations,
-- and the change log behind GET /api/sync.

-- Timeliness (按时/逾期) is judged on the first submission; submitted_at is the latest one.
ALTER TABLE reports ADD COLUMN first_submitted_at TEXT;
-- A unit reports a task once per period (an amendment keeps the same report id).
CREATE UNIQUE INDEX reports_item_unit_period ON reports(item_id, unit_id, period);
CREATE INDEX reports_org_state ON reports(org_id, state, submitted_at);

-- A replay of an older revision's body is recognised instead of overwriting the amendment.
ALTER TABLE report_revisions ADD COLUMN body_hash TEXT;

-- A photo dropped from the declaration of an amended report stays (0) as evidence of the
-- earlier revision; only declared photos (1) are required for submit and listed.
ALTER TABLE report_photos ADD COLUMN declared INTEGER NOT NULL DEFAULT 1;
ALTER TABLE report_photos ADD COLUMN thumb_content_type TEXT;
ALTER TABLE report_photos ADD COLUMN thumb_width INTEGER;
ALTER TABLE report_photos ADD COLUMN thumb_height INTEGER;
ALTER TABLE report_photos ADD COLUMN thumb_received_at TEXT;

-- ---------------------------------------------------------------------------------------------
-- Sync change log. Every write to a synced table bumps one global counter and records
-- (entity, id) with the counter's value, in the same transaction as the write (triggers, so
-- the importer and every other writer are covered without knowing about sync). D1 runs one
-- write at a time, so counter order is commit order: a client that has seen everything up to
-- counter N never misses a change committed later. One row per entity keeps the log compact.
-- The triggers bump-or-add without any conflict clause (no INSERT OR REPLACE): inside a trigger
-- SQLite applies the conflict policy of the OUTER statement instead (an UPSERT or OR IGNORE
-- would turn the trigger's write into an error or a silently lost change).
CREATE TABLE sync_counter (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  value  INTEGER NOT NULL
);
INSERT INTO sync_counter (id, value) VALUES (1, 1);

CREATE TABLE sync_changes (
  entity     TEXT NOT NULL CHECK (entity IN ('plan', 'item', 'report', 'instruction')),
  entity_id  TEXT NOT NULL,
  org_id     TEXT NOT NULL,
  item_id    TEXT,                 -- reports and instructions: their task, to scope a unit's changes
  seq        INTEGER NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
CREATE INDEX sync_changes_org_seq ON sync_changes(org_id, seq);

-- Rows that existed before this migration count as changed at 1.
INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq) SELECT 'plan', id, org_id, NULL, 1 FROM plans;
INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
  SELECT 'item', i.id, p.org_id, NULL, 1 FROM items i JOIN plans p ON p.id = i.plan_id;
INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq) SELECT 'report', id, org_id, item_id, 1 FROM reports;
INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq) SELECT 'instruction', id, org_id, item_id, 1 FROM instructions;

-- Plans.
CREATE TRIGGER sync_plans_insert AFTER INSERT ON plans BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'plan' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'plan', new.id, new.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'plan' AND entity_id = new.id);
END;

CREATE TRIGGER sync_plans_update AFTER UPDATE ON plans BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'plan' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'plan', new.id, new.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'plan' AND entity_id = new.id);
END;

CREATE TRIGGER sync_plans_delete AFTER DELETE ON plans BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'plan' AND entity_id = old.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'plan', old.id, old.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'plan' AND entity_id = old.id);
END;

-- Items, and their plan (whose counts change). When the plan is deleted in the same statement,
-- the item's change row (present since its insert) is bumped all the same.
CREATE TRIGGER sync_items_insert AFTER INSERT ON items BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', new.id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = new.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = new.id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'plan' AND entity_id = new.plan_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'plan', new.plan_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = new.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'plan' AND entity_id = new.plan_id);
END;

CREATE TRIGGER sync_items_update AFTER UPDATE ON items BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', new.id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = new.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = new.id);
END;

CREATE TRIGGER sync_items_delete AFTER DELETE ON items BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = old.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', old.id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = old.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = old.id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'plan' AND entity_id = old.plan_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'plan', old.plan_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = old.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'plan' AND entity_id = old.plan_id);
END;

-- Who carries an item decides who sees it in full and whose reports a unit sees: re-send the
-- item and every report and instruction on it.
CREATE TRIGGER sync_item_units_insert AFTER INSERT ON item_units BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = new.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', new.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = new.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = new.item_id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'report' AND entity_id IN (SELECT r.id FROM reports r WHERE r.item_id = new.item_id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', r.id, r.org_id, r.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM reports r
     WHERE r.item_id = new.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'report' AND c.entity_id = r.id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'instruction' AND entity_id IN (SELECT n.id FROM instructions n WHERE n.item_id = new.item_id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'instruction', n.id, n.org_id, n.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM instructions n
     WHERE n.item_id = new.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'instruction' AND c.entity_id = n.id);
END;

CREATE TRIGGER sync_item_units_delete AFTER DELETE ON item_units BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = old.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', old.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = old.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = old.item_id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'report' AND entity_id IN (SELECT r.id FROM reports r WHERE r.item_id = old.item_id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', r.id, r.org_id, r.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM reports r
     WHERE r.item_id = old.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'report' AND c.entity_id = r.id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'instruction' AND entity_id IN (SELECT n.id FROM instructions n WHERE n.item_id = old.item_id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'instruction', n.id, n.org_id, n.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM instructions n
     WHERE n.item_id = old.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'instruction' AND c.entity_id = n.id);
END;

CREATE TRIGGER sync_item_units_update AFTER UPDATE ON item_units BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = new.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', new.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = new.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = new.item_id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'report' AND entity_id IN (SELECT r.id FROM reports r WHERE r.item_id = new.item_id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', r.id, r.org_id, r.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM reports r
     WHERE r.item_id = new.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'report' AND c.entity_id = r.id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'instruction' AND entity_id IN (SELECT n.id FROM instructions n WHERE n.item_id = new.item_id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'instruction', n.id, n.org_id, n.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM instructions n
     WHERE n.item_id = new.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'instruction' AND c.entity_id = n.id);
END;

CREATE TRIGGER sync_item_leaders_insert AFTER INSERT ON item_leaders BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = new.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', new.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = new.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = new.item_id);
END;

CREATE TRIGGER sync_item_leaders_delete AFTER DELETE ON item_leaders BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = old.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', old.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM plans p
     WHERE p.id = old.plan_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = old.item_id);
END;

CREATE TRIGGER sync_targets_insert AFTER INSERT ON targets BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = new.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', new.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM items i JOIN plans p ON p.id = i.plan_id
     WHERE i.id = new.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = new.item_id);
END;

CREATE TRIGGER sync_targets_update AFTER UPDATE ON targets BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = new.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', new.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM items i JOIN plans p ON p.id = i.plan_id
     WHERE i.id = new.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = new.item_id);
END;

CREATE TRIGGER sync_targets_delete AFTER DELETE ON targets BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'item' AND entity_id = old.item_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'item', old.item_id, p.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM items i JOIN plans p ON p.id = i.plan_id
     WHERE i.id = old.item_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'item' AND entity_id = old.item_id);
END;

-- Renamed units and leaders show in items (and unit names in reports).
CREATE TRIGGER sync_units_rename AFTER UPDATE OF name ON units BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'item' AND entity_id IN (SELECT iu.item_id FROM item_units iu WHERE iu.unit_id = new.id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT DISTINCT 'item', iu.item_id, new.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM item_units iu
     WHERE iu.unit_id = new.id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'item' AND c.entity_id = iu.item_id);
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'report' AND entity_id IN (SELECT r.id FROM reports r WHERE r.unit_id = new.id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', r.id, r.org_id, r.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM reports r
     WHERE r.unit_id = new.id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'report' AND c.entity_id = r.id);
END;

CREATE TRIGGER sync_leaders_rename AFTER UPDATE OF name ON leaders BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1)
   WHERE entity = 'item' AND entity_id IN (SELECT il.item_id FROM item_leaders il WHERE il.leader_id = new.id);
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT DISTINCT 'item', il.item_id, new.org_id, NULL, (SELECT value FROM sync_counter WHERE id = 1) FROM item_leaders il
     WHERE il.leader_id = new.id AND NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.entity = 'item' AND c.entity_id = il.item_id);
END;

-- Reports with their photos and reviews travel as one record.
CREATE TRIGGER sync_reports_insert AFTER INSERT ON reports BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'report' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', new.id, new.org_id, new.item_id, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'report' AND entity_id = new.id);
END;

CREATE TRIGGER sync_reports_update AFTER UPDATE ON reports BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'report' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', new.id, new.org_id, new.item_id, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'report' AND entity_id = new.id);
END;

CREATE TRIGGER sync_reports_delete AFTER DELETE ON reports BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'report' AND entity_id = old.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', old.id, old.org_id, old.item_id, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'report' AND entity_id = old.id);
END;

CREATE TRIGGER sync_report_photos_insert AFTER INSERT ON report_photos BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'report' AND entity_id = new.report_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', new.report_id, r.org_id, r.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM reports r
     WHERE r.id = new.report_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'report' AND entity_id = new.report_id);
END;

CREATE TRIGGER sync_report_photos_update AFTER UPDATE ON report_photos BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'report' AND entity_id = new.report_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', new.report_id, r.org_id, r.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM reports r
     WHERE r.id = new.report_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'report' AND entity_id = new.report_id);
END;

CREATE TRIGGER sync_reviews_insert AFTER INSERT ON reviews BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'report' AND entity_id = new.report_id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'report', new.report_id, r.org_id, r.item_id, (SELECT value FROM sync_counter WHERE id = 1) FROM reports r
     WHERE r.id = new.report_id AND NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'report' AND entity_id = new.report_id);
END;

CREATE TRIGGER sync_instructions_insert AFTER INSERT ON instructions BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'instruction' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'instruction', new.id, new.org_id, new.item_id, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'instruction' AND entity_id = new.id);
END;

CREATE TRIGGER sync_instructions_update AFTER UPDATE ON instructions BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'instruction' AND entity_id = new.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'instruction', new.id, new.org_id, new.item_id, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'instruction' AND entity_id = new.id);
END;

CREATE TRIGGER sync_instructions_delete AFTER DELETE ON instructions BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  UPDATE sync_changes SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE entity = 'instruction' AND entity_id = old.id;
  INSERT INTO sync_changes (entity, entity_id, org_id, item_id, seq)
    SELECT 'instruction', old.id, old.org_id, old.item_id, (SELECT value FROM sync_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM sync_changes WHERE entity = 'instruction' AND entity_id = old.id);
END;

