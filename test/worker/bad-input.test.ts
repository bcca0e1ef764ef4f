// Bad input on every write route: wrong types, missing fields, huge strings, injection strings and
// odd Unicode get the error shape (Chinese message, right status) and change nothing in D1.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { reportAndSubmit, reportBody } from './reports-support';
import { call, json, makeFixture, PASSWORD, type Fixture } from './support';

const MB = 'x'.repeat(1024 * 1024);
const KB10 = '字'.repeat(10_000);
const SQL = "x'); DROP TABLE users; --";
const SCRIPT = '<script>alert(1)</script>';
const RTL = 'gpj.\u202Eexe'; // right-to-left override
const NUL = 'ab\u0000cd';
const LONE = 'ab\ud800cd'; // lone surrogate (JSON.stringify keeps it as \ud800)
const CJK = /[\u4e00-\u9fff]/;

/** Everything a write could touch; compared before and after each bad request. */
async function snapshot(opts: { signInFailure: boolean }): Promise<string> {
  const tables = ['users', 'sessions', 'units', 'unit_aliases', 'plans', 'items', 'reports', 'instructions', 'thread_reads', 'carryover_closed'];
  if (!opts.signInFailure) tables.push('login_attempts', 'audit_log');
  const counts = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT '${t}' AS t, COUNT(*) AS n FROM ${t}`)));
  const users = await env.DB.prepare(
    `SELECT group_concat(id || display_name || disabled || must_change_password || password_hash || updated_at, '|') AS s
       FROM (SELECT * FROM users ORDER BY id)`,
  ).first<{ s: string }>();
  const sessions = await env.DB.prepare(`SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NOT NULL`).first<{ n: number }>();
  return JSON.stringify([counts.map((r) => r.results[0]), users!.s, sessions!.n]);
}

interface BadCase {
  name: string;
  json?: unknown;
  /** A raw body (malformed JSON, wrong content type). */
  raw?: { body: string; type: string };
  /** Replaces the path (bad path parameters or query). */
  path?: string;
  status: number | number[];
  /**
   * A failed sign-in is counted (the brute-force lock) and, for a real account, audited — by
   * design; nothing else may change.
   */
  signInFailure?: boolean;
}

interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (f: Fixture) => string;
  who: (f: Fixture) => string | undefined;
  cases: (f: Fixture) => BadCase[];
}

/** Cases every JSON write route must refuse, whatever its schema. */
const generic = (): BadCase[] => [
  { name: 'empty object', json: {}, status: 400 },
  { name: 'array body', json: [], status: 400 },
  { name: 'null body', json: null, status: 400 },
  { name: 'string body', json: SQL, status: 400 },
  { name: 'malformed JSON', raw: { body: '{"a": ', type: 'application/json' }, status: 400 },
  { name: '1 MB string', json: { text: MB, username: MB, displayName: MB }, status: 413 },
];

const ROUTES: Record<string, WriteRoute> = {
  'POST /api/auth/login': {
    method: 'POST',
    path: () => '/api/auth/login',
    who: () => undefined,
    cases: (f) => [
      ...generic(),
      { name: 'wrong types', json: { username: ['admin'], password: { $ne: '' } }, status: 400 },
      { name: 'missing password', json: { username: f.users.admin.username }, status: 400 },
      { name: 'extra field', json: { username: f.users.admin.username, password: PASSWORD, role: 'superadmin' }, status: 400 },
      { name: '10k username', json: { username: KB10, password: PASSWORD }, status: 400 },
      { name: 'SQL injection username', json: { username: `${f.users.admin.username}' --`, password: PASSWORD }, status: 401, signInFailure: true },
      { name: 'SQL tautology password', json: { username: f.users.admin.username, password: "' OR '1'='1" }, status: 401, signInFailure: true },
      { name: 'wrong content type', raw: { body: JSON.stringify({ username: 'a', password: 'b' }), type: 'text/plain' }, status: [400, 415] },
    ],
  },
  'POST /api/auth/password': {
    method: 'POST',
    path: () => '/api/auth/password',
    who: (f) => f.users.unitA.cookie,
    cases: () => [
      ...generic(),
      { name: 'wrong types', json: { currentPassword: 12345678, newPassword: true }, status: 400 },
      { name: 'missing new password', json: { currentPassword: PASSWORD }, status: 400 },
      { name: 'NUL in new password', json: { currentPassword: PASSWORD, newPassword: `${NUL}efgh` }, status: 400 },
      { name: 'lone surrogate in new password', json: { currentPassword: PASSWORD, newPassword: `${LONE}efgh` }, status: 400 },
      { name: '10k new password', json: { currentPassword: PASSWORD, newPassword: KB10 }, status: 400 },
      { name: 'common password', json: { currentPassword: PASSWORD, newPassword: 'qq123456' }, status: 400 },
      { name: 'extra field', json: { currentPassword: PASSWORD, newPassword: 'fine-new-pass', userId: 'x' }, status: 400 },
    ],
  },
  'DELETE /api/me/sessions/:id': {
    method: 'DELETE',
    path: () => '/api/me/sessions/not-a-uuid',
    who: (f) => f.users.unitA.cookie,
    cases: () => [
      { name: 'not a uuid', status: 400 },
      { name: 'SQL in id', path: `/api/me/sessions/${encodeURIComponent("1' OR '1'='1")}`, status: 400 },
      { name: 'script in id', path: `/api/me/sessions/${encodeURIComponent(SCRIPT)}`, status: [400, 404] },
    ],
  },
  'POST /api/users': {
    method: 'POST',
    path: () => '/api/users',
    who: (f) => f.users.admin.cookie,
    cases: (f) => {
      const valid = { username: `ok-${f.orgId.slice(0, 6)}`, displayName: '正常名称', role: 'admin' };
      return [
        ...generic(),
        { name: 'wrong types', json: { username: 123, displayName: true, role: ['admin'] }, status: 400 },
        { name: 'missing role', json: { username: valid.username, displayName: '名称' }, status: 400 },
        { name: 'superadmin role', json: { ...valid, role: 'superadmin' }, status: 400 },
        { name: 'extra field', json: { ...valid, mustChangePassword: false }, status: 400 },
        { name: 'SQL injection username', json: { ...valid, username: SQL }, status: 400 },
        { name: 'script username', json: { ...valid, username: SCRIPT }, status: 400 },
        { name: 'script display name', json: { ...valid, displayName: '<img src=x onerror=alert(1)>' }, status: 400 },
        { name: 'SQL display name', json: { ...valid, displayName: SQL }, status: 400 },
        { name: 'RTL override display name', json: { ...valid, displayName: RTL }, status: 400 },
        { name: 'NUL username', json: { ...valid, username: NUL }, status: 400 },
        { name: 'lone surrogate display name', json: { ...valid, displayName: LONE }, status: 400 },
        { name: 'zero-width username', json: { ...valid, username: 'ad\u200bmin' }, status: 400 },
        { name: '10k display name', json: { ...valid, displayName: KB10 }, status: 400 },
        { name: 'bad unit id', json: { ...valid, role: 'unit', unitId: "' OR 1=1 --" }, status: 400 },
        { name: 'unit of another kind of row', json: { ...valid, role: 'unit', unitId: f.planId }, status: 400 },
        { name: 'orgId of another org', json: { ...valid, orgId: crypto.randomUUID() }, status: [400, 403] },
      ];
    },
  },
  'POST /api/users/bulk': {
    method: 'POST',
    path: () => '/api/users/bulk',
    who: (f) => f.users.admin.cookie,
    cases: (f) => [
      ...generic(),
      { name: 'plan id not a uuid', json: { planId: SQL }, status: 400 },
      { name: 'plan id wrong type', json: { planId: 42 }, status: 400 },
      { name: 'bad prefix', json: { planId: f.planId, prefix: 'Bad Prefix!' }, status: 400 },
      { name: 'script prefix', json: { planId: f.planId, prefix: SCRIPT }, status: 400 },
      { name: 'reissue not a boolean', json: { planId: f.planId, reissuePending: 'yes' }, status: 400 },
      { name: 'unknown format', json: { planId: f.planId }, path: '/api/users/bulk?format=pdf', status: 400 },
      { name: 'extra query', json: { planId: f.planId }, path: '/api/users/bulk?format=csv&debug=1', status: 400 },
    ],
  },
  'PATCH /api/users/:id': {
    method: 'PATCH',
    path: (f) => `/api/users/${f.users.unitB.id}`,
    who: (f) => f.users.admin.cookie,
    cases: (f) => [
      ...generic(),
      { name: 'disabled as string', json: { disabled: 'true' }, status: 400 },
      { name: 'empty display name', json: { displayName: '   ' }, status: 400 },
      { name: 'RTL display name', json: { displayName: `单位${RTL}` }, status: 400 },
      { name: 'NUL display name', json: { displayName: `单位${NUL}` }, status: 400 },
      { name: 'script display name', json: { displayName: SCRIPT }, status: 400 },
      { name: 'role change attempt', json: { role: 'admin' }, status: 400 },
      { name: 'password in body', json: { displayName: '单位B', passwordHash: 'x' }, status: 400 },
      { name: 'id not a uuid', json: { disabled: true }, path: '/api/users/123', status: 400 },
      { name: 'SQL in id', json: { disabled: true }, path: `/api/users/${encodeURIComponent(`${f.users.unitB.id}' OR '1'='1`)}`, status: 400 },
    ],
  },
  'POST /api/users/:id/reset-password': {
    method: 'POST',
    path: () => '/api/users/not-a-uuid/reset-password',
    who: (f) => f.users.admin.cookie,
    cases: (f) => [
      { name: 'id not a uuid', status: 400 },
      { name: 'SQL in id', path: `/api/users/${encodeURIComponent(`${f.users.unitB.id}' --`)}/reset-password`, status: 400 },
      { name: 'RTL in id', path: `/api/users/${encodeURIComponent(RTL)}/reset-password`, status: 400 },
    ],
  },
  'POST /api/users/:id/revoke-sessions': {
    method: 'POST',
    path: () => '/api/users/%00/revoke-sessions',
    who: (f) => f.users.admin.cookie,
    cases: (f) => [
      { name: 'NUL id', status: 400 },
      { name: 'SQL in id', path: `/api/users/${encodeURIComponent(`${f.users.unitB.id}"; DELETE FROM sessions; --`)}/revoke-sessions`, status: 400 },
    ],
  },
  // Routes of other areas: the generic cases only (their own tests cover their schemas).
  'PUT /api/reports/:id': { method: 'PUT', path: () => `/api/reports/${crypto.randomUUID()}`, who: (f) => f.users.unitA.cookie, cases: generic },
  'POST /api/reports/:id/review': { method: 'POST', path: () => `/api/reports/${crypto.randomUUID()}/review`, who: (f) => f.users.admin.cookie, cases: generic },
  'POST /api/instructions': { method: 'POST', path: () => '/api/instructions', who: (f) => f.users.leader.cookie, cases: generic },
  'POST /api/instructions/answers': { method: 'POST', path: () => '/api/instructions/answers', who: (f) => f.users.unitA.cookie, cases: generic },
  'POST /api/instructions/read': { method: 'POST', path: () => '/api/instructions/read', who: (f) => f.users.unitA.cookie, cases: generic },
  'POST /api/carryover/close': { method: 'POST', path: () => '/api/carryover/close', who: (f) => f.users.admin.cookie, cases: generic },
  'POST /api/imports/preview': { method: 'POST', path: () => '/api/imports/preview', who: (f) => f.users.admin.cookie, cases: generic },
  'POST /api/imports/commit': { method: 'POST', path: () => '/api/imports/commit', who: (f) => f.users.admin.cookie, cases: generic },
  'POST /api/aliases': { method: 'POST', path: () => '/api/aliases', who: (f) => f.users.admin.cookie, cases: generic },
};

describe('bad input changes nothing and gets the error shape', () => {
  it.each(Object.entries(ROUTES))('%s', async (_, route) => {
    const f = await makeFixture();
    for (const c of route.cases(f)) {
      const headers: Record<string, string> = {};
      let body: BodyInit | undefined;
      if (c.raw) {
        headers['content-type'] = c.raw.type;
        body = c.raw.body;
      }
      const before = await snapshot({ signInFailure: !!c.signInFailure });
      const res = await call(route.method, c.path ?? route.path(f), {
        cookie: route.who(f),
        json: c.raw ? undefined : c.json,
        body,
        headers,
      });
      const statuses = Array.isArray(c.status) ? c.status : [c.status];
      expect(statuses, `${c.name}: got ${res.status}`).toContain(res.status);
      const payload = await json(res);
      expect(Object.keys(payload), c.name).toEqual(['error']);
      expect(typeof payload.error.code, c.name).toBe('string');
      expect(payload.error.message, c.name).toMatch(CJK);
      if (payload.error.fields) for (const m of Object.values(payload.error.fields)) expect(m, c.name).toMatch(CJK);
      expect(await snapshot({ signInFailure: !!c.signInFailure }), `${c.name} changed the database`).toBe(before);
    }
  });

  it('rejects bad audit queries the same way', async () => {
    const f = await makeFixture();
    for (const q of ['entityType=user;DROP', `entityType=user&entityId=${encodeURIComponent(SQL)}`, 'limit=100000', 'entityId=abc', 'before=-1', 'sort=id']) {
      const res = await call('GET', `/api/audit?${q}`, { cookie: f.users.admin.cookie });
      expect(res.status, q).toBe(400);
      expect((await json(res)).error.code, q).toBe('validation');
    }
  });

  it('answers a validation error with a message per field', async () => {
    const f = await makeFixture();
    const res = await call('POST', '/api/users', { cookie: f.users.admin.cookie, json: { username: 'a', displayName: '', role: 'boss' } });
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fields).sort()).toEqual(['displayName', 'role', 'username']);
  });
});

