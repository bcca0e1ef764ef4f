import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Report, ReportDetail } from '../../shared/schemas/report';
import { TaskDraftResponse } from '../../shared/schemas/sync';
import { D1_MAX_PARAMS, stmt } from '../../worker/src/lib/d1';
import { jpeg } from './images';
import { countRows, MARCH_20, putPhoto, putReport, reportAndSubmit, reportBody, submit, uid } from './reports-support';
import { call, json, makeFixture } from './support';

describe('PUT /api/reports/:id', () => {
  it('creates a draft with the server’s evidence and defaults (unit, current period)', async () => {
    const f = await makeFixture();
    const id = uid();
    const res = await putReport(f.users.unitA.cookie, id, reportBody(f), { headers: { 'x-client-time': '2024-03-20T04:01:00.000Z' } });
    expect(res.status).toBe(200);
    const r = Report.parse(await json(res));
    expect(r).toMatchObject({
      id,
      taskId: f.items.taskA,
      planId: f.planId,
      unitId: f.units.a,
      unitName: '单位A',
      period: '2024-03',
      state: 'draft',
      status: 'on_track',
      percent: 40,
      targetValues: [{ targetId: f.targetA, value: 6200 }],
      capturedAt: '2024-03-20T03:55:00.000Z',
      receivedAt: MARCH_20.toISOString(),
      submittedAt: null,
      firstSubmittedAt: null,
      location: { lat: 31.26, lng: 120.63, accuracy: 12 },
      verifyCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{12}$/),
      clockSkewMs: -60_000,
      flags: [],
      revision: 1,
      photos: [],
      reviews: [],
      history: [],
    });
  });

  it('is idempotent: replays give one report and the same answer; a changed draft is updated', async () => {
    const f = await makeFixture();
    const id = uid();
    const body = reportBody(f);
    const first = await json(await putReport(f.users.unitA.cookie, id, body));
    const again = await putReport(f.users.unitA.cookie, id, body, { now: new Date('2024-03-20T05:00:00Z') });
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(first);
    expect(await countRows('SELECT COUNT(*) AS n FROM reports WHERE id = ?1', id)).toBe(1);

    const changed = await putReport(f.users.unitA.cookie, id, { ...body, percent: 55 });
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({ percent: 55, revision: 1, state: 'draft' });
  });

  it('gives one report when the same PUT arrives twice at once', async () => {
    const f = await makeFixture();
    const id = uid();
    const body = reportBody(f, { photos: [{ id: uid() }] });
    const [a, b] = await Promise.all([putReport(f.users.unitA.cookie, id, body), putReport(f.users.unitA.cookie, id, body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await json(a)).toEqual(await json(b));
    expect(await countRows('SELECT COUNT(*) AS n FROM reports WHERE id = ?1', id)).toBe(1);
    expect(await countRows('SELECT COUNT(*) AS n FROM report_photos WHERE report_id = ?1', id)).toBe(1);
  });

  it('after submit: the same body replays, a different body is a 409', async () => {
    const f = await makeFixture();
    const body = reportBody(f);
    const id = await reportAndSubmit(f.users.unitA.cookie, body);
    const same = await putReport(f.users.unitA.cookie, id, body);
    expect(same.status).toBe(200);
    expect((await json(same)).state).toBe('submitted');
    const other = await putReport(f.users.unitA.cookie, id, { ...body, progress: '改过的内容' });
    expect(other.status).toBe(409);
    expect((await json(other)).error.code).toBe('conflict');
    expect(await countRows('SELECT COUNT(*) AS n FROM reports WHERE id = ?1 AND progress = ?2', id, body.progress)).toBe(1);
  });

  it('keeps the stored period when a retry without one arrives in the next month', async () => {
    const f = await makeFixture();
    const id = uid();
    const body = reportBody(f);
    await putReport(f.users.unitA.cookie, id, body);
    const april = await putReport(f.users.unitA.cookie, id, body, { now: new Date('2024-04-02T02:00:00Z') });
    expect(april.status).toBe(200);
    expect((await json(april)).period).toBe('2024-03');
  });

  it('rejects target ids of another task, duplicates, bad periods and a missing 进展情况', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const cookie = f.users.unitA.cookie;
    const foreign = await putReport(cookie, uid(), reportBody(f, { targetValues: [{ targetId: other.targetA, value: 1 }] }));
    expect(foreign.status).toBe(400);
    expect((await json(foreign)).error.fields['targetValues.0.targetId']).toBeTruthy();
    const dup = await putReport(cookie, uid(), reportBody(f, { targetValues: [{ targetId: f.targetA, value: 1 }, { targetId: f.targetA, value: 2 }] }));
    expect((await json(dup)).error.fields['targetValues.1.targetId']).toBeTruthy();
    const quarter = await putReport(cookie, uid(), reportBody(f, { period: '2024-Q1' }));
    expect((await json(quarter)).error.fields.period).toBeTruthy();
    const future = await putReport(cookie, uid(), reportBody(f, { period: '2024-05' }));
    expect((await json(future)).error.fields.period).toBeTruthy();
    const lastYear = await putReport(cookie, uid(), reportBody(f, { period: '2023-12' }));
    expect((await json(lastYear)).error.fields.period).toBeTruthy();
    const empty = await putReport(cookie, uid(), reportBody(f, { progress: '   ' }));
    expect(empty.status).toBe(400);
    expect((await json(empty)).error.fields.progress).toBe('请填写进展情况');
    const tooMany = await putReport(cookie, uid(), reportBody(f, { photos: Array.from({ length: 10 }, () => ({ id: uid() })) }));
    expect(tooMany.status).toBe(400);
    expect(await countRows('SELECT COUNT(*) AS n FROM reports WHERE org_id = ?1', f.orgId)).toBe(0);
  });

  it('lets a unit report only on tasks it carries, and never leaders', async () => {
    const f = await makeFixture();
    const onA = reportBody(f);
    expect((await putReport(f.users.unitB.cookie, uid(), onA)).status).toBe(403);
    expect((await putReport(f.users.unitB.cookie, uid(), { ...onA, unitId: f.units.a })).status).toBe(403);
    expect((await putReport(f.users.leader.cookie, uid(), onA)).status).toBe(403);
    // Unit C co-carries task A: it reports for itself.
    const c = await putReport(f.users.unitC.cookie, uid(), onA);
    expect(c.status).toBe(200);
    expect((await json(c)).unitId).toBe(f.units.c);
    // Another organisation's admin does not even learn the task exists.
    const other = await makeFixture();
    expect((await putReport(other.users.admin.cookie, uid(), onA)).status).toBe(404);
  });

  it('lets an admin report on a unit’s behalf (default: the first lead unit)', async () => {
    const f = await makeFixture();
    const res = await putReport(f.users.admin.cookie, uid(), reportBody(f));
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ unitId: f.units.a, authorName: 'admin用户' });
    const forC = await putReport(f.users.admin.cookie, uid(), reportBody(f, { unitId: f.units.c }));
    expect((await json(forC)).unitId).toBe(f.units.c);
    const forB = await putReport(f.users.admin.cookie, uid(), reportBody(f, { unitId: f.units.b }));
    expect(forB.status).toBe(400);
  });

  it('keeps one report per task, unit and period: a second id is a 409 naming the first', async () => {
    const f = await makeFixture();
    const first = uid();
    await putReport(f.users.unitA.cookie, first, reportBody(f));
    const second = await putReport(f.users.unitA.cookie, uid(), reportBody(f, { percent: 50 }));
    expect(second.status).toBe(409);
    expect((await json(second)).error.details).toEqual({ reportId: first });
  });

  it('flags a skewed phone clock and a capture time after receipt', async () => {
    const f = await makeFixture();
    const skewed = await putReport(f.users.unitA.cookie, uid(), reportBody(f), { headers: { 'x-client-time': '2024-03-20T03:40:00.000Z' } });
    expect(await json(skewed)).toMatchObject({ flags: ['clock_skew'], clockSkewMs: 20 * 60_000 });
    const g = await makeFixture();
    const future = await putReport(g.users.unitA.cookie, uid(), reportBody(g, { capturedAt: '2024-03-20T05:00:00.000+00:00' }), {
      headers: { 'x-client-time': String(MARCH_20.getTime() + 5 * 60_000) },
    });
    expect(await json(future)).toMatchObject({ flags: ['captured_after_received'], clockSkewMs: -5 * 60_000, capturedAt: '2024-03-20T05:00:00.000Z' });
  });

  it('refuses a malformed id and a body with unknown fields', async () => {
    const f = await makeFixture();
    expect((await putReport(f.users.unitA.cookie, 'abc', reportBody(f))).status).toBe(400);
    const extra = await putReport(f.users.unitA.cookie, uid(), { ...reportBody(f), fileName: '../../etc/passwd' });
    expect(extra.status).toBe(400);
  });
});

