// 任务编辑 after import: a task's text and targets (PATCH /api/tasks/:id) — validated, versioned,
// audited, and for the supervision office of the same organisation only.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { PlanItemsResponse } from '../../shared/schemas/plan';
import { call, json, makeFixture } from './support';

async function itemOf(planId: string, cookie: string, itemId: string) {
  const body = PlanItemsResponse.parse(await json(await call('GET', `/api/plans/${planId}/tasks`, { cookie })));
  return body.items.find((i) => i.id === itemId)!;
}

const audit = (itemId: string) =>
  env.DB.prepare("SELECT user_id, summary FROM audit_log WHERE entity_id = ?1 AND action = 'item.edit' ORDER BY id").bind(itemId).all<{ user_id: string; summary: string }>().then((r) => r.results);

describe('PATCH /api/tasks/:id — text and targets', () => {
  it('changes the text and the targets, keeps a kept target’s id, and leaves an audit row', async () => {
    const f = await makeFixture();
    const res = await call('PATCH', `/api/tasks/${f.items.taskA}`, {
      cookie: f.users.admin.cookie,
      json: {
        version: 1,
        text: '新增学位12000个，新建学校3所',
        targets: [
          { id: f.targetA, text: '新增学位12000个', value: 12000, unit: '个' },
          { text: '新建学校3所', value: 3, unit: '所' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const item = await itemOf(f.planId, f.users.admin.cookie, f.items.taskA);
    expect(item.text).toBe('新增学位12000个，新建学校3所');
    expect(item.targets.map((t) => [t.text, t.value, t.unit])).toEqual([['新增学位12000个', 12000, '个'], ['新建学校3所', 3, '所']]);
    expect(item.targets[0]!.id).toBe(f.targetA);
    const rows = await audit(f.items.taskA);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.user_id).toBe(f.users.admin.id);
    expect(rows[0]!.summary).toMatch(/内容 .*→ “新增学位12000个，新建学校3所”/);
    expect(rows[0]!.summary).toMatch(/目标 .*→ 新增学位12000个、新建学校3所/);

    // Dropping every target deletes them.
    const none = await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: f.users.admin.cookie, json: { version: 2, targets: [] } });
    expect(none.status).toBe(200);
    expect((await itemOf(f.planId, f.users.admin.cookie, f.items.taskA)).targets).toEqual([]);
  });

  it('refuses an empty text, a bad target and a target of another item, changing nothing', async () => {
    const f = await makeFixture();
    const bodies = [
      { text: '   ' },
      { targets: [{ text: '学位', value: -1, unit: '个' }] },
      { targets: [{ text: '学位', value: 1, unit: '个', extra: 1 }] },
      { targets: [{ id: crypto.randomUUID(), text: '学位', value: 1, unit: '个' }] },
    ];
    for (const json of bodies) {
      const res = await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie: f.users.admin.cookie, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect((await res.json<{ error: { message: string } }>()).error.message).toBeTruthy();
    }
    const item = await itemOf(f.planId, f.users.admin.cookie, f.items.taskA);
    expect(item.targets.map((t) => t.id)).toEqual([f.targetA]);
    expect(await audit(f.items.taskA)).toEqual([]);
  });

  it('is for the supervision office of the same organisation only', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const tries: Array<[string | undefined, number]> = [
      [f.users.leader.cookie, 403],
      [f.users.unitA.cookie, 403],
      [other.users.admin.cookie, 404],
      [undefined, 401],
    ];
    for (const [cookie, status] of tries) {
      expect((await call('PATCH', `/api/tasks/${f.items.taskA}`, { cookie, json: { text: '改写的任务' } })).status).toBe(status);
    }
    expect((await itemOf(f.planId, f.users.admin.cookie, f.items.taskA)).text).not.toBe('改写的任务');
  });
});
