// Unread markers of 批示 threads: a badge on a unit's task row, and on the leader's 总览 the
// tasks whose units answered since he last looked.
import { useEffect } from 'preact/hooks';
import { itemLabel } from '../../../shared/labels';
import { formatDateTime } from '../lib/format';
import { useStore } from '../lib/store';
import { Link } from '../router';
import { refreshUnread, unreadStore } from '../state/threads';
import './thread.css';

/** Load the counts once when a list opens. */
export function useUnreadRefresh(): void {
  useEffect(() => {
    void refreshUnread();
  }, []);
}

export function UnreadMark({ itemId, word = '新批示' }: { itemId: string; word?: string }) {
  const tasks = useStore(unreadStore);
  const n = tasks.find((t) => t.itemId === itemId)?.unread ?? 0;
  if (!n) return null;
  return <span class="unread-badge" aria-label={`${n} 条${word}未读`}>{word} {n}</span>;
}

/** 总览 (leaders, office): tasks with 落实情况 answers not yet read. Nothing when there are none. */
export function UnreadAnswersCard() {
  useUnreadRefresh();
  const tasks = useStore(unreadStore);
  if (tasks.length === 0) return null;
  const total = tasks.reduce((s, t) => s + t.unread, 0);
  return (
    <div class="card unread-answers">
      <h2 class="card-title">
        新的落实情况 <span class="unread-badge">{total}</span>
      </h2>
      <ul class="list">
        {tasks.slice(0, 8).map((t) => (
          <li key={t.itemId}>
            <Link class="list-item unread-row" href={`/overview/tasks/${t.itemId}?plan=${t.planId}#thread`}>
              <span>
                <strong>
                  {t.year}年 {itemLabel(t)}
                </strong>
                <span class="unread-badge">{t.unread} 条新回复</span>
              </span>
              <span class="row-text">{t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text}</span>
              <span class="meta">最新 {formatDateTime(t.lastAt)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {tasks.length > 8 && <p class="meta">另有 {tasks.length - 8} 项任务有新回复。</p>}
    </div>
  );
}
