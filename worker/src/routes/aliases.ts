// Unit aliases of an organisation (/api/aliases): the other names a plan document uses for a unit,
// so a later import maps them without asking. Admins (督查室) only.
import { Hono } from 'hono';
import { z } from 'zod';
import { Text } from '../../../shared/schemas/common';
import { AliasBody } from '../../../shared/schemas/import';
import type { AppEnv } from '../env';
import { addAlias, assertAliasable, listUnitsWithAliases, removeAlias } from '../db/aliases';
import { getUnit } from '../db/due';
import { notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { orgOf, requireRole } from '../middleware/auth';

const AliasParam = z.object({ alias: Text().min(1).max(100) });

export const aliases = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json({ units: await listUnitsWithAliases(c.env.DB, orgOf(c.var.user, c.req.query('orgId'))) }))
  .post('/', validate('json', AliasBody), async (c) => {
    const { alias, unitId } = c.req.valid('json');
    assertAliasable(alias);
    const user = c.var.user;
    const orgId = user.role === 'superadmin'
      ? (await getUnit(c.env.DB, unitId))?.org_id
      : orgOf(user);
    if (!orgId) throw notFound('未找到该单位');
    await addAlias(c.env.DB, { orgId, alias, unitId, userId: user.id, now: c.var.now() });
    return c.json({ ok: true }, 201);
  })
  .delete('/:alias', validate('param', AliasParam), async (c) => {
    const user = c.var.user;
    await removeAlias(c.env.DB, { orgId: orgOf(user, c.req.query('orgId')), alias: c.req.valid('param').alias, userId: user.id, now: c.var.now() });
    return c.json({ ok: true });
  });
