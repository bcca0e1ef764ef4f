// 上年度未结: a unit's (or, for the office, every unit's) open items of past plan years, and the
// office closing one (audited). Leaders have no list here: their 总览 follows the newest plan.
import { Hono } from 'hono';
import { CarryoverCloseBody } from '../../../shared/schemas/carryover';
import type { AppEnv } from '../env';
import { closeCarryoverStatement, openCarryover } from '../db/carryover';
import { getTaskContext } from '../db/tasks';
import { auditStatement } from '../db/audit';
import { badRequest, notFound } from '../lib/errors';
import { carries } from '../lib/report-access';
import { assertSameOrg } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireRole, requireUser } from '../middleware/auth';

export const carryover = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', requireRole('unit', 'admin'), async (c) => {
    const user = c.var.user;
    if (!user.orgId) return c.json({ entries: [] });
    const unitId = user.role === 'unit' ? user.unitId : null;
    if (user.role === 'unit' && !unitId) return c.json({ entries: [] });
    return c.json({ entries: await openCarryover(c.env.DB, user.orgId, unitId) });
  })
  .post('/close', requireRole('admin'), validate('json', CarryoverCloseBody), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const body = c.req.valid('json');
    const now = c.var.now();
    const task = await getTaskContext(db, body.itemId.toLowerCase());
    if (!task) throw notFound('未找到该任务');
    assertSameOrg(user, task.orgId);
    const unitId = body.unitId.toLowerCase();
    if (!carries(task, unitId)) throw badRequest('该单位不承担此任务', { unitId: '该单位不承担此任务' });
    await db.batch([
      closeCarryoverStatement(db, { itemId: task.id, unitId, userId: user.id, comment: body.comment, now: now.toISOString() }),
      auditStatement(
        db,
        { orgId: task.orgId, userId: user.id, action: 'carryover.close', entityType: 'item', entityId: task.id, summary: `${unitId} ${body.comment}`.trim() },
        now,
      ),
    ]);
    return c.json({ ok: true as const });
  });
