// The 任务 tab's plan page for leaders and the 督查室 (docs/ARCHITECTURE.md): every item as a short row with its
// label, title and traffic light (with its word) for the current period, grouped by chapter, each
// tapping through to the task — instead of the whole document printed as one long page.
import { taskRowLabel } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { DashboardResponse } from '../../../shared/schemas/dashboard';
import { useCached } from '../lib/use-cached';
import { Link } from '../router';
import { cachedDashboard, fetchDashboard, overviewHref } from '../state/leader';
import { Light } from './leader-ui';

export function PlanLights({ planId }: { planId: string }) {
  const { data: d, error } = useCached<DashboardResponse>(() => cachedDashboard(planId, null), () => fetchDashboard(planId, null), [planId]);
  if (!d) return <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>;
  const groups = d.chapters.map((c, i) => ({ name: c.name, tasks: d.tasks.filter((t) => t.chapter === i) })).filter((g) => g.tasks.length);
  return (
    <section>
      <h1 class="screen-title">{d.plan.title}</h1>
      <p class="meta">
        {periodLabel(d.period)}红绿灯 · {d.tasks.length} 项 · <Link href={overviewHref('/overview', d.plan.id, d.period)}>总览</Link>
      </p>
      {groups.map((g) => (
        <div key={g.name}>
          <h2 class="section-title">{g.name}</h2>
          <ul class="rows" aria-label={g.name}>
            {g.tasks.map((t) => (
              <li key={t.id}>
                <Link class="row-link" href={overviewHref(`/overview/tasks/${t.id}`, d.plan.id, d.period)}>
                  <span class="row-title row-title-wrap">{`${taskRowLabel(t)} ${t.title}`}</span>
                  <span class="row-side">{t.colour ? <Light colour={t.colour} label={t.label} /> : <span class="meta">无牵头单位</span>}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
