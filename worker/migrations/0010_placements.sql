-- The directory of a deployment with several D1 databases (docs/SCALE.md, lib/databases.ts):
-- which database holds an organisation, and which a username signs in on. Only database 0's copy
-- is read; the other databases carry the same (empty) tables because every database gets every
-- migration. No row means database 0: everything created before several databases lives there,
-- and the rows below record it anyway so usernames stay unique across databases.
CREATE TABLE org_placements (
  org_id    TEXT PRIMARY KEY,
  org_name  TEXT NOT NULL UNIQUE,
  db        INTEGER NOT NULL CHECK (db >= 0),
  placed_at TEXT NOT NULL
);
CREATE INDEX org_placements_db ON org_placements(db);

CREATE TABLE login_placements (
  username TEXT PRIMARY KEY COLLATE NOCASE,
  db       INTEGER NOT NULL CHECK (db >= 0)
);

INSERT INTO org_placements (org_id, org_name, db, placed_at) SELECT id, name, 0, created_at FROM orgs;
INSERT INTO login_placements (username, db) SELECT username, 0 FROM users;
