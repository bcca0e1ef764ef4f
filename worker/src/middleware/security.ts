// Browser-facing protections of the API: security headers and CSRF (origin) checks.
// The HTML and assets are served without the worker; pwa/public/_headers gives them the same policy.
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env';
import { forbidden } from '../lib/errors';
import { isHttps } from './auth';

/**
 * API answers are data, never pages, so they carry only what protects data (OWASP REST Security
 * cheat sheet): no sniffing into HTML or script, no framing, nothing loads from them when a
 * browser opens one, no cross-origin embedding (photos included), HSTS on HTTPS. Headers that
 * only mean something for documents (Referrer-Policy, COOP, X-XSS-Protection, X-DNS-Prefetch-…,
 * X-Download-Options, X-Permitted-Cross-Domain-Policies, Origin-Agent-Cluster, base-uri and
 * form-action, X-Frame-Options next to frame-ancestors) stay on the app's documents
 * (pwa/public/_headers): on every JSON answer they cost more bytes than a small body (docs/PLATFORM.md).
 */
const API_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
  ['cross-origin-resource-policy', 'same-origin'],
];
const HSTS = 'max-age=31536000; includeSubDomains';

/** HSTS only on HTTPS (it means nothing, and misleads, on local HTTP). */
export const apiSecurityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  for (const [name, value] of API_HEADERS) h.set(name, value);
  if (isHttps(c)) h.set('strict-transport-security', HSTS);
};

/**
 * Every /api answer is private data a shared computer or a proxy must not keep: `no-store` unless
 * the route chose its own caching (photos are immutable; some reads revalidate with an ETag).
 * Hono turns a thrown error into its answer before `next()` returns here, so errors get it too.
 */
export const defaultNoStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
};

const honoCsrf = csrf();
const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
const crossSite = () => forbidden('跨站请求已被拒绝，请从本系统页面操作');

/**
 * hono's csrf checks Origin / Sec-Fetch-Site for form-like bodies (the only ones a foreign page
 * can send without a CORS preflight, which this API never grants). On top of that, any write
 * whose browser headers say it comes from another site is refused, whatever its content type.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHOD.test(c.req.method)) return next();
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if ((origin !== undefined && origin !== new URL(c.req.url).origin) || site === 'cross-site' || site === 'same-site') {
    throw crossSite();
  }
  let passed = false;
  try {
    await honoCsrf(c, async () => {
      passed = true;
      await next();
    });
  } catch (e) {
    if (!passed && e instanceof HTTPException && e.status === 403) throw crossSite();
    throw e;
  }
};
