// PATCH /api/plans/:id — the plan's reporting cycle and due day, set by the 督查室 after import.
// Mounted under /api/plans.
import { Hono } from 'hono';
import { z } from 'zod';
import { CYCLE_LABEL } from '../../../shared/labels';
import { Id } from '../../../shared/schemas/common';
import { PlanEditBody } from '../../../shared/schemas/edit';
import type { AppEnv } from '../env';
import { guardedAudit, planEditStatement } from '../db/items-edit';
import { getPlanRecord, planHead } from '../db/plan-frame';
import { conflict } from '../lib/errors';
import { planFor } from '../lib/plan-access';
import { validate } from '../lib/validate';
import { requireRole } from '../middleware/auth';

export const planEdit = new Hono<AppEnv>().patch('/:id', requireRole('admin'), validate('param', z.object({ id: Id })), validate('json', PlanEditBody), async (c) => {
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