describe('free text with a lone surrogate', () => {
  it('is refused with 400 in every free-text field, and nothing is stored', async () => {
    const f = await makeFixture();
    const submitted = await reportAndSubmit(f.users.unitA.cookie, reportBody(f, { taskId: f.items.taskA }));
    const cases: Array<{ name: string; method: string; path: string; cookie: string; json: unknown }> = [
      ...(['progress', 'problems', 'nextSteps'] as const).map((field) => ({
        name: `report ${field}`,
        method: 'PUT',
        path: `/api/reports/${crypto.randomUUID()}`,
        cookie: f.users.unitA.cookie,
        json: reportBody(f, { taskId: f.items.taskA, [field]: LONE }),
      })),
      { name: 'review comment', method: 'POST', path: `/api/reports/${submitted}/review`, cookie: f.users.admin.cookie, json: { decision: 'returned', comment: LONE } },
      { name: 'instruction text', method: 'POST', path: '/api/instructions', cookie: f.users.leader.cookie, json: { id: crypto.randomUUID(), itemId: f.items.taskA, text: LONE } },
      { name: 'import document', method: 'POST', path: '/api/imports/preview', cookie: f.users.admin.cookie, json: { text: `一、目标\n${LONE}` } },
      { name: 'import file name', method: 'POST', path: '/api/imports/preview', cookie: f.users.admin.cookie, json: { text: '一、目标', fileName: LONE } },
      { name: 'import commit', method: 'POST', path: '/api/imports/commit', cookie: f.users.admin.cookie, json: { text: `一、目标\n${LONE}` } },
      { name: '落实情况 answer', method: 'POST', path: '/api/instructions/answers', cookie: f.users.unitA.cookie, json: { itemId: f.items.taskA, text: LONE } },
      { name: 'import correction text', method: 'POST', path: '/api/imports/preview', cookie: f.users.admin.cookie, json: { text: '一、目标', corrections: [{ op: 'edit', at: { line: 1, number: '1' }, was: 'x', text: LONE }] } },
      { name: 'import correction unit', method: 'POST', path: '/api/imports/preview', cookie: f.users.admin.cookie, json: { text: '一、目标', corrections: [{ op: 'edit', at: { line: 1, number: '1' }, was: 'x', leadUnits: [LONE] }] } },
      { name: 'alias', method: 'POST', path: '/api/aliases', cookie: f.users.admin.cookie, json: { alias: LONE, unitId: f.units.a } },
      { name: 'sign-in name', method: 'POST', path: '/api/auth/login', cookie: '', json: { username: LONE, password: PASSWORD } },
    ];
    for (const c of cases) {
      const before = await snapshot({ signInFailure: false });
      const res = await call(c.method, c.path, { cookie: c.cookie || undefined, json: c.json });
      expect(res.status, c.name).toBe(400);
      const { error } = await json(res);
      expect(error.code, c.name).toBe('validation');
      expect(Object.values(error.fields ?? {}).join(), c.name).toMatch(/编码不完整/);
      expect(await snapshot({ signInFailure: false }), `${c.name} changed the database`).toBe(before);
    }
  });
});
