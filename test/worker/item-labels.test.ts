// One label per item within its plan (issue 14 item 4): stored at import, carried by every answer.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import migration from '../../worker/migrations/0009_item_labels.sql?raw';
import wuzhong2023 from '../../seeds/wuzhong-2023-tasks.txt?raw';
import { planItemLabels } from '../../shared/item-labels';
import { call, json, makeFixture } from './support';

async function importWuzhong2023() {
  const f = await makeFixture();
  const res = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: wuzhong2023, fileName: 'wuzhong-2023-tasks.txt' } });
  expect(res.status).toBe(201);
  const { planId } = await json<{ planId: string }>(res);
  return { f, planId };
}

const dupes = (labels: string[]) => labels.filter((l, i) => labels.indexOf(l) !== i);

describe('item labels', () => {
  it('gives every item of the wuzhong-2023 plan its own label, and plan items, sync and dashboard carry it', async () => {
    const { f, planId } = await importWuzhong2023();
    const { items } = await json<{ items: Array<{ id: string; kind: string; number: string; label: string }> }>(
      await call('GET', `/api/plans/${planId}/tasks`, { cookie: f.users.admin.cookie }),
    );
    expect(items.length).toBeGreaterThan(100);
    const labels = items.map((i) => i.label);
    expect(dupes(labels)).toEqual([]);
    // The plan prints 任务 1–8 under 打好三场硬仗 and again from 1 under (一) 实施产业强区工程.
    const tasks = items.filter((i) => i.kind === 'task');
    expect(tasks.filter((i) => i.number === '1').map((i) => i.label)).toEqual(['任务 一.1', '任务 二.1']);
    expect(tasks.find((i) => i.number === '9')!.label).toBe('任务 9');
    expect(items.find((i) => i.kind === 'indicator' && i.number === '1')!.label).toBe('指标 1');

    const byId = new Map(items.map((i) => [i.id, i.label]));
    const synced = await json<{ items: Array<{ id: string; label: string }> }>(await call('GET', '/api/sync', { cookie: f.users.admin.cookie }));
    const syncedHere = synced.items.filter((i) => byId.has(i.id));
    expect(syncedHere.length).toBeGreaterThan(0);
    for (const i of syncedHere) expect(i.label).toBe(byId.get(i.id));

    const board = await json<{ tasks: Array<{ id: string; itemLabel: string }> }>(await call('GET', `/api/plans/${planId}/dashboard`, { cookie: f.users.admin.cookie }));
    expect(board.tasks.length).toBeGreaterThan(100);
    for (const t of board.tasks) expect(t.itemLabel).toBe(byId.get(t.id));
    expect(dupes(board.tasks.map((t) => t.itemLabel))).toEqual([]);

    const found = await json<{ hits: Array<{ id: string; label: string }> }>(await call('GET', `/api/search?plan=${planId}`, { cookie: f.users.admin.cookie }));
    expect(found.hits.length).toBeGreaterThan(0);
    for (const h of found.hits) expect(h.label).toBe(byId.get(h.id));
  });

  it('relabels on re-import when a number starts to repeat', async () => {
    const { f, planId } = await importWuzhong2023();
    // The same document with one more chapter that numbers its task 9 again.
    const extra = `${wuzhong2023.trimEnd()}\n（七）新增章节\t\t\t\t\t\n9\t新增分组\t(9) 新增一项测试任务，年底前完成。\t区发改委★\t\t\n`;
    const res = await call('POST', '/api/imports/commit', { cookie: f.users.admin.cookie, json: { text: extra, fileName: 'wuzhong-2023-tasks.txt', mode: 'update' } });
    expect(res.status).toBe(200);
    const { items } = await json<{ items: Array<{ kind: string; number: string; label: string }> }>(
      await call('GET', `/api/plans/${planId}/tasks`, { cookie: f.users.admin.cookie }),
    );
    expect(dupes(items.map((i) => i.label))).toEqual([]);
    const nines = items.filter((i) => i.kind === 'task' && i.number === '9').map((i) => i.label);
    expect(nines).toEqual(planItemLabels(items).filter((_, i) => items[i]!.kind === 'task' && items[i]!.number === '9'));
    expect(nines.length).toBe(2);
    expect(nines.every((l) => l !== '任务 9')).toBe(true);
  });

  it('backfills rows written before labels by the same rule as the import (migration 0009)', async () => {
    const { planId } = await importWuzhong2023();
    const db = env.DB;
    const before = await db.prepare('SELECT kind, number, label FROM items WHERE plan_id = ?1 ORDER BY seq').bind(planId).all<{ kind: string; number: string; label: string }>();
    await db.prepare('UPDATE items SET label = NULL WHERE plan_id = ?1').bind(planId).run();
    const backfill = migration.slice(migration.indexOf('WITH ordered'));
    await db.prepare(backfill).run();
    const after = await db.prepare('SELECT label FROM items WHERE plan_id = ?1 ORDER BY seq').bind(planId).all<{ label: string }>();
    expect(after.results.map((r) => r.label)).toEqual(before.results.map((r) => r.label));
    expect(before.results.map((r) => r.label)).toEqual(planItemLabels(before.results));
  });
});
