// The change log behind GET /api/sync (migration 0003: sync_counter, sync_changes, triggers).
import { jsonList, stmt } from '../lib/d1';

export type SyncEntity = 'plan' | 'item' | 'report' | 'instruction';

export interface ChangeRow {
  entity: SyncEntity;
  entity_id: string;
  seq: number;
}

export interface ChangePage {
  /** Counter value when the page was read: everything up to it is committed. */
  counter: number;
  rows: ChangeRow[];
  /** The last seq this page covers completely. */
  upto: number;
  hasMore: boolean;
}

/**
 * Changes of an organisation after `since`, at most about `limit` of them. For a unit
 * (`unitId` set) reports and instructions only of the tasks it carries; plans and items all.
 * Rows sharing one seq (one statement touching many entities) are never split across pages.
 */
export async function changePage(db: D1Database, orgId: string, unitId: string | null, since: number, limit: number): Promise<ChangePage> {
  const scope = `org_id = ?1 AND (?3 IS NULL OR entity IN ('plan', 'item')
                  OR item_id IN (SELECT item_id FROM item_units WHERE unit_id = ?3))`;
  // One batch is one transaction: the counter and the rows are read from the same snapshot.
  const [counter, rows] = await db.batch<unknown>([
    stmt(db, 'SELECT value FROM sync_counter WHERE id = 1'),
    stmt(db, `SELECT entity, entity_id, seq FROM sync_changes WHERE ${scope} AND seq > ?2 ORDER BY seq LIMIT ?4`, orgId, since, unitId, limit + 1),
  ]);
  const value = (counter!.results as { value: number }[])[0]?.value ?? 0;
  const all = rows!.results as ChangeRow[];
  if (all.length <= limit) return { counter: value, rows: all, upto: value, hasMore: false };
  const cut = all[limit]!.seq;
  const kept = all.filter((r) => r.seq < cut);
  if (kept.length > 0) return { counter: value, rows: kept, upto: cut - 1, hasMore: true };
  // Every row of the page shares one seq: take that whole seq, however many rows.
  const { results } = await stmt(db, `SELECT entity, entity_id, seq FROM sync_changes WHERE ${scope} AND seq = ?2`, orgId, cut, unitId).all<ChangeRow>();
  return { counter: value, rows: results, upto: cut, hasMore: cut < value };
}

/** Existing items among these ids, with their plan (to load them plan by plan). */
export async function itemPlans(db: D1Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { results } = await stmt(db, 'SELECT id, plan_id FROM items WHERE id IN (SELECT value FROM json_each(?1))', jsonList(ids)).all<{
    id: string;
    plan_id: string;
  }>();
  return new Map(results.map((r) => [r.id, r.plan_id]));
}

/** Which of these items the unit carries (lead, co or area). */
export async function carriedItems(db: D1Database, unitId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { results } = await stmt(
    db,
    'SELECT DISTINCT item_id FROM item_units WHERE unit_id = ?1 AND item_id IN (SELECT value FROM json_each(?2))',
    unitId,
    jsonList(ids),
  ).all<{ item_id: string }>();
  return new Set(results.map((r) => r.item_id));
}

/** Which of these reports still exist (whoever may read them). */
export async function existingReportIds(db: D1Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { results } = await stmt(db, 'SELECT id FROM reports WHERE id IN (SELECT value FROM json_each(?1))', jsonList(ids)).all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}
