// The circular (通报) of a plan and period: JSON for the print page, XLSX for the office.
// Mounted under /api/plans. Admins (督查室) and leaders.
import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../../../shared/schemas/common';
import { PeriodQuery } from '../../../../shared/schemas/dashboard';
import type { AppEnv } from '../../env';
import { buildCircular, periodReports } from '../../db/circular';
import { loadPlanFrame } from '../../db/plan-frame';
import { circularXlsx } from '../../lib/circular-xlsx';
import { fileResponse } from '../../lib/download';
import { absolutePhotoUrls } from '../../lib/photo-links';
import { planFor } from '../../lib/plan-access';
import { resolvePeriod } from '../../lib/plan-period';
import { validate } from '../../lib/validate';
import { XLSX_CONTENT_TYPE } from '../../lib/xlsx';
import { requireRole } from '../../middleware/auth';

const PlanParam = z.object({ id: Id });

export const circular = new Hono<AppEnv>()
  .get('/:id/circular', requireRole('admin', 'leader'), validate('param', PlanParam), validate('query', PeriodQuery), async (c) => {
    const now = c.var.now();
    const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
    const period = resolvePeriod(plan, c.req.valid('query').period, now);
    return c.json(await buildCircular(c.env.DB, plan, period, now));
  })
  .get('/:id/circular.xlsx', requireRole('admin', 'leader'), validate('param', PlanParam), validate('query', PeriodQuery), async (c) => {
    const now = c.var.now();
    const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
    const period = resolvePeriod(plan, c.req.valid('query').period, now);
    const [body, frame] = await Promise.all([buildCircular(c.env.DB, plan, period, now), loadPlanFrame(c.env.DB, plan)]);
    const origin = new URL(c.req.url).origin;
    const reports = (await periodReports(c.env.DB, frame, period, now)).map((r) => ({ ...r, photoLinks: absolutePhotoUrls(origin, r.id, r.photoIds) }));
    return fileResponse(circularXlsx(body, reports), {
      fileName: `${body.periodLabel}工作进展通报-${plan.title}.xlsx`,
      asciiName: `circular-${period}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
    });
  });
