// Local demo accounts made from what the plan import left in D1 (own file: it reads every org).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDemoAccounts } from '../../worker/src/db/demo-accounts';
import { call, json } from './support';

const PASSWORD = 'duban-demo';

async function seedOrg(name: string, createdAt: string, units: string[], leaders: string[]) {
  const orgId = crypto.randomUUID();
  await env.DB.batch([
    env.DB.prepare('INSERT INTO orgs (id, name, short_name, created_at) VALUES (?1, ?2, ?2, ?3)').bind(orgId, name, createdAt),
    ...units.map((u) => env.DB.prepare('INSERT INTO units (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(crypto.randomUUID(), orgId, u, createdAt)),
    env.DB.prepare(`INSERT INTO units (id, org_id, name, kind, created_at) VALUES (?1, ?2, '各镇（街道）', 'group', ?3)`).bind(crypto.randomUUID(), orgId, createdAt),
    ...leaders.map((l) => env.DB.prepare('INSERT INTO leaders (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(crypto.randomUUID(), orgId, l, createdAt)),
  ]);
  return orgId;
}

describe('createDemoAccounts', () => {
  it('creates a super-admin, and per organisation an admin, a leader and one account per unit; idempotent', async () => {
    const manyUnits = Array.from({ length: 24 }, (_, i) => `第${i + 1}办公室`);
    const wuzhong = await seedOrg('苏州市吴中区人民政府', '2024-01-01T00:00:00.000Z', ['发改委', '教育局', ...manyUnits], ['王区长', '李副区长']);
    await seedOrg('某某县人民政府', '2024-01-02T00:00:00.000Z', ['财政局'], []);
    const now = new Date('2024-03-01T00:00:00.000Z');

    const accounts = await createDemoAccounts(env.DB, { password: PASSWORD, now });
    const names = accounts.map((a) => a.username);
    expect(names.slice(0, 5)).toEqual(['admin', 'wuzhong-admin', 'wuzhong-leader', 'wuzhong-发改委', 'wuzhong-教育局']);
    expect(names).toContain('org2-admin');
    expect(names).toContain('org2-leader');
    expect(names).toContain('org2-财政局');
    expect(names).not.toContain('wuzhong-各镇（街道）');
    expect(accounts).toHaveLength(1 + 2 + 26 + 2 + 1);
    expect(accounts.every((a) => a.created)).toBe(true);
    expect(accounts[0]).toMatchObject({ role: 'superadmin', orgName: '', unitName: null });
    expect(accounts.find((a) => a.username === 'wuzhong-发改委')).toEqual({
      username: 'wuzhong-发改委',
      role: 'unit',
      orgName: '苏州市吴中区人民政府',
      unitName: '发改委',
      displayName: '发改委',
      created: true,
    });

    const leader = await env.DB.prepare(
      `SELECT u.display_name, u.role, l.name FROM users u JOIN leaders l ON l.id = u.leader_id WHERE u.username = 'wuzhong-leader'`,
    ).first<{ display_name: string; role: string; name: string }>();
    expect(leader).toEqual({ display_name: '区领导', role: 'leader', name: '王区长' });
    const org2Leader = await env.DB.prepare(`SELECT leader_id FROM users WHERE username = 'org2-leader'`).first<{ leader_id: string | null }>();
    expect(org2Leader!.leader_id).toBeNull();
    const sa = await env.DB.prepare(`SELECT org_id, role, must_change_password FROM users WHERE username = 'admin'`).first();
    expect(sa).toEqual({ org_id: null, role: 'superadmin', must_change_password: 0 });
    const pending = await env.DB.prepare('SELECT COUNT(*) AS n FROM users WHERE must_change_password = 1').first<{ n: number }>();
    expect(pending!.n).toBe(0);

    // Demo accounts sign in straight away and see their own organisation.
    const login = await call('POST', '/api/auth/login', { json: { username: 'wuzhong-发改委', password: PASSWORD } });
    expect(await json(login)).toEqual({ ok: true, mustChangePassword: false });
    const cookie = /^(duban_session=[0-9a-f]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
    const me = await json(await call('GET', '/api/me', { cookie }));
    expect(me).toMatchObject({ role: 'unit', orgId: wuzhong, unitName: '发改委' });

    // Twice: nothing new, nothing rehashed.
    const before = await env.DB.prepare('SELECT COUNT(*) AS n, GROUP_CONCAT(password_hash) AS h FROM users').first<{ n: number; h: string }>();
    const again = await createDemoAccounts(env.DB, { password: PASSWORD, now });
    const after = await env.DB.prepare('SELECT COUNT(*) AS n, GROUP_CONCAT(password_hash) AS h FROM users').first<{ n: number; h: string }>();
    expect(after).toEqual(before);
    expect(again.map((a) => a.username)).toEqual(names);
    expect(again.every((a) => !a.created)).toBe(true);
  });
});
