// Account management by the organisation's admin, and the audit log it leaves.
import { env } from 'cloudflare:workers';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AuditListResponse } from '../../shared/schemas/audit';
import { BulkCreateResponse, IssuedAccount, UserListResponse, UserSummary } from '../../shared/schemas/users';
import { call, createUser, json, makeFixture, PASSWORD, type Fixture } from './support';

const tag = () => crypto.randomUUID().slice(0, 8);

async function signIn(username: string, password: string) {
  const res = await call('POST', '/api/auth/login', { json: { username, password } });
  const cookie = /^(duban_session=[0-9a-f]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { res, cookie };
}

/** Adds units carried by the fixture's plan that have no account yet (and a placeholder group). */
async function addPlanUnits(f: Fixture, names: string[]): Promise<string[]> {
  const now = new Date().toISOString();
  const ids = names.map(() => crypto.randomUUID());
  const groupId = crypto.randomUUID();
  await env.DB.batch([
    ...names.map((name, i) => env.DB.prepare('INSERT INTO units (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(ids[i], f.orgId, name, now)),
    env.DB.prepare(`INSERT INTO units (id, org_id, name, kind, created_at) VALUES (?1, ?2, '各镇（街道）', 'group', ?3)`).bind(groupId, f.orgId, now),
    ...[...ids, groupId].map((id, i) =>
      env.DB.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, 'co', ?4)`).bind(f.items.taskB, id, f.planId, i + 5),
    ),
  ]);
  return ids;
}

async function count(sql: string, ...binds: unknown[]): Promise<number> {
  return (await env.DB.prepare(sql).bind(...binds).first<{ n: number }>())!.n;
}

describe('GET /api/users', () => {
  it('lists the accounts of the admin’s own organisation only', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const res = await call('GET', '/api/users', { cookie: f.users.admin.cookie });
    expect(res.status).toBe(200);
    const { users } = UserListResponse.parse(await json(res));
    expect(users.map((u) => u.id).sort()).toEqual(Object.values(f.users).map((u) => u.id).sort());
    expect(users.map((u) => u.id)).not.toContain(other.users.admin.id);
    const unitA = users.find((u) => u.id === f.users.unitA.id)!;
    expect(unitA).toMatchObject({ role: 'unit', unitName: '单位A', disabled: false, mustChangePassword: false, activeSessions: 1 });
    expect(users.map((u) => u.role)).toEqual(['admin', 'leader', 'unit', 'unit', 'unit']);
  });

  it('gives the create form the units (not groups) and leaders of the organisation', async () => {
    const f = await makeFixture();
    await addPlanUnits(f, ['发改委']);
    const res = await call('GET', '/api/users/options', { cookie: f.users.admin.cookie });
    const body = await json(res);
    expect(body.units.map((u: { name: string }) => u.name)).toEqual(['单位A', '单位B', '单位C', '发改委']);
    expect(body.leaders).toEqual([{ id: f.leaderId, name: '张领导' }]);
  });
});

describe('POST /api/users', () => {
  it('creates an account with a one-time password that must be changed at first sign-in', async () => {
    const f = await makeFixture();
    const username = `fgw-${tag()}`;
    const res = await call('POST', '/api/users', {
      cookie: f.users.admin.cookie,
      json: { username, displayName: '发改委 张三', role: 'unit', unitId: f.units.b },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { user, initialPassword } = IssuedAccount.parse(await json(res));
    expect(user).toMatchObject({ username, role: 'unit', unitId: f.units.b, unitName: '单位B', mustChangePassword: true, orgId: f.orgId });
    expect(initialPassword).toMatch(/^[a-z2-9]{12}$/);
    const row = await env.DB.prepare('SELECT password_hash, password_iterations FROM users WHERE id = ?1').bind(user.id).first<{ password_hash: string; password_iterations: number }>();
    expect(row!.password_hash).not.toContain(initialPassword);
    expect(row!.password_iterations).toBe(100_000);
    expect(await count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?1 AND action = 'create' AND user_id = ?2`, user.id, f.users.admin.id)).toBe(1);

    const login = await signIn(username, initialPassword);
    expect(await json(login.res)).toEqual({ ok: true, mustChangePassword: true });
    expect((await call('GET', '/api/plans', { cookie: login.cookie })).status).toBe(403);
    await call('POST', '/api/auth/password', { cookie: login.cookie, json: { currentPassword: initialPassword, newPassword: 'my own secret 1' } });
    expect((await call('GET', '/api/plans', { cookie: login.cookie })).status).toBe(200);
  });

  it('creates admins and leaders (linked to a leader of the organisation)', async () => {
    const f = await makeFixture();
    const leader = await call('POST', '/api/users', {
      cookie: f.users.admin.cookie,
      json: { username: `zhang-${tag()}`, displayName: '张副区长', role: 'leader', leaderId: f.leaderId },
    });
    expect(leader.status).toBe(201);
    expect((await json(leader)).user).toMatchObject({ role: 'leader', leaderId: f.leaderId, leaderName: '张领导' });
    const admin = await call('POST', '/api/users', { cookie: f.users.admin.cookie, json: { username: `dcs-${tag()}`, displayName: '督查室 李四', role: 'admin' } });
    expect(admin.status).toBe(201);
  });

  it('refuses a taken username (any case), a unit of another organisation, and a unit account without unit', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const taken = await call('POST', '/api/users', {
      cookie: f.users.admin.cookie,
      json: { username: f.users.unitA.username.toUpperCase(), displayName: '重复', role: 'admin' },
    });
    expect(taken.status).toBe(409);
    expect((await json(taken)).error.fields.username).toBeTruthy();
    const foreignUnit = await call('POST', '/api/users', {
      cookie: f.users.admin.cookie,
      json: { username: `x-${tag()}`, displayName: '外单位', role: 'unit', unitId: other.units.a },
    });
    expect(foreignUnit.status).toBe(400);
    expect((await json(foreignUnit)).error.fields.unitId).toBe('未找到该单位');
    const noUnit = await call('POST', '/api/users', { cookie: f.users.admin.cookie, json: { username: `y-${tag()}`, displayName: '无单位', role: 'unit' } });
    expect(noUnit.status).toBe(400);
    expect((await json(noUnit)).error.fields.unitId).toBeTruthy();
    const superadmin = await call('POST', '/api/users', { cookie: f.users.admin.cookie, json: { username: `z-${tag()}`, displayName: '超管', role: 'superadmin' } });
    expect(superadmin.status).toBe(400);
  });
});

