// Browser protections: security headers on the API (and the same policy for static assets in
// pwa/public/_headers), the __Host- session cookie over HTTPS, and CSRF origin checks.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import assetHeaders from '../../pwa/public/_headers?raw';
import { jpeg } from './images';
import { putPhoto, putReport, reportBody, uid } from './reports-support';
import { call, json, makeFixture, PASSWORD } from './support';

const HTTPS_ORIGIN = 'https://duban.example';

function https(method: string, path: string, opts: { json?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set('cookie', opts.cookie);
  if (method !== 'GET' && !headers.has('origin')) headers.set('origin', HTTPS_ORIGIN);
  if (opts.json !== undefined) headers.set('content-type', 'application/json');
  return exports.default.fetch(
    new Request(`${HTTPS_ORIGIN}${path}`, { method, headers, body: opts.json === undefined ? undefined : JSON.stringify(opts.json) }),
  );
}

function cspDirectives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')];
      }),
  );
}

describe('security headers on /api', () => {
  it('forbid embedding, loading anything and sniffing — and nothing only documents need', async () => {
    for (const res of [await call('GET', '/api/health'), await call('GET', '/api/plans'), await call('GET', '/api/no-such-thing')]) {
      const csp = cspDirectives(res.headers.get('content-security-policy') ?? '');
      // default-src covers object-src; base-uri and form-action mean nothing outside a document.
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      // Document-only headers stay on the documents (_headers, below): ~550 B per answer before.
      for (const name of ['referrer-policy', 'x-xss-protection', 'x-dns-prefetch-control', 'x-download-options', 'cross-origin-opener-policy', 'origin-agent-cluster']) {
        expect(res.headers.get(name), name).toBeNull();
      }
      let bytes = 0;
      res.headers.forEach((v, k) => (bytes += k.length + v.length + 4));
      expect(bytes).toBeLessThan(250);
    }
  });

  it('send HSTS over HTTPS only', async () => {
    expect((await call('GET', '/api/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await https('GET', '/api/health')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('match the policy the static assets get from _headers', () => {
    const csp = /Content-Security-Policy:\s*(.+)/.exec(assetHeaders)?.[1] ?? '';
    const d = cspDirectives(csp);
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(assetHeaders).toMatch(/X-Content-Type-Options: nosniff/);
    expect(assetHeaders).toMatch(/X-Frame-Options: DENY/);
    expect(assetHeaders).toMatch(/Strict-Transport-Security: max-age=31536000; includeSubDomains/);
    expect(assetHeaders).toMatch(/Referrer-Policy: strict-origin-when-cross-origin/);
  });
});

describe('session cookie over HTTPS', () => {
  it('is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ without Domain', async () => {
    const f = await makeFixture();
    const res = await https('POST', '/api/auth/login', { json: { username: f.users.unitA.username, password: PASSWORD } });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-duban_session=[0-9a-f]{64};/);
    for (const attr of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']) expect(setCookie).toContain(attr);
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(';')[0]!;
    expect((await https('GET', '/api/me', { cookie })).status).toBe(200);
    // The unprefixed name is not accepted over HTTPS (it could be planted by a sibling host).
    expect((await https('GET', '/api/me', { cookie: cookie.replace('__Host-', '') })).status).toBe(401);
    const out = await https('POST', '/api/auth/logout', { cookie });
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-duban_session=;.*Max-Age=0.*Secure/);
  });
});

describe('CSRF', () => {
  it('refuses a cross-origin POST whatever its content type', async () => {
    const f = await makeFixture();
    const attempts = [
      call('POST', '/api/users', { cookie: f.users.admin.cookie, json: { username: 'evil-admin', displayName: 'x', role: 'admin' }, headers: { origin: 'https://evil.example' } }),
      call('POST', '/api/auth/logout', { cookie: f.users.admin.cookie, headers: { origin: 'null' } }),
      call('POST', `/api/users/${f.users.unitA.id}/revoke-sessions`, { cookie: f.users.admin.cookie, headers: { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' } }),
      // A classic form post from another site (no Origin header kept by an old browser).
      call('POST', '/api/auth/logout', {
        cookie: f.users.admin.cookie,
        body: 'a=1',
        headers: { origin: '', 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect((await json(res)).error).toEqual({ code: 'forbidden', message: '跨站请求已被拒绝，请从本系统页面操作' });
    }
    // Nothing happened: the admin is still signed in, and no account was made.
    expect((await call('GET', '/api/me', { cookie: f.users.admin.cookie })).status).toBe(200);
    expect((await call('GET', '/api/me', { cookie: f.users.unitA.cookie })).status).toBe(200);
  });

  it('lets same-origin writes and cross-origin reads through', async () => {
    const f = await makeFixture();
    const same = await call('PATCH', `/api/users/${f.users.unitB.id}`, { cookie: f.users.admin.cookie, json: { displayName: '单位B 钱七' }, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(same.status).toBe(200);
    const read = await call('GET', '/api/me', { cookie: f.users.admin.cookie, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(read.status).toBe(200);
  });
});

describe('Cache-Control on /api', () => {
  it('is no-store on every answer unless the route chose its own (photos stay immutable, reads revalidate)', async () => {
    const f = await makeFixture();
    // Reads with a validator: the browser may keep them but must ask every time (ETag → 304);
    // no shared cache may store them.
    for (const path of ['/api/me', `/api/plans/${f.planId}/tasks`]) {
      const res = await call('GET', path, { cookie: f.users.unitA.cookie });
      expect(res.headers.get('cache-control'), path).toBe('private, no-cache');
      expect(res.headers.get('etag'), path).toBeTruthy();
    }
    const answers = [
      await call('GET', '/api/health'),
      await call('GET', `/api/reports/${uid()}`, { cookie: f.users.unitA.cookie }), // 404
      await call('GET', '/api/plans'), // 401
      await call('GET', '/api/no-such-thing'), // 404
      await call('POST', '/api/auth/login', { json: { username: 'x' } }), // 400
    ];
    for (const res of answers) expect(res.headers.get('cache-control'), res.url).toBe('no-store');
    const id = uid();
    const photoId = uid();
    expect((await putReport(f.users.unitA.cookie, id, reportBody(f, { photos: [{ id: photoId }] }))).status).toBe(200);
    expect((await putPhoto(f.users.unitA.cookie, id, photoId, jpeg({ width: 1600, height: 1200 }))).status).toBe(200);
    const photo = await call('GET', `/api/reports/${id}/photos/${photoId}`, { cookie: f.users.unitA.cookie });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  });
});
