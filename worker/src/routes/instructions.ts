// 批示: leaders (and the supervision office) leave an instruction on a task or on one report.
// The units see them with the report, in their task's list and in /api/sync.
import { Hono } from 'hono';
import { InstructionBody } from '../../../shared/schemas/report';
import type { AppEnv } from '../env';
import { getInstructionRow, insertInstruction, mapInstruction } from '../db/instructions';
import { getReportRow } from '../db/reports';
import { getTaskContext } from '../db/tasks';
import { auditStatement } from '../lib/audit';
import { badRequest, conflict, notFound } from '../lib/errors';
import { canReadReport } from '../lib/report-access';
import { assertSameOrg } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireRole, requireUser } from '../middleware/auth';

export const instructions = new Hono<AppEnv>()
  .use(requireUser)
  .post('/', requireRole('leader', 'admin'), validate('json', InstructionBody), async (c) => {
    const user = c.var.user!;
    const db = c.env.DB;
    const body = c.req.valid('json');
    const now = c.var.now();
    const task = await getTaskContext(db, body.itemId.toLowerCase());
    if (!task) throw notFound('未找到该任务');
    assertSameOrg(user, task.orgId);
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
    const id = body.id?.toLowerCase() ?? crypto.randomUUID();
    const same = (r: NonNullable<Awaited<ReturnType<typeof getInstructionRow>>>) =>
      r.org_id === task.orgId && r.item_id === task.id && r.report_id === reportId && r.text === body.text && r.author_id === user.id;
    const before = body.id ? await getInstructionRow(db, id) : null;
    if (before) {
      if (same(before)) return c.json(mapInstruction(before), 200);
      throw conflict('该批示编号已被使用');
    }
    await db.batch([
      insertInstruction(db, { id, orgId: task.orgId, itemId: task.id, reportId, authorId: user.id, text: body.text, now: now.toISOString() }),
      auditStatement(db, { orgId: task.orgId, userId: user.id, action: 'instruction.create', entityType: 'instruction', entityId: id, summary: body.text }, now),
    ]);
    const row = await getInstructionRow(db, id);
    if (!row || !same(row)) throw conflict('该批示编号已被使用');
    return c.json(mapInstruction(row), 201);
  });
