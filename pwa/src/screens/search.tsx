// 搜索: full text over the tasks (two-character words such as 教育 work too), with filters by
// unit, leader, area, latest reported status and deadline. The URL holds the query.
import { useEffect, useState } from 'preact/hooks';
import { itemLabel, REPORT_STATUS_LABEL, REPORT_STATUSES } from '../../../shared/labels';
import type { Directory, SearchResponse } from '../../../shared/schemas/dashboard';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { api, ApiFailure, unwrap } from '../api/client';
import { Options } from '../components/form-bits';
import { PlanScreenHead } from '../components/leader-ui';
import { formatDate } from '../lib/format';
import { useCached } from '../lib/use-cached';
import { Link, navigate, type ScreenProps } from '../router';
import { choosePlan, leaderPlans } from '../state/leader';

const FILTERS = ['q', 'unit', 'leader', 'area', 'status', 'deadlineTo'] as const;
type Filter = (typeof FILTERS)[number];
const STATUS_OPTIONS = REPORT_STATUSES.map((s) => ({ id: s, name: REPORT_STATUS_LABEL[s] }));

export default function SearchScreen({ query }: ScreenProps) {
  const plans = useCached<PlanSummary[]>(async () => null, leaderPlans, []);
  if (!plans.data) return <p class={plans.error ? 'empty' : 'loading'}>{plans.error?.message ?? '加载中…'}</p>;
  const plan = choosePlan(plans.data, query.get('plan'));
  if (!plan) return <p class="empty">暂无工作方案。</p>;
  return <Search plans={plans.data} plan={plan} query={query} />;
}

/** The text with the searched words marked. */
function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  const words = terms.filter(Boolean);
  if (!words.length) return <>{text}</>;
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return <>{text.split(re).map((part, i) => (i % 2 ? <mark key={i}>{part}</mark> : part))}</>;
}

function Search({ plans, plan, query }: { plans: PlanSummary[]; plan: PlanSummary; query: URLSearchParams }) {
  const current = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])) as Record<Filter, string>;
  const [text, setText] = useState(current.q);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dir = useCached<Directory>(async () => null, () => unwrap(api.api.plans[':id'].directory.$get({ param: { id: plan.id } })), [plan.id]);

  const set = (changes: Partial<Record<Filter, string>>) => {
    const q = new URLSearchParams({ plan: plan.id });
    for (const k of FILTERS) {
      const v = changes[k] ?? current[k];
      if (v) q.set(k, v);
    }
    navigate(`/search?${q}`, { replace: true });
  };

  // Typing searches after a short pause; the URL follows so the back button keeps the query.
  useEffect(() => {
    if (text === current.q) return;
    const t = setTimeout(() => set({ q: text.trim() }), 350);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const key = `${plan.id}|${FILTERS.map((k) => current[k]).join('|')}`;
  useEffect(() => {
    const active = FILTERS.some((k) => current[k]);
    if (!active) {
      setResult(null);
      return;
    }
    let live = true;
    setBusy(true);
    setError(null);
    const q: Record<string, string> = { plan: plan.id, limit: '100' };
    for (const k of FILTERS) if (current[k]) q[k] = current[k];
    unwrap(api.api.search.$get({ query: q }))
      .then((r) => live && setResult(r))
      .catch((e: unknown) => live && setError(e instanceof ApiFailure ? e.message : '搜索失败'))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const terms = current.q.split(/[\s,，、;；]+/);
  const d = dir.data;
  return (
    <section>
      <PlanScreenHead title="搜索任务" plans={plans} plan={plan} path="/search" />
      <form
        class="search-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: text.trim() });
        }}
      >
        <input type="search" aria-label="关键词" placeholder="关键词，如 教育、新增学位" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button class="btn btn-primary" type="submit">
          搜索
        </button>
      </form>
      <div class="filters">
        <select aria-label="单位" value={current.unit} onChange={(e) => set({ unit: e.currentTarget.value })}>
          <Options empty="全部单位" items={d?.units.filter((u) => u.kind === 'unit')} />
        </select>
        <select aria-label="分管领导" value={current.leader} onChange={(e) => set({ leader: e.currentTarget.value })}>
          <Options empty="全部领导" items={d?.leaders} />
        </select>
        {(d?.areas.length ?? 0) > 0 && (
          <select aria-label="责任板块" value={current.area} onChange={(e) => set({ area: e.currentTarget.value })}>
            <Options empty="全部板块" items={d!.areas} />
          </select>
        )}
        <select aria-label="最新进展" value={current.status} onChange={(e) => set({ status: e.currentTarget.value })}>
          <Options empty="全部进展" items={STATUS_OPTIONS} />
          <option value="unreported">从未报送</option>
        </select>
        <label class="field wide">
          <span class="meta">时限不晚于</span>
          <input type="date" aria-label="时限不晚于" value={current.deadlineTo} onChange={(e) => set({ deadlineTo: e.currentTarget.value })} />
        </label>
      </div>
      {error && <p class="form-error">{error}</p>}
      {busy && <p class="loading">搜索中…</p>}
      {!busy && result && (
        <p class="meta" aria-live="polite">
          找到 {result.total} 项{result.total > result.hits.length ? `，显示前 ${result.hits.length} 项` : ''}
        </p>
      )}
      {!busy && !result && !error && <p class="meta">输入关键词或选择条件开始搜索。</p>}
      {result && (
        <ul class="rows" aria-label="搜索结果">
          {result.hits.map((h) => (
            <li key={h.id}>
              <Link class="row-link" href={`/overview/tasks/${h.id}?plan=${h.planId}`}>
                <span class="row-main">
                  <span class="row-title row-title-wrap">
                    {itemLabel(h)} <Highlighted text={h.title} terms={terms} />
                  </span>
                  <span class="hit-snippet">
                    <Highlighted text={h.snippet} terms={terms} />
                  </span>
                  <span class="meta">
                    {h.leadUnits.join('、') || '—'}
                    {h.leaders.length > 0 && ` · ${h.leaders.join('、')}`}
                    {h.deadline && ` · 时限 ${formatDate(h.deadline)}`}
                  </span>
                </span>
                <span class="row-side">
                  <span class="tag">{h.status ? `${REPORT_STATUS_LABEL[h.status]} ${h.percent ?? 0}%` : '未报送'}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
