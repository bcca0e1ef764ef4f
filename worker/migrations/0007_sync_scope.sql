-- GET /api/sync at the cost of what a unit may read (issue 16), and removals only of reports it
-- could read (issue 13).
--
-- Until now a unit's sync paged through every change of every task it carries and filtered the
-- reports afterwards: a co-unit of a task with 100 reporting units paid for all 100, and every
-- report it could not read came back as a "removal" (leaking the ids of other units' reports
-- and drafts). Here the change log learns, per report, whose it is (unit_id) and whether it was
-- ever submitted (shared: the two-tier rule's "first_submitted_at IS NOT NULL"), so the sync
-- query can walk only the index ranges a unit may read (db/sync.ts):
--   tasks it leads     → every shared report          (item_id, entity, seq)
--   tasks it co-carries → the lead units' shared ones  (item_id, unit_id, seq)
--   its own reports                                    (unit_id, seq)
-- Losing the right to read a report (a task's units changed, a lead unit dropped, a report
-- deleted) is recorded per unit in sync_revoked, so those phones still get the removal — and
-- only phones that could read the report before.

ALTER TABLE sync_changes ADD COLUMN unit_id TEXT;
ALTER TABLE sync_changes ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
UPDATE sync_changes
   SET unit_id = (SELECT r.unit_id FROM reports r WHERE r.id = sync_changes.entity_id),
       shared = COALESCE((SELECT r.first_submitted_at IS NOT NULL FROM reports r WHERE r.id = sync_changes.entity_id), 0)
 WHERE entity = 'report';

CREATE INDEX sync_changes_item_entity_seq ON sync_changes(item_id, entity, seq);
CREATE INDEX sync_changes_item_unit_seq ON sync_changes(item_id, unit_id, seq) WHERE unit_id IS NOT NULL;
CREATE INDEX sync_changes_unit_seq ON sync_changes(unit_id, seq) WHERE unit_id IS NOT NULL;
CREATE INDEX sync_changes_org_entity_seq ON sync_changes(org_id, entity, seq);

-- Whichever trigger touches a report's change row (the report's own, its photos', reviews', a
-- task's units re-sending it), the row takes the report's current unit and shared flag. A
-- deleted report keeps the last ones: who could read it is told it is gone.
CREATE TRIGGER sync_changes_report_insert AFTER INSERT ON sync_changes WHEN new.entity = 'report' BEGIN
  UPDATE sync_changes
     SET unit_id = (SELECT r.unit_id FROM reports r WHERE r.id = new.entity_id),
         shared = (SELECT r.first_submitted_at IS NOT NULL FROM reports r WHERE r.id = new.entity_id)
   WHERE entity = 'report' AND entity_id = new.entity_id AND EXISTS (SELECT 1 FROM reports r WHERE r.id = new.entity_id);
END;

CREATE TRIGGER sync_changes_report_update AFTER UPDATE OF seq ON sync_changes WHEN new.entity = 'report' BEGIN
  UPDATE sync_changes
     SET unit_id = (SELECT r.unit_id FROM reports r WHERE r.id = new.entity_id),
         shared = (SELECT r.first_submitted_at IS NOT NULL FROM reports r WHERE r.id = new.entity_id)
   WHERE entity = 'report' AND entity_id = new.entity_id AND EXISTS (SELECT 1 FROM reports r WHERE r.id = new.entity_id);
END;

-- (unit, report) pairs a unit could read and no longer can, at the counter of the change.
-- Append-only (duplicates are harmless: the sync answer lists an id once); a pair whose report
-- is readable again later is not listed as removed (the route checks current visibility).
CREATE TABLE sync_revoked (
  unit_id    TEXT NOT NULL,
  report_id  TEXT NOT NULL,
  org_id     TEXT NOT NULL,
  seq        INTEGER NOT NULL
);
CREATE INDEX sync_revoked_unit_seq ON sync_revoked(unit_id, seq);

-- A unit reads another unit's submitted report of a task when it leads the task, or carries it
-- and the report's unit leads it (lib/report-access.ts). Carrying only ever adds reading rights,
-- so inserting an item_units row revokes nothing; deleting (or changing) one may. The state
-- before the change is "now plus the old row"; a pair readable then and not now is revoked.
-- Deletes and updates hand the old row to one trigger through an always-empty queue table.
-- That trigger bumps the counter itself: trigger order among those of one event is unspecified.
CREATE TABLE sync_scope_loss (item_id TEXT NOT NULL, unit_id TEXT NOT NULL, role TEXT NOT NULL);

CREATE TRIGGER sync_item_units_loss_delete AFTER DELETE ON item_units BEGIN
  INSERT INTO sync_scope_loss (item_id, unit_id, role) VALUES (old.item_id, old.unit_id, old.role);
END;

CREATE TRIGGER sync_item_units_loss_update AFTER UPDATE ON item_units BEGIN
  INSERT INTO sync_scope_loss (item_id, unit_id, role) VALUES (old.item_id, old.unit_id, old.role);
END;

CREATE TRIGGER sync_scope_loss_revoke AFTER INSERT ON sync_scope_loss BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  INSERT INTO sync_revoked (unit_id, report_id, org_id, seq)
  SELECT v.unit_id, r.id, r.org_id, (SELECT value FROM sync_counter WHERE id = 1)
    FROM (SELECT unit_id FROM item_units WHERE item_id = new.item_id UNION SELECT new.unit_id) v
    JOIN reports r ON r.item_id = new.item_id AND r.unit_id <> v.unit_id AND r.first_submitted_at IS NOT NULL
   WHERE NOT (EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = new.item_id AND x.unit_id = v.unit_id AND x.role = 'lead')
              OR (EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = new.item_id AND x.unit_id = v.unit_id)
                  AND EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = new.item_id AND x.unit_id = r.unit_id AND x.role = 'lead')))
     AND ((v.unit_id = new.unit_id AND new.role = 'lead')
          OR ((v.unit_id = new.unit_id OR EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = new.item_id AND x.unit_id = v.unit_id))
              AND ((r.unit_id = new.unit_id AND new.role = 'lead')
                   OR EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = new.item_id AND x.unit_id = r.unit_id AND x.role = 'lead'))));
  DELETE FROM sync_scope_loss;
END;

-- A deleted submitted report: the other units that could read it (its own unit learns from its
-- own change row, which outlives the report). Covers a task deleted with its reports, whatever
-- order the cascade takes.
CREATE TRIGGER sync_reports_revoke_delete AFTER DELETE ON reports WHEN old.first_submitted_at IS NOT NULL BEGIN
  UPDATE sync_counter SET value = value + 1 WHERE id = 1;
  INSERT INTO sync_revoked (unit_id, report_id, org_id, seq)
  SELECT DISTINCT v.unit_id, old.id, old.org_id, (SELECT value FROM sync_counter WHERE id = 1)
    FROM item_units v
   WHERE v.item_id = old.item_id AND v.unit_id <> old.unit_id
     AND (v.role = 'lead' OR EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = old.item_id AND x.unit_id = old.unit_id AND x.role = 'lead'));
END;
