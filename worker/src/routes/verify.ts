// GET /api/verify/:code — the server's record behind a report's verification code (核验码),
// e.g. one burnt into a photo watermark: any signed-in user of the same organisation may check
// it against what they were shown. Unknown codes, unsent drafts and other organisations' reports
// are 404.
import { Hono } from 'hono';
import { VerifyParam, type VerifyResponse } from '../../../shared/schemas/report';
import { normaliseVerifyCode } from '../../../shared/verify-code';
import type { AppEnv } from '../env';
import { loadReport } from '../db/report-read';
import { getReportRowByCode } from '../db/reports';
import { getTaskContext } from '../db/tasks';
import { notFound } from '../lib/errors';
import { titleOf } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireUser } from '../middleware/auth';

export const verify = new Hono<AppEnv>().use(requireUser).get('/:code', validate('param', VerifyParam), async (c) => {
  const user = c.var.user!;
  const code = normaliseVerifyCode(c.req.valid('param').code);
  const row = code ? await getReportRowByCode(c.env.DB, code) : null;
  if (!row || (user.role !== 'superadmin' && user.orgId !== row.org_id)) throw notFound('未找到该核验码对应的报告');
  // A draft is the unit's own until it is sent: its code only proves something once submitted.
  if (!row.first_submitted_at) throw notFound('该核验码对应的报告尚未报送');
  const [task, report] = await Promise.all([getTaskContext(c.env.DB, row.item_id), loadReport(c.env.DB, row.id)]);
  if (!task || !report) throw notFound('未找到该核验码对应的报告');
  const res: VerifyResponse = {
    verifyCode: row.verify_code,
    planId: task.planId,
    planTitle: task.planTitle,
    taskNumber: task.number,
    taskTitle: titleOf(task.text),
    report,
  };
  return c.json(res);
});
