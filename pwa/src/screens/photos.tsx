// 照片墙: the newest site photos of a plan's reports, filtered by unit and chapter; each photo
// opens its task.
import { useEffect, useState } from 'preact/hooks';
import { REPORT_STATUS_LABEL } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { api, ApiFailure, unwrap, type Answer } from '../api/client';
import { Options } from '../components/form-bits';
import { PlanScreenHead } from '../components/leader-ui';
import { useCached } from '../lib/use-cached';
import { Link, navigate, type ScreenProps } from '../router';
import { choosePlan, leaderPlans } from '../state/leader';

export default function PhotosScreen({ query }: ScreenProps) {
  const plans = useCached<PlanSummary[]>(async () => null, leaderPlans, []);
  if (!plans.data) return <p class={plans.error ? 'empty' : 'loading'}>{plans.error?.message ?? '加载中…'}</p>;
  const plan = choosePlan(plans.data, query.get('plan'));
  if (!plan) return <p class="empty">暂无工作方案。</p>;
  return <Wall plans={plans.data} plan={plan} unit={query.get('unit') ?? ''} chapter={query.get('chapter') ?? ''} />;
}

type PhotoWallResponse = Answer<typeof api.api.plans[':id']['photo-wall']['$get']>;

function Wall({ plans, plan, unit, chapter }: { plans: PlanSummary[]; plan: PlanSummary; unit: string; chapter: string }) {
  const [photos, setPhotos] = useState<PhotoWallResponse['photos']>([]);
  const [meta, setMeta] = useState<Pick<PhotoWallResponse, 'chapters' | 'units'> | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);

  async function load(before: string | null) {
    setBusy(true);
    setError(null);
    try {
      const q: Record<string, string> = { limit: '24' };
      if (unit) q.unit = unit;
      if (chapter) q.chapter = chapter;
      if (before) q.before = before;
      const page = await unwrap(api.api.plans[':id']['photo-wall'].$get({ param: { id: plan.id }, query: q }));
      setPhotos((old) => (before ? [...old, ...page.photos] : page.photos));
      setMeta({ chapters: page.chapters, units: page.units });
      setNext(page.next);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '加载失败');
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    setPhotos([]);
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan.id, unit, chapter]);

  const setFilter = (k: 'unit' | 'chapter', v: string) => {
    const q = new URLSearchParams({ plan: plan.id, unit, chapter });
    q.set(k, v);
    for (const key of ['unit', 'chapter']) if (!q.get(key)) q.delete(key);
    navigate(`/photos?${q}`, { replace: true });
  };

  return (
    <section>
      <PlanScreenHead title="照片墙" plans={plans} plan={plan} path="/photos" />
      <div class="filters">
        <select aria-label="单位" value={unit} onChange={(e) => setFilter('unit', e.currentTarget.value)}>
          <Options empty="全部单位" items={meta?.units} />
        </select>
        <select aria-label="篇章" value={chapter} onChange={(e) => setFilter('chapter', e.currentTarget.value)}>
          <option value="">全部篇章</option>
          {meta?.chapters.map((c, i) => (
            <option key={c} value={String(i)}>
              {c}
            </option>
          ))}
        </select>
      </div>
      {error && <p class="form-error">{error}</p>}
      {!busy && photos.length === 0 && !error && <p class="empty">还没有现场照片。</p>}
      <ul class="wall" aria-label="现场照片">
        {photos.map((p) => (
          <li class="wall-item" key={`${p.reportId}/${p.photoId}`}>
            <Link href={`/overview/tasks/${p.itemId}?plan=${plan.id}&period=${p.period}`}>
              <img src={p.thumbUrl} alt={`${p.unitName} ${p.label} ${p.title} 现场照片`} loading="lazy" />
              <span class="wall-caption">
                <strong>
                  {p.label} {p.title}
                </strong>
                {p.unitName} · {periodLabel(p.period)} · {REPORT_STATUS_LABEL[p.status]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {busy && <p class="loading">加载中…</p>}
      {next && !busy && (
        <p class="actions">
          <button type="button" class="btn btn-block" onClick={() => void load(next)}>
            加载更多照片
          </button>
        </p>
      )}
    </section>
  );
}
