// 我的任务: the tasks a unit carries, for the period it reports now, with the traffic light of
// shared/colour.ts. Computed on the phone from the synced copy so it works offline.
import { colourOf, type ColourResult } from '../../../shared/colour';
import type { Cycle } from '../../../shared/labels';
import { chinaDate, dueDateOf, periodOf, periodsOfYear } from '../../../shared/period';
import type { Item, PlanSummary } from '../../../shared/schemas/plan';
import type { Report } from '../../../shared/schemas/report';
import type { OutboxItem } from '../db/schema';

export type UnitRole = 'lead' | 'co' | 'area';
export type Bucket = 'due' | 'reported' | 'overdue' | 'returned';

export interface TaskRow {
  item: Item;
  plan: PlanSummary;
  role: UnitRole;
  period: string;
  dueDate: string;
  colour: ColourResult;
  /** The unit's report for the period, as the server last said. */
  report: Report | null;
  /** A report for the period still in the outbox (not yet acknowledged). */
  pending: OutboxItem | null;
  bucket: Bucket;
  /** Chapter (一、…) the task sits under, for the filter. */
  chapter: string;
}

/**
 * The period a plan's report is for at `now`: the one containing today in the plan's year;
 * for a plan of an earlier year its last period, for a later year its first.
 */
export function reportPeriod(plan: { year: number; cycle: Cycle }, now: Date): string {
  const year = Number(chinaDate(now).slice(0, 4));
  if (year === plan.year) return periodOf(now, plan.cycle);
  const all = periodsOfYear(plan.year, plan.cycle);
  return year > plan.year ? all[all.length - 1]! : all[0]!;
}

export function roleOf(item: Item, unitId: string): UnitRole | null {
  if (item.leadUnits.some((u) => u.id === unitId)) return 'lead';
  if (item.coUnits.some((u) => u.id === unitId)) return 'co';
  if (item.areas.some((u) => u.id === unitId)) return 'area';
  return null;
}

/** 本月待报 / 本季度待报 / 本半年待报 */
export function dueWord(cycle: Cycle): string {
  return cycle === 'monthly' ? '本月待报' : cycle === 'quarterly' ? '本季度待报' : '本半年待报';
}

export function myTasks(input: {
  plans: PlanSummary[];
  items: Item[];
  reports: Report[];
  outbox: OutboxItem[];
  unitId: string;
  now: Date;
}): TaskRow[] {
  const { unitId, now } = input;
  const planById = new Map(input.plans.map((p) => [p.id, p]));
  // Only the newest plan year this unit has tasks in: last year's plan is closed.
  const carried = input.items.filter((it) => it.access === 'full' && it.kind !== 'draft' && roleOf(it, unitId) && planById.has(it.planId));
  const latestYear = Math.max(...carried.map((it) => planById.get(it.planId)!.year));
  const rows: TaskRow[] = [];
  for (const item of carried) {
    const plan = planById.get(item.planId)!;
    if (plan.year !== latestYear) continue;
    const period = reportPeriod(plan, now);
    const report =
      input.reports.find((r) => r.taskId === item.id && r.unitId === unitId && r.period === period) ?? null;
    const pending =
      input.outbox.find(
        (o) => o.taskId === item.id && o.state !== 'submitted' && (o.body.period ?? period) === period,
      ) ?? null;
    const colour = colourOf({
      period,
      dueDay: plan.dueDay,
      now,
      report: report ? { status: report.status, state: report.state, submittedAt: report.firstSubmittedAt ?? report.submittedAt } : null,
    });
    let bucket: Bucket;
    if (report?.state === 'returned' && !pending) bucket = 'returned';
    else if (pending || (report && report.state !== 'draft' && report.submittedAt)) bucket = 'reported';
    else bucket = colour.timeliness === 'missing' ? 'overdue' : 'due';
    rows.push({
      item,
      plan,
      role: roleOf(item, unitId)!,
      period,
      dueDate: dueDateOf(period, plan.dueDay),
      colour,
      report,
      pending,
      bucket,
      chapter: item.path[0] ?? '',
    });
  }
  // What needs doing first: returned, overdue, due, then reported; then document order.
  const rank: Record<Bucket, number> = { returned: 0, overdue: 1, due: 2, reported: 3 };
  return rows.sort((a, b) => rank[a.bucket] - rank[b.bucket] || a.plan.title.localeCompare(b.plan.title) || a.item.seq - b.item.seq);
}

/** The word on a row's badge: always a word beside the colour. */
export function badgeOf(row: TaskRow): { colour: ColourResult['colour']; text: string } {
  switch (row.bucket) {
    case 'due':
      return { colour: row.colour.colour, text: dueWord(row.plan.cycle) };
    case 'overdue':
      return { colour: 'red', text: '逾期未报' };
    case 'returned':
      return { colour: row.colour.colour, text: row.colour.label };
    case 'reported':
      if (!row.report || row.report.state === 'draft') return { colour: row.colour.colour, text: dueWord(row.plan.cycle) };
      return { colour: row.colour.colour, text: `已报·${row.colour.label}` };
  }
}

export function matchesSearch(row: TaskRow, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  return [row.item.number, row.item.text, row.chapter, row.plan.title].some((t) => t.toLowerCase().includes(s));
}
