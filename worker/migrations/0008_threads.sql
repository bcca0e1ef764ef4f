-- 批示 as conversations, and last year's open items (issue 14).

-- A task's thread: the leaders' 批示 (kind 'instruction') and the units' 落实情况 answers
-- (kind 'answer', with the answering unit). Answers ride the same sync change log as 批示.
ALTER TABLE instructions ADD COLUMN kind TEXT NOT NULL DEFAULT 'instruction' CHECK (kind IN ('instruction', 'answer'));
ALTER TABLE instructions ADD COLUMN unit_id TEXT REFERENCES units(id);

-- When a user last opened a task's thread: what is newer (and not theirs) is unread.
CREATE TABLE thread_reads (
  user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  item_id  TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  read_at  TEXT NOT NULL,
  PRIMARY KEY (user_id, item_id)
);

-- A past year's open items of a unit on a task (a returned report, an unanswered 批示) stay in
-- the unit's 上年度未结 list until the 督查室 closes them here.
CREATE TABLE carryover_closed (
  item_id    TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  unit_id    TEXT NOT NULL REFERENCES units(id),
  closed_by  TEXT NOT NULL REFERENCES users(id),
  closed_at  TEXT NOT NULL,
  comment    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, unit_id)
);
