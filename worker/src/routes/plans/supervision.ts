// The supervision office's daily work on a plan (督查室): the review queue and the reminder list
// of units that have not reported. Mounted under /api/plans. Reviewing itself is
// POST /api/reports/:id/review (routes/reports.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import { Id, Period } from '../../../../shared/schemas/common';
import { PeriodQuery, type RemindersResponse, type ReviewQueueResponse } from '../../../../shared/schemas/dashboard';
import type { AppEnv } from '../../env';
import { loadPeriod, reminderMessage, remindersOf } from '../../db/circular';
import { loadPlanFrame, planHead } from '../../db/plan-frame';
import { reviewQueue } from '../../db/supervision';
import { withPhotoLinks } from '../../lib/photo-links';
import { planFor } from '../../lib/plan-access';
import { resolvePeriod } from '../../lib/plan-period';
import { validate } from '../../lib/validate';
import { requireRole } from '../../middleware/auth';

const PlanParam = z.object({ id: Id });
const QueueQuery = z.object({ period: Period.optional(), limit: z.coerce.number().int().min(1).max(200).default(100) });

export const supervision = new Hono<AppEnv>()
  .get('/:id/review-queue', requireRole('admin'), validate('param', PlanParam), validate('query', QueueQuery), async (c) => {
    const q = c.req.valid('query');
    const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
    const frame = await loadPlanFrame(c.env.DB, plan);
    const { total, entries } = await reviewQueue(c.env.DB, frame, q.period ?? null, q.limit);
    const body: ReviewQueueResponse = { total, entries: entries.map(withPhotoLinks) };
    return c.json(body);
  })
  .get('/:id/reminders', requireRole('admin'), validate('param', PlanParam), validate('query', PeriodQuery), async (c) => {
    const now = c.var.now();
    const plan = await planFor(c.env.DB, c.var.user, c.req.valid('param').id);
    const period = resolvePeriod(plan, c.req.valid('query').period, now);
    const { frame, figures } = await loadPeriod(c.env.DB, plan, period, now);
    const units = remindersOf(frame, figures);
    const body: RemindersResponse = {
      plan: planHead(plan),
      period,
      dueDate: figures.dueDate,
      pastDue: figures.pastDue,
      units,
      message: reminderMessage(period, figures.dueDate, figures.pastDue, units, new URL(c.req.url).origin),
    };
    return c.json(body);
  });