describe('POST /api/reports/:id/submit', () => {
  it('submits once with the server time; a replay answers the same', async () => {
    const f = await makeFixture();
    const id = uid();
    await putReport(f.users.unitA.cookie, id, reportBody(f));
    const res = await submit(f.users.unitA.cookie, id);
    expect(res.status).toBe(200);
    const r = await json(res);
    expect(r).toMatchObject({ state: 'submitted', submittedAt: MARCH_20.toISOString(), firstSubmittedAt: MARCH_20.toISOString() });
    const again = await submit(f.users.unitA.cookie, id, { now: new Date('2024-03-21T00:00:00Z') });
    expect(await json(again)).toEqual(r);
    expect(await countRows(`SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?1 AND action = 'report.submit'`, id)).toBe(1);
  });

  it('fails with missing_photos while a declared photo has not arrived', async () => {
    const f = await makeFixture();
    const id = uid();
    const [p1, p2] = [uid(), uid()];
    await putReport(f.users.unitA.cookie, id, reportBody(f, { photos: [{ id: p1 }, { id: p2, takenAt: '2024-03-20T03:50:00Z' }] }));
    expect((await putPhoto(f.users.unitA.cookie, id, p1, jpeg())).status).toBe(200);
    const res = await submit(f.users.unitA.cookie, id);
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ error: { code: 'missing_photos', details: { missing: [p2] } } });
    expect(await countRows(`SELECT COUNT(*) AS n FROM reports WHERE id = ?1 AND state = 'draft'`, id)).toBe(1);
    expect((await putPhoto(f.users.unitA.cookie, id, p2, jpeg())).status).toBe(200);
    expect((await json(await submit(f.users.unitA.cookie, id))).state).toBe('submitted');
  });

  it('is refused to other units and leaders', async () => {
    const f = await makeFixture();
    const id = uid();
    await putReport(f.users.unitA.cookie, id, reportBody(f));
    expect((await submit(f.users.unitB.cookie, id)).status).toBe(404);
    expect((await submit(f.users.leader.cookie, id)).status).toBe(403);
    expect((await submit(f.users.admin.cookie, id)).status).toBe(200);
  });
});

