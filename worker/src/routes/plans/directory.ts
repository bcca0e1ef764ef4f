// The pickers behind the search filters of a plan (GET /api/plans/:id/directory): units, leaders,
// areas and chapters. Mounted under /api/plans. Admins (督查室) and leaders.
import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../../../shared/schemas/common';
import type { Directory } from '../../../../shared/schemas/dashboard';
import type { AppEnv } from '../../env';
import { loadPlanFrame } from '../../db/plan-frame';
import { directoryOf } from '../../db/search';
import { planFor } from '../../lib/plan-access';
import { validate } from '../../lib/validate';
import { requireRole } from '../../middleware/auth';

export const directory = new Hono<AppEnv>().get('/:id/directory', requireRole('admin', 'leader'), validate('param', z.object({ id: Id })), async (c) => {
  const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
  const [lists, frame] = await Promise.all([directoryOf(c.env.DB, plan.orgId, plan.id), loadPlanFrame(c.env.DB, plan)]);
  const body: Directory = { ...lists, chapters: frame.chapters };
  return c.json(body);
});
