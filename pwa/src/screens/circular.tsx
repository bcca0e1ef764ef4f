// 通报 of a plan and period (/circular/:planId/:period): a print-ready A4 page — the summary with
// its figures, units ranked by results (on time, then completion), the 滞后 tasks and the units
// that have not reported — plus the same tables and every report as an Excel file.
import { chinaDate, parsePeriod, periodLabel, periodsOfYear } from '../../../shared/period';
import type { CircularResponse } from '../../../shared/schemas/dashboard';
import { api, unwrap } from '../api/client';
import type { ComponentChildren } from 'preact';
import { pct } from '../components/leader-ui';
import { formatDate } from '../lib/format';
import { useCached } from '../lib/use-cached';
import { Link, navigate, type ScreenProps } from '../router';
import { overviewHref } from '../state/leader';
import './circular.css';
import { RANKING_RULE } from '../../../shared/labels';

interface Column<T> {
  head: string;
  num?: boolean;
  cell: (row: T) => ComponentChildren;
}

/** A table of the circular: one header row, then one row per entry (figures right-aligned). */
function Table<T>({ columns, rows, rowKey }: { columns: Array<Column<T>>; rows: T[]; rowKey: (row: T) => string }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((col) => (
              <th key={col.head}>{col.head}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((col) => (
                <td key={col.head} class={col.num ? 'num' : undefined}>
                  {col.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const UNIT_COLUMNS: Array<Column<CircularResponse['units'][number]>> = [
  { head: '排名', num: true, cell: (u) => u.rank },
  { head: '牵头单位', cell: (u) => u.name },
  { head: '牵头任务', num: true, cell: (u) => u.tasks },
  { head: '按时报送', num: true, cell: (u) => u.onTime },
  { head: '逾期补报', num: true, cell: (u) => u.late },
  { head: '未报送', num: true, cell: (u) => u.missing },
  { head: '按时报送率', num: true, cell: (u) => pct(u.onTimeRate) },
  { head: '平均进度', num: true, cell: (u) => `${u.avgPercent}%` },
  { head: '滞后', num: true, cell: (u) => u.behind },
];

const LAGGING_COLUMNS: Array<Column<CircularResponse['lagging'][number]>> = [
  { head: '编号', num: true, cell: (t) => t.label },
  { head: '任务', cell: (t) => t.title },
  { head: '牵头单位', cell: (t) => t.leadUnits.join('、') },
  { head: '分管领导', cell: (t) => t.leaders.join('、') || '—' },
  { head: '情况', cell: (t) => t.labels.join('；') },
  { head: '进度', num: true, cell: (t) => (t.percent === null ? '—' : `${t.percent}%`) },
  { head: '存在问题', cell: (t) => t.problems || '—' },
];

export default function CircularScreen({ params }: ScreenProps) {
  const planId = params.planId!;
  const period = params.period!;
  const { data: c, error } = useCached<CircularResponse>(
    async () => null,
    () => unwrap(api.api.plans[':id'].circular.$get({ param: { id: planId }, query: { period } })),
    [planId, period],
  );
  if (!c) return <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>;
  const { year, index } = parsePeriod(c.period);
  const r = c.figures.reporting;
  return (
    <section class="circular-page">
      <div class="circular-toolbar">
        <Link class="btn btn-small" href={overviewHref('/overview', c.plan.id, c.period)}>
          ‹ 总览
        </Link>
        <select aria-label="报送周期" value={c.period} onChange={(e) => navigate(`/circular/${planId}/${e.currentTarget.value}`, { replace: true })}>
          {periodsOfYear(c.plan.year, c.plan.cycle).map((p) => (
            <option key={p} value={p}>
              {periodLabel(p)}
            </option>
          ))}
        </select>
        <button type="button" class="btn btn-small btn-primary" onClick={() => window.print()}>
          打印
        </button>
        <a class="btn btn-small" href={api.api.plans[':id']['circular.xlsx'].$path({ param: { id: planId }, query: { period: c.period } })} download>
          下载 Excel
        </a>
      </div>

      <article class="paper" aria-label="通报正文">
        <div class="red-head">督查通报</div>
        <p class="doc-no no-indent">
          〔{year}〕第{index}期
        </p>
        <hr class="red-rule" />
        <h1>
          关于{periodLabel(c.period)}《{c.plan.title}》
          <br />
          推进情况的通报
        </h1>
        <p>{c.summary}</p>
        <p>
          现将有关情况通报如下。各单位要对照目标任务，聚焦滞后事项，压实责任、加快推进；逾期未报的单位请于收到通报后3个工作日内补报。排名只看结果，不以报送次数等工作痕迹作为评价依据。
        </p>

        <h2>一、各单位报送和推进情况</h2>
        <Table columns={UNIT_COLUMNS} rows={c.units} rowKey={(u) => u.unitId} />
        <p class="ranking-rule">{RANKING_RULE}</p>

        <h2>二、滞后和逾期任务（{c.lagging.length}项）</h2>
        {c.lagging.length === 0 ? (
          <p>本期无滞后或逾期任务。</p>
        ) : (
          <Table columns={LAGGING_COLUMNS} rows={c.lagging} rowKey={(t) => t.id} />
        )}

        <h2>三、{c.pastDue ? '逾期未报送' : '尚未报送'}单位（{c.missing.length}个）</h2>
        {c.missing.length === 0 ? (
          <p>各单位均已按要求报送。</p>
        ) : (
          c.missing.map((u) => (
            <p key={u.unitId}>
              {u.name}（{u.tasks.length}项）：{u.tasks.map((t) => `${t.label} ${t.title}`).join('；')}。
            </p>
          ))
        )}

        <p class="no-indent meta no-print">
          报送情况：应报 {r.pairs} 项次，已报 {r.reported} 项次，按时 {r.onTime} 项次。
        </p>
        <p class="signature">
          {c.plan.issuer}办公室
          <br />
          {formatDate(chinaDate(new Date(c.generatedAt)))}
        </p>
      </article>
    </section>
  );
}
