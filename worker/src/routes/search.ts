// Search over tasks (GET /api/search) and the pickers behind its filters
// (GET /api/plans/:id/directory). Admins (督查室) and leaders.
import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../../shared/schemas/common';
import { SearchQuery, type Directory } from '../../../shared/schemas/dashboard';
import type { AppEnv } from '../env';
import { loadPlanFrame } from '../db/plan-frame';
import { directoryOf, searchItems } from '../db/search';
import { planFor } from '../lib/plan-access';
import { validate } from '../lib/validate';
import { orgFilterOf, requireRole } from '../middleware/auth';

export const search = new Hono<AppEnv>().get('/', requireRole('admin', 'leader'), validate('query', SearchQuery), async (c) => {
  const user = c.var.user;
  const q = c.req.valid('query');
  // A plan outside the caller's organisation is absent (404), like everywhere else.
  const orgId = q.plan ? (await planFor(c.env.DB, user, q.plan)).orgId : orgFilterOf(user);
  return c.json(await searchItems(c.env.DB, orgId, q));
});

export const directory = new Hono<AppEnv>().get('/:id/directory', requireRole('admin', 'leader'), validate('param', z.object({ id: Id })), async (c) => {
  const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
  const [lists, frame] = await Promise.all([directoryOf(c.env.DB, plan.orgId, plan.id), loadPlanFrame(c.env.DB, plan)]);
  const body: Directory = { ...lists, chapters: frame.chapters };
  return c.json(body);
});
