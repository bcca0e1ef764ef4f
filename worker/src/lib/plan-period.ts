// Which period a leader view shows: the one asked for (it must belong to the plan's year and
// cycle), or the current one, clamped to the plan year.
import { chinaDate, periodOf, periodsOfYear } from '../../../shared/period';
import type { PlanRecord } from '../db/plan-frame';
import { badRequest } from './errors';

/** The period containing today, or the plan year's first/last period outside that year. */
export function currentPeriod(plan: PlanRecord, now: Date): string {
  const all = periodsOfYear(plan.year, plan.cycle);
  const year = Number(chinaDate(now).slice(0, 4));
  if (year < plan.year) return all[0]!;
  if (year > plan.year) return all[all.length - 1]!;
  return periodOf(now, plan.cycle);
}

/** Periods of the plan year from the first up to and including `period`. */
export function periodsUpTo(plan: PlanRecord, period: string): string[] {
  const all = periodsOfYear(plan.year, plan.cycle);
  return all.slice(0, all.indexOf(period) + 1);
}

export function resolvePeriod(plan: PlanRecord, requested: string | undefined, now: Date): string {
  if (!requested) return currentPeriod(plan, now);
  if (!periodsOfYear(plan.year, plan.cycle).includes(requested)) {
    throw badRequest('报送周期与该工作方案的年份或周期不符', { period: '报送周期与该工作方案不符' });
  }
  return requested;
}

/** The period picker: the plan year's periods up to today's, or up to the one shown if later. */
export function pickerPeriods(plan: PlanRecord, shown: string, now: Date): string[] {
  const all = periodsOfYear(plan.year, plan.cycle);
  const last = Math.max(all.indexOf(shown), all.indexOf(currentPeriod(plan, now)));
  return all.slice(0, last + 1);
}
