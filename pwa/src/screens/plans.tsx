// 工作方案: the plans this user can see, from cache first.
import type { PlanSummary } from '../../../shared/schemas/plan';
import { CYCLE_LABEL } from '../../../shared/labels';
import { useCached } from '../lib/use-cached';
import { useStore } from '../lib/store';
import { Link } from '../router';
import { sessionStore } from '../state/session';
import { cachedPlans, fetchPlans } from '../state/plans';

export default function PlansScreen() {
  const { data, error, refreshing } = useCached<PlanSummary[]>(async () => {
    const c = await cachedPlans();
    return c.length ? c : null;
  }, fetchPlans, []);

  const session = useStore(sessionStore);
  const canImport = session.status === 'signed_in' && (session.me.role === 'admin' || session.me.role === 'superadmin');
  return (
    <section>
      <div class="title-row">
        <h1 class="screen-title">工作方案</h1>
        {canImport && (
          <Link class="btn btn-small" href="/admin/import">
            导入方案
          </Link>
        )}
      </div>
      {error && data && <p class="note">{error.isNetwork ? '离线：显示的是上次同步的内容' : error.message}</p>}
      {error && !data && <p class="empty">{error.message}</p>}
      {!data && refreshing && <p class="loading">加载中…</p>}
      {data && data.length === 0 && <p class="empty">暂无工作方案。</p>}
      <ul class="list" aria-label="工作方案列表">
        {data?.map((p) => (
          <li key={p.id}>
            <Link class="list-item plan-item" href={`/plans/${p.id}`}>
              <span class="plan-title">{p.title}</span>
              <span class="meta">
                {p.docNumber ?? '无文号'} · {p.year}年 · {CYCLE_LABEL[p.cycle]}报送
              </span>
              <span class="counts">
                <strong>{p.taskCount}</strong> 项任务
                {p.indicatorCount > 0 && (
                  <>
                    {' · '}
                    <strong>{p.indicatorCount}</strong> 项指标
                  </>
                )}
                {p.draftCount > 0 && (
                  <>
                    {' · '}
                    <strong>{p.draftCount}</strong> 项待确认
                  </>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
