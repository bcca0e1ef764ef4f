// Sessions: their SQL and row mappers — creating, looking up by token hash, sliding, revoking,
// and a user's own list of signed-in devices. Tokens and lifetimes are lib/session.ts's.
import type { SessionInfo } from '../../../shared/schemas/auth';
import type { SessionUser } from '../env';
import { stmt, type Db } from '../lib/d1';

interface SessionRow {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
}

/** Live sessions (not revoked, not expired), most recently used first. */
export async function listActiveSessions(db: Db, userId: string, currentId: string, now: Date): Promise<SessionInfo[]> {
  const { results } = await stmt(
    db,
    `SELECT id, created_at, last_seen_at, expires_at, user_agent, ip FROM sessions
      WHERE user_id = ?1 AND revoked_at IS NULL AND expires_at > ?2
      ORDER BY last_seen_at DESC, created_at DESC`,
    userId,
    now.toISOString(),
  ).all<SessionRow>();
  return results.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    ip: r.ip,
    current: r.id === currentId,
  }));
}

export async function isActiveSessionOf(db: Db, sessionId: string, userId: string, now: Date): Promise<boolean> {
  const row = await stmt(
    db,
    'SELECT 1 AS one FROM sessions WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL AND expires_at > ?3',
    sessionId,
    userId,
    now.toISOString(),
  ).first();
  return row !== null;
}

/**
 * After a password change: every other session of the user ends. Guarded by the new password
 * hash so it does nothing when the change itself lost a race.
 */
export function revokeOtherSessionsStatement(db: Db, userId: string, keepSessionId: string, newHash: string, now: Date): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE sessions SET revoked_at = ?3
      WHERE user_id = ?1 AND id <> ?2 AND revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM users WHERE id = ?1 AND password_hash = ?4)`,
    userId,
    keepSessionId,
    now.toISOString(),
    newHash,
  );
}

export function insertSessionStatement(
  db: Db,
  s: { tokenHash: string; id: string; userId: string; now: Date; expiresAt: string; userAgent: string | null; ip: string | null },
): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO sessions (token_hash, id, user_id, created_at, last_seen_at, expires_at, user_agent, ip)
     VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7)`,
    s.tokenHash,
    s.id,
    s.userId,
    s.now.toISOString(),
    s.expiresAt,
    s.userAgent,
    s.ip,
  );
}

export interface LiveSessionRow {
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

/** The session with this token hash and its user: not revoked, not expired, created after `createdAfter`, user enabled. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date, createdAfter: Date): Promise<LiveSessionRow | null> {
  return stmt(
    db,
    `SELECT s.id AS session_id, s.created_at, s.last_seen_at, u.id AS user_id, u.username, u.display_name, u.role,
            u.org_id, u.unit_id, u.leader_id, u.must_change_password
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2 AND s.created_at > ?3 AND u.disabled = 0`,
    tokenHash,
    now.toISOString(),
    createdAfter.toISOString(),
  ).first<LiveSessionRow>();
}

export async function slideSession(db: Db, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await stmt(db, 'UPDATE sessions SET last_seen_at = ?2, expires_at = ?3 WHERE token_hash = ?1', tokenHash, now.toISOString(), expiresAt.toISOString()).run();
}

export function revokeSessionStatement(db: Db, sessionId: string, userId: string, now: Date): D1PreparedStatement {
  return stmt(db, 'UPDATE sessions SET revoked_at = ?3 WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL', sessionId, userId, now.toISOString());
}

export function revokeAllSessionsStatement(db: Db, userId: string, now: Date): D1PreparedStatement {
  return stmt(db, 'UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL', userId, now.toISOString());
}
