// The directory in database 0 (migration 0010): organisation → database, username → database.
// Callers pass database 0 (`c.var.databases.directory`). No row means database 0.
import { jsonList, stmt, type Db } from '../lib/d1';

export async function loginDatabase(directory: D1Database, username: string): Promise<number> {
  const row = await stmt(directory, 'SELECT db FROM login_placements WHERE username = ?1', username).first<{ db: number }>();
  return row?.db ?? 0;
}

export async function orgDatabase(directory: D1Database, orgId: string): Promise<number | null> {
  const row = await stmt(directory, 'SELECT db FROM org_placements WHERE org_id = ?1', orgId).first<{ db: number }>();
  return row?.db ?? null;
}

export async function orgPlacementByName(directory: D1Database, name: string): Promise<{ orgId: string; db: number } | null> {
  const row = await stmt(directory, 'SELECT org_id, db FROM org_placements WHERE org_name = ?1', name).first<{ org_id: string; db: number }>();
  return row ? { orgId: row.org_id, db: row.db } : null;
}

/** Organisations per database index (databases with none are absent). */
export async function orgCounts(directory: D1Database): Promise<Map<number, number>> {
  const { results } = await stmt(directory, 'SELECT db, COUNT(*) AS n FROM org_placements GROUP BY db').all<{ db: number; n: number }>();
  return new Map(results.map((r) => [r.db, r.n]));
}

/**
 * Records an organisation's database; the name is unique across databases. Returns the placement
 * that holds afterwards (an earlier one wins: two creations of one name agree on its database).
 */
export async function placeOrg(directory: D1Database, p: { orgId: string; name: string; db: number; now: Date }): Promise<{ orgId: string; db: number }> {
  await stmt(
    directory,
    'INSERT INTO org_placements (org_id, org_name, db, placed_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING',
    p.orgId,
    p.name,
    p.db,
    p.now.toISOString(),
  ).run();
  return (await orgPlacementByName(directory, p.name))!;
}

/**
 * Claims usernames for accounts on database `db`. Usernames are unique across databases: returns
 * those another database holds (one batch: the claim and the check cannot interleave with another
 * claim). A claim stays when the account is not created after all; it then only points sign-in at
 * a database without that user, and keeps the name for this database.
 */
export async function claimUsernames(directory: D1Database, usernames: readonly string[], db: number): Promise<string[]> {
  if (!usernames.length) return [];
  const names = jsonList(usernames);
  const [, taken] = await directory.batch<{ username: string }>([
    stmt(directory, 'INSERT INTO login_placements (username, db) SELECT value, ?2 FROM json_each(?1) WHERE true ON CONFLICT DO NOTHING', names, db),
    stmt(directory, 'SELECT username FROM login_placements WHERE db <> ?2 AND username IN (SELECT value FROM json_each(?1))', names, db),
  ]);
  return taken!.results.map((r) => r.username);
}

/** The database's size in bytes as D1 reports it after a statement (null where it does not: wrangler's local CLI). */
export async function databaseSize(db: Db): Promise<number | null> {
  const r = await stmt(db, 'SELECT 1 AS one').run();
  const size = (r.meta as { size_after?: number }).size_after;
  return typeof size === 'number' ? size : null;
}
