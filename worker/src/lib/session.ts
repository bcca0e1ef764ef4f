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
import { randomHex, sha256Hex } from './crypto';
import type { SessionUser } from '../env';

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
  db: D1Database,
  userId: string,
  now: Date,
  meta: { userAgent?: string | null; ip?: string | null },
): Promise<{ session: NewSession; statement: D1PreparedStatement }> {
  const token = randomHex(32);
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  const statement = db
    .prepare(
      `INSERT INTO sessions (token_hash, id, user_id, created_at, last_seen_at, expires_at, user_agent, ip)
       VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7)`,
    )
    .bind(await sha256Hex(token), id, userId, now.toISOString(), expiresAt, meta.userAgent?.slice(0, 300) ?? null, meta.ip ?? null);
  return { session: { token, id, expiresAt }, statement };
}

interface SessionRow {
  session_id: string;
  created_at: string;
  last_seen_at: string;
  user_id: string;
  username: string;
  display_name: string;
  role: SessionUser['role'];
  org_id: string | null;
  unit_id: string | null;
  leader_id: string | null;
  must_change_password: number;
}

/** The user behind a token, or null if the session is unknown, revoked, expired or disabled. */
export async function lookupSession(db: D1Database, token: string, now: Date): Promise<SessionUser | null> {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const tokenHash = await sha256Hex(token);
  const row = await db
    .prepare(
      `SELECT s.id AS session_id, s.created_at, s.last_seen_at, u.id AS user_id, u.username, u.display_name, u.role,
              u.org_id, u.unit_id, u.leader_id, u.must_change_password
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2 AND s.created_at > ?3 AND u.disabled = 0`,
    )
    .bind(tokenHash, now.toISOString(), new Date(now.getTime() - SESSION_ABSOLUTE_MS).toISOString())
    .first<SessionRow>();
  if (!row) return null;
  const absoluteEnd = Date.parse(row.created_at) + SESSION_ABSOLUTE_MS;
  if (now.getTime() - Date.parse(row.last_seen_at) > SLIDE_AFTER_MS) {
    await db
      .prepare('UPDATE sessions SET last_seen_at = ?2, expires_at = ?3 WHERE token_hash = ?1')
      .bind(tokenHash, now.toISOString(), new Date(Math.min(now.getTime() + SESSION_TTL_MS, absoluteEnd)).toISOString())
      .run();
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

export function revokeSessionStatement(db: D1Database, sessionId: string, userId: string, now: Date): D1PreparedStatement {
  return db
    .prepare('UPDATE sessions SET revoked_at = ?3 WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL')
    .bind(sessionId, userId, now.toISOString());
}

export function revokeAllSessionsStatement(db: D1Database, userId: string, now: Date): D1PreparedStatement {
  return db
    .prepare('UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL')
    .bind(userId, now.toISOString());
}
