// The circular as a workbook: the same tables as the printed page plus every report of the
// period with a clickable link per photo (照片1, 照片2 … one column each, as many as the report
// with the most photos), so the office never retypes anything into Excel.
import type { CircularResponse } from '../../../shared/schemas/dashboard';
import { stateWord, statusWord, type PeriodReport } from '../db/circular';
import { buildXlsx, sheetColumns, type XlsxCell, type XlsxSheet } from './xlsx';
import { dateTimeZh, dateZh, percentZh } from './zh-text';
import { RANKING_RULE } from '../../../shared/labels';

/** Rates as numbers of percent (84.5), so Excel can sort and chart them. */
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** A report of the period with its photos as absolute links (the route adds them). */
export type LinkedPeriodReport = PeriodReport & { photoLinks: string[] };

export function circularSheets(c: CircularResponse, reports: LinkedPeriodReport[]): XlsxSheet[] {
  const r = c.figures.reporting;
  const summary: XlsxSheet = {
    name: '通报',
    columns: sheetColumns(['项目', 22], ['内容', 90, 'wrap']),
    rows: [
      ['工作方案', c.plan.title],
      ['文号', c.plan.docNumber ?? ''],
      ['报送周期', c.periodLabel],
      ['截止日', dateZh(c.dueDate)],
      ['通报', c.summary],
      ['应报送（项次）', r.pairs],
      ['已报送（项次）', r.reported],
      ['按时报送（项次）', r.onTime],
      ['逾期补报（项次）', r.late],
      [c.pastDue ? '逾期未报（项次）' : '尚未报送（项次）', r.missing + r.pending],
      ['按时报送率', percentZh(r.onTimeRate)],
      ['红灯任务（滞后/逾期）', c.figures.taskColours.red],
      ['生成时间', dateTimeZh(c.generatedAt)],
      ['排名规则', RANKING_RULE],
    ],
  };
  const ranking: XlsxSheet = {
    name: '单位排名',
    columns: sheetColumns(
      ['排名', 6], ['单位', 24], ['牵头任务数', 10], ['已报送', 8], ['按时报送', 10], ['逾期补报', 10], ['未报送', 8],
      ['按时报送率(%)', 14], ['平均进度(%)', 12], ['已完成', 8], ['滞后', 6],
    ),
    rows: c.units.map((u) => [u.rank, u.name, u.tasks, u.reported, u.onTime, u.late, u.missing, pct(u.onTimeRate), u.avgPercent, u.done, u.behind]),
  };
  const lagging: XlsxSheet = {
    name: '滞后任务',
    columns: sheetColumns(
      ['编号', 9], ['篇章', 24, 'wrap'], ['任务', 40, 'wrap'], ['牵头单位', 20, 'wrap'], ['分管领导', 12],
      ['情况', 24, 'wrap'], ['进度(%)', 8], ['存在问题', 50, 'wrap'],
    ),
    rows: c.lagging.map((t) => [t.label, t.chapter, t.title, t.leadUnits.join('、'), t.leaders.join('、'), t.labels.join('；'), t.percent, t.problems]),
  };
  const missing: XlsxSheet = {
    name: '未报送单位',
    columns: sheetColumns(['单位', 24], ['未报送任务数', 12], ['任务', 90, 'wrap']),
    rows: c.missing.map((u) => [u.name, u.tasks.length, u.tasks.map((t) => `${t.label} ${t.title}`).join('\n')]),
  };
  const photoColumns = Math.max(1, ...reports.map((p) => p.photoLinks.length));
  const photoCells = (links: string[]): XlsxCell[] =>
    Array.from({ length: photoColumns }, (_, k) => (links[k] ? { text: `照片${k + 1}`, url: links[k]! } : null));
  const all: XlsxSheet = {
    name: '本期报告',
    columns: [
      ...sheetColumns(
        ['编号', 9], ['任务', 30, 'wrap'], ['单位', 18], ['单位角色', 8], ['进展状态', 10], ['审核', 8], ['进度(%)', 8],
        ['进展情况', 60, 'wrap'], ['存在问题', 40, 'wrap'], ['下步计划', 40, 'wrap'], ['首次报送', 18], ['最近报送', 18],
        ['时效', 8], ['督办灯', 10], ['核验码', 12],
      ),
      ...Array.from({ length: photoColumns }, (_, k) => ({ header: `照片${k + 1}`, width: 8 })),
    ],
    rows: reports.map((p) => [
      p.label,
      p.title,
      p.unitName,
      p.role,
      statusWord(p.status),
      stateWord(p.state),
      p.percent,
      p.progress,
      p.problems,
      p.nextSteps,
      dateTimeZh(p.firstSubmittedAt),
      dateTimeZh(p.submittedAt),
      p.timeliness,
      p.colourLabel,
      p.verifyCode,
      ...photoCells(p.photoLinks),
    ]),
  };
  return [summary, ranking, lagging, missing, all];
}

export function circularXlsx(c: CircularResponse, reports: LinkedPeriodReport[]): Uint8Array {
  return buildXlsx(circularSheets(c, reports));
}
