// Search over tasks: FTS5 trigram for three characters or more, LIKE for two-character Chinese
// words, and the filters (unit, leader, area, status, deadline), all within one organisation.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Directory, SearchResponse } from '../../shared/schemas/dashboard';
import { insertItem, insertLeader, insertReport, insertTask, insertUnit, uid } from './dashboard-support';
import { call, createUser, json, makeFixture } from './support';

/**
 * Items of the fixture: indicator 地区生产总值增长5%以上 (A); taskA 新建学校10所，新增学位11000个 (lead A,
 * co C, leader 张领导); taskB 推进道路建设，确保年底通车 (B). Added here:
 *   taskE 推进教育集团化办学 (lead B, area 金庭镇, leader 李领导, deadline 2024-06-30)
 *   taskF 加强职业教育，建设实训基地 (lead C, deadline 2024-12-31)
 */
async function searchFixture() {
  const f = await makeFixture();
  const town = await insertUnit(f, `金庭镇${uid().slice(0, 4)}`);
  const li = await insertLeader(f, `李领导${uid().slice(0, 4)}`);
  const taskE = await insertTask(f, 4, '教育', '推进教育集团化办学，组建集团5个', { leads: [f.units.b], areas: [town], leaders: [li], deadline: '2024-06-30' });
  const taskF = await insertTask(f, 5, '教育', '加强职业教育，建设实训基地', { leads: [f.units.c], deadline: '2024-12-31' });
  return { f, town, li, taskE, taskF };
}

async function search(cookie: string, query: Record<string, string>) {
  const res = await call('GET', `/api/search?${new URLSearchParams(query)}`, { cookie });
  expect(res.status).toBe(200);
  return SearchResponse.parse(await json(res));
}

