// Leaders' views of a plan (总览): the dashboard of a period, targets and the photo wall.
// Mounted under /api/plans. Admins (督查室) and leaders; the super-admin passes every check.
import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../../../shared/schemas/common';
import { PeriodQuery, PhotoWallQuery, type PhotoWallResponse } from '../../../../shared/schemas/dashboard';
import type { AppEnv } from '../../env';
import { buildDashboard } from '../../db/dashboard';
import { loadPlanFrame, planHead } from '../../db/plan-frame';
import { decodeCursor, listWallPhotos, wallUnits } from '../../db/photos-wall';
import { listTargetProgress } from '../../db/targets';
import { badRequest } from '../../lib/errors';
import { withPhotoLink } from '../../lib/photo-links';
import { planFor } from '../../lib/plan-access';
import { validate } from '../../lib/validate';
import { requireRole } from '../../middleware/auth';

const PlanParam = z.object({ id: Id });
const readers = requireRole('admin', 'leader');

export const dashboard = new Hono<AppEnv>()
  .get('/:id/dashboard', readers, validate('param', PlanParam), validate('query', PeriodQuery), async (c) => {
    // Workers clocks move only across I/O, so this is the time spent waiting on D1 (the bench reads it).
    const started = Date.now();
    const body = await buildDashboard(c.env.DB, {
      planId: c.req.valid('param').id,
      period: c.req.valid('query').period,
      now: c.var.now(),
      user: c.var.user,
    });
    c.header('cache-control', 'private, no-cache');
    c.header('server-timing', `d1;dur=${Date.now() - started}`);
    return c.json(body);
  })
  .get('/:id/targets', readers, validate('param', PlanParam), async (c) => {
    const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
    const frame = await loadPlanFrame(c.env.DB, plan);
    return c.json({ plan: planHead(plan), targets: await listTargetProgress(c.env.DB, frame) });
  })
  .get('/:id/photo-wall', readers, validate('param', PlanParam), validate('query', PhotoWallQuery), async (c) => {
    const q = c.req.valid('query');
    const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
    const before = decodeCursor(q.before);
    if (q.before && !before) throw badRequest('分页参数无效', { before: '分页参数无效' });
    const [frame, units] = await Promise.all([loadPlanFrame(c.env.DB, plan), wallUnits(c.env.DB, plan.id)]);
    if (q.chapter !== undefined && q.chapter >= frame.chapters.length) throw badRequest('没有这个篇章', { chapter: '没有这个篇章' });
    const itemIds = q.chapter === undefined ? undefined : frame.items.filter((it) => it.chapter === q.chapter).map((it) => it.id);
    const page = await listWallPhotos(c.env.DB, frame, { unitId: q.unit, itemIds, before, limit: q.limit });
    const body: PhotoWallResponse = { photos: page.photos.map(withPhotoLink), next: page.next, chapters: frame.chapters, units };
    return c.json(body);
  });
