// Pieces shared by the leader views: the plan and period picker, traffic lights with their
// word, colour tiles that tap through to the list behind them, and percentage formatting.
import type { ComponentChildren } from 'preact';
import { COLOUR_LABEL, type Colour } from '../../../shared/colour';
import { periodLabel } from '../../../shared/period';
import type { ColourCounts, DashboardResponse } from '../../../shared/schemas/dashboard';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { Link, navigate } from '../router';
import '../screens/leader.css';

export const COLOURS: Colour[] = ['red', 'amber', 'green', 'grey'];

/** Short words for a tile: the colour's meaning, never the colour alone. */
export const COLOUR_WORD: Record<Colour, string> = { red: '滞后/逾期', amber: '待报/困难/补报', green: '正常/完成', grey: '未启动' };
export const COLOUR_NAME: Record<Colour, string> = { red: '红灯', amber: '黄灯', green: '绿灯', grey: '灰灯' };
/** One word per light for small counts: 滞后 3 · 预警 2 (预警 is the 督查 word for a yellow light). */
export const COLOUR_SHORT: Record<Colour, string> = { red: '滞后', amber: '预警', green: '正常', grey: '未启动' };

export function pct(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

export function Light({ colour, label }: { colour: Colour; label?: string | null }) {
  return <span class={`light light-${colour}`}>{label ?? COLOUR_LABEL[colour]}</span>;
}

/** Four tiles (红 黄 绿 灰) with counts; each taps through to its list. */
export function ColourTiles({ counts, href, unit = '项' }: { counts: ColourCounts; href: (c: Colour) => string; unit?: string }) {
  return (
    <ul class="tiles" aria-label="红绿灯">
      {COLOURS.map((c) => (
        <li key={c}>
          <Link class={`tile tile-${c}`} href={href(c)} aria-label={`${COLOUR_NAME[c]} ${COLOUR_WORD[c]} ${counts[c]} ${unit}`}>
            <span class="tile-count">
              {counts[c]}
              <small>{unit}</small>
            </span>
            <span class="tile-word">
              <span class={`dot dot-${c}`} aria-hidden="true" />
              {COLOUR_WORD[c]}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Small coloured counts in a row (红 2 · 黄 1 …), for table rows; zeros are left out. */
export function MiniCounts({ counts }: { counts: ColourCounts }) {
  const shown = COLOURS.filter((c) => counts[c] > 0);
  if (!shown.length) return <span class="meta">—</span>;
  return (
    <span class="mini-counts">
      {shown.map((c) => (
        <span key={c} class={`mini-count light-${c}`} title={`${COLOUR_NAME[c]}：${COLOUR_WORD[c]}`}>
          <span class={`dot dot-${c}`} aria-hidden="true" />
          {COLOUR_SHORT[c]}
          {counts[c]}
        </span>
      ))}
    </span>
  );
}

/** Plan and period pickers that rewrite the URL (the URL is the state). */
export function PlanPeriodBar({
  plans,
  planId,
  period,
  periods,
  path,
  keep = {},
}: {
  plans: PlanSummary[];
  planId: string;
  period: string | null;
  periods: string[] | null;
  path: string;
  keep?: Record<string, string>;
}) {
  const go = (plan: string, per: string | null) => {
    const q = new URLSearchParams({ ...keep, plan });
    if (per) q.set('period', per);
    navigate(`${path}?${q}`, { replace: true });
  };
  return (
    <div class="picker">
      {plans.length > 1 && (
        <label class="picker-field">
          <span class="visually-hidden">工作方案</span>
          <select aria-label="工作方案" value={planId} onChange={(e) => go(e.currentTarget.value, null)}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.year}年 · {p.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {periods && period && (
        <label class="picker-field picker-period">
          <span class="visually-hidden">报送周期</span>
          <select aria-label="报送周期" value={period} onChange={(e) => go(planId, e.currentTarget.value)}>
            {[...periods].reverse().map((p) => (
              <option key={p} value={p}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

export function Section({ title, children, more }: { title: string; children: ComponentChildren; more?: { href: string; label: string } }) {
  return (
    <section class="ov-section">
      <div class="ov-section-head">
        <h2 class="section-title">{title}</h2>
        {more && (
          <Link class="more-link" href={more.href}>
            {more.label} ›
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

/** One row of a breakdown (a chapter, a leader, a lead unit): its name, its figures, its lights. */
export function CountsRow({ href, title, meta, counts, wrap = false }: { href: string; title: string; meta: string; counts: ColourCounts; wrap?: boolean }) {
  return (
    <li>
      <Link class="row-link" href={href}>
        <span class="row-main">
          <span class={wrap ? 'row-title row-title-wrap' : 'row-title'}>{title}</span>
          <span class="meta">{meta}</span>
        </span>
        <span class="row-side">
          <MiniCounts counts={counts} />
        </span>
      </Link>
    </li>
  );
}

/** One lead unit of the dashboard: its tasks, on-time rate and average progress, and its lights. */
export function UnitRow({ unit: u, href }: { unit: DashboardResponse['units'][number]; href: string }) {
  return <CountsRow href={href} title={u.name} meta={`牵头 ${u.tasks} 项 · 按时报送 ${pct(u.reporting.onTimeRate)} · 平均进度 ${u.avgPercent}%`} counts={u.colours} />;
}

/** The head of a plan-wide leader screen: back to 总览, the title, the plan picker. */
export function PlanScreenHead({ title, plans, plan, path }: { title: string; plans: PlanSummary[]; plan: PlanSummary; path: string }) {
  return (
    <>
      <p class="meta">
        <Link href={`/overview?plan=${plan.id}`}>‹ 总览</Link>
      </p>
      <h1 class="screen-title">{title}</h1>
      <PlanPeriodBar plans={plans} planId={plan.id} period={null} periods={null} path={path} />
    </>
  );
}
