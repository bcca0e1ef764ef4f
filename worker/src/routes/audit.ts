// The audit log of the caller's organisation (admins): who changed what, newest first.
import { Hono } from 'hono';
import { AuditQuery } from '../../../shared/schemas/audit';
import type { AppEnv } from '../env';
import { listAudit } from '../db/audit';
import { validate } from '../lib/validate';
import { orgFilterOf, requireRole } from '../middleware/auth';

const DEFAULT_LIMIT = 100;

export const audit = new Hono<AppEnv>().use(requireRole('admin')).get('/', validate('query', AuditQuery), async (c) => {
  const q = c.req.valid('query');
  const entries = await listAudit(c.env.DB, {
    // Another organisation's rows are simply not there for an admin (no 403 that confirms them).
    orgId: orgFilterOf(c.var.user, q.orgId),
    entityType: q.entityType,
    entityId: q.entityId,
    before: q.before,
    limit: q.limit ?? DEFAULT_LIMIT,
  });
  return c.json({ entries });
});
