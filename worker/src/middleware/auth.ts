// Who is calling, and the guards every route declares. Permission checks live here and in
// the scope helpers, never ad hoc in handlers.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../../shared/schemas/auth';
import type { AppEnv, SessionUser } from '../env';
import { ApiError, forbidden, unauthorized } from '../lib/errors';
import { lookupSession, SESSION_COOKIE_HTTP, SESSION_COOKIE_HTTPS } from '../lib/session';

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

export function sessionCookieName(c: Context): string {
  return isHttps(c) ? SESSION_COOKIE_HTTPS : SESSION_COOKIE_HTTP;
}

/** Resolves the session cookie into `c.var.user` (null when absent or invalid). */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, sessionCookieName(c));
  c.set('user', token ? await lookupSession(c.env.DB, token, c.var.now()) : null);
  await next();
};

/** Signed in, with the initial password already changed. */
export const requireUser = createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
  const user = c.var.user;
  if (!user) throw unauthorized();
  if (user.mustChangePassword) {
    throw new ApiError(403, 'password_change_required', '首次登录请先修改初始密码');
  }
  await next();
});

/** Signed in (even with a password still to change): for /me, logout and password change. */
export const requireSession = createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
  if (!c.var.user) throw unauthorized();
  await next();
});

/** One of these roles. The super-admin passes every role check. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
    const user = c.var.user;
    if (!user) throw unauthorized();
    if (user.role !== 'superadmin' && !roles.includes(user.role)) throw forbidden();
    await next();
  });
}

/** The organisation a user acts in; throws for a super-admin who has not chosen one. */
export function orgOf(user: SessionUser, requested?: string | null): string {
  if (user.role === 'superadmin') {
    if (!requested) throw forbidden('请先选择单位');
    return requested;
  }
  if (!user.orgId) throw forbidden();
  if (requested && requested !== user.orgId) throw forbidden();
  return user.orgId;
}
