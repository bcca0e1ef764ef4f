// Plans the caller may see (GET /api/plans), the items of one plan, and the plan's reporting
// cycle and due day (PATCH /api/plans/:id, 督查室 after import). The views of one plan live
// under routes/plans/, mounted under /api/plans too.
import { Hono } from 'hono';
import { z } from 'zod';
import { CYCLE_LABEL } from '../../../shared/labels';
import { Id } from '../../../shared/schemas/common';
import { PlanEditBody } from '../../../shared/schemas/edit';
import type { AppEnv } from '../env';
import { guardedAudit, planEditStatement } from '../db/items-edit';
import { getPlanRecord, planHead } from '../db/plan-frame';
import { getPlan, itemIdsOfUnit, listItems, listPlans } from '../db/plans';
import { conflict, notFound } from '../lib/errors';
import { planFor } from '../lib/plan-access';
import { assertSameOrg, scopeItems } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireRole, requireUser } from '../middleware/auth';

const PlanParam = z.object({ id: Id });

export const plans = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', async (c) => {
    const user = c.var.user;
    const list = await listPlans(c.env.DB, user.role === 'superadmin' ? null : user.orgId);
    return c.json({ plans: list });
  })
  .get('/:id/tasks', validate('param', PlanParam), async (c) => {
    const user = c.var.user;
    const { id } = c.req.valid('param');
    const plan = await getPlan(c.env.DB, id);
    if (!plan) throw notFound('未找到该工作方案');
    assertSameOrg(user, plan.orgId);
    const items = await listItems(c.env.DB, id);
    const own = user.role === 'unit' && user.unitId ? await itemIdsOfUnit(c.env.DB, user.unitId, id) : null;
    return c.json({ plan, items: scopeItems(user, items, own) });
  })
  /** The plan's reporting cycle and due day, set by the 督查室 after import. */
  .patch('/:id', requireRole('admin'), validate('param', PlanParam), validate('json', PlanEditBody), async (c) => {
    const db = c.env.DB;
    const user = c.var.user;
    const body = c.req.valid('json');
    const plan = await planFor(db, user, c.req.valid('param').id);
    if (body.version !== undefined && body.version !== plan.version) {
      throw conflict('该工作方案已被他人修改，请刷新后重试', { version: plan.version });
    }
    const now = c.var.now().toISOString();
    const changes: string[] = [];
    if (body.cycle && body.cycle !== plan.cycle) changes.push(`报送周期 ${CYCLE_LABEL[plan.cycle]} → ${CYCLE_LABEL[body.cycle]}`);
    if (body.dueDay && body.dueDay !== plan.dueDay) changes.push(`截止日 每期${plan.dueDay}日 → 每期${body.dueDay}日`);
    const results = await db.batch([
      planEditStatement(db, plan.id, plan.version, body, now),
      guardedAudit(db, 'plans', {
        id: plan.id,
        version: plan.version,
        now,
        orgId: plan.orgId,
        userId: user.id,
        action: 'plan.edit',
        entityType: 'plan',
        summary: `修改工作方案《${plan.title}》：${changes.join('；') || '无变化'}`,
      }),
    ]);
    if (results[0]!.results.length === 0) throw conflict('该工作方案已被他人修改，请刷新后重试');
    return c.json({ plan: planHead((await getPlanRecord(db, plan.id))!) });
  });
