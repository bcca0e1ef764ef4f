// 审核 (督查室): submitted reports oldest first; accept, or return with a reason the unit sees.
import { useState } from 'preact/hooks';
import { REPORT_STATUS_LABEL } from '../../../shared/labels';
import { periodLabel, periodsOfYear } from '../../../shared/period';
import type { QueueEntry, ReviewQueueResponse } from '../../../shared/schemas/dashboard';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { api, ApiFailure, unwrap } from '../api/client';
import { PlanPeriodBar } from '../components/leader-ui';
import { PhotoThumbs } from '../components/photo-viewer';
import { ReportTexts } from '../components/report-texts';
import { formatDateTime } from '../lib/format';
import { useCached } from '../lib/use-cached';
import { Link, navigate, type ScreenProps } from '../router';
import { choosePlan, leaderPlans } from '../state/leader';

const FLAG_WORD: Record<string, string> = { clock_skew: '手机时间与服务器相差较大', captured_after_received: '拍摄时间晚于接收时间' };

export default function ReviewScreen({ query }: ScreenProps) {
  const plans = useCached<PlanSummary[]>(async () => null, leaderPlans, []);
  if (!plans.data) return <p class={plans.error ? 'empty' : 'loading'}>{plans.error?.message ?? '加载中…'}</p>;
  const plan = choosePlan(plans.data, query.get('plan'));
  if (!plan) return <p class="empty">暂无工作方案。</p>;
  return <Queue plans={plans.data} plan={plan} period={query.get('period') ?? ''} />;
}

function Queue({ plans, plan, period }: { plans: PlanSummary[]; plan: PlanSummary; period: string }) {
  const [done, setDone] = useState<Record<string, string>>({});
  const { data, error, reload } = useCached<ReviewQueueResponse>(
    async () => null,
    () => unwrap(api.api.plans[':id']['review-queue'].$get({ param: { id: plan.id }, query: period ? { period } : {} })),
    [plan.id, period],
  );
  const open = data?.entries.filter((e) => !done[e.id]) ?? [];
  return (
    <section>
      <p class="meta">
        <Link href={`/overview?plan=${plan.id}${period ? `&period=${period}` : ''}`}>‹ 总览</Link>
      </p>
      <h1 class="screen-title">审核报告</h1>
      <PlanPeriodBar plans={plans} planId={plan.id} period={null} periods={null} path="/review" />
      <div class="filters">
        <select
          aria-label="报送周期"
          class="wide"
          value={period}
          onChange={(e) => navigate(`/review?plan=${plan.id}${e.currentTarget.value ? `&period=${e.currentTarget.value}` : ''}`, { replace: true })}
        >
          <option value="">全部周期</option>
          {periodsOfYear(plan.year, plan.cycle).map((p) => (
            <option key={p} value={p}>
              {periodLabel(p)}
            </option>
          ))}
        </select>
      </div>
      {!data && <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>}
      {data && (
        <p class="meta" aria-live="polite">
          待审核 {Math.max(0, data.total - Object.keys(done).length)} 份{Object.keys(done).length > 0 && `，本次已处理 ${Object.keys(done).length} 份`}
          {' · '}
          <button type="button" class="btn-link" onClick={reload}>
            刷新
          </button>
        </p>
      )}
      {data && open.length === 0 && <p class="empty">没有待审核的报告。</p>}
      {open.map((e) => (
        <Entry key={e.id} entry={e} planId={plan.id} onDone={(word) => setDone((d) => ({ ...d, [e.id]: word }))} />
      ))}
    </section>
  );
}

function Entry({ entry: e, planId, onDone }: { entry: QueueEntry; planId: string; onDone: (word: string) => void }) {
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function decide(decision: 'accepted' | 'returned') {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.api.reports[':id'].review.$post({ param: { id: e.id }, json: { decision, comment: comment.trim() } }));
      onDone(decision === 'accepted' ? '已通过' : '已退回');
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }
  return (
    <article class="card queue-card" aria-label={`${e.unitName} ${e.label} ${e.title}`}>
      <div class="report-head">
        <Link href={`/overview/tasks/${e.itemId}?plan=${planId}&period=${e.period}`}>
          <strong>
            {e.label} {e.title}
          </strong>
        </Link>
      </div>
      <p class="meta">
        {e.unitName} · {periodLabel(e.period)} · {REPORT_STATUS_LABEL[e.status]} · 进度 {e.percent}% · {e.authorName} 报送于 {formatDateTime(e.submittedAt)}
        {e.revision > 1 && ` · 第 ${e.revision} 稿`}
      </p>
      {e.flags.length > 0 && <p class="note">请注意：{e.flags.map((f) => FLAG_WORD[f] ?? f).join('；')}</p>}
      <ReportTexts report={e} />
      <PhotoThumbs photos={e.photos.map((p) => ({ id: p.photoId, thumbUrl: p.thumbUrl, url: p.url, alt: '现场照片' }))} />
      {returning && (
        <label class="field">
          <span>
            退回理由 <span class="required">*</span>
          </span>
          <textarea value={comment} maxLength={2000} placeholder="请写明需要补充或修改的内容" onInput={(ev) => setComment(ev.currentTarget.value)} />
        </label>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
      <div class="queue-actions">
        {returning ? (
          <>
            <button type="button" class="btn" disabled={busy} onClick={() => setReturning(false)}>
              取消
            </button>
            <button type="button" class="btn btn-danger" disabled={busy || !comment.trim()} onClick={() => void decide('returned')}>
              确认退回
            </button>
          </>
        ) : (
          <>
            <button type="button" class="btn btn-danger" disabled={busy} onClick={() => setReturning(true)}>
              退回
            </button>
            <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void decide('accepted')}>
              审核通过
            </button>
          </>
        )}
      </div>
    </article>
  );
}
