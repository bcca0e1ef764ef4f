import { describe, expect, it } from 'vitest';
import { Instruction, InstructionListResponse, Report, ReportDetail } from '../../shared/schemas/report';
import { jpeg } from './images';
import { countRows, MARCH_20, putPhoto, putReport, reportAndSubmit, reportBody, review, submit, uid } from './reports-support';
import { call, json, makeFixture } from './support';

const later = (minutes: number) => new Date(MARCH_20.getTime() + minutes * 60_000);

describe('POST /api/reports/:id/review', () => {
  it('returned → amended → accepted, with the history kept', async () => {
    const f = await makeFixture();
    const cookie = f.users.unitA.cookie;
    const body = reportBody(f);
    const id = await reportAndSubmit(cookie, body);

    const returned = await review(f.users.admin.cookie, id, 'returned', '请补充现场照片', { now: later(60) });
    expect(returned.status).toBe(200);
    expect(await json(returned)).toMatchObject({ state: 'returned', reviews: [{ decision: 'returned', comment: '请补充现场照片', revision: 1, reviewerName: 'admin用户' }] });
    // A returned report cannot be re-submitted as it is, nor reviewed again.
    expect((await submit(cookie, id, { now: later(61) })).status).toBe(409);
    expect((await review(f.users.admin.cookie, id, 'accepted', '', { now: later(61) })).status).toBe(409);

    const photo = uid();
    const amended = { ...body, progress: '已开工建设学校7所，新增学位7000个。', photos: [{ id: photo }] };
    const put = await putReport(cookie, id, amended, { now: later(120) });
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ state: 'draft', revision: 2, progress: amended.progress, firstSubmittedAt: MARCH_20.toISOString() });
    // The amendment replays; the old body arriving late is refused instead of undoing it.
    expect((await putReport(cookie, id, amended, { now: later(121) })).status).toBe(200);
    const stale = await putReport(cookie, id, body, { now: later(122) });
    expect(stale.status).toBe(409);
    expect(await countRows('SELECT COUNT(*) AS n FROM report_revisions WHERE report_id = ?1', id)).toBe(1);

    expect((await putPhoto(cookie, id, photo, jpeg(), { now: later(125) })).status).toBe(200);
    const resubmitted = await json(await submit(cookie, id, { now: later(130) }));
    expect(resubmitted).toMatchObject({ state: 'submitted', submittedAt: later(130).toISOString(), firstSubmittedAt: MARCH_20.toISOString() });

    const accepted = await review(f.users.admin.cookie, id, 'accepted', '', { now: later(180) });
    const acceptedJson = await json(accepted);
    const r = Report.parse(acceptedJson);
    expect(r.state).toBe('accepted');
    expect(r.revision).toBe(2);
    expect(r.reviews.map((v) => [v.revision, v.decision])).toEqual([
      [1, 'returned'],
      [2, 'accepted'],
    ]);
    expect(r.history).toHaveLength(1);
    expect(r.history[0]).toMatchObject({ revision: 1, submittedAt: MARCH_20.toISOString(), body: { progress: body.progress, period: '2024-03', unitId: f.units.a, photos: [] } });
    // A replayed review answers the same; accepted is final.
    expect(await json(await review(f.users.admin.cookie, id, 'accepted', '', { now: later(181) }))).toEqual(acceptedJson);
    expect(await countRows('SELECT COUNT(*) AS n FROM reviews WHERE report_id = ?1', id)).toBe(2);
    expect((await putReport(cookie, id, { ...amended, percent: 99 }, { now: later(200) })).status).toBe(409);
  });

  it('is for the supervision office only, on submitted reports of its organisation', async () => {
    const f = await makeFixture();
    const draft = uid();
    await putReport(f.users.unitA.cookie, draft, reportBody(f));
    expect((await review(f.users.admin.cookie, draft, 'accepted')).status).toBe(409);
    await submit(f.users.unitA.cookie, draft);
    expect((await review(f.users.leader.cookie, draft, 'accepted')).status).toBe(403);
    expect((await review(f.users.unitA.cookie, draft, 'accepted')).status).toBe(403);
    const other = await makeFixture();
    expect((await review(other.users.admin.cookie, draft, 'accepted')).status).toBe(404);
    const noReason = await review(f.users.admin.cookie, draft, 'returned', '');
    expect(noReason.status).toBe(400);
    expect((await json(noReason)).error.fields.comment).toBe('退回时请填写退回理由');
  });
});

