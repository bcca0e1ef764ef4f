// Sign-in throttle in D1 (OWASP: slow guessing down without letting anyone lock others out).
//
// - One account from one address ('pair:<name>|<net>'): the first 4 failures are free (typos);
//   the 5th and each later one block that pair for a growing delay — 30 s, 1, 2, 4, 8 min, then
//   15 min per failure. The owner on another address, or on a device that signed in from this
//   one before, is not affected: a stranger cannot lock an account (the old rule locked it for
//   everybody after 5 failures, renewable forever).
// - One address ('net:<net>', IPv6 counted per /64, lib/address.ts): 20 failures across any
//   accounts are free (a whole office behind one NAT typing), then the same growing delay — but
//   only for accounts that have not signed in from this address before (login_known, 90 days).
//   Colleagues behind the same NAT with a correct password are never refused for someone
//   else's failures; a sprayer trying many names from one address is slowed down.
// A key with no failure for an hour starts again at zero. Unknown usernames are counted exactly
// like real ones, so a delay reveals nothing about which accounts exist.
import { jsonList, stmt, type Db } from '../lib/d1';

export const FREE_FAILURES_PER_PAIR = 4;
export const FREE_FAILURES_PER_NET = 20;
export const FIRST_DELAY_MS = 30 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** Failures older than this (since the last one) are forgotten. */
export const FORGET_AFTER_MS = 3600 * 1000;
/** How long a successful sign-in makes an account "known" at an address. */
export const KNOWN_FOR_MS = 90 * 24 * 3600 * 1000;

const name = (username: string) => username.trim().toLowerCase();
const accountPrefix = (username: string) => `pair:${name(username)}|`;
export const pairKey = (username: string, net: string) => `${accountPrefix(username)}${net}`;
export const netKey = (net: string) => `net:${net}`;
const knownKey = (username: string, net: string) => `${name(username)}|${net}`;

/** The delay after `failures` failures where `free` are allowed without one. */
export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - free - 1));
}

/**
 * When the caller may try again (ms epoch), or null when it may try now: the pair's delay, and
 * the address's delay unless the account is known at this address.
 */
export async function blockedUntil(db: Db, username: string, net: string, now: Date): Promise<number | null> {
  const [blocks, known] = await db.batch<{ key: string; blocked_until: string }>([
    stmt(
      db,
      `SELECT key, blocked_until FROM login_attempts
        WHERE key IN (SELECT value FROM json_each(?1)) AND blocked_until > ?2`,
      jsonList([pairKey(username, net), netKey(net)]),
      now.toISOString(),
    ),
    stmt(db, 'SELECT key FROM login_known WHERE key = ?1 AND last_at > ?2', knownKey(username, net), new Date(now.getTime() - KNOWN_FOR_MS).toISOString()),
  ]);
  const isKnown = known!.results.length > 0;
  const until = blocks!.results.filter((b) => !(isKnown && b.key === netKey(net))).map((b) => Date.parse(b.blocked_until));
  return until.length ? Math.max(...until) : null;
}

/**
 * Counts one failure for the pair and (on sign-in) the address; each statement returns the
 * key's new blocked_until. The delay is computed in SQL from the new count, so concurrent
 * failures each count.
 */
export function recordFailureStatements(db: Db, username: string, net: string, now: Date, opts: { pairOnly?: boolean } = {}): D1PreparedStatement[] {
  const at = now.toISOString();
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  const keys: Array<[string, number]> = [[pairKey(username, net), FREE_FAILURES_PER_PAIR]];
  if (!opts.pairOnly) keys.push([netKey(net), FREE_FAILURES_PER_NET]);
  const count = `CASE WHEN login_attempts.last_at <= ?3 THEN 1 ELSE login_attempts.failures + 1 END`;
  // delayAfter() in SQL: 0 up to `free`, then FIRST_DELAY × 2^(n − free − 1), at most MAX_DELAY.
  const delayMs = (n: string) =>
    `CASE WHEN ${n} <= ?4 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ?2, '+' || (MIN(?6, ?5 * (1 << MIN(30, ${n} - ?4 - 1))) / 1000.0) || ' seconds') END`;
  return keys.map(([key, free]) =>
    stmt(
      db,
      `INSERT INTO login_attempts (key, failures, last_at, blocked_until) VALUES (?1, 1, ?2, ${delayMs('1')})
       ON CONFLICT(key) DO UPDATE SET failures = ${count}, last_at = ?2, blocked_until = ${delayMs(count)}
       RETURNING key, blocked_until`,
      key,
      at,
      forgotten,
      free,
      FIRST_DELAY_MS,
      MAX_DELAY_MS,
    ),
  );
}

/** The latest blocked_until the failure statements set (ms epoch), or null. */
export function newBlock(results: readonly D1Result[]): number | null {
  const until = results.flatMap((r) => (r.results as Array<{ blocked_until: string | null }>).map((x) => x.blocked_until)).filter((u): u is string => !!u);
  return until.length ? Math.max(...until.map(Date.parse)) : null;
}

/** Housekeeping run with each failure, so sprayed usernames do not pile up forever. */
export function forgetOldAttemptsStatements(db: Db, now: Date): D1PreparedStatement[] {
  return [
    stmt(db, 'DELETE FROM login_attempts WHERE last_at < ?1 AND (blocked_until IS NULL OR blocked_until < ?2)', new Date(now.getTime() - 24 * 3600 * 1000).toISOString(), now.toISOString()),
    stmt(db, 'DELETE FROM login_known WHERE last_at < ?1', new Date(now.getTime() - KNOWN_FOR_MS).toISOString()),
  ];
}

/** A successful sign-in: the pair starts again, and the account is known at this address. */
export function signedInStatements(db: Db, username: string, net: string, now: Date): D1PreparedStatement[] {
  return [
    stmt(db, 'DELETE FROM login_attempts WHERE key = ?1', pairKey(username, net)),
    stmt(db, 'INSERT INTO login_known (key, last_at) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET last_at = ?2', knownKey(username, net), now.toISOString()),
  ];
}

/** Every delay of one account, from every address (an admin reset its password). */
export function clearAccountStatement(db: Db, username: string): D1PreparedStatement {
  const prefix = accountPrefix(username);
  return stmt(db, 'DELETE FROM login_attempts WHERE substr(key, 1, length(?1)) = ?1', prefix);
}
