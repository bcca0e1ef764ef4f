// Sign-in, sign-out and the signed-in user.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginBody } from '../../../shared/schemas/auth';
import type { AppEnv } from '../env';
import { findCredentials, getMe } from '../db/users';
import { auditStatement } from '../lib/audit';
import { ApiError } from '../lib/errors';
import { verifyPassword } from '../lib/password';
import { createSessionStatement, revokeSessionStatement, SESSION_TTL_MS } from '../lib/session';
import { validate } from '../lib/validate';
import { isHttps, requireSession, sessionCookieName } from '../middleware/auth';

const badCredentials = () => new ApiError(401, 'unauthorized', '用户名或密码错误');

export const auth = new Hono<AppEnv>()
  .post('/login', validate('json', LoginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const now = c.var.now();
    const creds = await findCredentials(c.env.DB, username);
    // Hash even for an unknown user so timing does not reveal which usernames exist.
    const ok = creds
      ? await verifyPassword(password, creds.password)
      : await verifyPassword(password, { hash: '00', salt: '00', iterations: 100_000 }).then(() => false);
    if (!creds || !ok || creds.disabled) throw badCredentials();
    const { session, statement } = await createSessionStatement(c.env.DB, creds.id, now, {
      userAgent: c.req.header('user-agent'),
      ip: c.req.header('cf-connecting-ip'),
    });
    await c.env.DB.batch([
      statement,
      auditStatement(c.env.DB, { orgId: creds.orgId, userId: creds.id, action: 'login', entityType: 'user', entityId: creds.id }, now),
    ]);
    setCookie(c, sessionCookieName(c), session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.json({ ok: true });
  })
  .post('/logout', requireSession, async (c) => {
    const user = c.var.user!;
    const now = c.var.now();
    await c.env.DB.batch([
      revokeSessionStatement(c.env.DB, user.sessionId, user.id, now),
      auditStatement(c.env.DB, { orgId: user.orgId, userId: user.id, action: 'logout', entityType: 'user', entityId: user.id }, now),
    ]);
    deleteCookie(c, sessionCookieName(c), { path: '/', secure: isHttps(c) });
    return c.json({ ok: true });
  });

export const me = new Hono<AppEnv>().get('/', requireSession, async (c) => c.json(await getMe(c.env.DB, c.var.user!)));
