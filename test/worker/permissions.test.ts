// THE permission matrix: every API route, called by every kind of caller, with the status each
// must get. One table; add a row when you add a route.
//
// Actors (all of organisation f unless said otherwise):
//   anonymous   no session
//   unitA       reporter of unit A: lead of the indicator and of task A
//   unitB       reporter of unit B: lead of task B, nothing to do with task A
//   unitC       reporter of unit C: co-unit of task A
//   leader      区领导 (linked to the leader of task A)
//   admin       督查室 of f
//   otherAdmin  督查室 of another organisation (must see nothing of f: 404)
//
// Each row gets a fresh world (two organisations, reports, an extra account), so rows never
// depend on each other; within a row the actors call in the column order below.
import { describe, expect, it } from 'vitest';
import { jpeg } from './images';
import { MARCH_20, putPhoto, putReport, reportBody, submit, uid } from './reports-support';
import { call, createUser, json, makeFixture, PASSWORD, type Fixture, type FixtureUser } from './support';
import { testDoc } from './fixtures/import-docs';
import { env } from 'cloudflare:workers';
import { sha256Hex } from '../../worker/src/lib/crypto';

const ACTORS = ['anonymous', 'unitA', 'unitB', 'unitC', 'leader', 'admin', 'otherAdmin'] as const;
type Actor = (typeof ACTORS)[number];

interface World {
  f: Fixture;
  other: Fixture;
  actor: Actor;
  cookie: string | undefined;
  /** An extra unit-B account of f that is not an actor: the target of account actions. */
  target: FixtureUser;
  /** Submitted report of unit A on task A (co-unit C), with photo `photoA` and its thumbnail. */
  reportA: string;
  photoA: string;
  verifyCodeA: string;
  /** Draft of unit A on the indicator, nothing declared: can be submitted at once. */
  draftA: string;
  /** Draft of unit A on the indicator for 2024-02, declaring `draftPhoto` (not yet uploaded). */
  draftWithPhoto: string;
  draftPhoto: string;
  /** An alias of unit A in f. */
  alias: string;
  /** The address every call of this world comes from. */
  ip: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as documented, e.g. '/api/users/:id/reset-password'. */
  route: string;
  /** What this row exercises, when a route has several rows. */
  note?: string;
  path: (w: World) => string | Promise<string>;
  body?: (w: World) => unknown;
  /** A raw body (photos) with its headers, instead of JSON. */
  raw?: (w: World) => Promise<{ body: BodyInit; headers: Record<string, string> }>;
  expect: Record<Actor, number>;
}

/** Expected statuses in ACTORS order: anonymous, unitA, unitB, unitC, leader, admin, otherAdmin. */
function s(anonymous: number, unitA: number, unitB: number, unitC: number, leader: number, admin: number, otherAdmin: number): Record<Actor, number> {
  return { anonymous, unitA, unitB, unitC, leader, admin, otherAdmin };
}

const tag = () => crypto.randomUUID().slice(0, 8);
const PHOTO = jpeg();

async function sessionIdOf(cookie: string): Promise<string> {
  const row = await env.DB.prepare('SELECT id FROM sessions WHERE token_hash = ?1').bind(await sha256Hex(cookie.split('=')[1]!)).first<{ id: string }>();
  return row!.id;
}

async function ok(res: Promise<Response>, what: string): Promise<Response> {
  const r = await res;
  if (r.status >= 300) throw new Error(`world setup: ${what} → ${r.status} ${await r.clone().text()}`);
  return r;
}

async function buildWorld(): Promise<Omit<World, 'actor' | 'cookie'>> {
  const f = await makeFixture();
  const other = await makeFixture();
  const target = await createUser({ orgId: f.orgId, role: 'unit', unitId: f.units.b, username: `target-${tag()}` });
  const a = f.users.unitA.cookie;
  const reportA = uid();
  const photoA = uid();
  const put = await ok(putReport(a, reportA, reportBody(f, { photos: [{ id: photoA }] })), 'report A');
  const verifyCodeA = (await json(put)).verifyCode as string;
  await ok(putPhoto(a, reportA, photoA, PHOTO), 'photo A');
  await ok(putPhoto(a, reportA, photoA, PHOTO, { thumb: true }), 'thumb A');
  await ok(submit(a, reportA), 'submit A');
  const draftA = uid();
  await ok(putReport(a, draftA, reportBody(f, { taskId: f.items.indicator, targetValues: [] })), 'draft A');
  const draftWithPhoto = uid();
  const draftPhoto = uid();
  await ok(putReport(a, draftWithPhoto, reportBody(f, { taskId: f.items.indicator, targetValues: [], period: '2024-02', photos: [{ id: draftPhoto }] })), 'draft with photo');
  const alias = `别名${tag()}`;
  await ok(call('POST', '/api/aliases', { cookie: f.users.admin.cookie, json: { alias, unitId: f.units.a } }), 'alias');
  return { f, other, target, reportA, photoA, verifyCodeA, draftA, draftWithPhoto, draftPhoto, alias, ip: `192.0.2.${tag()}` };
}

