// The dashboard's aggregates against reports written with known submit times, states and
// periods; every expected number is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { DashboardResponse } from '../../shared/schemas/dashboard';
import { MARCH_20, MARCH_28, scenario } from './dashboard-support';
import { call, json, makeFixture, type Fixture } from './support';


async function dashboardOf(f: Fixture, cookie: string, period: string | null, now: Date) {
  const res = await call('GET', `/api/plans/${f.planId}/dashboard${period ? `?period=${period}` : ''}`, { cookie, now });
  expect(res.status).toBe(200);
  return DashboardResponse.parse(await json(res));
}

describe('GET /api/plans/:id/dashboard', () => {
  it('counts colours, statuses and on-time reporting per (task, lead unit) by the shared rule', async () => {
    const { f, taskC, taskD } = await scenario();
    const d = await dashboardOf(f, f.users.admin.cookie, '2024-03', MARCH_28);
    expect(d.period).toBe('2024-03');
    expect(d.dueDate).toBe('2024-03-25');
    expect(d.pastDue).toBe(true);
    // Pairs: indicator·A green, taskA·A amber, taskB·B red, taskC·B red, taskC·C red.
    expect(d.colours).toEqual({ green: 1, amber: 1, red: 3, grey: 0 });
    expect(d.statuses).toEqual({ on_track: 2, behind: 1, done: 0, blocked: 0, not_started: 0, unreported: 2 });
    expect(d.reporting).toEqual({ pairs: 5, reported: 3, onTime: 2, late: 1, missing: 2, pending: 0, onTimeRate: 0.4, reportedRate: 0.6 });
    // Tasks take their worst lead unit: indicator green, taskA amber, taskB red, taskC red; taskD has none.
    expect(d.taskColours).toEqual({ green: 1, amber: 1, red: 2, grey: 0 });
    expect(d.unassigned).toBe(1);
    const byId = new Map(d.tasks.map((t) => [t.id, t]));
    expect(d.tasks.map((t) => t.id)).toEqual([f.items.indicator, f.items.taskA, f.items.taskB, taskC, taskD]);
    expect(byId.get(f.items.indicator)).toMatchObject({ colour: 'green', label: '正常' });
    expect(byId.get(f.items.taskA)).toMatchObject({ colour: 'amber', label: '补报' });
    expect(byId.get(f.items.taskB)).toMatchObject({ colour: 'red', label: '逾期未报' });
    expect(byId.get(taskC)).toMatchObject({ colour: 'red', label: '滞后' });
    expect(byId.get(taskC)!.cells.map((c) => [c.unitId, c.label])).toEqual([
      [f.units.b, '滞后'],
      [f.units.c, '逾期未报'],
    ]);
    expect(byId.get(taskD)).toMatchObject({ colour: null, cells: [] });
    // The co-unit's report of taskA does not stand in for the lead unit's.
    expect(byId.get(f.items.taskA)!.cells).toHaveLength(1);
    expect(d.lagging).toEqual([f.items.taskB, taskC]);
    expect(d.mine).toBeNull();
  });

  it('groups by chapter, lead unit and leader', async () => {
    const { f } = await scenario();
    const d = await dashboardOf(f, f.users.admin.cookie, '2024-03', MARCH_28);
    // Every task sits under 工作任务分解, so chapters are the next heading; indicators keep their own.
    expect(d.chapters.map((c) => [c.name, c.tasks])).toEqual([
      ['经济社会发展主要预期目标', 1],
      ['教育', 2],
      ['交通', 2],
    ]);
    const edu = d.chapters[1]!;
    expect(edu.colours).toEqual({ green: 0, amber: 1, red: 1, grey: 0 });
    // taskA·A late, taskC·B on time, taskC·C missing.
    expect(edu.reporting).toMatchObject({ pairs: 3, onTime: 1, late: 1, missing: 1 });
    const traffic = d.chapters[2]!;
    expect(traffic.colours).toEqual({ green: 0, amber: 0, red: 1, grey: 0 });
    expect(traffic.reporting).toMatchObject({ pairs: 1, missing: 1 });

    // Most red first: B (2 red), C (1), A (0).
    expect(d.units.map((u) => u.unitId)).toEqual([f.units.b, f.units.c, f.units.a]);
    const [b, c, a] = d.units;
    expect(b).toMatchObject({ tasks: 2, colours: { red: 2, amber: 0, green: 0, grey: 0 }, behind: 1, done: 0, avgPercent: 5 });
    expect(b!.reporting).toMatchObject({ pairs: 2, onTime: 1, missing: 1, onTimeRate: 0.5 });
    expect(c).toMatchObject({ tasks: 1, colours: { red: 1, amber: 0, green: 0, grey: 0 }, avgPercent: 0 });
    expect(a).toMatchObject({ tasks: 2, colours: { green: 1, amber: 1, red: 0, grey: 0 }, avgPercent: 40 });
    expect(a!.reporting).toMatchObject({ onTime: 1, late: 1, onTimeRate: 0.5 });

    expect(d.leaders).toHaveLength(1);
    expect(d.leaders[0]).toMatchObject({ key: f.leaderId, name: '张领导', tasks: 2, colours: { amber: 1, red: 1, green: 0, grey: 0 } });
  });

  it('lists the units that have not reported, most tasks first', async () => {
    const { f, taskC } = await scenario();
    const d = await dashboardOf(f, f.users.admin.cookie, '2024-03', MARCH_28);
    expect(d.missingUnits).toEqual([
      { unitId: f.units.b, name: '单位B', taskIds: [f.items.taskB], overdue: true },
      { unitId: f.units.c, name: '单位C', taskIds: [taskC], overdue: true },
    ]);
  });

  it('draws the trend of every period up to the one shown', async () => {
    const { f } = await scenario();
    const d = await dashboardOf(f, f.users.admin.cookie, '2024-03', MARCH_28);
    expect(d.trend.map((t) => t.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    const [jan, feb, mar] = d.trend;
    expect(jan).toMatchObject({ colours: { red: 5, amber: 0, green: 0, grey: 0 }, reporting: { pairs: 5, missing: 5, onTime: 0 } });
    // 25 Feb 23:59 China is on time; 26 Feb 00:00 China is late (补报, amber).
    expect(feb).toMatchObject({ colours: { green: 1, amber: 1, red: 3, grey: 0 }, reporting: { pairs: 5, onTime: 1, late: 1, missing: 3, onTimeRate: 0.2 } });
    expect(mar!.colours).toEqual(d.colours);
    expect(mar!.reporting).toEqual(d.reporting);
  });

  it('before the due day, unreported tasks are 待报 (amber), not overdue', async () => {
    const { f } = await scenario();
    const d = await dashboardOf(f, f.users.admin.cookie, '2024-03', MARCH_20);
    expect(d.pastDue).toBe(false);
    expect(d.reporting.pending).toBe(2);
    expect(d.reporting.missing).toBe(0);
    expect(d.missingUnits.every((u) => !u.overdue)).toBe(true);
    // taskB·B and taskC·C are 待报 (amber); taskC·B 滞后 stays red.
    expect(d.colours).toEqual({ green: 1, amber: 3, red: 1, grey: 0 });
  });

  it('shows the current period by default and offers the periods up to today', async () => {
    const { f } = await scenario();
    const d = await dashboardOf(f, f.users.admin.cookie, null, MARCH_28);
    expect(d.period).toBe('2024-03');
    expect(d.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    // A later year shows the plan year's last period.
    const later = await dashboardOf(f, f.users.admin.cookie, null, new Date('2025-02-01T00:00:00Z'));
    expect(later.period).toBe('2024-12');
    expect(later.periods).toHaveLength(12);
    expect(later.trend).toHaveLength(12);
  });

  it('puts the signed-in leader’s own tasks first', async () => {
    const { f, taskC } = await scenario();
    const d = await dashboardOf(f, f.users.leader.cookie, '2024-03', MARCH_28);
    expect(d.mine).toEqual({ leaderId: f.leaderId, taskIds: [f.items.taskA, taskC], taskColours: { green: 0, amber: 1, red: 1, grey: 0 } });
    expect(d.lagging).toEqual([taskC, f.items.taskB]);
    expect(d.tasks.filter((t) => t.mine).map((t) => t.id)).toEqual([f.items.taskA, taskC]);
  });

  it('is for leaders and the supervision office only, within their organisation', async () => {
    const { f } = await scenario();
    const other = await makeFixture();
    expect((await call('GET', `/api/plans/${f.planId}/dashboard`, { cookie: f.users.unitA.cookie })).status).toBe(403);
    expect((await call('GET', `/api/plans/${f.planId}/dashboard`)).status).toBe(401);
    const res = await call('GET', `/api/plans/${other.planId}/dashboard`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(404);
  });

  it('refuses a period that is not of the plan’s year and cycle', async () => {
    const { f } = await scenario();
    for (const p of ['2023-03', '2024-Q1', '2024-13']) {
      const res = await call('GET', `/api/plans/${f.planId}/dashboard?period=${p}`, { cookie: f.users.admin.cookie });
      expect(res.status).toBe(400);
      expect((await json(res)).error.fields.period).toBeTruthy();
    }
  });
});
