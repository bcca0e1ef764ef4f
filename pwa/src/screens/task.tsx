// One task (/tasks/:id): its text, targets with progress, units, leaders and deadline, what the
// unit owes now, the report history with photos, reviews and 批示. From the synced copy.
import { useEffect } from 'preact/hooks';
import { REPORT_STATE_LABEL, REPORT_STATUS_LABEL } from '../../../shared/labels';
import { colourOf } from '../../../shared/colour';
import { dueDateOf, periodLabel } from '../../../shared/period';
import type { Target } from '../../../shared/schemas/plan';
import type { Report } from '../../../shared/schemas/report';
import type { OutboxItem } from '../db/schema';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { useStore } from '../lib/store';
import { onlineStore } from '../lib/net';
import { formatVerifyCode } from '../../../shared/verify-code';
import { Link, type ScreenProps } from '../router';
import { sessionStore } from '../state/session';
import { loadTask, useLive } from '../sync/local';
import { refreshFromServer } from '../sync/pull';
import { dueWord, reportPeriod, roleOf } from '../sync/tasks';
import { LocalThumbs } from '../components/local-thumbs';
import { outboxStateText } from '../components/outbox-state';
import { Fact, names } from '../components/facts';
import { PhotoThumbs } from '../components/photo-viewer';
import { ReturnedNote } from '../components/returned-note';
import { itemLabel } from '../../../shared/labels';
import { InstructionThread } from '../components/instruction-thread';

