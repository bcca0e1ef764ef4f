// GET /api/units/:id/due — what a unit owes now as lead unit: the current period of each task
// it leads in this year's plans, and earlier periods of the year still missing or returned.
// Colours come from shared/colour.ts colourOf, the one rule shared with the dashboard and phone.
import { storedLabel } from '../db/item-labels';
import { Hono } from 'hono';
import { colourOf } from '../../../shared/colour';
import { chinaDate, dueDateOf, periodLabel, periodOf, periodsOfYear } from '../../../shared/period';
import { IdParam } from '../../../shared/schemas/report';
import type { DueEntry, UnitDueResponse } from '../../../shared/schemas/sync';
import type { AppEnv } from '../env';
import { getUnit, leadTasksWithReports, type DueReportRow } from '../db/due';
import { forbidden, notFound } from '../lib/errors';
import { titleOf } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireUser } from '../middleware/auth';

/** Still owed: nothing counted yet, or returned (or being amended) and not submitted again. */
function owed(report: DueReportRow | undefined): boolean {
  if (!report || !report.first_submitted_at) return true;
  return report.state === 'returned' || report.state === 'draft';
}

export const units = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:id/due', validate('param', IdParam), async (c) => {
    const user = c.var.user;
    const unit = await getUnit(c.env.DB, c.req.valid('param').id.toLowerCase());
    if (!unit || (user.role !== 'superadmin' && user.orgId !== unit.org_id)) throw notFound('未找到该单位');
    if (user.role === 'unit' && user.unitId !== unit.id) throw forbidden('只能查看本单位的待报事项');
    const now = c.var.now();
    const today = chinaDate(now);
    const year = Number(today.slice(0, 4));
    const { tasks, reports } = await leadTasksWithReports(c.env.DB, unit.id, unit.org_id, year);
    const byKey = new Map(reports.map((r) => [`${r.item_id}|${r.period}`, r]));
    const entries: DueEntry[] = [];
    for (const t of tasks) {
      const current = periodOf(now, t.cycle);
      for (const period of periodsOfYear(t.year, t.cycle)) {
        if (period > current) break;
        const report = byKey.get(`${t.item_id}|${period}`);
        const isCurrent = period === current;
        if (!isCurrent && !owed(report)) continue;
        const colour = colourOf({
          period,
          dueDay: t.due_day,
          now,
          report: report ? { status: report.status, state: report.state, submittedAt: report.first_submitted_at } : null,
        });
        entries.push({
          planId: t.plan_id,
          planTitle: t.plan_title,
          taskId: t.item_id,
          taskNumber: t.number,
          taskLabel: storedLabel(t),
          taskTitle: titleOf(t.text),
          period,
          periodLabel: periodLabel(period),
          dueDate: dueDateOf(period, t.due_day),
          current: isCurrent,
          ...colour,
          report: report
            ? { id: report.id, state: report.state, status: report.status, submittedAt: report.submitted_at, firstSubmittedAt: report.first_submitted_at }
            : null,
        });
      }
    }
    const res: UnitDueResponse = { unitId: unit.id, today, entries };
    return c.json(res);
  });
