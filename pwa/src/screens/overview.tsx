// 总览: what is behind and who has not reported, for a plan and period — numbers first, every
// count taps through to the list behind it, every colour with a word. From the last copy on the
// phone at once, then fresh from the network.
import { taskRowLabel } from '../../../shared/labels';
import { REPORT_STATUS_LABEL, type ReportStatus } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { ColourCounts, DashboardResponse } from '../../../shared/schemas/dashboard';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { COLOUR_WORD, COLOURS, ColourTiles, CountsRow, Light, MiniCounts, PlanPeriodBar, Section, pct, UnitRow } from '../components/leader-ui';
import { formatDate, formatDateTime } from '../lib/format';
import { useStore } from '../lib/store';
import { useCached } from '../lib/use-cached';
import { Link, type ScreenProps } from '../router';
import { AdminWork, LagNumbers } from '../components/overview-top';
import { cachedDashboard, choosePlan, fetchDashboard, leaderPlans, overviewHref, rememberPlan } from '../state/leader';
import { cachedPlans } from '../state/plans';
import { sessionStore } from '../state/session';
import { UnreadAnswersCard } from '../components/unread';
import { CurrentYearNotice, YearSwitch } from '../components/year-notice';
import { CarryoverAdminCard } from '../components/carryover';

const TOP = 5;
const STATUS_ORDER: Array<ReportStatus | 'unreported'> = ['behind', 'blocked', 'not_started', 'on_track', 'done', 'unreported'];
const STATUS_WORD: Record<ReportStatus | 'unreported', string> = { ...REPORT_STATUS_LABEL, unreported: '未报送' };

export default function OverviewScreen({ query }: ScreenProps) {
  const session = useStore(sessionStore);
  const plans = useCached<PlanSummary[]>(async () => {
    const c = await cachedPlans();
    return c.length ? c : null;
  }, leaderPlans, []);
  if (!plans.data) return <p class={plans.error ? 'empty' : 'loading'}>{plans.error?.message ?? '加载中…'}</p>;
  const plan = choosePlan(plans.data, query.get('plan'));
  const isAdmin = session.status === 'signed_in' && (session.me.role === 'admin' || session.me.role === 'superadmin');
  if (!plan) return <CurrentYearNotice plans={[]} isAdmin={isAdmin} />;
  return (
    <>
      <CurrentYearNotice plans={plans.data} isAdmin={isAdmin} />
      <Dashboard plans={plans.data} plan={plan} period={query.get('period')} />
    </>
  );
}

