// Progress reports: create/update (PUT, keyed by the client's UUID), read, submit, review.
// Every step is idempotent: a replay returns the same result, a different body for a report
// that can no longer change is a 409.
import { Hono } from 'hono';
import { CLIENT_TIME_HEADER } from '../../../shared/labels';
import { parsePeriod, periodOf } from '../../../shared/period';
import { IdParam, ReportBody, ReviewBody, type ReportDetail } from '../../../shared/schemas/report';
import { newVerifyCode } from '../../../shared/verify-code';
import type { AppEnv } from '../env';
import { instructionsForReport } from '../db/instructions';
import { declaredPhotoRows } from '../db/photos';
import { loadReport } from '../db/report-read';
import {
  amendReturned,
  declarePhotos,
  findReportFor,
  getReportRow,
  insertReport,
  lastReviewOf,
  missingPhotoIds,
  reviewStatements,
  revisionHashes,
  storedBodyOf,
  submitStatement,
  updateDraft,
} from '../db/reports';
import { getTaskContext } from '../db/tasks';
import { auditStatement } from '../db/audit';
import { ApiError, badRequest, conflict, notFound } from '../lib/errors';
import {
  assertCanWriteReport,
  assertReportableTask,
  readableReport,
  reportRef,
  resolveWriteUnit,
  writableReport,
  type TaskContext,
} from '../lib/report-access';
import { bodyHash, mergeFlags, normaliseBody, parseClientTime, skewOf, uploadFlags } from '../lib/report-body';
import { linkReport } from '../lib/photo-links';
import { validate } from '../lib/validate';
import { requireRole, requireUser } from '../middleware/auth';
import type { Db } from '../lib/d1';

async function current(db: Db, id: string) {
  const report = await loadReport(db, id);
  if (!report) throw notFound('未找到该报告');
  return linkReport(report);
}

/** A period of the plan's cycle and year, not in the future. */
function checkPeriod(task: TaskContext, period: string, now: Date): void {
  const p = parsePeriod(period);
  if (p.cycle !== task.cycle) throw badRequest('报送周期与方案的报送频次不一致', { period: '报送周期与方案的报送频次不一致' });
  if (p.year !== task.year) throw badRequest(`只能报送 ${task.year} 年的进展`, { period: `只能报送 ${task.year} 年的进展` });
  if (period > periodOf(now, task.cycle)) throw badRequest('不能报送尚未开始的周期', { period: '不能报送尚未开始的周期' });
}

function checkReferences(task: TaskContext, body: ReportBody): void {
  const fields: Record<string, string> = {};
  const known = new Set(task.targetIds);
  const seen = new Set<string>();
  body.targetValues.forEach((t, i) => {
    const id = t.targetId.toLowerCase();
    if (!known.has(id)) fields[`targetValues.${i}.targetId`] = '该目标不属于此任务';
    else if (seen.has(id)) fields[`targetValues.${i}.targetId`] = '同一目标重复填写';
    seen.add(id);
  });
  const photos = new Set<string>();
  body.photos.forEach((p, i) => {
    const id = p.id.toLowerCase();
    if (photos.has(id)) fields[`photos.${i}.id`] = '照片编号重复';
    photos.add(id);
  });
  if (Object.keys(fields).length) throw new ApiError(400, 'validation', '提交的内容不符合要求', fields);
}

const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed: reports\.item_id/i.test(String((e as Error)?.message ?? e));
const isCodeTaken = (e: unknown) => /UNIQUE constraint failed: reports\.verify_code/i.test(String((e as Error)?.message ?? e));

/**
 * The phone's 核验码 is already another report's (about one chance in ten million over ten years
 * of a large organisation, shared/verify-code.ts). Nothing was stored; the outbox draws a new code
 * and sends again at once. The photos already printed with the old code then lead to the other
 * report, whose SHA-256 differs: the page says 不一致 — never a false 一致, and the report is kept.
 */
