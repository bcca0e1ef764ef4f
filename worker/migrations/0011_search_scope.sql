-- Search at the cost of the caller's organisation (issue 16).
--
-- items_fts (0001) was one trigram index for every organisation of the database: a query matched
-- every organisation's tasks and filtered afterwards, so ten districts with the same words paid
-- ten times, a province a hundred. Here each organisation owns one block of the index's rowids
-- (org_key × 2^32 + n): FTS5 keeps each term's postings in rowid order, so a MATCH with a rowid
-- range reads only the caller's block (db/search.ts). Deleting an item also found its row by a
-- full scan (item_id was UNINDEXED); item_search_rows maps an item to its row.
--
-- An organisation's key and an item's row are given once and kept (not SQLite's own rowids of
-- orgs and items, which VACUUM may renumber). Plans never change organisation and items never
-- change plan, so a row stays in its organisation's block.

CREATE TABLE search_orgs (
  org_id  TEXT PRIMARY KEY,
  org_key INTEGER NOT NULL UNIQUE
);

CREATE TABLE item_search_rows (
  row     INTEGER PRIMARY KEY,
  item_id TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE items_search USING fts5(text, tokenize = 'trigram');

-- Existing data stays searchable: every organisation gets a key, every item a row in its block.
INSERT INTO search_orgs (org_id, org_key)
  SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) FROM orgs;
INSERT INTO item_search_rows (row, item_id)
  SELECT s.org_key * 4294967296 + ROW_NUMBER() OVER (PARTITION BY p.org_id ORDER BY i.plan_id, i.seq, i.id), i.id
    FROM items i JOIN plans p ON p.id = i.plan_id JOIN search_orgs s ON s.org_id = p.org_id;
INSERT INTO items_search (rowid, text)
  SELECT m.row, i.text FROM item_search_rows m JOIN items i ON i.id = m.item_id;

DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_update;
DROP TRIGGER items_fts_delete;
DROP TABLE items_fts;

-- A new item takes the next row of its organisation's block (the organisation's first item
-- gives it the next key). No OR IGNORE / OR REPLACE here: inside a trigger SQLite applies the
-- outer statement's conflict policy (docs/PLATFORM.md), and a replaced key would orphan a block.
CREATE TRIGGER items_search_insert AFTER INSERT ON items BEGIN
  INSERT INTO search_orgs (org_id, org_key)
    SELECT p.org_id, COALESCE((SELECT MAX(org_key) FROM search_orgs), 0) + 1 FROM plans p
     WHERE p.id = new.plan_id AND NOT EXISTS (SELECT 1 FROM search_orgs s WHERE s.org_id = p.org_id);
  INSERT INTO item_search_rows (row, item_id)
    SELECT COALESCE((SELECT MAX(m.row) FROM item_search_rows m
                      WHERE m.row > s.org_key * 4294967296 AND m.row < (s.org_key + 1) * 4294967296),
                    s.org_key * 4294967296) + 1,
           new.id
      FROM plans p JOIN search_orgs s ON s.org_id = p.org_id
     WHERE p.id = new.plan_id;
  INSERT INTO items_search (rowid, text) SELECT row, new.text FROM item_search_rows WHERE item_id = new.id;
END;

CREATE TRIGGER items_search_update AFTER UPDATE OF text ON items BEGIN
  UPDATE items_search SET text = new.text WHERE rowid = (SELECT row FROM item_search_rows WHERE item_id = new.id);
END;

CREATE TRIGGER items_search_delete AFTER DELETE ON items BEGIN
  DELETE FROM items_search WHERE rowid = (SELECT row FROM item_search_rows WHERE item_id = old.id);
  DELETE FROM item_search_rows WHERE item_id = old.id;
END;
