// 上年度未结 (issue 14 item 3): once a newer plan is imported, last year's returned reports and
// unanswered 批示 stay on the unit's list until fixed, answered or closed by the 督查室.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CarryoverResponse } from '../../shared/schemas/carryover';
import { countRows, putReport, reportAndSubmit, reportBody, review, submit } from './reports-support';
import { call, json, makeFixture, type Fixture } from './support';

async function openFor(cookie: string) {
  const res = await call('GET', '/api/carryover', { cookie });
  expect(res.status).toBe(200);
  return CarryoverResponse.parse(await json(res)).entries;
}

async function importNextYear(f: Fixture): Promise<void> {
  const now = new Date().toISOString();
  await env.DB.prepare(
    `INSERT INTO plans (id, org_id, title, issuer, doc_number, year, cycle, due_day, created_at, updated_at)
     VALUES (?1, ?2, '2025年方案', ?3, NULL, 2025, 'monthly', 25, ?4, ?4)`,
  )
    .bind(crypto.randomUUID(), f.orgId, f.orgName, now)
    .run();
}

describe('上年度未结', () => {
  it('a returned report and an unanswered 批示 stay open after the new year until fixed, answered or closed', async () => {
    const f = await makeFixture({ year: 2024 });
    const returned = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    expect((await review(f.users.admin.cookie, returned, 'returned', '请补充照片')).status).toBe(200);
    await call('POST', '/api/instructions', { cookie: f.users.leader.cookie, json: { itemId: f.items.taskB, text: '请年底前完成通车' } });
    // No newer plan yet: nothing is "last year's".
    expect(await openFor(f.users.unitA.cookie)).toEqual([]);

    await importNextYear(f);
    expect(await openFor(f.users.unitA.cookie)).toMatchObject([
      { itemId: f.items.taskA, year: 2024, number: '1', unitName: '单位A', returned: { reportId: returned, period: '2024-03' }, unanswered: 0 },
    ]);
    expect(await openFor(f.users.unitB.cookie)).toMatchObject([{ itemId: f.items.taskB, returned: null, unanswered: 1 }]);
    // The co-unit owes nothing: its report was not returned and the lead unit answers 批示.
    expect(await openFor(f.users.unitC.cookie)).toEqual([]);
    expect((await openFor(f.users.admin.cookie)).map((e) => e.unitName).sort()).toEqual(['单位A', '单位B']);
    expect((await call('GET', '/api/carryover', { cookie: f.users.leader.cookie })).status).toBe(403);

    // Answering the 批示 settles it.
    expect((await call('POST', '/api/instructions/answers', { cookie: f.users.unitB.cookie, json: { itemId: f.items.taskB, text: '已通车' } })).status).toBe(201);
    expect(await openFor(f.users.unitB.cookie)).toEqual([]);

    // Only the office closes, and only for a unit that carries the task.
    const close = (cookie: string, json: unknown) => call('POST', '/api/carryover/close', { cookie, json });
    expect((await close(f.users.unitA.cookie, { itemId: f.items.taskA, unitId: f.units.a })).status).toBe(403);
    expect((await close(f.users.admin.cookie, { itemId: f.items.taskA, unitId: f.units.b })).status).toBe(400);
    const other = await makeFixture();
    expect((await close(other.users.admin.cookie, { itemId: f.items.taskA, unitId: f.units.a })).status).toBe(404);
    expect((await close(f.users.admin.cookie, { itemId: f.items.taskA, unitId: f.units.a, comment: '已线下补报' })).status).toBe(200);
    expect(await openFor(f.users.unitA.cookie)).toEqual([]);
    expect(await countRows(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'carryover.close' AND entity_id = ?1`, f.items.taskA)).toBe(1);
    // The returned report itself is untouched: closing is the office's bookkeeping.
    expect(await countRows(`SELECT COUNT(*) AS n FROM reports WHERE id = ?1 AND state = 'returned'`, returned)).toBe(1);
  });

  it('last year’s returned report can still be amended and sent again, which settles it', async () => {
    const f = await makeFixture({ year: 2024 });
    const body = reportBody(f, { taskId: f.items.indicator, targetValues: [] });
    const id = await reportAndSubmit(f.users.unitA.cookie, body);
    await review(f.users.admin.cookie, id, 'returned', '数据有误');
    await importNextYear(f);
    expect((await openFor(f.users.unitA.cookie)).map((e) => e.itemId)).toEqual([f.items.indicator]);
    const later = new Date('2025-01-10T02:00:00Z');
    expect((await putReport(f.users.unitA.cookie, id, { ...body, progress: '已更正数据。' }, { now: later })).status).toBe(200);
    expect((await submit(f.users.unitA.cookie, id, { now: later })).status).toBe(200);
    expect(await openFor(f.users.unitA.cookie)).toEqual([]);
  });
});
