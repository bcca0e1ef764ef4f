// Session tokens: 32 random bytes, only their SHA-256 stored; 30-day sliding expiry within an
// absolute lifetime of 90 days (ASVS 7.3.2).
//
// Why these numbers, with the field phone in mind: a unit reports monthly (by the 25th), so it
// opens the app at least every month and the 30-day idle limit never bites; quarterly units open
// it for the reminders. The absolute end asks for the password once a quarter — at most three
// sign-ins a year, never more often than a quarterly report. Should it fall while reports wait
// offline, nothing is lost: the outbox keeps them and pauses on 401 (pwa/src/outbox/policy.ts),
// sign-in keeps the outbox, and it resumes afterwards. The app warns from 7 days before the end
// (GET /api/me: sessionEndsAt) so the unit signs in again while it has a network.
// The SQL is in db/sessions.ts.
import { findLiveSession, insertSessionStatement, slideSession } from '../db/sessions';
import { randomHex, sha256Hex } from './crypto';
import type { SessionUser } from '../env';
import type { Db } from './d1';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 90 * 24 * 3600 * 1000;
/** Extend a session at most once an hour, so reads do not turn into writes. */
const SLIDE_AFTER_MS = 3600 * 1000;

export const SESSION_COOKIE_HTTP = 'duban_session';
export const SESSION_COOKIE_HTTPS = '__Host-duban_session';

export interface NewSession {
  token: string;
  id: string;
  expiresAt: string;
}

export async function createSessionStatement(
  db: Db,
  userId: string,
  now: Date,
  meta: { userAgent?: string | null; ip?: string | null },
): Promise<{ session: NewSession; statement: D1PreparedStatement }> {
  const token = randomHex(32);
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  const statement = insertSessionStatement(db, {
    tokenHash: await sha256Hex(token),
    id,
    userId,
    now,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { session: { token, id, expiresAt }, statement };
}

/** The user behind a token, or null if the session is unknown, revoked, expired or disabled. */
export async function lookupSession(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const tokenHash = await sha256Hex(token);
  const row = await findLiveSession(db, tokenHash, now, new Date(now.getTime() - SESSION_ABSOLUTE_MS));
  if (!row) return null;
  const absoluteEnd = Date.parse(row.created_at) + SESSION_ABSOLUTE_MS;
  if (now.getTime() - Date.parse(row.last_seen_at) > SLIDE_AFTER_MS) {
    await slideSession(db, tokenHash, now, new Date(Math.min(now.getTime() + SESSION_TTL_MS, absoluteEnd)));
  }
  return {
    id: row.user_id,
    sessionId: row.session_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgId: row.org_id,
    unitId: row.unit_id,
    leaderId: row.leader_id,
    mustChangePassword: row.must_change_password === 1,
    sessionEndsAt: new Date(absoluteEnd).toISOString(),
  };
}
