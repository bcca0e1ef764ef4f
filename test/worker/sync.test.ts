import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SyncResponse } from '../../shared/schemas/sync';
import { insertRows, runBatches } from '../../worker/src/lib/d1';
import { SYNC_PAGE } from '../../worker/src/routes/sync';
import { jpeg } from './images';
import { MARCH_20, putPhoto, putReport, reportAndSubmit, reportBody, submit, uid } from './reports-support';
import { call, json, makeFixture, type Fixture } from './support';

async function sync(cookie: string, since?: string): Promise<SyncResponse> {
  const res = await call('GET', `/api/sync${since ? `?since=${encodeURIComponent(since)}` : ''}`, { cookie, now: MARCH_20 });
  expect(res.status).toBe(200);
  return SyncResponse.parse(await json(res));
}

/** Follows `hasMore` to the end; returns every page. */
async function syncAll(cookie: string, since?: string): Promise<SyncResponse[]> {
  const pages = [await sync(cookie, since)];
  while (pages.at(-1)!.hasMore) pages.push(await sync(cookie, pages.at(-1)!.cursor));
  return pages;
}

/** `n` more tasks in the fixture's plan, led by unit A (through the chunking insert helper). */
async function addTasks(f: Fixture, n: number): Promise<string[]> {
  const now = new Date().toISOString();
  const ids = Array.from({ length: n }, () => uid());
  await runBatches(env.DB, [
    ...insertRows(
      env.DB,
      'INSERT INTO items (id, plan_id, seq, kind, number, path_json, text, created_at, updated_at)',
      9,
      ids.map((id, i) => [id, f.planId, 100 + i, 'task', String(10 + i), '[]', `批量任务${i}，年底前完成`, now, now]),
    ),
    ...insertRows(
      env.DB,
      'INSERT INTO item_units (item_id, unit_id, plan_id, role, seq)',
      5,
      ids.map((id) => [id, f.units.a, f.planId, 'lead', 0]),
    ),
  ]);
  return ids;
}

