// The list behind a count on 总览: tasks by colour, chapter, lead unit, leader, status or
// timeliness, or the units that have not reported. Filters come from the URL; the data is the
// dashboard already on the phone (no second download).
import { taskRowLabel } from '../../../shared/labels';
import { hasLag, LAG_WORD, type Lag } from '../../../shared/lagging';
import type { Colour } from '../../../shared/colour';
import { REPORT_STATUS_LABEL, type ReportStatus } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { Cell, DashboardResponse, DashboardTask } from '../../../shared/schemas/dashboard';
import { COLOUR_NAME, COLOUR_WORD, Light, MiniCounts, pct, UnitRow } from '../components/leader-ui';
import { useCached } from '../lib/use-cached';
import { Link, type ScreenProps } from '../router';
import { cachedDashboard, fetchDashboard, overviewHref } from '../state/leader';

const TIMELINESS_WORD: Record<string, string> = {
  on_time: '按时报送',
  late: '逾期补报',
  missing: '逾期未报',
  pending: '待报',
  unreported: '未报送',
};
const STATUS_WORD: Record<ReportStatus | 'unreported', string> = { ...REPORT_STATUS_LABEL, unreported: '未报送' };

export default function OverviewListScreen({ query }: ScreenProps) {
  const planId = query.get('plan') ?? '';
  const period = query.get('period');
  const { data: d, error } = useCached<DashboardResponse>(
    () => cachedDashboard(planId, period),
    () => fetchDashboard(planId, period),
    [planId, period],
  );
  if (!planId) return <p class="empty">请先在总览中选择工作方案。</p>;
  if (!d) return <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>;
  const back = overviewHref('/overview', d.plan.id, d.period);
  const view = query.get('view');
  return (
    <section>
      <p class="meta">
        <Link href={back}>‹ 总览 · {periodLabel(d.period)}</Link>
      </p>
      {view === 'missing' ? <MissingUnits d={d} /> : view === 'units' ? <AllUnits d={d} /> : <TaskList d={d} query={query} />}
    </section>
  );
}

function matchesCell(c: Cell, colour: string | null, status: string | null, timeliness: string | null): boolean {
  if (colour && c.colour !== colour) return false;
  if (status && (c.status ?? 'unreported') !== status) return false;
  if (timeliness === 'unreported') return c.timeliness === 'missing' || c.timeliness === 'pending';
  if (timeliness && c.timeliness !== timeliness) return false;
  return true;
}