describe('GET /api/reports/:id', () => {
  it('follows two-tier visibility: drafts stay with their unit; the lead sees co-units’ reports', async () => {
    const f = await makeFixture();
    const a = uid();
    await putReport(f.users.unitA.cookie, a, reportBody(f));
    const get = (cookie: string, id: string) => call('GET', `/api/reports/${id}`, { cookie });
    expect((await get(f.users.unitA.cookie, a)).status).toBe(200);
    expect((await get(f.users.admin.cookie, a)).status).toBe(200);
    expect((await get(f.users.unitC.cookie, a)).status).toBe(404);
    expect((await get(f.users.leader.cookie, a)).status).toBe(404);
    await submit(f.users.unitA.cookie, a);
    const detail = ReportDetail.parse(await json(await get(f.users.unitC.cookie, a)));
    expect(detail.instructions).toEqual([]);
    expect((await get(f.users.leader.cookie, a)).status).toBe(200);
    expect((await get(f.users.unitB.cookie, a)).status).toBe(404);

    const c = await reportAndSubmit(f.users.unitC.cookie, reportBody(f));
    expect((await get(f.users.unitA.cookie, c)).status).toBe(200);
    expect((await get(f.users.unitB.cookie, c)).status).toBe(404);
    const other = await makeFixture();
    expect((await get(other.users.admin.cookie, a)).status).toBe(404);
  });
});

