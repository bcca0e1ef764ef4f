// The clerk's correction loop over HTTP: preview with corrections, commit applying them on the
// server's own parse, the same document again reapplying them, near-duplicate unit names.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, json, makeFixture, type Fixture } from './support';

const DOC = [
  '测试区人民政府文件',
  '测政发〔2025〕21号',
  '测试区2025年重点工作任务分解方案',
  '一、推进产业发展',
  '1、新建标准厂房20万平方米，上半年完成主体工程。[牵头单位:区发改委;责任单位:区工信局、区商务局]',
  '2、推进重点项目上半年全[牵头单位:用直镇]',
  '3、面开工建设。[牵头单位:甪直镇;责任单位:甪直镇]',
  '二、增进民生福祉',
  '4、新增学位3000个，九月底前投入使用。[牵头单位:区教育局;责任单位:区财政局、甪直镇]',
].join('\n');

type Item = { number: string; text: string; line: number; leadUnits: string[]; coUnits: string[]; leaders: string[] };

async function preview(f: Fixture, body: Record<string, unknown>) {
  const res = await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text: DOC, ...body } });
  expect(res.status).toBe(200);
  return json(res);
}

const at = (it: Item) => ({ at: { line: it.line, number: it.number }, was: it.text });

async function fixes(f: Fixture) {
  const first = await preview(f, {});
  const items: Item[] = first.parsed.items;
  const [one, two, three] = items as [Item, Item, Item];
  return [
    { op: 'edit', ...at(one), leadUnits: ['区工信局'], text: '新建标准厂房25万平方米。' },
    { op: 'merge', ...at(two), next: { line: three.line, number: three.number }, nextWas: three.text },
    { op: 'same-unit', name: '用直镇', as: '甪直镇' },
    { op: 'plan', title: '测试区2025年重点工作任务分解方案（修订）' },
  ];
}

const rows = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args).all<Record<string, unknown>>().then((r) => r.results);

