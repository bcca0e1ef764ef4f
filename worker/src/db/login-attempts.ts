// Brute-force counters in D1: 5 failed sign-ins for an account ('user:<name>') or from an address
// ('ip:<addr>') within 15 minutes lock it for 15 minutes. Unknown usernames are counted and
// locked exactly like real ones, so a lock reveals nothing about which accounts exist.
import { jsonList, stmt } from '../lib/d1';

/**
 * Failures before a lock. Per address too, as the issue asks — note that a whole office behind one
 * NAT address shares that count; raise MAX_FAILURES_PER_ADDRESS if that bites.
 */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** Failures older than this are forgotten. */
export const WINDOW_MS = 15 * 60 * 1000;
/** Counters untouched for this long are deleted (they only matter for 15 minutes). */
const KEEP_MS = 24 * 3600 * 1000;

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The latest lock among these keys that is still running, or null. */
export async function lockedUntil(db: D1Database, keys: readonly string[], now: Date): Promise<string | null> {
  const row = await stmt(
    db,
    `SELECT MAX(locked_until) AS until FROM login_attempts
      WHERE key IN (SELECT value FROM json_each(?1)) AND locked_until > ?2`,
    jsonList(keys),
    now.toISOString(),
  ).first<{ until: string | null }>();
  return row?.until ?? null;
}

/**
 * Counts one failure per key (a new window when the last one is over or a lock has run out);
 * the failure that reaches the limit sets the lock. Each statement returns `locked_until`.
 */
export function recordFailureStatements(db: D1Database, keys: readonly string[], now: Date): D1PreparedStatement[] {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const lockEnd = new Date(now.getTime() + LOCK_MS).toISOString();
  const fresh = `(login_attempts.first_at <= ?3 OR (login_attempts.locked_until IS NOT NULL AND login_attempts.locked_until <= ?2))`;
  return keys.map((key) =>
    stmt(
      db,
      `INSERT INTO login_attempts (key, failures, first_at, locked_until)
       VALUES (?1, 1, ?2, CASE WHEN ?5 <= 1 THEN ?4 END)
       ON CONFLICT(key) DO UPDATE SET
         failures = CASE WHEN ${fresh} THEN 1 ELSE login_attempts.failures + 1 END,
         first_at = CASE WHEN ${fresh} THEN ?2 ELSE login_attempts.first_at END,
         locked_until = CASE WHEN ${fresh} THEN NULL
                             WHEN login_attempts.failures + 1 >= ?5 THEN ?4
                             ELSE login_attempts.locked_until END
       RETURNING locked_until`,
      key,
      at,
      windowStart,
      lockEnd,
      key.startsWith('ip:') ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES_PER_ACCOUNT,
    ),
  );
}

/** Housekeeping run with each failure, so sprayed usernames do not pile up forever. */
export function forgetOldAttemptsStatement(db: D1Database, now: Date): D1PreparedStatement {
  const cutoff = new Date(now.getTime() - KEEP_MS).toISOString();
  return stmt(
    db,
    'DELETE FROM login_attempts WHERE first_at < ?1 AND (locked_until IS NULL OR locked_until < ?2)',
    cutoff,
    now.toISOString(),
  );
}

/** True when any of the batch results (from recordFailureStatements) set a lock. */
export function anyLocked(results: readonly D1Result[]): boolean {
  return results.some((r) => (r.results as Array<{ locked_until: string | null }>)[0]?.locked_until != null);
}

export function clearAttemptsStatement(db: D1Database, key: string): D1PreparedStatement {
  return stmt(db, 'DELETE FROM login_attempts WHERE key = ?1', key);
}