describe('instructions (批示)', () => {
  it('a leader instructs on a task and on a report; the carrying units see them, others do not', async () => {
    const f = await makeFixture();
    const reportId = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    const post = (cookie: string, json: unknown) => call('POST', '/api/instructions', { cookie, json, now: later(10) });
    const onTask = await post(f.users.leader.cookie, { itemId: f.items.taskA, text: '请加快进度，确保九月底前完成。' });
    expect(onTask.status).toBe(201);
    const taskInstruction = Instruction.parse(await json(onTask));
    expect(taskInstruction).toMatchObject({ itemId: f.items.taskA, reportId: null, authorName: 'leader用户', createdAt: later(10).toISOString() });
    const clientId = uid();
    const onReport = { id: clientId, itemId: f.items.taskA, reportId, text: '照片很清楚，继续保持。' };
    const first = await post(f.users.admin.cookie, onReport);
    expect(first.status).toBe(201);
    const replay = await post(f.users.admin.cookie, onReport);
    expect(replay.status).toBe(200);
    expect(await json(replay)).toEqual(await json(first));
    expect((await post(f.users.admin.cookie, { ...onReport, text: '另一条' })).status).toBe(409);
    expect(await countRows('SELECT COUNT(*) AS n FROM instructions WHERE item_id = ?1', f.items.taskA)).toBe(2);

    expect((await post(f.users.unitA.cookie, { itemId: f.items.taskA, text: '单位不能批示' })).status).toBe(403);
    expect((await post(f.users.leader.cookie, { itemId: f.items.taskB, reportId, text: '错配' })).status).toBe(400);
    const other = await makeFixture();
    expect((await post(other.users.leader.cookie, { itemId: f.items.taskA, text: '跨组织' })).status).toBe(404);

    const list = async (cookie: string) => call('GET', `/api/tasks/${f.items.taskA}/instructions`, { cookie });
    const forA = InstructionListResponse.parse(await json(await list(f.users.unitA.cookie)));
    expect(forA.instructions.map((n) => n.id)).toEqual([taskInstruction.id, clientId]);
    // Unit C co-carries the task and may read A's (lead) report, so it sees both.
    expect((await json(await list(f.users.unitC.cookie))).instructions).toHaveLength(2);
    expect((await list(f.users.unitB.cookie)).status).toBe(403);

    const detail = ReportDetail.parse(await json(await call('GET', `/api/reports/${reportId}`, { cookie: f.users.unitA.cookie })));
    expect(detail.instructions.map((n) => n.text)).toEqual(['请加快进度，确保九月底前完成。', '照片很清楚，继续保持。']);
  });

  it('an instruction on a co-unit’s report stays with those who may read that report', async () => {
    const f = await makeFixture();
    const draftOfC = uid();
    await putReport(f.users.unitC.cookie, draftOfC, reportBody(f));
    await call('POST', '/api/instructions', { cookie: f.users.admin.cookie, json: { itemId: f.items.taskA, reportId: draftOfC, text: '草稿批示' } });
    // A (lead) may not read C's draft, so not the instruction on it either.
    expect((await json(await call('GET', `/api/tasks/${f.items.taskA}/instructions`, { cookie: f.users.unitA.cookie }))).instructions).toEqual([]);
    expect((await json(await call('GET', `/api/tasks/${f.items.taskA}/instructions`, { cookie: f.users.unitC.cookie }))).instructions).toHaveLength(1);
  });

  it('a leader cannot attach a 批示 to a report he may not read (an unsent draft): 404, nothing stored', async () => {
    const f = await makeFixture();
    const draft = uid();
    expect((await putReport(f.users.unitA.cookie, draft, reportBody(f))).status).toBe(200);
    const res = await call('POST', '/api/instructions', { cookie: f.users.leader.cookie, json: { itemId: f.items.taskA, reportId: draft, text: '对草稿的批示' } });
    expect(res.status).toBe(404);
    expect((await json(res)).error.message).toBe('未找到该报告');
    expect(await countRows('SELECT COUNT(*) AS n FROM instructions WHERE report_id = ?1', draft)).toBe(0);
    // Once sent, the same 批示 goes through.
    await submit(f.users.unitA.cookie, draft);
    expect((await call('POST', '/api/instructions', { cookie: f.users.leader.cookie, json: { itemId: f.items.taskA, reportId: draft, text: '对报告的批示' } })).status).toBe(201);
  });
});
