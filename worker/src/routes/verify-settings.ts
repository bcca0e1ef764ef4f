// GET|PUT /api/verify-settings — whether anyone holding a 核验码 may open its page (the default),
// or only the organisation's signed-in users. The organisation's admin decides; every change is
// audited. A super-admin names the organisation with ?orgId=.
import { Hono } from 'hono';
import { VerifySettings } from '../../../shared/schemas/report';
import type { AppEnv } from '../env';
import { getPublicVerify, setPublicVerifyStatement } from '../db/verify';
import { auditStatement } from '../db/audit';
import { notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { orgOf, requireRole } from '../middleware/auth';

export const verifySettings = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => {
    const orgId = orgOf(c.var.user, c.req.query('orgId'));
    const publicVerify = await getPublicVerify(c.env.DB, orgId);
    if (publicVerify === null) throw notFound('未找到该单位');
    return c.json({ publicVerify } satisfies VerifySettings);
  })
  .put('/', validate('json', VerifySettings), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const orgId = orgOf(user, c.req.query('orgId'));
    const { publicVerify } = c.req.valid('json');
    const now = c.var.now();
    if ((await getPublicVerify(db, orgId)) === null) throw notFound('未找到该单位');
    await db.batch([
      setPublicVerifyStatement(db, orgId, publicVerify),
      auditStatement(
        db,
        { orgId, userId: user.id, action: 'org.verify_settings', entityType: 'org', entityId: orgId, summary: publicVerify ? '允许任何人凭核验码核验照片' : '仅允许本单位登录用户核验照片' },
        now,
      ),
    ]);
    return c.json({ publicVerify } satisfies VerifySettings);
  });
