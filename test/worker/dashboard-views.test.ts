// The other leader views: targets, the photo wall, one task's drill-down, and the supervision
// office's review queue and reminder list. Scenario: dashboard-support.ts.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { PhotoWallResponse, RemindersResponse, ReviewQueueResponse, TargetsResponse, TaskOverview } from '../../shared/schemas/dashboard';
import { insertReport, MARCH_20, MARCH_28, scenario, uid } from './dashboard-support';
import { call, json, makeFixture } from './support';

describe('GET /api/plans/:id/targets', () => {
  it('shows each target against the latest counted lead-unit value', async () => {
    const f = await makeFixture();
    const targetB = uid();
    await env.DB.prepare(`INSERT INTO targets (id, item_id, seq, text, value, unit) VALUES (?1, ?2, 0, '新建道路20公里', 20, '公里')`).bind(targetB, f.items.taskB).run();
    const a = f.units.a;
    const tv = (value: number) => [{ targetId: f.targetA, value }];
    await insertReport(f, { itemId: f.items.taskA, unitId: a, period: '2024-02', authorId: f.users.unitA.id, targetValues: tv(3000), submittedAt: '2024-02-20T02:00:00.000Z' });
    const march = await insertReport(f, { itemId: f.items.taskA, unitId: a, period: '2024-03', authorId: f.users.unitA.id, targetValues: tv(6200), submittedAt: '2024-03-20T02:00:00.000Z' });
    // Neither a co-unit's figure nor an unsent draft moves the bar.
    await insertReport(f, { itemId: f.items.taskA, unitId: f.units.c, period: '2024-04', authorId: f.users.unitC.id, targetValues: tv(9999), submittedAt: '2024-04-20T02:00:00.000Z' });
    await insertReport(f, { itemId: f.items.taskA, unitId: a, period: '2024-04', authorId: f.users.unitA.id, targetValues: tv(8000), submittedAt: null });
    const res = await call('GET', `/api/plans/${f.planId}/targets`, { cookie: f.users.leader.cookie });
    expect(res.status).toBe(200);
    const body = TargetsResponse.parse(await json(res));
    expect(body.targets.map((t) => [t.text, t.current, t.target, t.unit])).toEqual([
      ['新增学位11000个', 6200, 11000, '个'],
      ['新建道路20公里', null, 20, '公里'],
    ]);
    expect(body.targets[0]).toMatchObject({ ratio: 0.5636, reportId: march, unitName: '单位A', period: '2024-03', chapter: '教育', number: '1' });
    expect(body.targets[1]).toMatchObject({ ratio: null, reportId: null });
  });
});

describe('GET /api/plans/:id/photo-wall', () => {
  it('shows the newest photos first, filters by unit and chapter, and pages', async () => {
    const { f, photos, reports } = await scenario();
    const b1 = uid();
    const april = await insertReport(f, { itemId: f.items.taskB, unitId: f.units.b, period: '2024-04', authorId: f.users.unitB.id, submittedAt: '2024-04-20T02:00:00.000Z', photos: [{ id: b1 }] });
    // A draft's photos are not on the wall.
    await insertReport(f, { itemId: f.items.taskA, unitId: f.units.a, period: '2024-05', authorId: f.users.unitA.id, submittedAt: null, photos: [{ id: uid() }] });
    const wall = async (q: string) => {
      const res = await call('GET', `/api/plans/${f.planId}/photo-wall${q}`, { cookie: f.users.leader.cookie });
      expect(res.status).toBe(200);
      return PhotoWallResponse.parse(await json(res));
    };
    const all = await wall('');
    expect(all.photos.map((p) => p.photoId)).toEqual([b1, photos.a1, photos.a2]);
    expect(all.photos[0]).toMatchObject({ reportId: april, unitName: '单位B', period: '2024-04', thumbUrl: `/api/reports/${april}/photos/${b1}/thumb` });
    // Without a thumbnail the photo itself stands in.
    expect(all.photos[2]!.thumbUrl).toBe(`/api/reports/${reports.taskAA}/photos/${photos.a2}`);
    expect(all.chapters).toEqual(['经济社会发展主要预期目标', '教育', '交通']);
    expect(all.next).toBeNull();

    expect((await wall(`?unit=${f.units.a}`)).photos.map((p) => p.photoId)).toEqual([photos.a1, photos.a2]);
    expect((await wall('?chapter=2')).photos.map((p) => p.photoId)).toEqual([b1]);

    const page1 = await wall('?limit=2');
    expect(page1.photos.map((p) => p.photoId)).toEqual([b1, photos.a1]);
    const page2 = await wall(`?limit=2&before=${encodeURIComponent(page1.next!)}`);
    expect(page2.photos.map((p) => p.photoId)).toEqual([photos.a2]);
    expect(page2.next).toBeNull();
    expect((await call('GET', `/api/plans/${f.planId}/photo-wall?before=garbage`, { cookie: f.users.leader.cookie })).status).toBe(400);
  });
});

