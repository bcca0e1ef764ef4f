// Plans the caller may see, and the items of one plan.
import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../../shared/schemas/common';
import type { AppEnv } from '../env';
import { getPlan, itemIdsOfUnit, listItems, listPlans } from '../db/plans';
import { notFound } from '../lib/errors';
import { assertSameOrg, scopeItems } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireUser } from '../middleware/auth';

const PlanParam = z.object({ id: Id });

export const plans = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', async (c) => {
    const user = c.var.user;
    const list = await listPlans(c.env.DB, user.role === 'superadmin' ? null : user.orgId);
    return c.json({ plans: list });
  })
  .get('/:id/items', validate('param', PlanParam), async (c) => {
    const user = c.var.user;
    const { id } = c.req.valid('param');
    const plan = await getPlan(c.env.DB, id);
    if (!plan) throw notFound('未找到该工作方案');
    assertSameOrg(user, plan.orgId);
    const items = await listItems(c.env.DB, id);
    const own = user.role === 'unit' && user.unitId ? await itemIdsOfUnit(c.env.DB, user.unitId, id) : null;
    return c.json({ plan, items: scopeItems(user, items, own) });
  });
