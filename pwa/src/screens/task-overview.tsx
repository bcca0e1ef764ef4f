// One task as a leader sees it (总览 › task): the lead units' lights for the period, the task's
// facts and targets, every report with its photos, and the 批示 thread.
import { itemLabel } from '../../../shared/labels';
import { useState } from 'preact/hooks';
import { REPORT_STATE_LABEL, REPORT_STATUS_LABEL } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { TaskOverview } from '../../../shared/schemas/dashboard';
import { api, unwrap } from '../api/client';
import { InstructionThread } from '../components/instruction-thread';
import { Light } from '../components/leader-ui';
import { PhotoThumbs } from '../components/photo-viewer';
import { ReportTexts } from '../components/report-texts';
import { Fact, names } from '../components/facts';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { useStore } from '../lib/store';
import { useCached } from '../lib/use-cached';
import { Link, navigate, type ScreenProps } from '../router';
import { overviewHref } from '../state/leader';
import { sessionStore } from '../state/session';

/** The first clause of the text, at most 40 characters (as the lists show it). */
function shortTitle(text: string): string {
  const first = text.split(/[。；;，,：:]/)[0] ?? text;
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}

async function fetchOverview(id: string, period: string | null): Promise<TaskOverview> {
  return unwrap(api.api.tasks[':id'].overview.$get({ param: { id }, query: period ? { period } : {} }));
}

export default function TaskOverviewScreen({ params, query }: ScreenProps) {
  const id = params.id!;
  const period = query.get('period');
  const session = useStore(sessionStore);
  const { data: o, error, reload } = useCached<TaskOverview>(async () => null, () => fetchOverview(id, period), [id, period]);
  if (!o) return <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>;
  const isAdmin = session.status === 'signed_in' && (session.me.role === 'admin' || session.me.role === 'superadmin');
  const it = o.item;
  const latestValue = (targetId: string) => {
    for (const r of o.reports) {
      const v = r.targetValues.find((t) => t.targetId === targetId);
      if (v && it.leadUnits.some((u) => u.id === r.unitId)) return { value: v.value, report: r };
    }
    return null;
  };
  return (
    <section>
      <p class="meta">
        <Link href={overviewHref('/overview', o.plan.id, o.period)}>‹ 总览 · {periodLabel(o.period)}</Link>
      </p>
      <p class="meta">{it.path.join(' › ')}</p>
      <h1 class="screen-title">
        {itemLabel(it)} {shortTitle(it.text)}
      </h1>

      <div class="card">
        <div class="title-row">
          <h2 class="card-title">{periodLabel(o.period)}报送情况</h2>
          <select
            aria-label="报送周期"
            value={o.period}
            onChange={(e) => navigate(overviewHref(`/overview/tasks/${id}`, o.plan.id, e.currentTarget.value), { replace: true })}
          >
            {[...o.periods].reverse().map((p) => (
              <option key={p} value={p}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </div>
        {o.cells.length === 0 ? (
          <p class="meta">没有可报送的牵头单位。</p>
        ) : (
          <ul class="plain">
            {o.cells.map((c) => (
              <li key={c.unitId} class="kv">
                <span>{c.unitName}</span>
                <span>
                  <Light colour={c.colour} label={c.label} />
                  {c.percent !== null && <span class="meta"> 进度 {c.percent}%</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div class="card">
        <p class="report-text">{it.text}</p>
        <dl class="facts">
          <Fact term="牵头单位" value={names(it.leadUnits) || '—'} />
          <Fact term="责任单位" value={names(it.coUnits)} />
          <Fact term="责任板块" value={names(it.areas)} />
          <Fact term="分管领导" value={names(it.leaders) || '—'} />
          <Fact term="时限" value={it.deadline ? formatDate(it.deadline) : '—'} />
        </dl>
        {it.targets.length > 0 && (
          <ul class="targets">
            {it.targets.map((t) => {
              const v = latestValue(t.id);
              const ratio = v && t.value > 0 ? Math.min(1, v.value / t.value) : 0;
              return (
                <li key={t.id} class="target">
                  <span class="target-text">{t.text}</span>
                  <span class="target-figures">
                    <span class="of">
                      <strong>{v ? formatNumber(v.value) : '未报'}</strong> / {formatNumber(t.value)} {t.unit}
                    </span>
                    {v && <span class="meta">完成 {Math.round((v.value / t.value) * 1000) / 10}%</span>}
                  </span>
                  <span class="bar" role="img" aria-label={`完成 ${Math.round(ratio * 100)}%`}>
                    <span class={ratio >= 1 ? 'bar-done' : 'bar-low'} style={{ width: `${ratio * 100}%` }} />
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {isAdmin && (
          <p class="actions">
            <Link class="btn btn-small" href={`/overview/tasks/${id}/edit?plan=${o.plan.id}&period=${o.period}`}>
              编辑任务（单位、领导、时限）
            </Link>
          </p>
        )}
      </div>

      <InstructionThread itemId={id} onSent={reload} />

      <h2 class="section-title">进展报告 {o.reports.length} 份</h2>
      {o.reports.length === 0 && <p class="empty">还没有报送的进展报告。</p>}
      {o.reports.map((r) => (
        <article class="card report-card" key={r.id}>
          <div class="report-head">
            <strong>{r.unitName}</strong>
            <span class="meta">{periodLabel(r.period)}</span>
            <span class="tag">{REPORT_STATUS_LABEL[r.status]}</span>
            <span class="tag">{REPORT_STATE_LABEL[r.state]}</span>
            <span class="meta">进度 {r.percent}%</span>
          </div>
          <ReportTexts report={r} />
          <PhotoThumbs photos={r.photos.map((p) => ({ id: p.photoId, thumbUrl: p.thumbUrl, url: p.url, alt: `${r.unitName}现场照片` }))} />
          <p class="meta">
            {r.authorName} · 报送于 {formatDateTime(r.submittedAt)}
          </p>
        </article>
      ))}
    </section>
  );
}