describe('GET /api/tasks/:id/overview', () => {
  it('gives the lead units’ lights for the period, then every counted report with photos', async () => {
    const { f, taskC, reports, photos } = await scenario();
    const res = await call('GET', `/api/tasks/${taskC}/overview?period=2024-03`, { cookie: f.users.leader.cookie, now: MARCH_28 });
    expect(res.status).toBe(200);
    const o = TaskOverview.parse(await json(res));
    expect(o.cells.map((c) => [c.unitName, c.colour, c.label])).toEqual([
      ['单位B', 'red', '滞后'],
      ['单位C', 'red', '逾期未报'],
    ]);
    // The draft of unit C is not shown.
    expect(o.reports.map((r) => r.id)).toEqual([reports.taskCB]);
    expect(o.reports[0]).toMatchObject({ problems: '征地拆迁未完成', status: 'behind' });

    const a = TaskOverview.parse(await json(await call('GET', `/api/tasks/${f.items.taskA}/overview?period=2024-03`, { cookie: f.users.admin.cookie, now: MARCH_28 })));
    expect(a.item.leaders.map((l) => l.name)).toEqual(['张领导']);
    expect(a.item.targets).toHaveLength(1);
    expect(a.reports.map((r) => [r.id, r.unitName])).toEqual([
      [reports.taskAA, '单位A'],
      [reports.taskAC, '单位C'],
    ]);
    expect(a.reports[0]!.photos.map((p) => p.photoId)).toEqual([photos.a1, photos.a2]);
    expect((await call('GET', `/api/tasks/${taskC}/overview`, { cookie: f.users.unitB.cookie })).status).toBe(403);
  });
});

describe('GET /api/plans/:id/review-queue', () => {
  it('lists submitted reports oldest first; a reviewed report leaves the queue', async () => {
    const { f, reports } = await scenario();
    const queue = async (q = '') => ReviewQueueResponse.parse(await json(await call('GET', `/api/plans/${f.planId}/review-queue${q}`, { cookie: f.users.admin.cookie })));
    const march = await queue('?period=2024-03');
    expect(march.total).toBe(4);
    expect(march.entries.slice(0, 2).map((e) => e.id)).toEqual([reports.taskAC, reports.taskCB]);
    expect(new Set(march.entries.slice(2).map((e) => e.id))).toEqual(new Set([reports.indicatorA, reports.taskAA]));
    const cb = march.entries[1]!;
    expect(cb).toMatchObject({ unitName: '单位B', status: 'behind', number: '3', problems: '征地拆迁未完成' });
    expect((await queue()).total).toBe(6);

    const review = await call('POST', `/api/reports/${reports.taskAC}/review`, { cookie: f.users.admin.cookie, json: { decision: 'accepted' } });
    expect(review.status).toBe(200);
    const after = await queue('?period=2024-03');
    expect(after.entries.map((e) => e.id)).not.toContain(reports.taskAC);
    expect(after.total).toBe(3);
    expect((await call('GET', `/api/plans/${f.planId}/review-queue`, { cookie: f.users.leader.cookie })).status).toBe(403);
  });
});

describe('GET /api/plans/:id/reminders', () => {
  it('lists units not yet reported with a message to paste into the work group', async () => {
    const { f, taskC } = await scenario();
    const before = RemindersResponse.parse(await json(await call('GET', `/api/plans/${f.planId}/reminders?period=2024-03`, { cookie: f.users.admin.cookie, now: MARCH_20 })));
    expect(before.units.map((u) => [u.name, u.tasks.map((t) => t.id)])).toEqual([
      ['单位B', [f.items.taskB]],
      ['单位C', [taskC]],
    ]);
    // One line per unit, its items by label, and a link to open them (docs/ARCHITECTURE.md).
    const lines = (m: string) => m.split('\n');
    expect(lines(before.message)[0]).toBe('【督办提醒】请以下2个单位于3月25日前报送2024年3月工作进展：');
    const labelOf = (id: string) => before.units.flatMap((u) => u.tasks).find((t) => t.id === id)!.label;
    expect(labelOf(f.items.taskB)).toMatch(/^(任务|指标) \S+$/);
    expect(lines(before.message).slice(1)).toEqual([
      `1. 单位B（1项）：${labelOf(f.items.taskB)}`,
      `   http://localhost/tasks/${f.items.taskB}`,
      `2. 单位C（1项）：${labelOf(taskC)}`,
      `   http://localhost/tasks/${taskC}`,
    ]);
    const after = RemindersResponse.parse(await json(await call('GET', `/api/plans/${f.planId}/reminders?period=2024-03`, { cookie: f.users.admin.cookie, now: MARCH_28 })));
    expect(after.pastDue).toBe(true);
    expect(lines(after.message)[0]).toBe('【督办提醒】2024年3月工作进展已于3月25日截止报送，以下2个单位尚未报送，请尽快补报：');
    expect((await call('GET', `/api/plans/${f.planId}/reminders`, { cookie: f.users.leader.cookie })).status).toBe(403);
  });
});