function Dashboard({ plans, plan, period }: { plans: PlanSummary[]; plan: PlanSummary; period: string | null }) {
  const session = useStore(sessionStore);
  const { data: d, error, refreshing, reload } = useCached<DashboardResponse>(
    () => cachedDashboard(plan.id, period),
    () => {
      rememberPlan(plan.id);
      return fetchDashboard(plan.id, period);
    },
    [plan.id, period],
  );
  const isAdmin = session.status === 'signed_in' && (session.me.role === 'admin' || session.me.role === 'superadmin');
  if (!d || d.plan.id !== plan.id) {
    return (
      <section>
        <h1 class="screen-title">总览</h1>
        <PlanPeriodBar plans={plans} planId={plan.id} period={null} periods={null} path="/overview" />
        <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>
      </section>
    );
  }
  const href = (path: string, extra: Record<string, string | number | undefined> = {}) => overviewHref(path, d.plan.id, d.period, extra);
  const list = (extra: Record<string, string | number | undefined>) => href('/overview/list', extra);
  const tasksById = new Map(d.tasks.map((t) => [t.id, t]));
  const unitNames = new Map(d.units.map((u) => [u.unitId, u.name]));
  const unreportedPairs = d.reporting.missing + d.reporting.pending;

  return (
    <section class="overview">
      <h1 class="screen-title">总览 · {periodLabel(d.period)}</h1>
      <PlanPeriodBar plans={plans} planId={d.plan.id} period={d.period} periods={d.periods} path="/overview" />
      <YearSwitch plans={plans} plan={plan} href={(id) => `/overview?plan=${id}`} />
      <p class="meta as-of">
        截止日 {formatDate(d.dueDate)}（{d.pastDue ? '已过截止日' : '尚未截止'}）· 数据时间 {formatDateTime(d.generatedAt)}
        {refreshing && ' · 更新中…'}
      </p>
      {error && (
        <p class="note" role="status">
          {error.isNetwork ? '离线：显示的是上次打开时的数据' : error.message}{' '}
          <button type="button" class="btn-link" onClick={reload}>
            重试
          </button>
        </p>
      )}

      {isAdmin && <AdminWork d={d} href={href} />}
      <div class="headline">
        <LagNumbers d={d} />
        {/* The 督查室 has its own 未报送 count in AdminWork above. */}
        {!isAdmin && <Link class={`big-number ${d.missingUnits.length ? (d.pastDue ? 'big-red' : 'big-amber') : 'big-green'}`} href={list({ view: 'missing' })}>
          <span class="label">{d.pastDue ? '逾期未报送' : '尚未报送'}</span>
          <span class="value">
            {d.missingUnits.length}
            <small>个单位</small>
          </span>
          <span class="sub">共 {unreportedPairs} 项次未报</span>
        </Link>}
        <Link class={`big-number${isAdmin ? ' big-wide' : ''}`} href={list({ timeliness: 'on_time' })}>
          <span class="label">按时报送率</span>
          <span class="value">{pct(d.reporting.onTimeRate)}</span>
          <span class="sub">
            按时 {d.reporting.onTime} · 补报 {d.reporting.late} · 应报 {d.reporting.pairs} 项次
          </span>
        </Link>
      </div>

      <UnreadAnswersCard />
      {isAdmin && <CarryoverAdminCard />}

      {d.mine && d.mine.taskIds.length > 0 && (
        <Link class="card list-item mine-card" href={list({ mine: 1 })}>
          <span class="row-title">我分管的任务 {d.mine.taskIds.length} 项</span>
          <MiniCounts counts={d.mine.taskColours} />
        </Link>
      )}

      <Section title="任务红绿灯（按任务计）">
        <ColourTiles counts={d.taskColours} href={(c) => list({ colour: c })} />
        {d.unassigned > 0 && (
          <p class="meta">
            另有 <Link href={list({ view: 'unassigned' })}>{d.unassigned} 项</Link>任务的牵头单位为“各镇（街道）”等统称，无法报送，请在任务编辑中指定。
          </p>
        )}
      </Section>

      <div class="ov-grid">
        <Section title={`红灯任务 ${d.lagging.length} 项`} more={d.lagging.length > TOP ? { href: list({ colour: 'red' }), label: `全部 ${d.lagging.length} 项` } : undefined}>
          {d.lagging.length === 0 ? (
            <p class="meta">本期没有亮红灯的任务。</p>
          ) : (
            <ul class="rows">
              {d.lagging.slice(0, TOP).map((id) => {
                const t = tasksById.get(id)!;
                return (
                  <li key={id}>
                    <Link class="row-link" href={href(`/overview/tasks/${id}`)}>
                      <span class="row-main">
                        <span class="row-title">
                          {taskRowLabel(t)} {t.title}
                        </span>
                        <span class="meta">{t.cells.map((c) => unitNames.get(c.unitId)).join('、')}</span>
                      </span>
                      <span class="row-side">{t.colour && <Light colour={t.colour} label={t.label} />}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </Section>

        <Section
          title={`${d.pastDue ? '逾期未报送' : '尚未报送'}单位 ${d.missingUnits.length} 个`}
          more={d.missingUnits.length > TOP ? { href: list({ view: 'missing' }), label: `全部 ${d.missingUnits.length} 个` } : undefined}
        >
          {d.missingUnits.length === 0 ? (
            <p class="meta">各单位均已报送。</p>
          ) : (
            <ul class="rows">
              {d.missingUnits.slice(0, TOP).map((u) => (
                <li key={u.unitId}>
                  <Link class="row-link" href={list({ unit: u.unitId, timeliness: 'unreported' })}>
                    <span class="row-title">{u.name}</span>
                    <span class="row-side">
                      <span class="row-num">
                        {u.taskIds.length}
                        <small>项</small>
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {isAdmin && d.missingUnits.length > 0 && (
            <p class="meta">
              <Link class="more-link" href={href('/reminders')}>生成催报消息 ›</Link>
            </p>
          )}
        </Section>
      </div>

      <Section title="报送情况（按牵头单位项次）">
        <StatusBar colours={d.colours} />
        <p class="legend">
          {STATUS_ORDER.map((s) => (
            <Link key={s} href={list({ status: s })}>
              {STATUS_WORD[s]} <strong>{d.statuses[s]}</strong>
            </Link>
          ))}
        </p>
      </Section>

      <div class="ov-grid">
        <Section title="按篇章">
          <ul class="rows">
            {d.chapters.map((c) => (
              <CountsRow key={c.key} wrap href={list({ chapter: c.key })} title={c.name} meta={`${c.tasks} 项 · 按时报送 ${pct(c.reporting.onTimeRate)}`} counts={c.colours} />
            ))}
          </ul>
        </Section>

        {d.leaders.length > 0 && (
          <Section title="按分管领导">
            <ul class="rows">
              {d.leaders.map((l) => (
                <CountsRow key={l.key} href={list({ leader: l.key })} title={l.name} meta={`${l.tasks} 项 · 按时报送 ${pct(l.reporting.onTimeRate)}`} counts={l.colours} />
              ))}
            </ul>
          </Section>
        )}
      </div>

      <Section title="按牵头单位" more={d.units.length > 12 ? { href: list({ view: 'units' }), label: `全部 ${d.units.length} 个` } : undefined}>
        <ul class="rows">
          {d.units.slice(0, 12).map((u) => (
            <UnitRow key={u.unitId} unit={u} href={list({ unit: u.unitId })} />
          ))}
        </ul>
      </Section>

      <Section title="各期走势（按时报送率）">
        <ul class="trend">
          {d.trend.map((p) => (
            <li key={p.period}>
              <Link class="trend-row" href={overviewHref('/overview', d.plan.id, p.period)} aria-current={p.period === d.period ? 'true' : undefined}>
                <span>{periodLabel(p.period, false)}</span>
                <StatusBar colours={p.colours} />
                <span class="trend-rate">{pct(p.reporting.onTimeRate)}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p class="legend meta">
          {COLOURS.map((c) => (
            <span key={c}>
              <span class={`dot dot-${c}`} aria-hidden="true" /> {COLOUR_WORD[c]}
            </span>
          ))}
        </p>
      </Section>

      <Section title="更多">
        <ul class="more-grid">
          <li>
            <Link href={`/photos?plan=${d.plan.id}`}>照片墙</Link>
          </li>
          <li>
            <Link href={`/targets?plan=${d.plan.id}`}>目标进度</Link>
          </li>
          <li>
            <Link href={`/search?plan=${d.plan.id}`}>搜索任务</Link>
          </li>
          <li>
            <Link href={`/circular/${d.plan.id}/${d.period}`}>本期通报</Link>
          </li>
          {isAdmin && (
            <>
              <li>
                <Link href={href('/review')}>审核报告</Link>
              </li>
              <li>
                <Link href={href('/reminders')}>催报提醒</Link>
              </li>
              <li>
                <Link href={`/plans/${d.plan.id}/settings`}>报送周期设置</Link>
              </li>
            </>
          )}
        </ul>
      </Section>
    </section>
  );
}

/** A stacked bar of colour shares, with the shares also as text for screen readers. */
function StatusBar({ colours }: { colours: ColourCounts }) {
  const total = COLOURS.reduce((s, c) => s + colours[c], 0) || 1;
  const words = { red: '红', amber: '黄', green: '绿', grey: '灰' } as const;
  return (
    <span class="status-bar-row" role="img" aria-label={COLOURS.map((c) => `${words[c]}${colours[c]}`).join(' ')}>
      {COLOURS.map((c) => (colours[c] ? <span key={c} class={`seg-${c}`} style={{ width: `${(colours[c] / total) * 100}%` }} /> : null))}
    </span>
  );
}