const codeTaken = () =>
  new ApiError(409, 'verify_code_taken', '核验码与已有报告重复，请重新生成核验码后再提交');

const duplicatePeriod = (reportId: string) =>
  conflict('本单位该周期已有进展报告，请修改原报告', { reportId });

export const reports = new Hono<AppEnv>()
  .use(requireUser)
  .put('/:id', requireRole('unit', 'admin'), validate('param', IdParam), validate('json', ReportBody), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const id = c.req.valid('param').id.toLowerCase();
    const input = c.req.valid('json');
    const now = c.var.now();
    const nowIso = now.toISOString();

    const task = await getTaskContext(db, input.taskId.toLowerCase());
    if (!task) throw notFound('未找到该任务');
    assertReportableTask(user, task);
    const existing = await getReportRow(db, id);
    if (existing) {
      if (existing.org_id !== task.orgId) throw notFound('未找到该报告');
      if (existing.item_id !== task.id) throw conflict('该报告编号已用于其他任务');
      assertCanWriteReport(user, reportRef(existing), task);
    }
    const unitId = resolveWriteUnit(user, task, input.unitId ?? existing?.unit_id);
    if (existing && existing.unit_id !== unitId) throw conflict('报告的报送单位不能更改');
    // On an update the stored period stays unless the body names one: a retry that crosses a
    // month boundary must not move the report to another period.
    const period = input.period ?? existing?.period ?? periodOf(now, task.cycle);
    const body = normaliseBody(input, { unitId, period });
    const hash = await bodyHash(body);
    // A replay answers as before, even if the task changed since (a target removed on re-import).
    if (existing?.body_hash === hash) return c.json(await current(db, id));
    checkPeriod(task, period, now);
    checkReferences(task, input);
    if (existing) {
      if (existing.state === 'submitted' || existing.state === 'accepted') {
        throw conflict('报告已报送，内容不能再修改', { state: existing.state });
      }
      if ((await revisionHashes(db, id)).includes(hash)) throw conflict('这是报告的旧版本，已被修改后的内容取代');
    }
    const other = await findReportFor(db, task.id, unitId, period);
    if (other && other.id !== id) throw duplicatePeriod(other.id);

    const clientTime = parseClientTime(c.req.header(CLIENT_TIME_HEADER));
    const skewMs = skewOf(clientTime, now);
    const declared = new Map(body.photos.map((p) => [p.id, p]));
    const photoFlags = existing
      ? (await declaredPhotoRows(db, id))
          .filter((p) => p.sha256 && p.received_at && declared.has(p.photo_id))
          .map((p) =>
            uploadFlags({
              skewMs: p.client_sent_at ? Date.parse(p.received_at!) - Date.parse(p.client_sent_at) : null,
              capturedAt: declared.get(p.photo_id)!.takenAt ?? null,
              receivedAt: p.received_at!,
            }),
          )
      : [];
    const write = {
      id,
      body,
      hash,
      now: nowIso,
      clientSentAt: clientTime?.toISOString() ?? null,
      skewMs,
      flags: mergeFlags(uploadFlags({ skewMs, capturedAt: body.capturedAt, receivedAt: nowIso }), ...photoFlags),
    };
    const action = !existing ? 'report.create' : existing.state === 'returned' ? 'report.amend' : 'report.update';
    const statements = !existing
      ? [insertReport(db, { ...write, orgId: task.orgId, planId: task.planId, authorId: user.id, verifyCode: input.verifyCode ?? newVerifyCode() })]
      : existing.state === 'returned'
        ? amendReturned(db, { ...write, prevHash: existing.body_hash, authorId: user.id }, JSON.stringify(storedBodyOf(existing)))
        : [updateDraft(db, { ...write, prevHash: existing.body_hash, authorId: user.id })];
    try {
      await db.batch([
        ...statements,
        ...declarePhotos(db, id, hash, body.photos),
        auditStatement(
          db,
          { orgId: task.orgId, userId: user.id, action, entityType: 'report', entityId: id, summary: `${task.number} ${period} ${body.status}` },
          now,
        ),
      ]);
    } catch (e) {
      if (isCodeTaken(e)) throw codeTaken();
      if (!isUniqueViolation(e)) throw e;
      const clash = await findReportFor(db, task.id, unitId, period);
      throw duplicatePeriod(clash?.id ?? id);
    }
    // A concurrent write with another body may have won the race: then this one changed nothing.
    const after = await getReportRow(db, id);
    if (!after || after.body_hash !== hash) throw conflict('报告已被同时修改，请刷新后重试');
    return c.json(await current(db, id));
  })
  .get('/:id', validate('param', IdParam), async (c) => {
    const user = c.var.user;
    const id = c.req.valid('param').id.toLowerCase();
    const { row } = await readableReport(c.env.DB, user, id);
    const detail: ReportDetail = {
      ...(await current(c.env.DB, id)),
      instructions: await instructionsForReport(c.env.DB, user, row.org_id, row.item_id, id),
    };
    return c.json(detail);
  })
  .post('/:id/submit', requireRole('unit', 'admin'), validate('param', IdParam), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const id = c.req.valid('param').id.toLowerCase();
    const now = c.var.now();
    const { row } = await writableReport(db, user, id);
    if (row.state === 'submitted' || row.state === 'accepted') return c.json(await current(db, id));
    if (row.state === 'returned') throw conflict('报告已被退回，请修改后再报送', { state: row.state });
    const missing = await missingPhotoIds(db, id);
    if (missing.length) throw new ApiError(409, 'missing_photos', `还有 ${missing.length} 张照片未上传完成`, undefined, { missing });
    const [done] = await db.batch([
      submitStatement(db, id, now.toISOString()),
      auditStatement(db, { orgId: row.org_id, userId: user.id, action: 'report.submit', entityType: 'report', entityId: id }, now),
    ]);
    if (!done!.meta.changes) {
      // Lost a race: with a concurrent submit (fine) or a change of the photo declaration.
      const after = await getReportRow(db, id);
      if (after?.state !== 'submitted' && after?.state !== 'accepted') {
        const stillMissing = await missingPhotoIds(db, id);
        if (stillMissing.length) throw new ApiError(409, 'missing_photos', `还有 ${stillMissing.length} 张照片未上传完成`, undefined, { missing: stillMissing });
        throw conflict('报告状态已变化，请刷新后重试', { state: after?.state });
      }
    }
    return c.json(await current(db, id));
  })
  .post('/:id/review', requireRole('admin'), validate('param', IdParam), validate('json', ReviewBody), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const id = c.req.valid('param').id.toLowerCase();
    const { decision, comment } = c.req.valid('json');
    const now = c.var.now();
    const { row } = await readableReport(db, user, id);
    const isReplay = async () => {
      const last = await lastReviewOf(db, id, row.revision);
      return last?.decision === decision && last.comment === comment;
    };
    if (row.state !== 'submitted') {
      if (row.state === decision && (await isReplay())) return c.json(await current(db, id));
      throw conflict(row.state === 'draft' ? '报告尚未报送，不能审核' : '报告已审核', { state: row.state });
    }
    const [inserted] = await db.batch([
      ...reviewStatements(db, { reviewId: crypto.randomUUID(), reportId: id, revision: row.revision, reviewerId: user.id, decision, comment, now: now.toISOString() }),
      auditStatement(db, { orgId: row.org_id, userId: user.id, action: `report.${decision === 'accepted' ? 'accept' : 'return'}`, entityType: 'report', entityId: id, summary: comment }, now),
    ]);
    if (!inserted!.meta.changes && !(await isReplay())) throw conflict('报告已被他人审核', { state: (await getReportRow(db, id))?.state });
    return c.json(await current(db, id));
  });