describe('GET /api/sync', () => {
  it('first loads everything the user may see, scoped like the plan view', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const a = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    await reportAndSubmit(other.users.unitA.cookie, reportBody(other));

    const forB = await sync(f.users.unitB.cookie);
    expect(forB).toMatchObject({ reset: true, hasMore: false, reports: [], instructions: [] });
    expect(forB.plans.map((p) => p.id)).toEqual([f.planId]);
    expect(forB.plans[0]).toMatchObject({ itemCount: 3, taskCount: 2 });
    const items = new Map(forB.items.map((i) => [i.id, i]));
    expect([...items.keys()].sort()).toEqual(Object.values(f.items).sort());
    expect(items.get(f.items.taskA)).toMatchObject({ access: 'title', text: '新建学校10所', targets: [] });
    expect(items.get(f.items.taskB)!.access).toBe('full');

    const forA = await sync(f.users.unitA.cookie);
    expect(forA.reports.map((r) => r.id)).toEqual([a]);
    expect(forA.items.find((i) => i.id === f.items.taskA)!.targets).toHaveLength(1);
    const forLeader = await sync(f.users.leader.cookie);
    expect(forLeader.reports.map((r) => r.id)).toEqual([a]);
  });

  it('then returns only what changed, and nothing is missed', async () => {
    const f = await makeFixture();
    const start = await sync(f.users.unitA.cookie);
    const quiet = await sync(f.users.unitA.cookie, start.cursor);
    expect(quiet).toMatchObject({ reset: false, hasMore: false, plans: [], items: [], reports: [], instructions: [] });

    const id = uid();
    const photo = uid();
    await putReport(f.users.unitA.cookie, id, reportBody(f, { photos: [{ id: photo }] }));
    const draft = await sync(f.users.unitA.cookie, quiet.cursor);
    expect(draft.reports.map((r) => [r.id, r.state, r.photos[0]!.received])).toEqual([[id, 'draft', false]]);
    expect(draft.items).toEqual([]);
    // Leaders do not see drafts, and are not told about them either.
    const leader0 = await sync(f.users.leader.cookie);
    const leaderDraft = await sync(f.users.leader.cookie, leader0.cursor);
    expect(leaderDraft.reports).toEqual([]);
    expect(leaderDraft.removed.reports).toEqual([]);

    await putPhoto(f.users.unitA.cookie, id, photo, jpeg());
    await submit(f.users.unitA.cookie, id);
    const submitted = await sync(f.users.unitA.cookie, draft.cursor);
    expect(submitted.reports.map((r) => [r.state, r.photos[0]!.received])).toEqual([['submitted', true]]);
    expect((await sync(f.users.leader.cookie, leaderDraft.cursor)).reports.map((r) => r.id)).toEqual([id]);

    const note = await call('POST', '/api/instructions', { cookie: f.users.leader.cookie, json: { itemId: f.items.taskA, reportId: id, text: '请继续跟进' } });
    const withNote = await sync(f.users.unitA.cookie, submitted.cursor);
    expect(withNote.instructions.map((n) => n.id)).toEqual([(await json(note)).id]);
    expect(withNote.reports).toEqual([]);
    const b0 = await sync(f.users.unitB.cookie, quiet.cursor.replace(/\.[0-9a-f]+$/, '.000000000000'));
    expect(b0.reset).toBe(true);
    expect(b0.instructions).toEqual([]);
    expect(Number(withNote.cursor.split('.')[1])).toBeGreaterThan(Number(submitted.cursor.split('.')[1]));
  });

  it('never shows another organisation’s changes, and starts over on a cursor of another user', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const start = await sync(f.users.admin.cookie);
    await reportAndSubmit(other.users.unitA.cookie, reportBody(other));
    const next = await sync(f.users.admin.cookie, start.cursor);
    expect(next).toMatchObject({ reset: false, plans: [], items: [], reports: [] });
    const stolen = await sync(other.users.admin.cookie, start.cursor);
    expect(stolen.reset).toBe(true);
    expect(stolen.plans.map((p) => p.id)).toEqual([other.planId]);
    const garbage = await sync(f.users.admin.cookie, 'not-a-cursor');
    expect(garbage.reset).toBe(true);
  });

  it('follows changes of who carries a task: items, reports and removals', async () => {
    const f = await makeFixture();
    const a = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    const b0 = await sync(f.users.unitB.cookie);
    // Written the way an importer would (an UPSERT): the change log must still record it.
    await env.DB.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, 'co', 2) ON CONFLICT DO NOTHING`)
      .bind(f.items.taskA, f.units.b, f.planId)
      .run();
    const b1 = await sync(f.users.unitB.cookie, b0.cursor);
    expect(b1.items.map((i) => [i.id, i.access])).toEqual([[f.items.taskA, 'full']]);
    expect(b1.reports.map((r) => r.id)).toEqual([a]);

    const a0 = await sync(f.users.unitA.cookie);
    await env.DB.prepare('DELETE FROM items WHERE id = ?1').bind(f.items.indicator).run();
    const a1 = await sync(f.users.unitA.cookie, a0.cursor);
    expect(a1.removed.items).toEqual([f.items.indicator]);
    expect(a1.plans.map((p) => [p.id, p.itemCount])).toEqual([[f.planId, 2]]);
  });

  it('handles more than 100 ids in one answer (D1’s bound-parameter limit)', async () => {
    const f = await makeFixture();
    const ids = await addTasks(f, 150);
    const start = await sync(f.users.unitA.cookie);
    expect(start.items.filter((i) => i.access === 'full')).toHaveLength(152);
    // 150 reports of unit A, one per new task: one answer carries them all.
    const now = MARCH_20.toISOString();
    await runBatches(
      env.DB,
      insertRows(
        env.DB,
        `INSERT INTO reports (id, org_id, plan_id, item_id, unit_id, period, author_id, status, progress, received_at,
                              verify_code, body_hash, created_at, updated_at)`,
        14,
        ids.map((item) => [uid(), f.orgId, f.planId, item, f.units.a, '2024-03', f.users.unitA.id, 'on_track', '进展', now, uid().slice(0, 12), 'x', now, now]),
      ),
    );
    const next = await sync(f.users.unitA.cookie, start.cursor);
    expect(next.reports).toHaveLength(150);
    expect(new Set(next.reports.map((r) => r.taskId))).toEqual(new Set(ids));
  });

  it('pages a large first load without losing or splitting anything', async () => {
    const f = await makeFixture();
    const ids = await addTasks(f, SYNC_PAGE + 100);
    const pages = await syncAll(f.users.unitB.cookie);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.reset).toBe(true);
    expect(pages.slice(1).every((p) => !p.reset)).toBe(true);
    const seen = new Set(pages.flatMap((p) => p.items.map((i) => i.id)));
    for (const id of [...ids, ...Object.values(f.items)]) expect(seen.has(id)).toBe(true);
    expect(pages.flatMap((p) => p.plans.map((x) => x.id))).toContain(f.planId);
  });
});