describe('import corrections', () => {
  it('previews with corrections: the corrected items, and a correction that does not fit is reported', async () => {
    const f = await makeFixture();
    const corrections = await fixes(f);
    const p = await preview(f, { corrections: [...corrections, { op: 'edit', at: { line: 99, number: '9' }, was: '没有这一项', leaders: ['张三'] }] });
    const items: Item[] = p.parsed.items;
    expect(items.map((i) => i.number)).toEqual(['1', '2', '4']);
    expect(items[0]).toMatchObject({ text: '新建标准厂房25万平方米。', leadUnits: ['区工信局'], coUnits: ['区商务局'] });
    expect(items[1]!.text).toBe('推进重点项目上半年全面开工建设。');
    expect(items[1]!.leadUnits).toEqual(['甪直镇']);
    expect(p.parsed.plan.title).toContain('（修订）');
    expect(p.corrections).toHaveLength(4);
    expect(p.stale).toEqual([expect.objectContaining({ index: 4, reason: expect.stringContaining('找不到') })]);
    expect(p.units.map((u: { name: string }) => u.name)).not.toContain('用直镇');
  });

  it('refuses a malformed list and, at commit, a correction that does not apply — writing nothing', async () => {
    const f = await makeFixture();
    const bad = await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text: DOC, corrections: [{ op: 'edit', at: { line: 5, number: '1' }, was: 'x', text: '' }] } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toBeTruthy();
    const stale = await call('POST', '/api/imports/commit', {
      cookie: f.users.admin.cookie,
      json: { text: DOC, corrections: [{ op: 'merge', at: { line: 5, number: '1' }, was: '不是原文', next: { line: 6, number: '2' }, nextWas: 'x' }] },
    });
    expect(stale.status).toBe(400);
    expect((await json(stale)).error.message).toMatch(/已不适用/);
    expect(await rows('SELECT id FROM plans WHERE org_id = ?1 AND doc_number = ?2', f.orgId, '测政发〔2025〕21号')).toHaveLength(0);
    expect(await rows('SELECT 1 FROM import_corrections WHERE org_id = ?1', f.orgId)).toHaveLength(0);
  });

  it('commits with the corrections applied by the server, keeps them, and reapplies them on the next import', async () => {
    const f = await makeFixture();
    const corrections = await fixes(f);
    const res = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: DOC, corrections } });
    expect(res.status).toBe(201);
    const { planId } = await json(res);
    const items = await rows('SELECT id, number, text FROM items WHERE plan_id = ?1 ORDER BY seq', planId);
    expect(items.map((i) => i.number)).toEqual(['1', '2', '4']);
    expect(items[0]!.text).toBe('新建标准厂房25万平方米。');
    expect(items[1]!.text).toBe('推进重点项目上半年全面开工建设。');
    const plan = (await rows('SELECT title FROM plans WHERE id = ?1', planId))[0]!;
    expect(plan.title).toContain('（修订）');
    // The confirmed spelling created no unit of its own, and is an alias now.
    expect(await rows("SELECT 1 FROM units WHERE org_id = ?1 AND name = '用直镇'", f.orgId)).toHaveLength(0);
    const alias = await rows("SELECT u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE a.org_id = ?1 AND a.alias = '用直镇'", f.orgId);
    expect(alias).toEqual([{ name: '甪直镇' }]);
    expect(await rows("SELECT 1 FROM audit_log WHERE entity_id = ?1 AND action = 'import.corrections'", planId)).toHaveLength(1);

    // The same document again: the fixes come back by themselves.
    const again = await preview(f, {});
    expect(again.reapplied).toBe(4);
    expect(again.stale).toEqual([]);
    expect(again.parsed.items.map((i: Item) => i.number)).toEqual(['1', '2', '4']);
    expect(again.parsed.items[0].text).toBe('新建标准厂房25万平方米。');
    expect(again.existing.planId).toBe(planId);
    expect(again.existing.diff.changed).toEqual([]);

    // A changed copy under the same 文号: the fix for the changed item is reported, the rest apply.
    const changed = DOC.replace('新建标准厂房20万', '新建标准厂房30万');
    const p = await json(await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text: changed } }));
    expect(p.reapplied).toBe(3);
    expect(p.stale).toEqual([expect.objectContaining({ index: 0, reason: expect.stringContaining('原文已改变') })]);
  });

  it('commits a split, an item turned heading and a heading turned task, with their sections', async () => {
    const f = await makeFixture();
    const items: Item[] = (await preview(f, {})).parsed.items;
    const four = items.find((i) => i.number === '4')!;
    const two = items.find((i) => i.number === '2')!;
    const line = DOC.split('\n').indexOf('二、增进民生福祉') + 1;
    const corrections = [
      { op: 'split', ...at(four), offset: four.text.indexOf('九月') },
      { op: 'heading', ...at(two) },
      { op: 'task', line, was: '二、增进民生福祉' },
    ];
    const res = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: DOC, corrections } });
    expect(res.status).toBe(201);
    const { planId } = await json(res);
    const got = await rows('SELECT number, text, path_json FROM items WHERE plan_id = ?1 ORDER BY seq', planId);
    expect(got.map((i) => i.number)).toEqual(['1', '3', '二', '4', '4-2']);
    expect(JSON.parse(got[1]!.path_json as string)).toEqual(['推进产业发展', two.text]);
    expect(got[2]!.text).toBe('增进民生福祉');
    expect(got[4]!.text).toBe('九月底前投入使用。');
    const sections = await rows('SELECT title FROM sections WHERE plan_id = ?1 ORDER BY seq', planId);
    expect(sections.map((r) => r.title)).toContain(two.text);
    expect(sections.map((r) => r.title)).not.toContain('增进民生福祉');
  });

  it('keys a document without 文号 by its text: the same text gets its fixes back, another text does not', async () => {
    const f = await makeFixture();
    const text = DOC.replace('测政发〔2025〕21号\n', '');
    const first = await json(await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text } }));
    expect(first.parsed.plan.docNumber).toBeNull();
    const one: Item = first.parsed.items[0];
    const corrections = [{ op: 'edit', ...at(one), leaders: ['张三'] }, { op: 'plan', docNumber: '测政发〔2025〕99号', cycle: 'quarterly', dueDay: 15 }];
    const res = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text, corrections } });
    expect(res.status).toBe(201);
    const { planId } = await json(res);
    expect((await rows('SELECT doc_number, cycle, due_day FROM plans WHERE id = ?1', planId))[0]).toEqual({ doc_number: '测政发〔2025〕99号', cycle: 'quarterly', due_day: 15 });

    const again = await json(await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text } }));
    expect(again.reapplied).toBe(2);
    expect(again.parsed.items[0].leaders).toEqual(['张三']);
    expect(again.settings).toEqual({ cycle: 'quarterly', dueDay: 15 });
    expect(again.existing.planId).toBe(planId);
    const other = await json(await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text: `${text}\n` + '5、新增一项。[牵头单位:区民政局]' } }));
    expect(other.reapplied).toBe(0);
    expect(other.parsed.items[0].leaders).toEqual([]);
  });

  it('offers near-duplicate names as one unit, and a rejected pair is not offered again', async () => {
    const f = await makeFixture();
    await env.DB.prepare("INSERT INTO units (id, org_id, name, kind, created_at) VALUES (?1, ?2, '污染防治攻坚办', 'unit', ?3)")
      .bind(crypto.randomUUID(), f.orgId, new Date().toISOString()).run();
    const text = `${DOC}\n5、打好污染防治攻坚战。[牵头单位:污防攻坚办;责任单位:污染防治办、区税务局、区商务局]`;
    const p = await json(await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text } }));
    expect(p.sameUnits).toEqual(expect.arrayContaining([
      { name: '用直镇', as: '甪直镇', existing: false, reason: 'ocr' },
      { name: '污防攻坚办', as: '污染防治攻坚办', existing: true, reason: 'abbr' },
      { name: '污染防治办', as: '污染防治攻坚办', existing: true, reason: 'abbr' },
    ]));
    expect(p.sameUnits.some((s: { name: string }) => /税务|商务/.test(s.name))).toBe(false);

    const corrections = [
      { op: 'same-unit', name: '污防攻坚办', as: '污染防治攻坚办' },
      { op: 'same-unit', name: '污染防治办', as: '污染防治攻坚办' },
      { op: 'distinct-units', names: ['用直镇', '甪直镇'] },
    ];
    const q = await json(await call('POST', '/api/imports/preview', { cookie: f.users.admin.cookie, json: { text, corrections } }));
    expect(q.sameUnits).toEqual([]);
    const five = q.parsed.items.find((i: Item) => i.number === '5');
    expect(five.leadUnits).toEqual(['污染防治攻坚办']);
    expect(five.coUnits).not.toContain('污染防治办');
    const existing = q.units.find((u: { name: string }) => u.name === '污染防治攻坚办');
    expect(existing.status).toBe('existing');

    const res = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text, corrections } });
    expect(res.status).toBe(201);
    const units = await rows("SELECT name FROM units WHERE org_id = ?1 AND name LIKE '%污%' ORDER BY name", f.orgId);
    expect(units).toEqual([{ name: '污染防治攻坚办' }]);
    expect((await rows("SELECT name FROM units WHERE org_id = ?1 AND name IN ('用直镇', '甪直镇') ORDER BY name", f.orgId)).length).toBe(2);
  });
});
