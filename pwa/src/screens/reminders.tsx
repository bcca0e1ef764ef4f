// 催报 (督查室): the units that have not reported for a period, and a ready message to paste into
// the work chat group.
import { useRef, useState } from 'preact/hooks';
import { periodLabel, periodsOfYear } from '../../../shared/period';
import type { RemindersResponse } from '../../../shared/schemas/dashboard';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { api, unwrap } from '../api/client';
import { PlanPeriodBar } from '../components/leader-ui';
import { formatDate } from '../lib/format';
import { useCached } from '../lib/use-cached';
import { Link, type ScreenProps } from '../router';
import { choosePlan, leaderPlans, overviewHref } from '../state/leader';

export default function RemindersScreen({ query }: ScreenProps) {
  const plans = useCached<PlanSummary[]>(async () => null, leaderPlans, []);
  if (!plans.data) return <p class={plans.error ? 'empty' : 'loading'}>{plans.error?.message ?? '加载中…'}</p>;
  const plan = choosePlan(plans.data, query.get('plan'));
  if (!plan) return <p class="empty">暂无工作方案。</p>;
  return <Reminders plans={plans.data} plan={plan} period={query.get('period')} />;
}

function Reminders({ plans, plan, period }: { plans: PlanSummary[]; plan: PlanSummary; period: string | null }) {
  const { data: r, error } = useCached<RemindersResponse>(
    async () => null,
    () => unwrap(api.api.plans[':id'].reminders.$get({ param: { id: plan.id }, query: period ? { period } : {} })),
    [plan.id, period],
  );
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  async function copy() {
    if (!r) return;
    try {
      await navigator.clipboard.writeText(r.message);
      setCopied('yes');
    } catch {
      // No clipboard permission (older WebViews): select the text so a long-press copies it.
      box.current?.select();
      setCopied('select');
    }
  }

  return (
    <section>
      <p class="meta">
        <Link href={r ? overviewHref('/overview', plan.id, r.period) : `/overview?plan=${plan.id}`}>‹ 总览</Link>
      </p>
      <h1 class="screen-title">催报提醒</h1>
      <PlanPeriodBar plans={plans} planId={plan.id} period={r?.period ?? null} periods={periodsOfYear(plan.year, plan.cycle)} path="/reminders" />
      {!r && <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>}
      {r && (
        <>
          <p class="meta">
            {periodLabel(r.period)} · 截止 {formatDate(r.dueDate)}（{r.pastDue ? '已过截止日' : '尚未截止'}）· 未报送 {r.units.length} 个单位
          </p>
          <div class="card form">
            <label class="field">
              <span>发到工作群的消息</span>
              <textarea ref={box} class="message-box" readOnly value={r.message} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <button type="button" class="btn btn-primary btn-block" onClick={() => void copy()}>
              复制消息
            </button>
            {copied === 'yes' && (
              <p class="copy-done" role="status">
                已复制，可粘贴到工作群
              </p>
            )}
            {copied === 'select' && (
              <p class="meta" role="status">
                已选中全文，请长按复制
              </p>
            )}
          </div>
          {r.units.map((u) => (
            <div class="card" key={u.unitId}>
              <h2 class="card-title">
                {u.name} <span class="meta">{u.tasks.length} 项未报</span>
              </h2>
              <ul class="plain">
                {u.tasks.map((t) => (
                  <li key={t.id}>
                    <Link href={overviewHref(`/overview/tasks/${t.id}`, plan.id, r.period)}>
                      {t.label} {t.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
