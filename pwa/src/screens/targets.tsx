// 目标进度: every numeric target of the plan as a bar (新增学位 6200 / 11000 个), from the latest
// counted report of a lead unit, grouped by chapter.
import { periodLabel } from '../../../shared/period';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { api, unwrap, type Answer } from '../api/client';
import { PlanScreenHead, pct } from '../components/leader-ui';
import { formatNumber } from '../lib/format';
import { useCached } from '../lib/use-cached';
import { Link, type ScreenProps } from '../router';
import { choosePlan, leaderPlans } from '../state/leader';

export default function TargetsScreen({ query }: ScreenProps) {
  const plans = useCached<PlanSummary[]>(async () => null, leaderPlans, []);
  if (!plans.data) return <p class={plans.error ? 'empty' : 'loading'}>{plans.error?.message ?? '加载中…'}</p>;
  const plan = choosePlan(plans.data, query.get('plan'));
  if (!plan) return <p class="empty">暂无工作方案。</p>;
  return <Targets plans={plans.data} plan={plan} />;
}

type TargetsResponse = Answer<typeof api.api.plans[':id']['targets']['$get']>;

function Targets({ plans, plan }: { plans: PlanSummary[]; plan: PlanSummary }) {
  const { data, error } = useCached<TargetsResponse>(
    async () => null,
    () => unwrap(api.api.plans[':id'].targets.$get({ param: { id: plan.id } })),
    [plan.id],
  );
  const groups = new Map<string, TargetsResponse['targets']>();
  for (const t of data?.targets ?? []) {
    const list = groups.get(t.chapter) ?? [];
    list.push(t);
    groups.set(t.chapter, list);
  }
  const reported = data?.targets.filter((t) => t.current !== null).length ?? 0;
  return (
    <section>
      <PlanScreenHead title="目标进度" plans={plans} plan={plan} path="/targets" />
      {!data && <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>}
      {data && (
        <p class="meta">
          共 {data.targets.length} 个量化目标，{reported} 个已有报送数值
        </p>
      )}
      {[...groups].map(([chapter, list]) => (
        <section key={chapter} class="ov-section">
          <h2 class="section-title">{chapter}</h2>
          <ul class="rows">
            {list.map((t) => {
              const ratio = t.ratio ?? 0;
              return (
                <li key={t.targetId}>
                  <Link class="row-link target" href={`/overview/tasks/${t.itemId}?plan=${plan.id}`}>
                    <span class="target-text">{t.text}</span>
                    <span class="target-figures">
                      <span class="of">
                        <strong>{t.current === null ? '未报' : formatNumber(t.current)}</strong> / {formatNumber(t.target)} {t.unit}
                      </span>
                      <span class="meta">{t.current === null ? '尚无报送数值' : `完成 ${pct(t.ratio)}`}</span>
                    </span>
                    <span class="bar" role="img" aria-label={`完成 ${pct(t.ratio)}`}>
                      <span class={t.current === null ? 'bar-none' : ratio >= 1 ? 'bar-done' : 'bar-low'} style={{ width: `${Math.min(1, ratio) * 100}%` }} />
                    </span>
                    <span class="meta">
                      {t.label} {t.title}
                      {t.current !== null && ` · ${t.unitName}${t.period ? `${periodLabel(t.period)}报送` : ''}`}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