describe('GET /api/search', () => {
  it('finds two-character Chinese words (教育) through the LIKE fallback', async () => {
    const { f, taskE, taskF } = await searchFixture();
    const r = await search(f.users.admin.cookie, { q: '教育', plan: f.planId });
    expect(r.mode).toBe('like');
    expect(r.hits.map((h) => h.id)).toEqual([taskE, taskF]);
    expect(r.total).toBe(2);
    expect(r.hits[0]!.snippet).toContain('教育');
  });

  it('uses the trigram index for three characters or more', async () => {
    const { f, taskE } = await searchFixture();
    const r = await search(f.users.admin.cookie, { q: '集团化', plan: f.planId });
    expect(r.mode).toBe('fts');
    expect(r.hits.map((h) => h.id)).toEqual([taskE]);
    // Several words must all match; a short one goes through LIKE alongside.
    const both = await search(f.users.admin.cookie, { q: '新增学位 学校', plan: f.planId });
    expect(both.hits.map((h) => h.id)).toEqual([f.items.taskA]);
    expect((await search(f.users.admin.cookie, { q: '新增学位 道路', plan: f.planId })).hits).toEqual([]);
  });

  it('treats query syntax and wildcards as plain text', async () => {
    const { f } = await searchFixture();
    for (const q of ['"教育', 'AND OR', '100%', '教_', 'NEAR(a b)', '*']) {
      const r = await search(f.users.admin.cookie, { q, plan: f.planId });
      expect(r.hits).toEqual([]);
    }
    // 5% is in the indicator's text: % matches itself, not "anything".
    expect((await search(f.users.admin.cookie, { q: '5%以上', plan: f.planId })).hits.map((h) => h.id)).toEqual([f.items.indicator]);
  });

  it('filters by unit, leader, area and deadline', async () => {
    const { f, town, li, taskE, taskF } = await searchFixture();
    const ids = async (q: Record<string, string>) => (await search(f.users.admin.cookie, { plan: f.planId, ...q })).hits.map((h) => h.id);
    // Unit C leads taskF and co-carries taskA.
    expect(await ids({ unit: f.units.c })).toEqual([f.items.taskA, taskF]);
    expect(await ids({ leader: li })).toEqual([taskE]);
    expect(await ids({ area: town })).toEqual([taskE]);
    expect(await ids({ deadlineTo: '2024-09-30' })).toEqual([taskE]);
    expect(await ids({ deadlineFrom: '2024-07-01' })).toEqual([taskF]);
    expect(await ids({ q: '教育', unit: f.units.b })).toEqual([taskE]);
  });

  it('filters by the status of the latest counted lead-unit report', async () => {
    const { f, taskE } = await searchFixture();
    await insertReport(f, { itemId: taskE, unitId: f.units.b, period: '2024-02', authorId: f.users.unitB.id, status: 'on_track', submittedAt: '2024-02-20T02:00:00.000Z' });
    await insertReport(f, { itemId: taskE, unitId: f.units.b, period: '2024-03', authorId: f.users.unitB.id, status: 'behind', percent: 20, submittedAt: '2024-03-20T02:00:00.000Z' });
    // A co-unit's report and a draft do not count.
    await insertReport(f, { itemId: f.items.taskA, unitId: f.units.c, period: '2024-03', authorId: f.users.unitC.id, status: 'done', submittedAt: '2024-03-20T02:00:00.000Z' });
    await insertReport(f, { itemId: f.items.taskB, unitId: f.units.b, period: '2024-03', authorId: f.users.unitB.id, status: 'done', submittedAt: null });
    const behind = await search(f.users.admin.cookie, { plan: f.planId, status: 'behind' });
    expect(behind.hits.map((h) => [h.id, h.status, h.percent])).toEqual([[taskE, 'behind', 20]]);
    expect((await search(f.users.admin.cookie, { plan: f.planId, status: 'done' })).hits).toEqual([]);
    const unreported = await search(f.users.admin.cookie, { plan: f.planId, status: 'unreported' });
    expect(unreported.hits.map((h) => h.id)).not.toContain(taskE);
    expect(unreported.hits.map((h) => h.id)).toContain(f.items.taskA);
    expect(unreported.hits.map((h) => h.id)).toContain(f.items.taskB);
  });

  it('stays within the caller’s organisation', async () => {
    const { f } = await searchFixture();
    const other = await makeFixture();
    const r = await search(other.users.leader.cookie, { q: '新增学位' });
    expect(r.hits.every((h) => h.planId === other.planId)).toBe(true);
    expect(r.hits.map((h) => h.id)).toEqual([other.items.taskA]);
    const res = await call('GET', `/api/search?plan=${f.planId}&q=教育`, { cookie: other.users.admin.cookie });
    expect(res.status).toBe(404);
    expect((await call('GET', '/api/search?q=教育', { cookie: f.users.unitA.cookie })).status).toBe(403);
  });

  it('finds the same words in two organisations only for each one’s own callers', async () => {
    const a = await makeFixture();
    const b = await makeFixture();
    const words = `同名重点任务${uid().slice(0, 8)}`;
    const inA = await insertItem(a, { id: uid(), seq: 6, number: '5', path: ['工作任务分解'], text: `推进${words}，确保完成` });
    const inB = await insertItem(b, { id: uid(), seq: 6, number: '5', path: ['工作任务分解'], text: `加快${words}建设` });
    for (const [f, own] of [[a, inA], [b, inB]] as const) {
      for (const cookie of [f.users.admin.cookie, f.users.leader.cookie]) {
        const r = await search(cookie, { q: words });
        expect(r.mode).toBe('fts');
        // Neither the other organisation's task nor its count leaks.
        expect(r.hits.map((h) => h.id)).toEqual([own]);
        expect(r.total).toBe(1);
      }
      // Two-character words (LIKE) stay within the organisation too.
      const like = await search(f.users.admin.cookie, { q: '推进' });
      expect(like.mode).toBe('like');
      expect(like.hits.length).toBeGreaterThan(0);
      expect(like.hits.every((h) => h.planId === f.planId)).toBe(true);
    }
    // The super-admin searches every organisation.
    const root = await createUser({ orgId: null, role: 'superadmin', username: `root-${uid().slice(0, 8)}` });
    const all = await search(root.cookie, { q: words });
    expect(all.hits.map((h) => h.id).sort()).toEqual([inA, inB].sort());
  });

  it('keeps the index current when tasks are added, edited and deleted', async () => {
    const { f } = await searchFixture();
    const tag = uid().slice(0, 8);
    const ids = async (q: string) => (await search(f.users.admin.cookie, { q })).hits.map((h) => h.id);
    const added = await insertItem(f, { id: uid(), seq: 7, number: '6', path: ['工作任务分解'], text: `新增任务${tag}甲` });
    expect(await ids(`新增任务${tag}`)).toEqual([added]);
    await env.DB.prepare('UPDATE items SET text = ?2 WHERE id = ?1').bind(added, `改名任务${tag}乙`).run();
    expect(await ids(`新增任务${tag}`)).toEqual([]);
    expect(await ids(`改名任务${tag}`)).toEqual([added]);
    await env.DB.prepare('DELETE FROM items WHERE id = ?1').bind(added).run();
    expect(await ids(`改名任务${tag}`)).toEqual([]);
    // The rest of the organisation's index is untouched.
    expect(await ids('集团化')).toHaveLength(1);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM item_search_rows WHERE item_id = ?1').bind(added).first('n')).toBe(0);
  });

  it('validates its query', async () => {
    const { f } = await searchFixture();
    const res = await call('GET', `/api/search?status=whatever&deadlineTo=2024-13-01`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(Object.keys(body.error.fields).sort()).toEqual(['deadlineTo', 'status']);
  });
});

describe('GET /api/plans/:id/directory', () => {
  it('lists the organisation’s units and leaders, the plan’s areas and chapters', async () => {
    const { f, town, li } = await searchFixture();
    const res = await call('GET', `/api/plans/${f.planId}/directory`, { cookie: f.users.leader.cookie });
    expect(res.status).toBe(200);
    const d = Directory.parse(await json(res));
    expect(d.units.map((u) => u.id)).toEqual(expect.arrayContaining([f.units.a, f.units.b, f.units.c, town]));
    expect(d.leaders.map((l) => l.id).sort()).toEqual([f.leaderId, li].sort());
    expect(d.areas.map((a) => a.id)).toEqual([town]);
    expect(d.chapters).toEqual(['经济社会发展主要预期目标', '教育', '交通']);
  });
});
