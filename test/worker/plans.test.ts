import { describe, expect, it } from 'vitest';
import { PlanItemsResponse, PlanListResponse } from '../../shared/schemas/plan';
import { call, json, makeFixture } from './support';

describe('GET /api/health', () => {
  it('reports the version and a working database', async () => {
    const res = await call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true, version: '0.1.0', db: 'ok' });
  });
});

describe('GET /api/plans', () => {
  it('lists only the plans of the caller’s organisation, with item counts', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const res = await call('GET', '/api/plans', { cookie: f.users.leader.cookie });
    expect(res.status).toBe(200);
    const body = PlanListResponse.parse(await json(res));
    expect(body.plans.map((p) => p.id)).toEqual([f.planId]);
    expect(body.plans[0]).toMatchObject({ itemCount: 3, taskCount: 2, indicatorCount: 1, draftCount: 0 });
    expect(body.plans.map((p) => p.id)).not.toContain(other.planId);
  });

  it('needs a session', async () => {
    const res = await call('GET', '/api/plans');
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('GET /api/plans/:id/tasks', () => {
  it('returns items with units, leaders and targets in document order', async () => {
    const f = await makeFixture();
    const res = await call('GET', `/api/plans/${f.planId}/tasks`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(200);
    const body = PlanItemsResponse.parse(await json(res));
    expect(body.items.map((i) => i.id)).toEqual([f.items.indicator, f.items.taskA, f.items.taskB]);
    const taskA = body.items[1]!;
    expect(taskA.leadUnits.map((u) => u.id)).toEqual([f.units.a]);
    expect(taskA.coUnits.map((u) => u.id)).toEqual([f.units.c]);
    expect(taskA.leaders.map((l) => l.name)).toEqual(['张领导']);
    expect(taskA.targets).toEqual([{ id: f.targetA, text: '新增学位11000个', value: 11000, unit: '个' }]);
    expect(taskA.path).toEqual(['工作任务分解', '教育']);
  });

  it('shows a unit only the titles of other units’ tasks', async () => {
    const f = await makeFixture();
    const res = await call('GET', `/api/plans/${f.planId}/tasks`, { cookie: f.users.unitB.cookie });
    const body = PlanItemsResponse.parse(await json(res));
    const taskA = body.items.find((i) => i.id === f.items.taskA)!;
    const taskB = body.items.find((i) => i.id === f.items.taskB)!;
    expect(taskB.access).toBe('full');
    expect(taskA.access).toBe('title');
    expect(taskA.targets).toEqual([]);
    expect(taskA.leadUnits).toEqual([]);
    expect(taskA.text).toBe('新建学校10所');
  });

  it('treats another organisation’s plan as absent', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const res = await call('GET', `/api/plans/${other.planId}/tasks`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(404);
  });

  it('rejects a malformed id with the error shape', async () => {
    const f = await makeFixture();
    const res = await call('GET', '/api/plans/not-a-uuid/tasks', { cookie: f.users.admin.cookie });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe('validation');
    expect(body.error.fields.id).toBeTruthy();
  });
});
