// Who is calling, and the guards every route declares. Permission checks live here and in
// the scope helpers, never ad hoc in handlers.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../../shared/schemas/auth';
import type { AppEnv, SessionUser } from '../env';
import { parseSessionCookie, sessionCookieValue } from '../lib/databases';
import { ApiError, forbidden, unauthorized } from '../lib/errors';
import { lookupSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE_HTTP, SESSION_COOKIE_HTTPS } from '../lib/session';

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** `__Host-duban_session` over HTTPS (Secure, no Domain, Path=/), `duban_session` on plain local HTTP. */
export function sessionCookieName(c: Context): string {
  return isHttps(c) ? SESSION_COOKIE_HTTPS : SESSION_COOKIE_HTTP;
}

/**
 * The browser keeps the cookie for the absolute lifetime; the server ends the session earlier when
 * it is idle for 30 days (a cookie set for 30 days at sign-in would end a session still in use).
 * HttpOnly, SameSite=Lax; over HTTPS hono's `prefix: 'host'` adds __Host-, Secure and Path=/. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  // The session lives on the request's database; the cookie says which (lib/databases.ts).
  const value = sessionCookieValue(c.var.databases?.index ?? 0, token);
  const opts = { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000) } as const;
  if (isHttps(c)) setCookie(c, SESSION_COOKIE_HTTP, value, { ...opts, prefix: 'host' });
  else setCookie(c, SESSION_COOKIE_HTTP, value, opts);
}

export function clearSessionCookie(c: Context): void {
  if (isHttps(c)) deleteCookie(c, SESSION_COOKIE_HTTP, { path: '/', prefix: 'host', httpOnly: true, sameSite: 'Lax' });
  else deleteCookie(c, SESSION_COOKIE_HTTP, { path: '/', httpOnly: true, sameSite: 'Lax' });
}

/** The caller's address as Cloudflare saw it (absent when running without Cloudflare in front). */
export function clientIp(c: Context): string | null {
  const ip = c.req.header('cf-connecting-ip')?.trim();
  return ip ? ip.slice(0, 64) : null;
}

/** The session cookie's value, if the request carries one. */
export function readSessionCookie(c: Context): string | undefined {
  return isHttps(c) ? getCookie(c, SESSION_COOKIE_HTTP, 'host') : getCookie(c, SESSION_COOKIE_HTTP);
}

/** Resolves the session cookie into `c.var.user` (null when absent or invalid). */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const cookie = readSessionCookie(c);
  // middleware/database.ts already put the request on the cookie's database.
  const token = cookie ? parseSessionCookie(cookie)?.token : null;
  c.set('user', token ? await lookupSession(c.env.DB, token, c.var.now()) : null);
  await next();
};

const passwordChangeRequired = () => new ApiError(403, 'password_change_required', '首次登录请先修改初始密码');

/** Signed in, with the initial password already changed. */
export const requireUser = createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
  const user = c.var.user;
  if (!user) throw unauthorized();
  if (user.mustChangePassword) throw passwordChangeRequired();
  await next();
});

/** Signed in (even with a password still to change): for /me, logout and password change. */
export const requireSession = createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
  if (!c.var.user) throw unauthorized();
  await next();
});

/**
 * One of these roles, signed in with the initial password changed (so requireRole alone is
 * enough). The super-admin passes every role check.
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
    const user = c.var.user;
    if (!user) throw unauthorized();
    if (user.mustChangePassword) throw passwordChangeRequired();
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

/** Like orgOf, but a super-admin without a choice means every organisation (null). */
export function orgFilterOf(user: SessionUser, requested?: string | null): string | null {
  if (user.role === 'superadmin') return requested ?? null;
  return orgOf(user, requested);
}
