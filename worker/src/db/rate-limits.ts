// Fixed-window counters for throttles that are not about passwords (verification look-ups).
// One UPSERT per hit: D1 has no transactions to read-then-write in, and this needs none.
import { stmt, type Db } from '../lib/d1';

export interface Limit {
  /** Hits allowed per window. */
  max: number;
  windowMs: number;
}

/** Counts a hit; null when allowed, else the seconds until the window ends (for Retry-After). */
export async function hitLimit(db: Db, key: string, limit: Limit, now: Date): Promise<number | null> {
  const at = now.toISOString();
  const windowOpen = new Date(now.getTime() - limit.windowMs).toISOString();
  const [, hit] = await db.batch<{ hits: number; window_start: string }>([
    // Housekeeping: windows over for a day are gone (the key space is user ids and addresses).
    stmt(db, 'DELETE FROM rate_limits WHERE window_start < ?1', new Date(now.getTime() - 24 * 3600 * 1000).toISOString()),
    stmt(
      db,
      `INSERT INTO rate_limits (key, hits, window_start) VALUES (?1, 1, ?2)
       ON CONFLICT(key) DO UPDATE SET
         hits = CASE WHEN rate_limits.window_start <= ?3 THEN 1 ELSE rate_limits.hits + 1 END,
         window_start = CASE WHEN rate_limits.window_start <= ?3 THEN ?2 ELSE rate_limits.window_start END
       RETURNING hits, window_start`,
      key,
      at,
      windowOpen,
    ),
  ]);
  const row = hit!.results[0]!;
  if (row.hits <= limit.max) return null;
  return Math.max(1, Math.ceil((Date.parse(row.window_start) + limit.windowMs - now.getTime()) / 1000));
}
