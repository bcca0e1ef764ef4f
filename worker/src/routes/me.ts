// The signed-in user (GET /api/me) and the devices they are signed in on (sessions).
import { Hono } from 'hono';
import { SessionParam } from '../../../shared/schemas/auth';
import type { AppEnv } from '../env';
import { isActiveSessionOf, listActiveSessions, revokeSessionStatement } from '../db/sessions';
import { getMe } from '../db/users';
import { auditStatement } from '../db/audit';
import { notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { clearSessionCookie, requireSession } from '../middleware/auth';

export const me = new Hono<AppEnv>()
  .get('/', requireSession, async (c) => c.json(await getMe(c.env.DB, c.var.user)))
  /** The devices this user is signed in on. */
  .get('/sessions', requireSession, async (c) => {
    const user = c.var.user;
    return c.json({ sessions: await listActiveSessions(c.env.DB, user.id, user.sessionId, c.var.now()) });
  })
  /** Sign out one device (this one too, if chosen). Another user's session is simply not found. */
  .delete('/sessions/:id', requireSession, validate('param', SessionParam), async (c) => {
    const user = c.var.user;
    const { id } = c.req.valid('param');
    const db = c.env.DB;
    const now = c.var.now();
    if (!(await isActiveSessionOf(db, id, user.id, now))) throw notFound('未找到该登录设备');
    await db.batch([
      revokeSessionStatement(db, id, user.id, now),
      auditStatement(db, { orgId: user.orgId, userId: user.id, action: 'session_revoke', entityType: 'user', entityId: user.id, summary: `退出登录设备 ${id}` }, now),
    ]);
    if (id === user.sessionId) clearSessionCookie(c);
    return c.json({ ok: true, current: id === user.sessionId });
  });
