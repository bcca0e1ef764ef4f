import { describe, expect, it } from 'vitest';
import { colourOf } from '../../shared/colour';
import { UnitDueResponse, type DueEntry } from '../../shared/schemas/sync';
import { putReport, reportAndSubmit, reportBody, review, submit, uid } from './reports-support';
import { call, json, makeFixture, type Fixture } from './support';

/** China midnight at the start of `date` (YYYY-MM-DD), as an instant. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);
const at = (iso: string) => new Date(iso);

async function due(f: Fixture, now: Date, cookie = f.users.unitA.cookie, unitId = f.units.a) {
  const res = await call('GET', `/api/units/${unitId}/due`, { cookie, now });
  expect(res.status).toBe(200);
  return UnitDueResponse.parse(await json(res));
}

const pick = (entries: DueEntry[], taskId: string) =>
  entries.filter((e) => e.taskId === taskId).map((e) => [e.period, e.colour, e.label, e.timeliness, e.current]);

describe('GET /api/units/:id/due', () => {
  it('lists the current period and the missing earlier ones of each lead task', async () => {
    const f = await makeFixture();
    const res = await due(f, chinaMidnight('2024-03-20'));
    expect(res.today).toBe('2024-03-20');
    expect(pick(res.entries, f.items.taskA)).toEqual([
      ['2024-01', 'red', '逾期未报', 'missing', false],
      ['2024-02', 'red', '逾期未报', 'missing', false],
      ['2024-03', 'amber', '待报', 'pending', true],
    ]);
    // The indicator it leads is owed too; task B (unit B's) and co-carried tasks are not.
    expect(new Set(res.entries.map((e) => e.taskId))).toEqual(new Set([f.items.indicator, f.items.taskA]));
    const march = res.entries.find((e) => e.taskId === f.items.taskA && e.current)!;
    expect(march).toMatchObject({ periodLabel: '2024年3月', dueDate: '2024-03-25', taskNumber: '1', taskTitle: '新建学校10所', planId: f.planId, report: null });
    const c = await due(f, chinaMidnight('2024-03-20'), f.users.unitC.cookie, f.units.c);
    expect(c.entries).toEqual([]);
  });

  it('turns red when the due day has passed in China time, not before', async () => {
    const f = await makeFixture();
    const lastMinute = await due(f, at('2024-03-25T15:59:59Z'));
    expect(pick(lastMinute.entries, f.items.taskA).at(-1)).toEqual(['2024-03', 'amber', '待报', 'pending', true]);
    const dayAfter = await due(f, at('2024-03-25T16:00:00Z'));
    expect(dayAfter.today).toBe('2024-03-26');
    expect(pick(dayAfter.entries, f.items.taskA).at(-1)).toEqual(['2024-03', 'red', '逾期未报', 'missing', true]);
  });

  it('judges timeliness on the first submission: on time green, late 补报 amber', async () => {
    const f = await makeFixture();
    await reportAndSubmit(f.users.unitA.cookie, reportBody(f), { now: at('2024-03-25T15:30:00Z') });
    await reportAndSubmit(f.users.unitA.cookie, reportBody(f, { taskId: f.items.indicator, targetValues: [] }), { now: at('2024-03-25T16:30:00Z') });
    const res = await due(f, at('2024-03-28T02:00:00Z'));
    expect(pick(res.entries, f.items.taskA).at(-1)).toEqual(['2024-03', 'green', '正常', 'on_time', true]);
    expect(pick(res.entries, f.items.indicator).at(-1)).toEqual(['2024-03', 'amber', '补报', 'late', true]);
    expect(res.entries.find((e) => e.taskId === f.items.taskA && e.current)!.report).toMatchObject({
      state: 'submitted',
      status: 'on_track',
      firstSubmittedAt: '2024-03-25T15:30:00.000Z',
    });
  });

  it('drops earlier periods once reported and moves on at the month boundary', async () => {
    const f = await makeFixture();
    await reportAndSubmit(f.users.unitA.cookie, reportBody(f, { capturedAt: '2024-01-20T01:00:00Z' }), { now: at('2024-01-20T02:00:00Z') });
    await reportAndSubmit(f.users.unitA.cookie, reportBody(f, { period: '2024-02', status: 'behind' }), { now: at('2024-03-01T02:00:00Z') });
    const endOfMarch = await due(f, at('2024-03-31T15:59:00Z'));
    expect(pick(endOfMarch.entries, f.items.taskA)).toEqual([['2024-03', 'red', '逾期未报', 'missing', true]]);
    const april = await due(f, chinaMidnight('2024-04-01'));
    expect(pick(april.entries, f.items.taskA)).toEqual([
      ['2024-03', 'red', '逾期未报', 'missing', false],
      ['2024-04', 'amber', '待报', 'pending', true],
    ]);
  });

  it('keeps a returned report owed — 被退回, then 退回未改 — until resubmitted; the first submission still counts', async () => {
    const f = await makeFixture();
    const body = reportBody(f);
    const id = await reportAndSubmit(f.users.unitA.cookie, body, { now: at('2024-03-20T02:00:00Z') });
    await review(f.users.admin.cookie, id, 'returned', '数据有误', { now: at('2024-03-22T02:00:00Z') });
    expect(pick((await due(f, at('2024-03-23T02:00:00Z'))).entries, f.items.taskA).at(-1)).toEqual(['2024-03', 'amber', '被退回', 'on_time', true]);
    // Being amended (a draft again) is still returned, not missing.
    await putReport(f.users.unitA.cookie, id, { ...body, percent: 45 }, { now: at('2024-03-27T02:00:00Z') });
    const april = await due(f, at('2024-04-02T02:00:00Z'));
    expect(pick(april.entries, f.items.taskA).find((e) => e[0] === '2024-03')).toEqual(['2024-03', 'red', '退回未改', 'on_time', false]);
    await submit(f.users.unitA.cookie, id, { now: at('2024-04-03T02:00:00Z') });
    await review(f.users.admin.cookie, id, 'accepted', '', { now: at('2024-04-04T02:00:00Z') });
    const after = await due(f, at('2024-04-05T02:00:00Z'));
    expect(pick(after.entries, f.items.taskA).filter((e) => String(e[0]) >= '2024-03')).toEqual([['2024-04', 'amber', '待报', 'pending', true]]);
    const list = await json(await call('GET', `/api/tasks/${f.items.taskA}/reports?period=2024-03`, { cookie: f.users.admin.cookie }));
    const r = list.reports[0];
    expect(colourOf({ period: '2024-03', dueDay: 25, now: at('2024-04-05T02:00:00Z'), report: { ...r, submittedAt: r.firstSubmittedAt } })).toMatchObject({ colour: 'green', timeliness: 'on_time' });
  });

  it('follows the plan’s cycle and due day (quarterly, due on the 10th)', async () => {
    const f = await makeFixture({ cycle: 'quarterly', dueDay: 10 });
    const before = await due(f, chinaMidnight('2024-03-10'));
    expect(pick(before.entries, f.items.taskA)).toEqual([['2024-Q1', 'amber', '待报', 'pending', true]]);
    expect(before.entries[0]).toMatchObject({ periodLabel: '2024年一季度', dueDate: '2024-03-10' });
    const after = await due(f, chinaMidnight('2024-03-11'));
    expect(pick(after.entries, f.items.taskA)).toEqual([['2024-Q1', 'red', '逾期未报', 'missing', true]]);
    const q2 = await due(f, chinaMidnight('2024-04-01'));
    expect(pick(q2.entries, f.items.taskA)).toEqual([
      ['2024-Q1', 'red', '逾期未报', 'missing', false],
      ['2024-Q2', 'amber', '待报', 'pending', true],
    ]);
  });

  it('only lists this year’s plans', async () => {
    const f = await makeFixture({ year: 2023 });
    expect((await due(f, chinaMidnight('2024-03-20'))).entries).toEqual([]);
    expect((await due(f, chinaMidnight('2023-12-20'))).entries.filter((e) => e.taskId === f.items.taskA)).toHaveLength(12);
  });

  it('shows a unit its own dues only; leaders and admins any unit of their organisation', async () => {
    const f = await makeFixture();
    const now = chinaMidnight('2024-03-20');
    expect((await call('GET', `/api/units/${f.units.a}/due`, { cookie: f.users.unitB.cookie, now })).status).toBe(403);
    expect((await call('GET', `/api/units/${f.units.a}/due`, { cookie: f.users.leader.cookie, now })).status).toBe(200);
    expect((await due(f, now, f.users.admin.cookie, f.units.b)).entries.map((e) => e.taskId)).toEqual([f.items.taskB, f.items.taskB, f.items.taskB]);
    const other = await makeFixture();
    expect((await call('GET', `/api/units/${f.units.a}/due`, { cookie: other.users.admin.cookie, now })).status).toBe(404);
    expect((await call('GET', `/api/units/${uid()}/due`, { cookie: f.users.admin.cookie, now })).status).toBe(404);
  });
});