describe('POST /api/users/bulk', () => {
  it('creates one account per unit of the plan that has none, skipping groups and units with accounts', async () => {
    const f = await makeFixture();
    const [fgw, jyj] = await addPlanUnits(f, ['发改委', '教育局']);
    const res = await call('POST', '/api/users/bulk', { cookie: f.users.admin.cookie, json: { planId: f.planId, prefix: 'ts' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = BulkCreateResponse.parse(await json(res));
    expect(body.created.map((a) => [a.user.unitId, a.user.displayName, a.user.mustChangePassword])).toEqual([
      [fgw, '发改委', true],
      [jyj, '教育局', true],
    ]);
    expect(body.created[0]!.user.username).toMatch(/^ts-发改委(-\d+)?$/);
    expect(body.skipped.map((s) => s.unitName).sort()).toEqual(['单位A', '单位B', '单位C']);
    expect(new Set(body.created.map((a) => a.initialPassword)).size).toBe(2);
    for (const a of body.created) expect((await signIn(a.user.username, a.initialPassword)).res.status).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'plan' AND entity_id = ?1 AND action = 'accounts_bulk'`, f.planId)).toBe(1);

    // Running it again creates nothing.
    const again = BulkCreateResponse.parse(await json(await call('POST', '/api/users/bulk', { cookie: f.users.admin.cookie, json: { planId: f.planId, prefix: 'ts' } })));
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(5);
  });

  it('gives distinct usernames when they would collide', async () => {
    const f = await makeFixture();
    await addPlanUnits(f, ['住建局', '住建 局']);
    const prefix = `c${tag().replace(/[^a-z0-9]/g, '')}`.slice(0, 12);
    const body = BulkCreateResponse.parse(await json(await call('POST', '/api/users/bulk', { cookie: f.users.admin.cookie, json: { planId: f.planId, prefix } })));
    expect(body.created.map((a) => a.user.username)).toEqual([`${prefix}-住建局`, `${prefix}-住建局-2`]);
  });

  it('answers with an XLSX list to hand out', async () => {
    const f = await makeFixture();
    await addPlanUnits(f, ['发改委', '财政局']);
    const res = await call('POST', '/api/users/bulk?format=xlsx', { cookie: f.users.admin.cookie, json: { planId: f.planId } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="duban-accounts-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-created-count')).toBe('2');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('初始密码');
    expect(sheet).toContain('发改委');
    expect(sheet).toMatch(/<c r="E2" t="inlineStr"><is><t xml:space="preserve">[a-z2-9]{12}<\/t>/);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="账号清单"');
    // The passwords in the file work.
    const users = await env.DB.prepare(`SELECT username FROM users WHERE org_id = ?1 AND display_name = '发改委'`).bind(f.orgId).all<{ username: string }>();
    const pw = new RegExp(`${users.results[0]!.username}</t></is></c><c r="E\\d+" t="inlineStr"><is><t xml:space="preserve">([a-z2-9]{12})`).exec(sheet)?.[1];
    expect((await signIn(users.results[0]!.username, pw!)).res.status).toBe(200);
  });

  it('answers with a CSV list (BOM, CRLF) to hand out', async () => {
    const f = await makeFixture();
    await addPlanUnits(f, ['=cmd|calc']);
    const res = await call('POST', '/api/users/bulk?format=csv', { cookie: f.users.admin.cookie, json: { planId: f.planId } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('序号,单位,姓名/名称,用户名,初始密码,角色,说明');
    // A unit name that looks like a formula is defused.
    expect(lines[1]).toMatch(/^1,'=cmd\|calc,'=cmd\|calc,/);
    expect(lines.at(-1)).toBe('');
  });

  it('re-issues passwords of never-used accounts when asked', async () => {
    const f = await makeFixture();
    await addPlanUnits(f, ['审计局']);
    const first = BulkCreateResponse.parse(await json(await call('POST', '/api/users/bulk', { cookie: f.users.admin.cookie, json: { planId: f.planId } })));
    const lost = first.created[0]!;
    const second = BulkCreateResponse.parse(await json(await call('POST', '/api/users/bulk', { cookie: f.users.admin.cookie, json: { planId: f.planId, reissuePending: true } })));
    expect(second.created).toEqual([]);
    expect(second.reissued.map((a) => a.user.id)).toEqual([lost.user.id]);
    expect((await signIn(lost.user.username, lost.initialPassword)).res.status).toBe(401);
    expect((await signIn(lost.user.username, second.reissued[0]!.initialPassword)).res.status).toBe(200);
    // Once used, an account is no longer re-issued.
    const third = BulkCreateResponse.parse(await json(await call('POST', '/api/users/bulk', { cookie: f.users.admin.cookie, json: { planId: f.planId, reissuePending: true } })));
    expect(third.reissued).toEqual([]);
  });

  it('treats another organisation’s plan as absent', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const res = await call('POST', '/api/users/bulk', { cookie: f.users.admin.cookie, json: { planId: other.planId } });
    expect(res.status).toBe(404);
  });
});

describe('account actions', () => {
  it('reset-password: a new one-time password, all sessions end, must change again', async () => {
    const f = await makeFixture();
    const res = await call('POST', `/api/users/${f.users.unitA.id}/reset-password`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { initialPassword } = await json(res);
    expect(initialPassword).toMatch(/^[a-z2-9]{12}$/);
    expect((await call('GET', '/api/me', { cookie: f.users.unitA.cookie })).status).toBe(401);
    expect((await signIn(f.users.unitA.username, PASSWORD)).res.status).toBe(401);
    const login = await signIn(f.users.unitA.username, initialPassword);
    expect(await json(login.res)).toEqual({ ok: true, mustChangePassword: true });
  });

  it('reset-password also lifts a lock on the account', async () => {
    const f = await makeFixture();
    for (let i = 0; i < 5; i++) await signIn(f.users.unitB.username, 'wrong-password');
    expect((await signIn(f.users.unitB.username, PASSWORD)).res.status).toBe(429);
    const { initialPassword } = await json(await call('POST', `/api/users/${f.users.unitB.id}/reset-password`, { cookie: f.users.admin.cookie }));
    expect((await signIn(f.users.unitB.username, initialPassword)).res.status).toBe(200);
  });

  it('an admin cannot reset or disable their own account here', async () => {
    const f = await makeFixture();
    expect((await call('POST', `/api/users/${f.users.admin.id}/reset-password`, { cookie: f.users.admin.cookie })).status).toBe(400);
    expect((await call('PATCH', `/api/users/${f.users.admin.id}`, { cookie: f.users.admin.cookie, json: { disabled: true } })).status).toBe(400);
    expect((await call('GET', '/api/me', { cookie: f.users.admin.cookie })).status).toBe(200);
  });

  it('revoke-sessions signs the account out everywhere', async () => {
    const f = await makeFixture();
    const second = await signIn(f.users.leader.username, PASSWORD);
    const res = await call('POST', `/api/users/${f.users.leader.id}/revoke-sessions`, { cookie: f.users.admin.cookie });
    expect(await json(res)).toEqual({ revoked: 2 });
    expect((await call('GET', '/api/me', { cookie: f.users.leader.cookie })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: second.cookie })).status).toBe(401);
    expect((await signIn(f.users.leader.username, PASSWORD)).res.status).toBe(200);
  });

  it('disable ends sessions and refuses sign-in like a wrong password; enable restores it', async () => {
    const f = await makeFixture();
    const res = await call('PATCH', `/api/users/${f.users.unitC.id}`, { cookie: f.users.admin.cookie, json: { disabled: true } });
    expect(res.status).toBe(200);
    expect(UserSummary.parse((await json(res)).user)).toMatchObject({ disabled: true, activeSessions: 0 });
    expect((await call('GET', '/api/me', { cookie: f.users.unitC.cookie })).status).toBe(401);
    const refused = await signIn(f.users.unitC.username, PASSWORD);
    expect(refused.res.status).toBe(401);
    expect((await json(refused.res)).error.message).toBe('用户名或密码错误');
    await call('PATCH', `/api/users/${f.users.unitC.id}`, { cookie: f.users.admin.cookie, json: { disabled: false, displayName: '单位C 王五' } });
    expect((await signIn(f.users.unitC.username, PASSWORD)).res.status).toBe(200);
    const { users } = await json(await call('GET', '/api/users', { cookie: f.users.admin.cookie }));
    expect(users.find((u: { id: string }) => u.id === f.users.unitC.id)).toMatchObject({ displayName: '单位C 王五', disabled: false });
  });

  it('treats accounts of another organisation as absent', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    for (const [method, path, body] of [
      ['POST', `/api/users/${other.users.unitA.id}/reset-password`, undefined],
      ['POST', `/api/users/${other.users.unitA.id}/revoke-sessions`, undefined],
      ['PATCH', `/api/users/${other.users.unitA.id}`, { disabled: true }],
    ] as const) {
      const res = await call(method, path, { cookie: f.users.admin.cookie, json: body });
      expect(res.status, path).toBe(404);
    }
    expect((await call('GET', '/api/me', { cookie: other.users.unitA.cookie })).status).toBe(200);
  });
});

describe('GET /api/audit', () => {
  it('shows an admin who did what to an account, newest first', async () => {
    const f = await makeFixture();
    await call('PATCH', `/api/users/${f.users.unitA.id}`, { cookie: f.users.admin.cookie, json: { displayName: '单位A 赵六' } });
    await call('POST', `/api/users/${f.users.unitA.id}/revoke-sessions`, { cookie: f.users.admin.cookie });
    const res = await call('GET', `/api/audit?entityType=user&entityId=${f.users.unitA.id}`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(200);
    const { entries } = AuditListResponse.parse(await json(res));
    expect(entries.map((e) => e.action)).toEqual(['sessions_revoke', 'update']);
    expect(entries[1]).toMatchObject({ entityType: 'user', entityId: f.users.unitA.id, userId: f.users.admin.id, username: f.users.admin.username });
    expect(entries[1]!.summary).toContain('单位A 赵六');
  });

  it('shows nothing of another organisation, and nothing to non-admins', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    await call('PATCH', `/api/users/${other.users.unitA.id}`, { cookie: other.users.admin.cookie, json: { displayName: '别处' } });
    const res = await call('GET', `/api/audit?entityType=user&entityId=${other.users.unitA.id}`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(200);
    expect((await json(res)).entries).toEqual([]);
    const all = AuditListResponse.parse(await json(await call('GET', '/api/audit', { cookie: f.users.admin.cookie })));
    expect(all.entries.every((e) => e.entityId !== other.users.unitA.id)).toBe(true);
    expect((await call('GET', '/api/audit', { cookie: f.users.leader.cookie })).status).toBe(403);
    expect((await call('GET', '/api/audit', { cookie: f.users.unitA.cookie })).status).toBe(403);
  });
});

describe('the super-admin', () => {
  it('sees every organisation and names the one it creates an account in', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const sa = await createUser({ orgId: null, role: 'superadmin', username: `root-${tag()}` });
    const { users } = UserListResponse.parse(await json(await call('GET', '/api/users', { cookie: sa.cookie })));
    const ids = users.map((u) => u.id);
    expect(ids).toContain(f.users.admin.id);
    expect(ids).toContain(other.users.admin.id);
    const only = UserListResponse.parse(await json(await call('GET', `/api/users?orgId=${other.orgId}`, { cookie: sa.cookie })));
    expect(only.users.every((u) => u.orgId === other.orgId)).toBe(true);
    const body = { username: `sa-made-${tag()}`, displayName: '督查室 新人', role: 'admin' };
    expect((await call('POST', '/api/users', { cookie: sa.cookie, json: body })).status).toBe(403);
    const made = await call('POST', '/api/users', { cookie: sa.cookie, json: { ...body, orgId: f.orgId } });
    expect(made.status).toBe(201);
    expect((await json(made)).user.orgId).toBe(f.orgId);
    // Its actions on an organisation's accounts are in that organisation's audit log.
    await call('POST', `/api/users/${f.users.unitA.id}/revoke-sessions`, { cookie: sa.cookie });
    const { entries } = await json(await call('GET', `/api/audit?entityType=user&entityId=${f.users.unitA.id}`, { cookie: f.users.admin.cookie }));
    expect(entries[0]).toMatchObject({ action: 'sessions_revoke', userId: sa.id });
  });

  it('cannot be touched by an organisation’s admin', async () => {
    const f = await makeFixture();
    const sa = await createUser({ orgId: null, role: 'superadmin', username: `root-${tag()}` });
    expect((await call('POST', `/api/users/${sa.id}/reset-password`, { cookie: f.users.admin.cookie })).status).toBe(404);
    expect((await call('PATCH', `/api/users/${sa.id}`, { cookie: f.users.admin.cookie, json: { disabled: true } })).status).toBe(404);
  });
});
