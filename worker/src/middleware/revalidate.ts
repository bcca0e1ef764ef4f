// Validators for cacheable reads (docs/ARCHITECTURE.md, docs/SCALE.md): an ETag computed before rendering, from what the
// answer depends on — who asks (scoping), the URL, the organisation's change stamp
// (db/change-stamp.ts), the day in China (traffic lights and due dates move with the calendar)
// and the app version (the answer's shape). A matching If-None-Match gets 304 and no work.
// `private, no-cache`: the browser keeps the answer and revalidates every time; no shared cache
// stores it. A write landing between the stamp and the rendering leaves a tag older than the
// body, which only costs one more 200 later — never a stale 304.
// The 304 comes before the route's own checks: a tag matches only if this session got a 200 for
// this URL under the same stamp (identity, session, role and unit are hashed in, and a change of
// role or unit changes the account stamp), so no caller learns anything a refusal would hide.
// `If-None-Match: *` is therefore never honoured here: it names no earlier answer.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { changeStamp } from '../db/change-stamp';
import { sha256Hex } from '../lib/crypto';
import { cachedRender, keepRender } from '../lib/render-cache';

export const REVALIDATE = 'private, no-cache';

/** YYYY-MM-DD in China (UTC+8, no daylight saving). */
const chinaDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** If-None-Match holds this very tag (weak comparison, lists included). */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export const revalidate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.var.user;
  // Anonymous callers get their 401 from the route; only plain GETs are cached.
  if (c.req.method !== 'GET' || !user) return next();
  const stamp = await changeStamp(c.env.DB, user.role === 'superadmin' ? null : user.orgId);
  const url = new URL(c.req.url);
  // The database too: stamps of two databases are independent counters.
  const answer = [c.env.APP_VERSION, url.pathname, url.search, chinaDay(c.var.now()), stamp, c.var.databases?.index ?? 0];
  // Who gets the same bytes and the same refusals on these routes (lib/render-cache.ts).
  const audience = [user.role, user.orgId ?? '', user.unitId ?? '', user.leaderId ?? '', user.mustChangePassword ? 1 : 0];
  const caller = [user.id, user.sessionId];
  const [etagHash, renderKey] = await Promise.all([sha256Hex([...answer, ...audience, ...caller].join('|')), sha256Hex([...answer, ...audience].join('|'))]);
  const etag = `W/"${etagHash.slice(0, 27)}"`;
  if (matches(c.req.header('if-none-match'), etag)) {
    return c.body(null, 304, { etag, 'cache-control': REVALIDATE });
  }
  const headers = { etag, 'cache-control': REVALIDATE };
  // /api/me is about the caller itself: never shared. RENDER_CACHE=0 (a wrangler --var) turns
  // the sharing off, for benchmarks that measure the render itself.
  const shared = url.pathname !== '/api/me' && (c.env as { RENDER_CACHE?: string }).RENDER_CACHE !== '0';
  const kept = shared ? cachedRender(renderKey) : undefined;
  if (kept) return c.body(kept.body, 200, { ...headers, 'content-type': kept.contentType });
  await next();
  if (c.res.status !== 200) return;
  for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  const type = c.res.headers.get('content-type') ?? '';
  if (shared && type.startsWith('application/json')) keepRender(renderKey, await c.res.clone().arrayBuffer(), type);
};
