// A task's 批示 thread: the leaders' 批示 and the units' 落实情况 answers, oldest first, what is
// new since the caller last looked marked 新. Leaders and the office write 批示 here; a carrying
// unit answers. Opening it marks it read. Offline it shows the copy synced to the phone.
import { useEffect, useState } from 'preact/hooks';
import type { Instruction } from '../../../shared/schemas/report';
import { api, ApiFailure, unwrap, type Answer } from '../api/client';
import { formatDateTime } from '../lib/format';
import { onlineStore } from '../lib/net';
import { useStore } from '../lib/store';
import { sessionStore } from '../state/session';
import { markRead } from '../state/threads';
import './thread.css';

interface Props {
  itemId: string;
  /** What the phone already has (synced copy) while the network answers, or offline. */
  local?: Instruction[];
  /** Called after a message was sent (to refresh the synced copy). */
  onSent?: () => void;
}

export function InstructionThread({ itemId, local = [], onSent }: Props) {
  const session = useStore(sessionStore);
  const online = useStore(onlineStore);
  const [thread, setThread] = useState<Answer<typeof api.api.tasks[':id']['instructions']['$get']> | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    unwrap(api.api.tasks[':id'].instructions.$get({ param: { id: itemId } })).then(
      (t) => {
        if (!live) return;
        setThread(t);
        void markRead(itemId);
        // Opened from a 新批示 / 新回复 link: show the thread, not the top of the task.
        if (location.hash === '#thread') requestAnimationFrame(() => document.getElementById('thread')?.scrollIntoView({ block: 'start' }));
      },
      () => undefined, // offline: the synced copy stays
    );
    return () => {
      live = false;
    };
  }, [itemId, tick]);
  if (session.status !== 'signed_in') return null;
  const me = session.me;
  const isUnit = me.role === 'unit';
  const messages = [...(thread?.instructions ?? local)].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // Never read: everything others wrote is new. Offline (no server answer): no marker.
  const since = thread ? (thread.lastReadAt ?? '') : null;
  const isNew = (n: Instruction) => since !== null && n.createdAt > since && (isUnit ? (n.kind ?? 'instruction') === 'instruction' : n.kind === 'answer');
  const fresh = messages.filter(isNew).length;

  return (
    <div class="card thread" id="thread">
      <h2 class="card-title">
        批示与落实情况
        {fresh > 0 && <span class="unread-badge">新 {fresh}</span>}
      </h2>
      {messages.length === 0 && <p class="meta">{isUnit ? '暂无批示。' : '还没有批示。'}</p>}
      <ol class="thread-list">
        {messages.map((n) => (
          <li key={n.id} class={`msg ${n.kind === 'answer' ? 'msg-answer' : 'msg-instruction'}${isNew(n) ? ' msg-new' : ''}`}>
            <p class="msg-who">
              {n.kind === 'answer' ? `落实情况 · ${n.unitName ?? ''}` : '批示'}
              {isNew(n) && <span class="unread-badge">新</span>}
            </p>
            <p class="msg-text">{n.text}</p>
            <p class="meta">
              {n.authorName} · {formatDateTime(n.createdAt)}
            </p>
          </li>
        ))}
      </ol>
      {(isUnit || me.role === 'leader' || me.role === 'admin' || me.role === 'superadmin') && (
        <ThreadForm
          itemId={itemId}
          kind={isUnit ? 'answer' : 'instruction'}
          online={online}
          onSent={() => {
            setTick((t) => t + 1);
            onSent?.();
          }}
        />
      )}
    </div>
  );
}

function ThreadForm({ itemId, kind, online, onSent }: { itemId: string; kind: 'answer' | 'instruction'; online: boolean; onSent: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const word = kind === 'answer' ? '落实情况' : '批示';
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const json = { id: crypto.randomUUID(), itemId, text: text.trim() };
      await unwrap(kind === 'answer' ? api.api.instructions.answers.$post({ json }) : api.api.instructions.$post({ json }));
      setText('');
      setMessage({ ok: true, text: kind === 'answer' ? '落实情况已报送' : '批示已送达承办单位' });
      onSent();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiFailure ? err.message : '提交失败，请稍后重试' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="form thread-form" onSubmit={submit}>
      <label class="field">
        <span>{kind === 'answer' ? '回复落实情况' : '批示'}</span>
        <textarea
          value={text}
          maxLength={2000}
          placeholder={kind === 'answer' ? '请写明批示的落实情况' : '请写下对该任务的批示，承办单位将在任务中看到'}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {!online && <p class="note">离线：联网后才能提交{word}。</p>}
      {message && (
        <p class={message.ok ? 'note note-ok' : 'form-error'} role="status">
          {message.text}
        </p>
      )}
      <button class="btn btn-primary" type="submit" disabled={busy || !online || !text.trim()}>
        {busy ? '提交中…' : `提交${word}`}
      </button>
    </form>
  );
}