export default function TaskScreen({ params }: ScreenProps) {
  const id = params.id!;
  const session = useStore(sessionStore);
  const online = useStore(onlineStore);
  const { data } = useLive(() => loadTask(id), [id]);
  useEffect(() => {
    if (online) void refreshFromServer();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (session.status !== 'signed_in') return null;
  if (data === undefined) return <p class="loading">加载中…</p>;
  if (data === null) {
    return <p class="empty">{online ? '未找到该任务，或它不是本单位承担的任务。' : '离线：本机没有这项任务的资料，请联网后再打开。'}</p>;
  }
  const { item, plan, reports, instructions, outbox } = data;
  const me = session.me;
  const unitId = me.unitId;
  const role = unitId ? roleOf(item, unitId) : null;
  const now = new Date();
  const period = plan ? reportPeriod(plan, now) : null;
  const mine = unitId && period ? (reports.find((r) => r.unitId === unitId && r.period === period) ?? null) : null;
  const pending = outbox.filter((o) => o.state !== 'submitted');
  const colour =
    plan && period
      ? colourOf({
          period,
          dueDay: plan.dueDay,
          now,
          report: mine ? { status: mine.status, state: mine.state, submittedAt: mine.firstSubmittedAt ?? mine.submittedAt } : null,
        })
      : null;
  const counted = mine && mine.state !== 'draft' && mine.submittedAt;
  const canReport = item.access === 'full' && (me.role === 'unit' ? !!role : false);

  return (
    <section class="task-screen">
      <p class="meta">
        <Link href="/">‹ 我的任务</Link>
      </p>
      <h1 class="screen-title">{itemLabel(item)}</h1>
      {canReport && <ReturnedNote report={mine} />}
      {plan && <p class="meta">{[plan.title, ...item.path].join(' › ')}</p>}
      <p class="task-full-text">{item.text}</p>

      {canReport && period && colour && (
        <div class="card due-card">
          <p>
            <span class={`light light-${colour.colour}`}>
              {counted && mine?.state !== 'returned'
                ? `已报·${colour.label}`
                : !counted && colour.timeliness === 'pending' && plan
                  ? dueWord(plan.cycle)
                  : colour.label}
            </span>{' '}
            <strong>{periodLabel(period)}</strong>
            {plan && <span class="meta"> · 截止 {formatDate(dueDateOf(period, plan.dueDay))}</span>}
          </p>
          {pending.length > 0 ? (
            <p class="meta">
              本期报告{outboxStateText(pending[0]!)}。<Link href="/outbox">查看待上传</Link>
            </p>
          ) : null}
          {pending.length === 0 && counted && mine?.state !== 'returned' && (
            <p class="meta">本期报告已报送{mine?.state === 'accepted' ? '并通过审核' : '，等待审核'}。</p>
          )}
          {pending.length === 0 && (!counted || mine?.state === 'returned') && (
            <Link class="btn btn-primary btn-block" href={`/tasks/${item.id}/report`}>
              {mine?.state === 'returned' ? '修改后重新报送' : '填报进展'}
            </Link>
          )}
        </div>
      )}

      {item.access === 'full' && (
        <dl class="card facts">
          <Fact term="牵头单位" value={names(item.leadUnits, '★')} />
          <Fact term="责任单位" value={names(item.coUnits)} />
          <Fact term="责任板块" value={names(item.areas)} />
          <Fact term="牵头领导" value={names(item.leaders)} />
          <Fact term="时限" value={item.deadline ? formatDate(item.deadline) : '全年'} />
        </dl>
      )}

      {item.targets.length > 0 && (
        <div class="card">
          <h2 class="card-title">目标</h2>
          <ul class="targets">
            {item.targets.map((t) => (
              <TargetProgress key={t.id} target={t} reports={reports} unitId={unitId} />
            ))}
          </ul>
        </div>
      )}

      <InstructionThread itemId={id} local={instructions} onSent={() => void refreshFromServer()} />

      <h2 class="section-title">报告记录</h2>
      {pending.map((o) => (
        <PendingCard key={o.id} item={o} />
      ))}
      {reports.length === 0 && pending.length === 0 && <p class="empty">还没有报告。</p>}
      {reports.map((r) => (
        <ReportCard key={r.id} report={r} />
      ))}
    </section>
  );
}

function TargetProgress({ target, reports, unitId }: { target: Target; reports: Report[]; unitId: string | null }) {
  const withValue = reports
    .filter((r) => r.state !== 'draft' && r.targetValues.some((v) => v.targetId === target.id))
    .sort((a, b) => Number(b.unitId === unitId) - Number(a.unitId === unitId) || b.period.localeCompare(a.period));
  const latest = withValue[0];
  const value = latest?.targetValues.find((v) => v.targetId === target.id)?.value ?? null;
  const pct = value !== null && target.value > 0 ? Math.min(100, Math.round((value / target.value) * 100)) : null;
  return (
    <li class="target">
      <p>{target.text}</p>
      <div class="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? 0} aria-label={target.text}>
        <span style={{ width: `${pct ?? 0}%` }} />
      </div>
      <p class="meta">
        {value !== null ? `${formatNumber(value)} / ${formatNumber(target.value)} ${target.unit}（${pct}%）` : `目标 ${formatNumber(target.value)} ${target.unit} · 尚未填报`}
        {latest && <> · {periodLabel(latest.period, false)}</>}
      </p>
    </li>
  );
}

function PendingCard({ item }: { item: OutboxItem }) {
  const b = item.body;
  return (
    <article class="card report-card report-pending">
      <p>
        <span class="tag tag-pending">{outboxStateText(item)}</span> <strong>{b.period ? periodLabel(b.period) : ''}</strong>{' '}
        <span class="meta">{item.title.unitName}</span>
      </p>
      <p class="meta">
        {REPORT_STATUS_LABEL[b.status]} · 完成 {b.percent}% · 核验码 {formatVerifyCode(item.verifyCode)}
      </p>
      <p class="report-text">{b.progress}</p>
      <LocalThumbs photoIds={item.photos.filter((p) => !p.remote).map((p) => p.id)} />
    </article>
  );
}

const STATE_COLOUR = { draft: 'grey', submitted: 'amber', returned: 'red', accepted: 'green' } as const;

function ReportCard({ report: r }: { report: Report }) {
  return (
    <article class="card report-card">
      <p class="report-head">
        <strong>{periodLabel(r.period)}</strong> <span>{r.unitName}</span>{' '}
        <span class={`light light-${STATE_COLOUR[r.state]}`}>{REPORT_STATE_LABEL[r.state]}</span>
      </p>
      <p class="meta">
        {REPORT_STATUS_LABEL[r.status]} · 完成 {r.percent}% · {r.authorName} · {r.submittedAt ? `报送于 ${formatDateTime(r.submittedAt)}` : '未报送'}
      </p>
      <h3 class="mini">进展情况</h3>
      <p class="report-text">{r.progress}</p>
      {r.problems && (
        <>
          <h3 class="mini">存在问题</h3>
          <p class="report-text">{r.problems}</p>
        </>
      )}
      {r.nextSteps && (
        <>
          <h3 class="mini">下步计划</h3>
          <p class="report-text">{r.nextSteps}</p>
        </>
      )}
      <PhotoThumbs photos={r.photos.map((p, i) => ({ id: p.id, thumbUrl: p.thumbUrl, url: p.url, alt: `照片 ${i + 1}` }))} />
      {r.reviews.map((v) => (
        <p key={v.id} class={`review review-${v.decision}`}>
          <strong>{v.decision === 'returned' ? '退回' : '审核通过'}</strong>
          {v.comment && <>：{v.comment}</>}
          <span class="meta">
            {' '}
            · {v.reviewerName} · {formatDateTime(v.createdAt)}
          </span>
        </p>
      ))}
      <p class="meta">
        核验码 <Link href={`/v/${r.verifyCode}`}>{formatVerifyCode(r.verifyCode)}</Link>
      </p>
    </article>
  );
}