describe('GET /api/tasks/:id/reports', () => {
  it('lists all units’ reports to the lead, its own and the lead’s to a co-unit, nothing to others', async () => {
    const f = await makeFixture();
    const a = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    const c = await reportAndSubmit(f.users.unitC.cookie, reportBody(f, { percent: 20 }));
    const list = async (cookie: string, q = '') => call('GET', `/api/tasks/${f.items.taskA}/reports${q}`, { cookie });
    const lead = await json(await list(f.users.unitA.cookie, '?period=2024-03'));
    expect(lead.reports.map((r: Report) => r.id)).toEqual([a, c]);
    expect(lead.units).toEqual([
      { id: f.units.a, name: '单位A', role: 'lead' },
      { id: f.units.c, name: '单位C', role: 'co' },
    ]);
    expect((await json(await list(f.users.unitC.cookie))).reports.map((r: Report) => r.id)).toEqual([a, c]);
    expect((await json(await list(f.users.leader.cookie))).reports).toHaveLength(2);
    expect((await json(await list(f.users.admin.cookie, '?period=2024-02'))).reports).toEqual([]);
    expect((await list(f.users.unitB.cookie)).status).toBe(403);
  });
});

describe('GET /api/tasks/:id/draft', () => {
  it('prefills a new body from the unit’s last report, for the current period', async () => {
    const f = await makeFixture();
    const march = await reportAndSubmit(f.users.unitA.cookie, reportBody(f, { percent: 60, status: 'behind' }));
    const res = await call('GET', `/api/tasks/${f.items.taskA}/draft`, { cookie: f.users.unitA.cookie, now: new Date('2024-04-03T02:00:00Z') });
    expect(res.status).toBe(200);
    const d = TaskDraftResponse.parse(await json(res));
    expect(d).toMatchObject({
      periodLabel: '2024年4月',
      dueDate: '2024-04-25',
      basedOn: { reportId: march, period: '2024-03', state: 'submitted' },
      existingReportId: null,
      body: {
        taskId: f.items.taskA,
        unitId: f.units.a,
        period: '2024-04',
        status: 'behind',
        percent: 60,
        targetValues: [{ targetId: f.targetA, value: 6200 }],
        nextSteps: '加快推进剩余4所学校建设。',
        photos: [],
      },
    });
    // One tap: the prefilled body is a valid report for April.
    const april = await putReport(f.users.unitA.cookie, uid(), { ...d.body, capturedAt: '2024-04-03T01:59:00Z' }, { now: new Date('2024-04-03T02:00:00Z') });
    expect(april.status).toBe(200);
    const again = await call('GET', `/api/tasks/${f.items.taskA}/draft`, { cookie: f.users.unitA.cookie, now: new Date('2024-04-03T02:00:00Z') });
    expect((await json(again)).existingReportId).toBe((await json(april)).id);
  });

  it('starts empty without an earlier report, and is refused to non-carrying units', async () => {
    const f = await makeFixture();
    const res = await call('GET', `/api/tasks/${f.items.taskA}/draft`, { cookie: f.users.unitC.cookie, now: MARCH_20 });
    expect(await json(res)).toMatchObject({ basedOn: null, body: { unitId: f.units.c, period: '2024-03', status: 'not_started', percent: 0, progress: '' } });
    expect((await call('GET', `/api/tasks/${f.items.taskA}/draft`, { cookie: f.users.unitB.cookie, now: MARCH_20 })).status).toBe(403);
  });
});

describe('D1 parameter limit', () => {
  it('stmt() refuses more than 100 bound parameters', () => {
    const params = Array.from({ length: D1_MAX_PARAMS + 1 }, (_, i) => i);
    expect(() => stmt(env.DB, 'SELECT 1', ...params)).toThrow(/limit is 100/);
    expect(() => stmt(env.DB, `SELECT ${params.slice(1).map((_, i) => `?${i + 1}`).join(', ')}`, ...params.slice(1))).not.toThrow();
  });
});
