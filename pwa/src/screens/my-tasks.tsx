// 我的任务 (route / for unit users): the unit's tasks for the period it reports now, with the
// traffic light and a word, search, and filters by state and chapter. Other roles keep the
// plan list. Works offline from the synced copy.
import { itemLabel } from '../../../shared/labels';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { periodLabel } from '../../../shared/period';
import { formatDate, formatDateTime } from '../lib/format';
import { onlineStore } from '../lib/net';
import { useProgressiveCount } from '../lib/progressive';
import { useStore } from '../lib/store';
import { usePaintHold } from '../lib/first-paint';
import { Link, type ScreenProps } from '../router';
import { sessionStore } from '../state/session';
import { loadMyTasks, useLive } from '../sync/local';
import { lastSyncedAt, pullStatusStore, refreshFromServer, syncTick } from '../sync/pull';
import { badgeOf, dueWord, matchesSearch, type Bucket, type TaskRow } from '../sync/tasks';
import PlansScreen from './plans';
import { UnreadMark, useUnreadRefresh } from '../components/unread';
import { NoTasksThisYear } from '../components/year-notice';
import { CarryoverSection } from '../components/carryover';

const ROLE_WORD = { lead: '牵头', co: '配合', area: '责任板块' } as const;

export default function MyTasksScreen(_props: ScreenProps) {
  const session = useStore(sessionStore);
  if (session.status !== 'signed_in') return null;
  if (session.me.role !== 'unit' || !session.me.unitId) return <PlansScreen />;
  return <MyTasks unitId={session.me.unitId} unitName={session.me.unitName ?? ''} />;
}

type Filter = 'all' | Bucket;

function MyTasks({ unitId, unitName }: { unitId: string; unitName: string }) {
  const online = useStore(onlineStore);
  const pull = useStore(pullStatusStore);
  const tick = useStore(syncTick);
  const { data, error } = useLive(() => loadMyTasks(unitId, new Date()), [unitId]);
  // App start's network work waits until the cached rows are on screen (lib/first-paint.ts).
  usePaintHold(data !== undefined || !!error);
  useUnreadRefresh();
  const [syncedAt, setSyncedAt] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [chapter, setChapter] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    void lastSyncedAt().then(setSyncedAt);
  }, [tick, pull.pulling]);

  const rows = data?.rows ?? [];
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: rows.length, due: 0, overdue: 0, returned: 0, reported: 0 };
    for (const r of rows) c[r.bucket]++;
    return c;
  }, [rows]);
  const chapters = useMemo(() => [...new Set(rows.map((r) => r.chapter).filter(Boolean))], [rows]);
  const shown = rows.filter((r) => (filter === 'all' || r.bucket === filter) && (!chapter || r.chapter === chapter) && matchesSearch(r, q));
  const visible = useProgressiveCount(shown.length, `${filter}|${chapter}|${q}`);
  const first = rows[0];
  const dueLabel = first ? dueWord(first.plan.cycle) : '本月待报';

  const filters: Array<[Filter, string]> = [
    ['all', '全部'],
    ['due', dueLabel],
    ['overdue', '逾期'],
    ['returned', '被退回'],
    ['reported', '已报'],
  ];

  return (
    <section>
      <div class="title-row">
        <h1 class="screen-title">我的任务</h1>
        <button type="button" class="btn btn-small" disabled={pull.pulling || !online} onClick={() => void refreshFromServer()}>
          {pull.pulling ? '同步中…' : '刷新'}
        </button>
      </div>
      <p class="meta">
        {unitName}
        {first && <> · {periodLabel(first.period)} · 截止 {formatDate(first.dueDate)}</>}
      </p>
      <p class="meta sync-line" aria-live="polite">
        {pull.pulling
          ? '正在同步任务…'
          : pull.failedStatus !== null && pull.failedStatus !== 0
            ? `同步失败：${pull.message}`
            : syncedAt
              ? `${online ? '' : '离线 · '}任务更新于 ${formatDateTime(syncedAt)}`
              : online
                ? ''
                : '尚未同步过任务，请连接网络后打开一次'}
      </p>

      <div class="chips" role="group" aria-label="按状态筛选">
        {filters.map(([key, label]) => (
          <button
            key={key}
            type="button"
            class={`chip chip-${key}${filter === key ? ' chip-on' : ''}`}
            aria-pressed={filter === key}
            onClick={() => setFilter(key)}
          >
            {label} <strong>{counts[key]}</strong>
          </button>
        ))}
      </div>

      <div class="search-row">
        <input
          type="search"
          aria-label="搜索任务"
          placeholder="搜索任务编号或内容"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        {chapters.length > 1 && (
          <select aria-label="按章节筛选" value={chapter} onChange={(e) => setChapter(e.currentTarget.value)}>
            <option value="">全部章节</option>
            {chapters.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
      </div>

      {data && !data.hasData && (
        <p class="empty">{online ? (pull.pulling ? '正在下载任务…' : '暂无任务。') : '离线：还没有下载过任务，请连接网络后再打开。'}</p>
      )}
      {first && <NoTasksThisYear latestYear={first.plan.year} />}
      <CarryoverSection />
      {data?.hasData && rows.length === 0 && <p class="empty">本单位在当前方案中没有承担的任务。</p>}
      {rows.length > 0 && shown.length === 0 && <p class="empty">没有符合条件的任务。</p>}

      <ul class="list task-list" aria-label="任务列表">
        {shown.slice(0, visible).map((r) => (
          <TaskRowView key={r.item.id} row={r} />
        ))}
      </ul>
    </section>
  );
}

function TaskRowView({ row }: { row: TaskRow }) {
  const badge = badgeOf(row);
  const it = row.item;
  return (
    <li>
      <Link class="list-item task-item" href={`/tasks/${it.id}`}>
        <span class="task-head">
          <span class={`light light-${badge.colour}`}>{badge.text}</span>
          {row.pending && <span class="tag tag-pending">{row.pending.state === 'needs_action' ? '需处理' : '待上传'}</span>}
          <span class="task-number">{itemLabel(it)}</span>
          <span class="tag">{ROLE_WORD[row.role]}</span>
          <UnreadMark itemId={it.id} />
        </span>
        <span class="task-text">{it.text}</span>
        <span class="meta">
          {row.chapter && <>{row.chapter} · </>}
          {it.deadline ? `时限 ${formatDate(it.deadline)}` : `截止 ${formatDate(row.dueDate)}`}
          {row.report?.percent !== undefined && row.report.state !== 'draft' && <> · 完成 {row.report.percent}%</>}
        </span>
      </Link>
    </li>
  );
}