/** f's admin turns the anonymous verification page off (once per world); the code of report A. */
async function publicVerifyOff(w: World): Promise<string> {
  await ok(call('PUT', '/api/verify-settings', { cookie: w.f.users.admin.cookie, json: { publicVerify: false } }), 'verify off');
  return w.verifyCodeA;
}

function cookieOf(w: Omit<World, 'actor' | 'cookie'>, actor: Actor): string | undefined {
  if (actor === 'anonymous') return undefined;
  if (actor === 'otherAdmin') return w.other.users.admin.cookie;
  return w.f.users[actor].cookie;
}

const photoUpload = async () => ({ body: PHOTO, headers: { 'content-type': 'image/jpeg', 'x-content-sha256': await sha256Hex(PHOTO) } });

export const ROWS: Row[] = [
  // ---- health, sign-in, the signed-in user ----
  { method: 'GET', route: '/api/health', path: () => '/api/health', expect: s(200, 200, 200, 200, 200, 200, 200) },
  {
    method: 'POST', route: '/api/auth/login', path: () => '/api/auth/login',
    body: (w) => ({ username: w.target.username, password: PASSWORD }),
    expect: s(200, 200, 200, 200, 200, 200, 200),
  },
  { method: 'POST', route: '/api/auth/logout', path: () => '/api/auth/logout', expect: s(401, 200, 200, 200, 200, 200, 200) },
  {
    method: 'POST', route: '/api/auth/password', path: () => '/api/auth/password',
    body: () => ({ currentPassword: PASSWORD, newPassword: `new-pass-${tag()}` }),
    expect: s(401, 200, 200, 200, 200, 200, 200),
  },
  { method: 'GET', route: '/api/me', path: () => '/api/me', expect: s(401, 200, 200, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/me/sessions', path: () => '/api/me/sessions', expect: s(401, 200, 200, 200, 200, 200, 200) },
  {
    method: 'DELETE', route: '/api/me/sessions/:id', note: 'own session',
    path: async (w) => `/api/me/sessions/${w.cookie ? await sessionIdOf(w.cookie) : uid()}`,
    expect: s(401, 200, 200, 200, 200, 200, 200),
  },
  {
    method: 'DELETE', route: '/api/me/sessions/:id', note: 'someone else’s session',
    path: async (w) => `/api/me/sessions/${await sessionIdOf(w.target.cookie)}`,
    expect: s(401, 404, 404, 404, 404, 404, 404),
  },

  // ---- account management and audit (admins) ----
  { method: 'GET', route: '/api/users', path: () => '/api/users', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'GET', route: '/api/users/options', path: () => '/api/users/options', expect: s(401, 403, 403, 403, 403, 200, 200) },
  {
    method: 'POST', route: '/api/users', path: () => '/api/users',
    body: () => ({ username: `new-${tag()}`, displayName: '新账号', role: 'admin' }),
    expect: s(401, 403, 403, 403, 403, 201, 201),
  },
  {
    method: 'POST', route: '/api/users/bulk', path: () => '/api/users/bulk',
    body: (w) => ({ planId: w.f.planId }),
    expect: s(401, 403, 403, 403, 403, 200, 404),
  },
  { method: 'POST', route: '/api/users/:id/reset-password', path: (w) => `/api/users/${w.target.id}/reset-password`, expect: s(401, 403, 403, 403, 403, 200, 404) },
  { method: 'POST', route: '/api/users/:id/revoke-sessions', path: (w) => `/api/users/${w.target.id}/revoke-sessions`, expect: s(401, 403, 403, 403, 403, 200, 404) },
  {
    method: 'PATCH', route: '/api/users/:id', path: (w) => `/api/users/${w.target.id}`,
    body: () => ({ disabled: true }),
    expect: s(401, 403, 403, 403, 403, 200, 404),
  },
  {
    method: 'GET', route: '/api/audit', note: 'another organisation’s entity reads as an empty list',
    path: (w) => `/api/audit?entityType=report&entityId=${w.reportA}`,
    expect: s(401, 403, 403, 403, 403, 200, 200),
  },

  // ---- plans, leader views ----
  { method: 'GET', route: '/api/plans', path: () => '/api/plans', expect: s(401, 200, 200, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/plans/:id/tasks', path: (w) => `/api/plans/${w.f.planId}/tasks`, expect: s(401, 200, 200, 200, 200, 200, 404) },
  { method: 'GET', route: '/api/plans/:id/dashboard', path: (w) => `/api/plans/${w.f.planId}/dashboard?period=2024-03`, expect: s(401, 403, 403, 403, 200, 200, 404) },
  { method: 'GET', route: '/api/plans/:id/targets', path: (w) => `/api/plans/${w.f.planId}/targets`, expect: s(401, 403, 403, 403, 200, 200, 404) },
  { method: 'GET', route: '/api/plans/:id/photo-wall', path: (w) => `/api/plans/${w.f.planId}/photo-wall`, expect: s(401, 403, 403, 403, 200, 200, 404) },
  { method: 'GET', route: '/api/plans/:id/circular', path: (w) => `/api/plans/${w.f.planId}/circular?period=2024-03`, expect: s(401, 403, 403, 403, 200, 200, 404) },
  { method: 'GET', route: '/api/plans/:id/directory', path: (w) => `/api/plans/${w.f.planId}/directory`, expect: s(401, 403, 403, 403, 200, 200, 404) },
  { method: 'GET', route: '/api/plans/:id/review-queue', path: (w) => `/api/plans/${w.f.planId}/review-queue`, expect: s(401, 403, 403, 403, 403, 200, 404) },
  { method: 'GET', route: '/api/plans/:id/reminders', path: (w) => `/api/plans/${w.f.planId}/reminders?period=2024-03`, expect: s(401, 403, 403, 403, 403, 200, 404) },
  {
    method: 'PATCH', route: '/api/plans/:id', path: (w) => `/api/plans/${w.f.planId}`,
    body: () => ({ dueDay: 20 }),
    expect: s(401, 403, 403, 403, 403, 200, 404),
  },
  { method: 'GET', route: '/api/tasks/:id/overview', path: (w) => `/api/tasks/${w.f.items.taskA}/overview?period=2024-03`, expect: s(401, 403, 403, 403, 200, 200, 404) },
  {
    method: 'PATCH', route: '/api/tasks/:id', path: (w) => `/api/tasks/${w.f.items.taskA}`,
    body: () => ({ deadline: '2024-09-30' }),
    expect: s(401, 403, 403, 403, 403, 200, 404),
  },
  { method: 'GET', route: '/api/search', note: 'each admin searches their own organisation', path: () => `/api/search?q=${encodeURIComponent('学校')}`, expect: s(401, 403, 403, 403, 200, 200, 200) },
  { method: 'GET', route: '/api/plans/:id/circular.xlsx', path: (w) => `/api/plans/${w.f.planId}/circular.xlsx?period=2024-03`, expect: s(401, 403, 403, 403, 200, 200, 404) },

  // ---- plan import and unit aliases (admins) ----
  {
    method: 'POST', route: '/api/imports/preview', path: () => '/api/imports/preview',
    body: () => ({ text: testDoc(tag()) }),
    expect: s(401, 403, 403, 403, 403, 200, 200),
  },
  {
    method: 'POST', route: '/api/imports/commit', path: () => '/api/imports/commit',
    body: () => ({ text: testDoc(tag()) }),
    expect: s(401, 403, 403, 403, 403, 201, 201),
  },
  { method: 'GET', route: '/api/aliases', path: () => '/api/aliases', expect: s(401, 403, 403, 403, 403, 200, 200) },
  {
    method: 'POST', route: '/api/aliases', path: () => '/api/aliases',
    body: (w) => ({ alias: `别名${tag()}`, unitId: w.f.units.a }),
    expect: s(401, 403, 403, 403, 403, 201, 404),
  },
  { method: 'DELETE', route: '/api/aliases/:alias', path: (w) => `/api/aliases/${encodeURIComponent(w.alias)}`, expect: s(401, 403, 403, 403, 403, 200, 404) },

  // ---- reports and photos ----
  {
    method: 'PUT', route: '/api/reports/:id', note: 'a new report on task A',
    path: () => `/api/reports/${uid()}`,
    // The admin reports for the lead unit A, in another month than unit A's own report.
    body: (w) => reportBody(w.f, { period: w.actor === 'admin' ? '2024-01' : '2024-02' }),
    expect: s(401, 200, 403, 200, 403, 200, 404),
  },
  { method: 'GET', route: '/api/reports/:id', note: 'submitted report of unit A', path: (w) => `/api/reports/${w.reportA}`, expect: s(401, 200, 404, 200, 200, 200, 404) },
  { method: 'GET', route: '/api/reports/:id', note: 'draft of unit A', path: (w) => `/api/reports/${w.draftA}`, expect: s(401, 200, 404, 404, 404, 200, 404) },
  { method: 'POST', route: '/api/reports/:id/submit', path: (w) => `/api/reports/${w.draftA}/submit`, expect: s(401, 200, 404, 404, 403, 200, 404) },
  {
    method: 'POST', route: '/api/reports/:id/review', path: (w) => `/api/reports/${w.reportA}/review`,
    body: () => ({ decision: 'accepted' }),
    expect: s(401, 403, 403, 403, 403, 200, 404),
  },
  {
    method: 'PUT', route: '/api/reports/:id/photos/:photoId', path: (w) => `/api/reports/${w.draftWithPhoto}/photos/${w.draftPhoto}`,
    raw: photoUpload,
    expect: s(401, 200, 404, 404, 403, 200, 404),
  },
  {
    method: 'PUT', route: '/api/reports/:id/photos/:photoId/thumb', path: (w) => `/api/reports/${w.draftWithPhoto}/photos/${w.draftPhoto}/thumb`,
    raw: photoUpload,
    expect: s(401, 200, 404, 404, 403, 200, 404),
  },
  { method: 'GET', route: '/api/reports/:id/photos/:photoId', path: (w) => `/api/reports/${w.reportA}/photos/${w.photoA}`, expect: s(401, 200, 404, 200, 200, 200, 404) },
  { method: 'GET', route: '/api/reports/:id/photos/:photoId/thumb', path: (w) => `/api/reports/${w.reportA}/photos/${w.photoA}/thumb`, expect: s(401, 200, 404, 200, 200, 200, 404) },

  // ---- tasks, units, sync, verification, instructions ----
  { method: 'GET', route: '/api/tasks/:id/draft', path: (w) => `/api/tasks/${w.f.items.taskA}/draft`, expect: s(401, 200, 403, 200, 403, 200, 404) },
  { method: 'GET', route: '/api/tasks/:id/reports', path: (w) => `/api/tasks/${w.f.items.taskA}/reports`, expect: s(401, 200, 403, 200, 200, 200, 404) },
  { method: 'GET', route: '/api/tasks/:id/instructions', path: (w) => `/api/tasks/${w.f.items.taskA}/instructions`, expect: s(401, 200, 403, 200, 200, 200, 404) },
  { method: 'GET', route: '/api/units/:id/due', path: (w) => `/api/units/${w.f.units.a}/due`, expect: s(401, 200, 403, 403, 200, 200, 404) },
  { method: 'GET', route: '/api/sync', path: () => '/api/sync', expect: s(401, 200, 200, 200, 200, 200, 200) },
  // The verification page is open to anyone holding the code; off (by f's admin): f's users only.
  { method: 'GET', route: '/api/verify/:code', path: (w) => `/api/verify/${w.verifyCodeA}`, expect: s(200, 200, 200, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/verify/:code', note: 'anonymous page off', path: async (w) => `/api/verify/${await publicVerifyOff(w)}`, expect: s(404, 200, 200, 200, 200, 200, 404) },
  { method: 'GET', route: '/api/verify/:code/photos/:seq/thumb', path: (w) => `/api/verify/${w.verifyCodeA}/photos/0/thumb`, expect: s(200, 200, 200, 200, 200, 200, 200) },
  { method: 'GET', route: '/api/verify/:code/photos/:seq/thumb', note: 'anonymous page off', path: async (w) => `/api/verify/${await publicVerifyOff(w)}/photos/0/thumb`, expect: s(404, 200, 200, 200, 200, 200, 404) },
  { method: 'GET', route: '/api/verify-settings', path: () => '/api/verify-settings', expect: s(401, 403, 403, 403, 403, 200, 200) },
  { method: 'PUT', route: '/api/verify-settings', path: () => '/api/verify-settings', body: () => ({ publicVerify: true }), expect: s(401, 403, 403, 403, 403, 200, 200) },
  {
    method: 'POST', route: '/api/instructions', path: () => '/api/instructions',
    body: (w) => ({ itemId: w.f.items.taskA, text: '请加快进度' }),
    expect: s(401, 403, 403, 403, 201, 201, 404),
  },
  {
    method: 'POST', route: '/api/instructions/answers', path: () => '/api/instructions/answers',
    body: (w) => ({ itemId: w.f.items.taskA, text: '已按批示落实' }),
    expect: s(401, 201, 403, 201, 403, 403, 403),
  },
  {
    method: 'POST', route: '/api/instructions/read', path: () => '/api/instructions/read',
    body: (w) => ({ itemId: w.f.items.taskA }),
    expect: s(401, 200, 403, 200, 200, 200, 404),
  },
  { method: 'GET', route: '/api/carryover', path: () => '/api/carryover', expect: s(401, 200, 200, 200, 403, 200, 200) },
  {
    method: 'POST', route: '/api/carryover/close', path: () => '/api/carryover/close',
    body: (w) => ({ itemId: w.f.items.taskA, unitId: w.f.units.a }),
    expect: s(401, 403, 403, 403, 403, 200, 404),
  },
  { method: 'GET', route: '/api/instructions/unread', path: () => '/api/instructions/unread', expect: s(401, 200, 200, 200, 200, 200, 200) },
];

describe('permission matrix', () => {
  it.each(ROWS.map((r) => [`${r.method} ${r.route}${r.note ? ` (${r.note})` : ''}`, r] as const))('%s', async (_, row) => {
    const base = await buildWorld();
    const got: Partial<Record<Actor, number>> = {};
    for (const actor of ACTORS) {
      const w: World = { ...base, actor, cookie: cookieOf(base, actor) };
      const path = await row.path(w);
      const raw = row.raw ? await row.raw(w) : undefined;
      const res = await call(row.method, path, {
        cookie: w.cookie,
        json: row.body?.(w),
        body: raw?.body,
        // One address per world: per-address throttles must not carry over between rows.
        headers: { 'cf-connecting-ip': base.ip, ...raw?.headers },
        now: MARCH_20,
      });
      got[actor] = res.status;
      if (res.status >= 400) {
        // Every refusal has the one error shape.
        const body = await json(res);
        expect(typeof body.error?.code, `${actor}: ${JSON.stringify(body)}`).toBe('string');
        expect(typeof body.error?.message).toBe('string');
      }
    }
    expect(got).toEqual(row.expect);
  });

  // GET /api/sync removals (docs/SYNC.md): after task A drops co-unit C and unit A's draft is
  // deleted, each caller is told only of reports it could read before (GET /api/reports/:id 200).
  it('GET /api/sync removals: only reports the caller could read', async () => {
    const w = await buildWorld();
    const readers = ACTORS.filter((a) => a !== 'anonymous');
    const before = new Map<Actor, { cursor: string; readable: string[] }>();
    for (const actor of readers) {
      const cookie = cookieOf(w, actor);
      const { cursor } = await json(await call('GET', '/api/sync', { cookie, now: MARCH_20 }));
      const readable = [];
      for (const id of [w.reportA, w.draftA]) if ((await call('GET', `/api/reports/${id}`, { cookie, now: MARCH_20 })).status === 200) readable.push(id);
      before.set(actor, { cursor, readable });
    }
    await env.DB.prepare('DELETE FROM item_units WHERE item_id = ?1 AND unit_id = ?2').bind(w.f.items.taskA, w.f.units.c).run();
    await env.DB.prepare('DELETE FROM reports WHERE id = ?1').bind(w.draftA).run();
    const got: Partial<Record<Actor, string[]>> = {};
    for (const actor of readers) {
      const { cursor, readable } = before.get(actor)!;
      const res = await call('GET', `/api/sync?since=${encodeURIComponent(cursor)}`, { cookie: cookieOf(w, actor), now: MARCH_20 });
      const removed = (await json(res)).removed.reports as string[];
      for (const id of removed) expect(readable, actor).toContain(id);
      got[actor] = removed.map((id) => (id === w.reportA ? 'reportA' : id === w.draftA ? 'draftA' : id)).sort();
    }
    expect(got).toEqual({ unitA: ['draftA'], unitB: [], unitC: ['reportA'], leader: [], admin: ['draftA'], otherAdmin: [] });
  });

  it('covers every route of the app', async () => {
    const { createApp } = await import('../../worker/src/app');
    const app = createApp({ now: () => MARCH_20 });
    const routes = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`),
    );
    const covered = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
    expect([...routes].filter((r) => !covered.has(r)).sort()).toEqual([]);
  });
});
