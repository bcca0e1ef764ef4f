// 批示: leaders (and the supervision office) leave an instruction on a task or on one report;
// the carrying units answer with 落实情况. Together they are the task's thread, with unread
// markers on both sides. The units see them with the report, in their task and in /api/sync.
import { Hono } from 'hono';
import { AnswerBody, InstructionBody, ThreadReadBody } from '../../../shared/schemas/report';
import type { AppEnv, SessionUser } from '../env';
import { getInstructionRow, insertInstruction, mapInstruction, markThreadRead, unreadThreads } from '../db/instructions';
import { getReportRow } from '../db/reports';
import { getTaskContext } from '../db/tasks';
import { auditStatement } from '../db/audit';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { canReadReport, carries, type TaskContext } from '../lib/report-access';
import { assertSameOrg } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireRole, requireUser } from '../middleware/auth';
import type { Db } from '../lib/d1';

type Row = NonNullable<Awaited<ReturnType<typeof getInstructionRow>>>;

async function taskInOrg(db: Db, user: SessionUser, itemId: string): Promise<TaskContext> {
  const task = await getTaskContext(db, itemId.toLowerCase());
  if (!task) throw notFound('未找到该任务');
  assertSameOrg(user, task.orgId);
  return task;
}

/**
 * Stores a message under a client id once: a retry with the same content answers the stored row
 * (200), another content under the same id is a conflict.
 */
async function storeOnce(
  db: Db,
  clientId: string | undefined,
  same: (r: Row) => boolean,
  write: (id: string) => D1PreparedStatement[],
): Promise<{ row: Row; created: boolean }> {
  const id = clientId?.toLowerCase() ?? crypto.randomUUID();
  const before = clientId ? await getInstructionRow(db, id) : null;
  if (before) {
    if (same(before)) return { row: before, created: false };
    throw conflict('该编号已被使用');
  }
  await db.batch(write(id));
  const row = await getInstructionRow(db, id);
  if (!row || !same(row)) throw conflict('该编号已被使用');
  return { row, created: true };
}

export const instructions = new Hono<AppEnv>()
  .use(requireUser)
  .post('/', requireRole('leader', 'admin'), validate('json', InstructionBody), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const body = c.req.valid('json');
    const now = c.var.now();
    const task = await taskInOrg(db, user, body.itemId);
    const reportId = body.reportId?.toLowerCase() ?? null;
    if (reportId) {
      const report = await getReportRow(db, reportId);
      if (!report || report.org_id !== task.orgId) throw notFound('未找到该报告');
      // A 批示 on a report the caller may not read (a unit's unsent draft, for a leader) would
      // confirm that it exists: answer as if it did not.
      if (!canReadReport(user, task, { orgId: report.org_id, unitId: report.unit_id, firstSubmittedAt: report.first_submitted_at }))
        throw notFound('未找到该报告');
      if (report.item_id !== task.id) throw badRequest('该报告不属于此任务', { reportId: '该报告不属于此任务' });
    }
    const { row, created } = await storeOnce(
      db,
      body.id,
      (r) => r.org_id === task.orgId && r.item_id === task.id && r.report_id === reportId && r.text === body.text && r.author_id === user.id,
      (id) => [
        insertInstruction(db, { id, orgId: task.orgId, itemId: task.id, reportId, authorId: user.id, text: body.text, now: now.toISOString() }),
        auditStatement(db, { orgId: task.orgId, userId: user.id, action: 'instruction.create', entityType: 'instruction', entityId: id, summary: body.text }, now),
      ],
    );
    return c.json(mapInstruction(row), created ? 201 : 200);
  })
  .post('/answers', requireRole('unit'), validate('json', AnswerBody), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const body = c.req.valid('json');
    const now = c.var.now();
    const task = await taskInOrg(db, user, body.itemId);
    if (!carries(task, user.unitId)) throw forbidden('本单位不承担该任务');
    const at = now.toISOString();
    const { row, created } = await storeOnce(
      db,
      body.id,
      (r) => r.org_id === task.orgId && r.item_id === task.id && r.kind === 'answer' && r.text === body.text && r.author_id === user.id,
      (id) => [
        insertInstruction(db, { id, orgId: task.orgId, itemId: task.id, reportId: null, authorId: user.id, text: body.text, now: at, unitId: user.unitId }),
        // Writing in a thread means one has read it.
        markThreadRead(db, user.id, task.id, at),
        auditStatement(db, { orgId: task.orgId, userId: user.id, action: 'instruction.answer', entityType: 'instruction', entityId: id, summary: body.text }, now),
      ],
    );
    return c.json(mapInstruction(row), created ? 201 : 200);
  })
  .post('/read', validate('json', ThreadReadBody), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const now = c.var.now();
    const task = await taskInOrg(db, user, c.req.valid('json').itemId);
    if (user.role === 'unit' && !carries(task, user.unitId)) throw forbidden('本单位不承担该任务');
    await db.batch([
      markThreadRead(db, user.id, task.id, now.toISOString()),
      auditStatement(db, { orgId: task.orgId, userId: user.id, action: 'instruction.read', entityType: 'item', entityId: task.id, summary: '' }, now),
    ]);
    return c.json({ ok: true as const, readAt: now.toISOString() });
  })
  .get('/unread', async (c) => {
    const user = c.var.user;
    if (!user.orgId) return c.json({ tasks: [] });
    return c.json({ tasks: await unreadThreads(c.env.DB, user, user.orgId) });
  });
