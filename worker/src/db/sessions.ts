// A user's own sessions (signed-in devices): SQL and row mappers. Creating, looking up and
// revoking by token live in lib/session.ts.
import type { SessionInfo } from '../../../shared/schemas/auth';
import { stmt } from '../lib/d1';

interface SessionRow {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
}

/** Live sessions (not revoked, not expired), most recently used first. */
export async function listActiveSessions(db: D1Database, userId: string, currentId: string, now: Date): Promise<SessionInfo[]> {
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

export async function isActiveSessionOf(db: D1Database, sessionId: string, userId: string, now: Date): Promise<boolean> {
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
export function revokeOtherSessionsStatement(db: D1Database, userId: string, keepSessionId: string, newHash: string, now: Date): D1PreparedStatement {
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
