// Editing after import: reassign units and leaders, set a deadline (PATCH /api/tasks/:id), set the
// plan's cycle and due day (PATCH /api/plans/:id) — validated, versioned, audited.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { PlanItemsResponse } from '../../shared/schemas/plan';
import { insertLeader, insertUnit, uid } from './dashboard-support';
import { call, json, makeFixture } from './support';

async function auditOf(entityId: string) {
  const { results } = await env.DB.prepare('SELECT action, user_id, summary FROM audit_log WHERE entity_id = ?1 ORDER BY id').bind(entityId).all<{
    action: string;
    user_id: string;
    summary: string;
  }>();
  return results;
}

async function itemOf(planId: string, cookie: string, itemId: string) {
  const body = PlanItemsResponse.parse(await json(await call('GET', `/api/plans/${planId}/tasks`, { cookie })));
  return body.items.find((i) => i.id === itemId)!;
}

describe('PATCH /api/tasks/:id', () => {
  it('reassigns lead and co units and leaders, sets the deadline, and leaves an audit row', async () => {
    const f = await makeFixture();
    const d = await insertUnit(f, `单位D${uid().slice(0, 4)}`);
    const li = await insertLeader(f, '李领导');
    const res = await call('PATCH', `/api/tasks/${f.items.taskA}`, {
      cookie: f.users.admin.cookie,
      json: { version: 1, leadUnitIds: [d, f.units.a], coUnitIds: [f.units.b], leaderIds: [li], deadline: '2024-09-30' },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.version).toBe(2);
    const item = await itemOf(f.planId, f.users.admin.cookie, f.items.taskA);
    expect(item.leadUnits.map((u) => u.id)).toEqual([d, f.units.a]);
    expect(item.coUnits.map((u) => u.id)).toEqual([f.units.b]);
    expect(item.leaders.map((l) => l.name)).toEqual(['李领导']);
    expect(item.deadline).toBe('2024-09-30');
    const audit = await auditOf(f.items.taskA);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'item.edit', user_id: f.users.admin.id });
    expect(audit[0]!.summary).toContain('牵头单位 单位A → 单位D');
    expect(audit[0]!.summary).toContain('责任单位 单位C → 单位B');
    expect(audit[0]!.summary).toContain('牵头领导 张领导 → 李领导');
    expect(audit[0]!.summary).toContain('时限 无 → 2024-09-30');
  });

  it('changes only what the body names', async () => {
    const f = await makeFixture();
    const res = await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: f.users.admin.cookie, json: { deadline: '2024-12-31' } });
    expect(res.status).toBe(200);
    const item = await itemOf(f.planId, f.users.admin.cookie, f.items.taskA);
    expect(item.leadUnits.map((u) => u.id)).toEqual([f.units.a]);
    expect(item.coUnits.map((u) => u.id)).toEqual([f.units.c]);
    expect(item.leaders.map((l) => l.id)).toEqual([f.leaderId]);
    expect(item.deadline).toBe('2024-12-31');
    // Clearing the deadline is a change too.
    await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: f.users.admin.cookie, json: { deadline: null } });
    expect((await itemOf(f.planId, f.users.admin.cookie, f.items.taskA)).deadline).toBeNull();
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const f = await makeFixture();
    const first = await call('PATCH', `/api/tasks/${f.items.taskB}`, { cookie: f.users.admin.cookie, json: { version: 1, leadUnitIds: [f.units.c] } });
    expect(first.status).toBe(200);
    const stale = await call('PATCH', `/api/tasks/${f.items.taskB}`, { cookie: f.users.admin.cookie, json: { version: 1, leadUnitIds: [f.units.a] } });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.code).toBe('conflict');
    expect((await itemOf(f.planId, f.users.admin.cookie, f.items.taskB)).leadUnits.map((u) => u.id)).toEqual([f.units.c]);
    expect(await auditOf(f.items.taskB)).toHaveLength(1);
  });

  it('refuses units and leaders of another organisation, overlaps and empty edits', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const bad = async (body: unknown) => {
      const res = await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: f.users.admin.cookie, json: body });
      expect(res.status).toBe(400);
      return (await json(res)).error;
    };
    expect((await bad({ leadUnitIds: [other.units.a] })).fields.units).toBeTruthy();
    expect((await bad({ leaderIds: [other.leaderId] })).fields.leaderIds).toBeTruthy();
    expect((await bad({ leadUnitIds: [f.units.b], coUnitIds: [f.units.b] })).fields.coUnitIds).toBeTruthy();
    // The existing co-unit C cannot become a lead while it stays a co-unit.
    expect((await bad({ leadUnitIds: [f.units.c] })).fields.coUnitIds).toBeTruthy();
    expect((await bad({ leadUnitIds: [f.units.a, f.units.a] })).fields.leadUnitIds).toBeTruthy();
    expect((await bad({})).fields).toBeTruthy();
    expect((await bad({ deadline: '2024-02-30x' })).fields.deadline).toBeTruthy();
    expect((await bad({ leadUnitIds: [f.units.a], extra: 1 })).code).toBe('validation');
    expect(await auditOf(f.items.taskA)).toHaveLength(0);
  });

  it('is for the supervision office of the same organisation only', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const body = { deadline: '2024-06-30' };
    expect((await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: f.users.leader.cookie, json: body })).status).toBe(403);
    expect((await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: f.users.unitA.cookie, json: body })).status).toBe(403);
    expect((await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: other.users.admin.cookie, json: body })).status).toBe(404);
    expect((await call('PATCH', `/api/tasks/${uid()}`, { cookie: f.users.admin.cookie, json: body })).status).toBe(404);
  });
});

describe('PATCH /api/plans/:id', () => {
  it('sets the cycle and due day, bumps the version and audits', async () => {
    const f = await makeFixture();
    const res = await call('PATCH', `/api/plans/${f.planId}`, { cookie: f.users.admin.cookie, json: { version: 1, cycle: 'quarterly', dueDay: 10 } });
    expect(res.status).toBe(200);
    expect((await json(res)).plan).toMatchObject({ cycle: 'quarterly', dueDay: 10, version: 2 });
    const audit = await auditOf(f.planId);
    expect(audit.map((a) => a.action)).toEqual(['plan.edit']);
    expect(audit[0]!.summary).toContain('报送周期 每月 → 每季度');
    expect(audit[0]!.summary).toContain('截止日 每期25日 → 每期10日');
    // The dashboard follows the new cycle.
    const d = await json(await call('GET', `/api/plans/${f.planId}/dashboard?period=2024-Q1`, { cookie: f.users.admin.cookie }));
    expect(d.dueDate).toBe('2024-03-10');
  });

  it('refuses a stale version, a bad day and other roles', async () => {
    const f = await makeFixture();
    expect((await call('PATCH', `/api/plans/${f.planId}`, { cookie: f.users.admin.cookie, json: { version: 7, dueDay: 20 } })).status).toBe(409);
    const bad = await call('PATCH', `/api/plans/${f.planId}`, { cookie: f.users.admin.cookie, json: { dueDay: 32 } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.fields.dueDay).toBeTruthy();
    expect((await call('PATCH', `/api/plans/${f.planId}`, { cookie: f.users.leader.cookie, json: { dueDay: 20 } })).status).toBe(403);
    expect(await auditOf(f.planId)).toHaveLength(0);
  });
});
