// The change log behind the sync route, routes/sync.ts (migration 0003: sync_counter, sync_changes, triggers).
import { jsonList, stmt, type Db } from '../lib/d1';

export type SyncEntity = 'plan' | 'item' | 'report' | 'instruction';

export interface ChangeRow {
  entity: SyncEntity;
  entity_id: string;
  seq: number;
  /** Reports: submitted at least once when last changed (leaders could read it). */
  shared: number;
  /**
   * A unit's report rows that may be a removal when the report is no longer readable: its own
   * reports, and those it lost the right to read (sync_revoked). A deleted report of another unit
   * is told as a removal by its sync_revoked rows, to exactly the units that could read it.
   */
  removable: number;
}

export interface ChangePage {
  /** Counter value when the page was read: everything up to it is committed. */
  counter: number;
  rows: ChangeRow[];
  /** The last seq this page covers completely. */
  upto: number;
  hasMore: boolean;
}

// ?1 org, ?2 after this seq, ?3 up to this seq, ?4 at most this many rows, ?5 the unit.
const ORG_CHANGES = `SELECT entity, entity_id, seq, shared, 0 AS removable FROM sync_changes
  WHERE org_id = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq LIMIT ?4`;

/**
 * A unit's changes walk only the index ranges it may read (migration 0007): plans and items of
 * its organisation, instructions on the tasks it carries, every shared report of the tasks it
 * leads, the lead units' shared reports of the tasks it co-carries, its own reports, and the
 * reports it lost the right to read. The twin of VISIBLE_REPORT_SQL: change both together.
 * Two nested groups: D1 allows at most 5 terms in one compound SELECT. INDEXED BY and CROSS JOIN
 * pin the plan: without table statistics SQLite walked whole tasks instead of the ranges.
 */
const UNIT_CHANGES = `WITH mine AS (SELECT item_id, MAX(role = 'lead') AS leads FROM item_units WHERE unit_id = ?5 GROUP BY item_id)
  SELECT * FROM (
  SELECT entity, entity_id, seq, shared, 0 AS removable FROM sync_changes INDEXED BY sync_changes_org_entity_seq
   WHERE org_id = ?1 AND entity IN ('plan', 'item') AND seq > ?2 AND seq <= ?3
  UNION ALL
  SELECT c.entity, c.entity_id, c.seq, c.shared, 0 FROM mine m JOIN sync_changes c INDEXED BY sync_changes_item_entity_seq
      ON c.item_id = m.item_id AND c.entity = 'instruction' AND c.seq > ?2 AND c.seq <= ?3
  UNION ALL
  SELECT c.entity, c.entity_id, c.seq, c.shared, 0 FROM mine m JOIN sync_changes c INDEXED BY sync_changes_item_entity_seq
      ON c.item_id = m.item_id AND c.entity = 'report' AND c.seq > ?2 AND c.seq <= ?3
   WHERE m.leads = 1 AND c.shared = 1 AND c.unit_id <> ?5)
  UNION ALL
  SELECT * FROM (
  SELECT c.entity, c.entity_id, c.seq, c.shared, 0 FROM mine m
    CROSS JOIN item_units l ON l.item_id = m.item_id AND l.role = 'lead' AND l.unit_id <> ?5
    CROSS JOIN sync_changes c INDEXED BY sync_changes_item_unit_seq
      ON c.item_id = m.item_id AND c.unit_id = l.unit_id AND c.seq > ?2 AND c.seq <= ?3
   WHERE m.leads = 0 AND c.entity = 'report' AND c.shared = 1
  UNION ALL
  SELECT entity, entity_id, seq, shared, 1 FROM sync_changes INDEXED BY sync_changes_unit_seq
   WHERE unit_id = ?5 AND seq > ?2 AND seq <= ?3 AND entity = 'report'
  UNION ALL
  SELECT 'report', report_id, seq, 1, 1 FROM sync_revoked WHERE unit_id = ?5 AND seq > ?2 AND seq <= ?3)
  ORDER BY seq LIMIT ?4`;

/**
 * Changes of an organisation after `since`, at most about `limit` of them. For a unit
 * (`unitId` set) only what it may read, or could and no longer can; for the other roles all.
 * Rows sharing one seq (one statement touching many entities) are never split across pages.
 */
export async function changePage(db: Db, orgId: string, unitId: string | null, since: number, limit: number): Promise<ChangePage> {
  const sql = unitId === null ? ORG_CHANGES : UNIT_CHANGES;
  const page = (after: number, upto: number, n: number) => stmt(db, sql, orgId, after, upto, n, ...(unitId === null ? [] : [unitId]));
  // One batch is one transaction: the counter and the rows are read from the same snapshot.
  const [counter, rows] = await db.batch<unknown>([
    stmt(db, 'SELECT value FROM sync_counter WHERE id = 1'),
    page(since, Number.MAX_SAFE_INTEGER, limit + 1),
  ]);
  const value = (counter!.results as { value: number }[])[0]?.value ?? 0;
  const all = rows!.results as ChangeRow[];
  if (all.length <= limit) return { counter: value, rows: all, upto: value, hasMore: false };
  const cut = all[limit]!.seq;
  const kept = all.filter((r) => r.seq < cut);
  if (kept.length > 0) return { counter: value, rows: kept, upto: cut - 1, hasMore: true };
  // Every row of the page shares one seq: take that whole seq, however many rows.
  const { results } = await page(cut - 1, cut, -1).all<ChangeRow>();
  return { counter: value, rows: results, upto: cut, hasMore: cut < value };
}

/** Existing items among these ids, with their plan (to load them plan by plan). */
export async function itemPlans(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { results } = await stmt(db, 'SELECT id, plan_id FROM items WHERE id IN (SELECT value FROM json_each(?1))', jsonList(ids)).all<{
    id: string;
    plan_id: string;
  }>();
  return new Map(results.map((r) => [r.id, r.plan_id]));
}

/** Which of these items the unit carries (lead, co or area). */
export async function carriedItems(db: Db, unitId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { results } = await stmt(
    db,
    'SELECT DISTINCT item_id FROM item_units WHERE unit_id = ?1 AND item_id IN (SELECT value FROM json_each(?2))',
    unitId,
    jsonList(ids),
  ).all<{ item_id: string }>();
  return new Set(results.map((r) => r.item_id));
}
