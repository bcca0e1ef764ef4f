// The top of 总览 (docs/ARCHITECTURE.md): the 督查室's own work first (待审核, 未报送 → 催报), then the two facts a
// leader asks for, never mixed — 进展滞后 N (reported, behind) beside 逾期未报 M (nothing by the due
// date) — each tapping through to its own list.
import { LAG_WORD, splitLagging } from '../../../shared/lagging';
import type { DashboardResponse, ReviewQueueResponse } from '../../../shared/schemas/dashboard';
import { api, unwrap } from '../api/client';
import { useCached } from '../lib/use-cached';
import { Link } from '../router';
import { overviewHref } from '../state/leader';

type Href = (path: string, extra?: Record<string, string | number | undefined>) => string;

export function AdminWork({ d, href }: { d: DashboardResponse; href: Href }) {
  const queue = useCached<ReviewQueueResponse>(
    async () => null,
    () => unwrap(api.api.plans[':id']['review-queue'].$get({ param: { id: d.plan.id }, query: { limit: '1' } })),
    [d.plan.id],
  );
  const pending = queue.data?.total;
  return (
    <div class="work-card" aria-label="督查室待办">
      <Link class={`work-link${pending ? ' work-due' : ''}`} href={href('/review')}>
        <span class="work-count">{pending ?? '…'}</span>
        <span class="work-word">
          待审核<small>份报告 · 审核报告 ›</small>
        </span>
      </Link>
      <Link class={`work-link${d.missingUnits.length ? ' work-due' : ''}`} href={href('/reminders')}>
        <span class="work-count">{d.missingUnits.length}</span>
        <span class="work-word">
          {d.pastDue ? '逾期未报送' : '尚未报送'}
          <small>个单位 · 催报提醒 ›</small>
        </span>
      </Link>
    </div>
  );
}

export function LagNumbers({ d }: { d: DashboardResponse }) {
  const lag = splitLagging(d.tasks);
  const list = (which: 'behind' | 'overdue') => overviewHref('/overview/list', d.plan.id, d.period, { lag: which });
  return (
    <>
      <Link class={`big-number ${lag.behind.length ? 'big-red' : 'big-green'}`} href={list('behind')}>
        <span class="label">{LAG_WORD.behind}</span>
        <span class="value">
          {lag.behind.length}
          <small>项</small>
        </span>
        <span class="sub">已报送、自报滞后</span>
      </Link>
      <Link class={`big-number ${lag.overdue.length ? 'big-red' : d.pastDue ? 'big-green' : ''}`} href={list('overdue')}>
        <span class="label">{LAG_WORD.overdue}</span>
        <span class="value">
          {lag.overdue.length}
          <small>项</small>
        </span>
        <span class="sub">{d.pastDue ? '截止日前未报送' : '尚未截止'}</span>
      </Link>
    </>
  );
}
