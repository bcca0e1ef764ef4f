import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import wuzhong2024 from '../../seeds/wuzhong-2024-tasks.txt?raw';
import wuzhong2024ocr from '../../seeds/wuzhong-2024-tasks-ocr2.md?raw';
import { testDoc } from './fixtures/import-docs';
import { call, createUser, json, makeFixture } from './support';

const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql).bind(...args).first<{ n: number }>())!.n;

async function adminOfNewOrg() {
  const f = await makeFixture();
  return f;
}

describe('in-app import', () => {
  it('previews a document: items, units to create, warnings, no existing plan', async () => {
    const f = await adminOfNewOrg();
    const tag = '7';
    const res = await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text: testDoc(tag), fileName: 't.txt' } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.parsed.items.filter((i: { kind: string }) => i.kind === 'task')).toHaveLength(3);
    expect(body.existing).toBeNull();
    const byName = Object.fromEntries(body.units.map((u: { name: string; status: string }) => [u.name, u.status]));
    expect(byName['区发改委']).toBe('new');
    expect(byName['各镇（街道）']).toBe('group');
    // Preview writes nothing.
    expect(await count('SELECT COUNT(*) AS n FROM plans WHERE org_id = ?1', f.orgId)).toBe(1);
  });

  it('commits once; the same document number again is a 409 that changes nothing', async () => {
    const f = await adminOfNewOrg();
    const text = testDoc('7');
    const res = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text, cycle: 'quarterly', dueDay: 20 } });
    expect(res.status).toBe(201);
    const { planId } = await json(res);
    const plan = await env.DB.prepare('SELECT org_id, cycle, due_day FROM plans WHERE id = ?1').bind(planId).first();
    expect(plan).toEqual({ org_id: f.orgId, cycle: 'quarterly', due_day: 20 });
    expect(await count("SELECT COUNT(*) AS n FROM units WHERE org_id = ?1 AND kind = 'group'", f.orgId)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?1 AND action = 'plan.import'", planId)).toBe(1);

    const again = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text } });
    expect(again.status).toBe(409);
    expect((await json(again)).error.details.planId).toBe(planId);
    expect(await count('SELECT COUNT(*) AS n FROM plans WHERE org_id = ?1', f.orgId)).toBe(2);
  });

  it('shows the differences of a changed copy and applies them, keeping reported items and item ids', async () => {
    const f = await adminOfNewOrg();
    const tag = '7';
    const { planId } = await json(await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: testDoc(tag) } }));
    const items = await env.DB.prepare('SELECT id, number FROM items WHERE plan_id = ?1 ORDER BY seq').bind(planId).all<{ id: string; number: string }>();
    const idOf = (n: string) => items.results.find((i) => i.number === n)!.id;

    const preview = await json(await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text: testDoc(tag, { changed: true }) } }));
    expect(preview.existing.planId).toBe(planId);
    const diff = preview.existing.diff;
    expect(diff.changed.map((c: { number: string }) => c.number)).toEqual(['1']);
    expect(diff.changed[0].fields).toEqual(expect.arrayContaining(['text', 'targets']));
    expect(diff.added.map((a: { item: { number: string } }) => a.item.number)).toEqual(['4']);
    expect(diff.removed.map((r: { number: string }) => r.number)).toEqual(['2']);
    expect(diff.unchanged).toBe(1);

    const update = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: testDoc(tag, { changed: true }), mode: 'update' } });
    expect(update.status).toBe(200);
    expect(await json(update)).toMatchObject({ mode: 'update', planId, updated: 1, added: 1, removed: 1, kept: [] });
    const after = await env.DB.prepare('SELECT id, number, text FROM items WHERE plan_id = ?1 ORDER BY seq').bind(planId).all<{ id: string; number: string; text: string }>();
    expect(after.results.map((i) => i.number)).toEqual(['1', '3', '4']);
    expect(after.results[0]!.id).toBe(idOf('1'));
    expect(after.results[0]!.text).toContain('25万平方米');
    expect(await count('SELECT COUNT(*) AS n FROM targets WHERE item_id = ?1 AND value = 25', idOf('1'))).toBe(1);
  });

  it('keeps a removed item that already has reports', async () => {
    const f = await adminOfNewOrg();
    const tag = '7';
    const { planId } = await json(await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: testDoc(tag) } }));
    const item2 = (await env.DB.prepare("SELECT id FROM items WHERE plan_id = ?1 AND number = '2'").bind(planId).first<{ id: string }>())!.id;
    const unit = (await env.DB.prepare("SELECT unit_id FROM item_units WHERE item_id = ?1 AND role = 'lead'").bind(item2).first<{ unit_id: string }>())!.unit_id;
    const now = new Date().toISOString();
    const reportId = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO reports (id, org_id, plan_id, item_id, unit_id, period, author_id, state, status, percent, progress, received_at, verify_code, body_hash, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, '2025-03', ?6, 'submitted', 'on_track', 30, '进展', ?7, ?8, 'h', ?7, ?7)`,
    ).bind(reportId, f.orgId, planId, item2, unit, f.users.admin.id, now, reportId.slice(0, 8)).run();
    const update = await json(await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: testDoc(tag, { changed: true }), mode: 'update' } }));
    expect(update.removed).toBe(0);
    expect(update.kept.map((k: { number: string }) => k.number)).toEqual(['2']);
    expect(await count('SELECT COUNT(*) AS n FROM items WHERE id = ?1', item2)).toBe(1);
  });

  it('records the admin’s unit mappings as aliases so the plan lands on existing units', async () => {
    const f = await adminOfNewOrg();
    const tag = '7';
    const res = await call('POST', '/api/imports/commit', {
      cookie: f.users.admin.cookie,
      json: { text: testDoc(tag), aliases: [{ name: '区教育局', unitId: f.units.a }] },
    });
    expect(res.status).toBe(201);
    const { planId } = await json(res);
    const lead = await env.DB.prepare(
      `SELECT iu.unit_id FROM item_units iu JOIN items i ON i.id = iu.item_id WHERE i.plan_id = ?1 AND i.number = '3' AND iu.role = 'lead'`,
    ).bind(planId).first<{ unit_id: string }>();
    expect(lead!.unit_id).toBe(f.units.a);
    const list = await json(await call('GET', '/api/aliases', { cookie: f.users.admin.cookie }));
    expect(list.units.find((u: { id: string }) => u.id === f.units.a).aliases).toEqual(['区教育局']);
  });

  it('refuses a mapping to another organisation’s unit and changes nothing', async () => {
    const f = await adminOfNewOrg();
    const other = await makeFixture();
    const res = await call('POST', '/api/imports/commit', {
      cookie: f.users.admin.cookie,
      json: { text: testDoc('7'), aliases: [{ name: '区教育局', unitId: other.units.a }] },
    });
    expect(res.status).toBe(400);
    expect(await count('SELECT COUNT(*) AS n FROM plans WHERE org_id = ?1', f.orgId)).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM unit_aliases WHERE org_id = ?1', f.orgId)).toBe(0);
  });

  it('rejects a document with nothing to import, and non-admins', async () => {
    const f = await adminOfNewOrg();
    const bad = await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text: '这是一段没有任何任务的文字。' } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toContain('未能从文档中识别');
    for (const u of [f.users.leader, f.users.unitA]) {
      expect((await call('POST', '/api/imports/preview', { cookie: u.cookie, json: { text: testDoc('x') } })).status).toBe(403);
    }
    expect((await call('POST', '/api/imports/preview', { json: { text: testDoc('x') } })).status).toBe(401);
  });

  it('imports the real wuzhong-2024 plan, and its second OCR shows as the same plan', async () => {
    const f = await makeFixture();
    // A super-admin imports into the issuer's organisation (吴中区人民政府).
    const root = await createUser({ orgId: null, role: 'superadmin', username: `root-${f.orgId.slice(0, 8)}` });
    const first = await call('POST', '/api/imports/commit', { cookie: root.cookie, json: { text: wuzhong2024, fileName: 'wuzhong-2024-tasks.txt' } });
    expect([201, 409]).toContain(first.status); // 409 when another test file already imported it
    const preview = await json(await call('POST', '/api/imports/preview', { cookie: root.cookie, json: { text: wuzhong2024ocr } }));
    expect(preview.existing).not.toBeNull();
    expect(preview.parsed.plan.docNumber).toBe('吴政发〔2024〕1号');
    const plans = await count("SELECT COUNT(*) AS n FROM plans WHERE doc_number = '吴政发〔2024〕1号'");
    expect(plans).toBe(1);
    const tasks = await count("SELECT COUNT(*) AS n FROM items i JOIN plans p ON p.id = i.plan_id WHERE p.doc_number = '吴政发〔2024〕1号' AND i.kind = 'task'");
    expect(tasks).toBe(88);
  });
});
