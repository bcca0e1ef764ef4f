// The year turning, said plainly: 总览 follows the newest plan with last year one tap away; when
// the current year has no plan yet, the office is told to import it (本年度方案未导入) and a unit
// that its list is last year's (本年度暂无任务).
import type { PlanSummary } from '../../../shared/schemas/plan';
import { chinaDate } from '../../../shared/period';
import { Link } from '../router';
import './thread.css';

export const currentYear = (now = new Date()) => Number(chinaDate(now).slice(0, 4));

/** 总览's plan: the one asked for, else the remembered one if it is of the newest year, else the newest. */
export function newestFirst(plans: PlanSummary[], requested: string | null, remembered: string | null): PlanSummary | null {
  const newest = plans[0] ?? null;
  const asked = plans.find((p) => p.id === requested);
  if (asked) return asked;
  const kept = plans.find((p) => p.id === remembered);
  return kept && newest && kept.year === newest.year ? kept : newest;
}

export function CurrentYearNotice({ plans, isAdmin }: { plans: PlanSummary[]; isAdmin: boolean }) {
  const year = currentYear();
  if (plans.some((p) => p.year >= year)) return null;
  return (
    <div class="card year-notice" role="status">
      <h2 class="card-title">{year}年度方案未导入</h2>
      <p class="meta">{isAdmin ? '本年度的工作任务分解方案尚未导入，各单位暂无本年度任务可报送。' : '本年度的工作任务分解方案尚未导入，以下为往年方案。'}</p>
      {isAdmin && (
        <Link class="btn btn-primary" href="/admin/import">
          导入本年度方案
        </Link>
      )}
    </div>
  );
}

/** One tap between the newest plan and last year's (same organisation). */
export function YearSwitch({ plans, plan, href }: { plans: PlanSummary[]; plan: PlanSummary; href: (planId: string) => string }) {
  const newest = plans.find((p) => p.orgId === plan.orgId);
  if (!newest) return null;
  if (plan.year < newest.year) {
    return (
      <p class="year-switch">
        正在查看 {plan.year} 年方案 · <Link href={href(newest.id)}>返回 {newest.year} 年方案 ›</Link>
      </p>
    );
  }
  const last = plans.find((p) => p.orgId === plan.orgId && p.year < plan.year);
  if (!last) return null;
  return (
    <p class="year-switch">
      <Link href={href(last.id)}>查看上年度（{last.year}年）方案 ›</Link>
    </p>
  );
}

/** A unit whose newest tasks are of a past year. */
export function NoTasksThisYear({ latestYear }: { latestYear: number }) {
  const year = currentYear();
  if (latestYear >= year) return null;
  return (
    <p class="note year-notice" role="status">
      本年度暂无任务（{year}年方案尚未导入）。以下为 {latestYear} 年的任务。
    </p>
  );
}
