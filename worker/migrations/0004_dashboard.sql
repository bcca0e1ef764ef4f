-- Indexes for the leader views (issue 8).

-- Dashboard and circular: one report per (task, lead unit, period), read from the index alone.
-- reports_item_unit_period (0003) finds the row, but then every lookup reads the wide table row
-- (texts, JSON); this covering index carries everything a traffic light needs. The queries name
-- it with INDEXED BY, because the planner otherwise prefers the unique index.
CREATE INDEX reports_cell ON reports(item_id, unit_id, period, state, submitted_at, first_submitted_at, status, percent, id);

-- Targets: the latest counted report of a task, newest period first, without sorting its history.
CREATE INDEX reports_item_period_submitted ON reports(item_id, period, submitted_at);

-- Photo wall: the newest submitted reports of a plan first.
CREATE INDEX reports_plan_submitted ON reports(plan_id, submitted_at);

-- A plan's lead units and leaders in one index range (item_units is keyed by item, then unit).
CREATE INDEX item_units_plan_role ON item_units(plan_id, role, item_id);
CREATE INDEX item_leaders_plan ON item_leaders(plan_id, item_id);
