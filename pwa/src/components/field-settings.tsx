// The field app's part of 我的: storage used, persistent storage, installing, and a sign-out
// that never loses an unsent report.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../shared/schemas/auth';
import { useStore } from '../lib/store';
import { listDrafts } from '../outbox/drafts';
import { outboxSummaryStore } from '../outbox/signal';
import {
  estimateStorage,
  formatBytes,
  lowSpaceWarning,
  persistRecord,
  requestPersistence,
  type PersistRecord,
  type StorageEstimate,
} from '../outbox/storage';
import { listOutbox } from '../outbox/store';
import { navigate } from '../router';
import { signOut } from '../state/session';
import { InstallCard } from './install-card';
import { outboxLabel } from './outbox-state';

function persistText(p: PersistRecord | null): string {
  if (!p) return '尚未申请';
  if (p.granted === null) return '此浏览器不支持';
  return p.granted ? '已开启（浏览器不会自动清除本应用的数据）' : '未获准（存储紧张时浏览器可能清除数据，请尽快上传）';
}

export function FieldSettings() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persist, setPersist] = useState<PersistRecord | null>(null);
  const summary = useStore(outboxSummaryStore);
  useEffect(() => {
    void estimateStorage().then(setEstimate);
    void persistRecord().then(setPersist);
  }, [summary.unsent]);
  const warning = lowSpaceWarning(estimate);
  return (
    <div class="card field-settings">
      <h2 class="card-title">本机存储</h2>
      <p class="kv">
        <span>已用空间</span>
        <span>{estimate ? `${formatBytes(estimate.usage)} / 可用 ${formatBytes(estimate.quota)}` : '无法获取'}</span>
      </p>
      <p class="kv">
        <span>持久存储</span>
        <span>{persistText(persist)}</span>
      </p>
      {!persist?.granted && persist?.granted !== null && (
        <button type="button" class="btn btn-small" onClick={() => void requestPersistence().then(setPersist)}>
          申请持久存储
        </button>
      )}
      <p class="kv">
        <span>待上传报告</span>
        <span>{summary.unsent} 份</span>
      </p>
      {warning && <p class="note">{warning}</p>}
      <InstallCard always />
    </div>
  );
}

const SHOW_AT_MOST = 5;

/** 退出登录: says what is unsent and offers to sync first; the outbox always stays. */
export function SignOutButton({ me }: { me: Me }) {
  const [pending, setPending] = useState<{ unsent: string[]; drafts: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending) card.current?.scrollIntoView({ block: 'start' });
  }, [!!pending]);

  async function start() {
    const unsent = (await listOutbox()).filter((i) => i.userId === me.id && i.state !== 'submitted');
    const drafts = (await listDrafts(me.id)).length;
    if (!unsent.length && !drafts) return void signOut();
    setPending({ unsent: unsent.map((i) => `${outboxLabel(i.title)}${i.title.text.slice(0, 24)}`), drafts });
  }

  async function syncFirst() {
    setBusy(true);
    const { syncNow } = await import('../outbox/runtime');
    await syncNow();
    setBusy(false);
    const left = (await listOutbox()).filter((i) => i.userId === me.id && i.state !== 'submitted');
    if (!left.length && !pending?.drafts) return void signOut();
    setPending((p) => (p ? { ...p, unsent: left.map((i) => `${outboxLabel(i.title)}${i.title.text.slice(0, 24)}`) } : p));
  }

  if (!pending) {
    return (
      <button type="button" class="btn btn-block btn-danger" onClick={() => void start()}>
        退出登录
      </button>
    );
  }
  return (
    <div ref={card} class="card sign-out-card" role="alertdialog" aria-label="退出登录前确认">
      <p class="install-title">本机还有未上传的内容</p>
      {pending.unsent.length > 0 && (
        <>
          <p>{pending.unsent.length} 份报告还没有上传：</p>
          <ul class="plain-list">
            {pending.unsent.slice(0, SHOW_AT_MOST).map((t, i) => (
              <li key={i}>{t}</li>
            ))}
            {pending.unsent.length > SHOW_AT_MOST && <li>……另有 {pending.unsent.length - SHOW_AT_MOST} 份</li>}
          </ul>
        </>
      )}
      {pending.drafts > 0 && <p>{pending.drafts} 份草稿尚未提交。</p>}
      <p class="meta">退出后它们仍保存在本机，不会删除；同一账号再次登录后会继续上传。其他账号看不到这些内容。</p>
      <div class="row-actions">
        {pending.unsent.length > 0 && (
          <button type="button" class="btn btn-primary" disabled={busy || !navigator.onLine} onClick={() => void syncFirst()}>
            {busy ? '正在上传…' : navigator.onLine ? '先上传再退出' : '先上传再退出（需联网）'}
          </button>
        )}
        <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void signOut()}>
          保留在本机并退出
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => (pending.unsent.length ? navigate('/outbox') : setPending(null))}>
          {pending.unsent.length ? '查看待上传' : '取消'}
        </button>
      </div>
    </div>
  );
}