function TaskList({ d, query }: { d: DashboardResponse; query: URLSearchParams }) {
  const colour = query.get('colour') as Colour | null;
  const unit = query.get('unit');
  const chapter = query.get('chapter');
  const leader = query.get('leader');
  const status = query.get('status');
  const timeliness = query.get('timeliness');
  const mine = query.get('mine') === '1';
  const lag = query.get('lag') as Lag | null;
  const unassigned = query.get('view') === 'unassigned';
  const unitNames = new Map(d.units.map((u) => [u.unitId, u.name]));

  const rows: Array<{ task: DashboardTask; cell: Cell | null }> = [];
  for (const t of d.tasks) {
    if (chapter !== null && String(t.chapter) !== chapter) continue;
    if (leader && !t.leaderIds.includes(leader)) continue;
    if (mine && !t.mine) continue;
    if (unassigned) {
      if (t.colour === null) rows.push({ task: t, cell: null });
      continue;
    }
    if (unit) {
      // One unit: its own light on each task it leads.
      const cell = t.cells.find((c) => c.unitId === unit);
      if (cell && matchesCell(cell, colour, status, timeliness)) rows.push({ task: t, cell });
      continue;
    }
    if (lag && !hasLag(t.cells, lag)) continue;
    if (colour && t.colour !== colour) continue;
    if ((status || timeliness) && !t.cells.some((c) => matchesCell(c, null, status, timeliness))) continue;
    rows.push({ task: t, cell: null });
  }

  const words = [
    chapter !== null ? d.chapters[Number(chapter)]?.name : null,
    unit ? unitNames.get(unit) : null,
    leader ? `${d.leaders.find((l) => l.key === leader)?.name ?? ''}分管` : null,
    mine ? '我分管的' : null,
    lag ? LAG_WORD[lag] : null,
    colour ? `${COLOUR_NAME[colour]}（${COLOUR_WORD[colour]}）` : null,
    status ? STATUS_WORD[status as ReportStatus] : null,
    timeliness ? TIMELINESS_WORD[timeliness] : null,
    unassigned ? '无法报送（牵头单位为统称）' : null,
  ].filter(Boolean);
  const unitRow = unit ? d.units.find((u) => u.unitId === unit) : null;

  return (
    <>
      <h1 class="screen-title">
        {words.join(' · ') || '全部任务'} <span class="meta">{rows.length} 项</span>
      </h1>
      {unitRow && (
        <p class="meta">
          牵头 {unitRow.tasks} 项 · 按时报送 {pct(unitRow.reporting.onTimeRate)} · 平均进度 {unitRow.avgPercent}% · <MiniCounts counts={unitRow.colours} />
        </p>
      )}
      {rows.length === 0 ? (
        <p class="empty">没有符合条件的任务。</p>
      ) : (
        <ul class="rows" aria-label="任务列表">
          {rows.map(({ task: t, cell }) => {
            const light = cell ? { colour: cell.colour, label: cell.label } : t.colour ? { colour: t.colour, label: t.label } : null;
            return (
              <li key={t.id}>
                <Link class="row-link" href={overviewHref(`/overview/tasks/${t.id}`, d.plan.id, d.period)}>
                  <span class="row-main">
                    <span class="row-title row-title-wrap">
                      {taskRowLabel(t)} {t.title}
                    </span>
                    <span class="meta">
                      {t.cells.map((c) => `${unitNames.get(c.unitId) ?? ''}${t.cells.length > 1 ? `（${c.label}）` : ''}`).join('、') || '无可报送的牵头单位'}
                      {(cell ?? t.cells[0])?.percent != null && ` · 进度 ${(cell ?? t.cells[0])!.percent}%`}
                    </span>
                  </span>
                  <span class="row-side">{light ? <Light colour={light.colour} label={light.label} /> : <span class="meta">—</span>}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function MissingUnits({ d }: { d: DashboardResponse }) {
  const tasks = new Map(d.tasks.map((t) => [t.id, t]));
  return (
    <>
      <h1 class="screen-title">
        {d.pastDue ? '逾期未报送' : '尚未报送'}单位 <span class="meta">{d.missingUnits.length} 个</span>
      </h1>
      {d.missingUnits.length === 0 && <p class="empty">各单位均已报送。</p>}
      {d.missingUnits.map((u) => (
        <div class="card" key={u.unitId}>
          <h2 class="card-title">
            <Link href={overviewHref('/overview/list', d.plan.id, d.period, { unit: u.unitId, timeliness: 'unreported' })}>{u.name}</Link>{' '}
            <span class="meta">{u.taskIds.length} 项未报</span>
          </h2>
          <ul class="plain">
            {u.taskIds.map((id) => (
              <li key={id}>
                <Link href={overviewHref(`/overview/tasks/${id}`, d.plan.id, d.period)}>
                  {tasks.get(id) ? taskRowLabel(tasks.get(id)!) : ''} {tasks.get(id)?.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function AllUnits({ d }: { d: DashboardResponse }) {
  return (
    <>
      <h1 class="screen-title">
        牵头单位 <span class="meta">{d.units.length} 个</span>
      </h1>
      <ul class="rows">
        {d.units.map((u) => (
          <UnitRow key={u.unitId} unit={u} href={overviewHref('/overview/list', d.plan.id, d.period, { unit: u.unitId })} />
        ))}
      </ul>
    </>
  );
}
