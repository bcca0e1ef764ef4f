// 待上传 (/outbox): every report still on the phone with its state — 等待网络, 上传中 2/5, 需处理
// with the server's message, 已提交 — and 立即同步.
import { Component } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { periodLabel } from '../../../shared/period';
import { outboxLabel, outboxState, photoProgress } from '../components/outbox-state';
import type { OutboxItem } from '../db/schema';
import { formatDateTime } from '../lib/format';
import { onlineStore } from '../lib/net';
import { useStore } from '../lib/store';
import { outboxItemsStore, refreshOutboxItems, watchOutboxItems } from '../outbox/live';
import { outboxSummaryStore } from '../outbox/signal';
import { discardOutboxItem, patchOutboxItem, returnToDraft } from '../outbox/store';
import { formatVerifyCode } from '../../../shared/verify-code';
import { Link, navigate } from '../router';
import { sessionStore } from '../state/session';

export default function OutboxScreen() {
  const session = useStore(sessionStore);
  const online = useStore(onlineStore);
  const summary = useStore(outboxSummaryStore);
  // The list the badge reads too (one read per change, coalesced); re-read on opening.
  const data = useStore(outboxItemsStore);
  useEffect(() => {
    watchOutboxItems();
    void refreshOutboxItems();
  }, []);
  const [message, setMessage] = useState<string | null>(null);
  if (session.status !== 'signed_in') return null;
  const me = session.me;
  const items = data ?? [];
  const mine = items.filter((i) => i.userId === me.id);
  const unsent = mine.filter((i) => i.state !== 'submitted');
  const done = mine.filter((i) => i.state === 'submitted').sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
  const others = items.filter((i) => i.userId !== me.id && i.state !== 'submitted');

  async function syncNow() {
    setMessage(null);
    const { syncNow: run } = await import('../outbox/runtime');
    const outcome = await run();
    if (outcome === 'offline') setMessage('当前没有网络，联网后会自动上传。');
  }

  return (
    <section>
      <div class="title-row">
        <h1 class="screen-title">待上传</h1>
        <button type="button" class="btn btn-small btn-primary" disabled={summary.running} onClick={() => void syncNow()}>
          {summary.running ? '同步中…' : '立即同步'}
        </button>
      </div>
      <p class="meta outbox-summary" aria-live="polite">
        {unsent.length ? `${unsent.length} 份报告未上传` : '所有报告都已上传'}
        {!online && unsent.length > 0 && ' · 当前离线，联网后自动上传'}
      </p>
      {message && (
        <p class="note" role="status">
          {message}
        </p>
      )}
      {summary.authPaused && <p class="form-error">登录已失效，请重新登录后继续上传（报告都保留在本机）。</p>}

      {unsent.length === 0 && done.length === 0 && <p class="empty">没有待上传的报告。</p>}
      <ul class="list outbox-list" aria-label="待上传列表">
        {unsent.map((i) => (
          <OutboxRow key={i.id} item={i} online={online} onMessage={setMessage} />
        ))}
      </ul>

      {done.length > 0 && (
        <>
          <h2 class="section-title">最近已提交</h2>
          <ul class="list outbox-list" aria-label="已提交列表">
            {done.map((i) => (
              <OutboxRow key={i.id} item={i} online={online} onMessage={setMessage} />
            ))}
          </ul>
        </>
      )}

      {others.length > 0 && (
        <p class="note">本机还有 {others.length} 份其他账号未上传的报告，需要该账号登录后才会上传。</p>
      )}
    </section>
  );
}

interface RowProps {
  item: OutboxItem;
  online: boolean;
  onMessage: (m: string | null) => void;
}

/**
 * What a row shows, as one string: each read of the outbox gives new objects, and while a queue
 * drains only one or two rows change between reads — the others keep their DOM untouched.
 */
function rowShows({ item, online }: RowProps): string {
  const { done, total } = photoProgress(item);
  const retry = item.state === 'queued' && item.nextAttemptAt > Date.now() ? retryWhen(item.nextAttemptAt) : '';
  return JSON.stringify([item.id, item.state, done, total, online, item.lastError, item.submittedAt, item.queuedAt, item.title, item.body.period, item.taskId, item.verifyCode, retry]);
}

class OutboxRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.onMessage !== this.props.onMessage || rowShows(next) !== rowShows(this.props);
  }
  render(props: RowProps) {
    return <OutboxRowView {...props} />;
  }
}

function OutboxRowView({ item, online, onMessage }: RowProps) {
  const state = outboxState(item, online);
  const { done, total } = photoProgress(item);
  const period = item.body.period ?? item.title.period;

  async function fix() {
    const draft = await returnToDraft(item.id, new Date().toISOString());
    if (draft) navigate(`/tasks/${item.taskId}/report`);
  }
  async function retry() {
    await patchOutboxItem(item.id, (i) => {
      i.state = 'queued';
      i.nextAttemptAt = 0;
    });
    const { syncNow } = await import('../outbox/runtime');
    void syncNow();
  }
  async function discard() {
    if (!confirm('删除这份未上传的报告？删除后无法恢复。')) return;
    await discardOutboxItem(item.id);
    onMessage('已删除。');
  }

  return (
    <li class={`card outbox-item outbox-${item.state}`} data-report-id={item.id}>
      <p class="outbox-head">
        <span class={`state state-${state.tone}`}>{state.text}</span>
        <Link href={`/tasks/${item.taskId}`} class="outbox-title">
          {outboxLabel(item.title)}
          {item.title.text}
        </Link>
      </p>
      {state.tone === 'blue' && total > 0 && (
        <div class="bar" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="上传进度">
          <span style={{ width: `${Math.round((done / total) * 100)}%` }} />
        </div>
      )}
      <p class="meta">
        {[item.title.unitName, period ? periodLabel(period) : null, item.photos.length ? `${item.photos.length} 张照片` : '无照片', `核验码 ${formatVerifyCode(item.verifyCode)}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p class="meta">
        {item.state === 'submitted' ? `已提交 ${formatDateTime(item.submittedAt)}` : `保存于 ${formatDateTime(item.queuedAt)}`}
        {item.state === 'queued' && item.lastError && item.nextAttemptAt > Date.now() && item.lastError.status !== 401 && (
          <> · {retryWhen(item.nextAttemptAt)}自动重试</>
        )}
      </p>
      {item.lastError && item.state !== 'submitted' && (
        <p class={item.state === 'needs_action' ? 'form-error' : 'meta'}>{item.lastError.message}</p>
      )}
      {item.state === 'needs_action' && (
        <div class="row-actions">
          <button type="button" class="btn btn-small btn-primary" onClick={() => void fix()}>
            修改
          </button>
          <button type="button" class="btn btn-small" onClick={() => void retry()}>
            重试
          </button>
          <button type="button" class="btn btn-small btn-danger" onClick={() => void discard()}>
            删除
          </button>
        </div>
      )}
    </li>
  );
}

function retryWhen(at: number): string {
  const secs = Math.max(1, Math.round((at - Date.now()) / 1000));
  if (secs < 60) return `约 ${secs} 秒后`;
  if (secs < 3600) return `约 ${Math.round(secs / 60)} 分钟后`;
  return `${formatDateTime(new Date(at).toISOString()).slice(-5)} `;
}
