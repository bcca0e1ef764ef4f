// Search over tasks (GET /api/search); the pickers behind its filters are
// GET /api/plans/:id/directory (routes/plans/directory.ts). Admins (督查室) and leaders.
import { Hono } from 'hono';
import { SearchQuery } from '../../../shared/schemas/dashboard';
import type { AppEnv } from '../env';
import { searchItems } from '../db/search';
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
