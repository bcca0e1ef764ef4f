// The circular (通报) of a plan and period: a summary with the figures, units ranked by results
// (on-time reporting, then completion — never by activity such as posts or time online),
// the 滞后 tasks and the units that have not reported; and every report of the period for Excel.
import { colourOf } from '../../../shared/colour';
import { taskRowLabel, REPORT_STATE_LABEL, REPORT_STATUS_LABEL, type ReportState, type ReportStatus } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { CircularResponse, CircularTask, CircularUnit, ReminderUnit, UnitRow } from '../../../shared/schemas/dashboard';
import { jsonList, stmt, type Db } from '../lib/d1';
import { reportTextsOf, type ReportRow } from './reports';
import { addStatus, byName, countColours, noStatuses, ReportingTally } from '../lib/tally';
import { dateZh, monthDayZh, percentZh } from '../lib/zh-text';
import { cellOf, cellsStatement, figuresOf, missingUnitsOf, unitRows, type PeriodFigures } from './dashboard';
import { frameFrom, frameStatements, planHead, taskWordsOf, type PlanFrame, type PlanRecord } from './plan-frame';

/**
 * Ranking by results (RANKING_RULE in shared/labels.ts, printed on the circular): on-time reporting
 * rate, then reporting rate counting late reports (a late report beats none), then mean completion,
 * then fewer 滞后 tasks. Units equal on all four share a rank (1, 1, 3).
 */
export function rankUnits(rows: UnitRow[]): CircularUnit[] {
  const sorted = [...rows].sort(
    (a, b) =>
      (b.reporting.onTimeRate ?? -1) - (a.reporting.onTimeRate ?? -1) ||
      (b.reporting.reportedRate ?? -1) - (a.reporting.reportedRate ?? -1) ||
      b.avgPercent - a.avgPercent ||
      a.behind - b.behind ||
      byName(a.name, b.name),
  );
  const key = (u: UnitRow) => `${u.reporting.onTimeRate}|${u.reporting.reportedRate}|${u.avgPercent}|${u.behind}`;
  return sorted.map((u, i) => {
    let rank = i + 1;
    for (let j = i - 1; j >= 0 && key(sorted[j]!) === key(u); j--) rank = j + 1;
    return {
      rank,
      unitId: u.unitId,
      name: u.name,
      tasks: u.tasks,
      reported: u.reporting.reported,
      onTime: u.reporting.onTime,
      late: u.reporting.late,
      missing: u.reporting.missing + u.reporting.pending,
      onTimeRate: u.reporting.onTimeRate,
      avgPercent: u.avgPercent,
      done: u.done,
      behind: u.behind,
    };
  });
}

export function remindersOf(frame: PlanFrame, f: PeriodFigures): ReminderUnit[] {
  const wordsOf = taskWordsOf(frame);
  return missingUnitsOf(frame, f).map((u) => ({
    unitId: u.unitId,
    name: u.name,
    tasks: u.taskIds.map((id) => ({ id, ...wordsOf(id) })),
  }));
}

/**
 * A message to paste into a work chat group (the 督查室's usual wording), one line per unit with
 * its items by label and a link to open them: the task itself when it is one, else the unit's
 * task list (a unit account sees exactly its own tasks there, the overdue ones first).
 */
export function reminderMessage(period: string, dueDate: string, pastDue: boolean, units: ReminderUnit[], origin: string): string {
  const label = periodLabel(period);
  if (units.length === 0) return `【督办提醒】${label}工作进展各单位均已报送，感谢支持配合！`;
  const head = pastDue
    ? `【督办提醒】${label}工作进展已于${monthDayZh(dueDate)}截止报送，以下${units.length}个单位尚未报送，请尽快补报：`
    : `【督办提醒】请以下${units.length}个单位于${monthDayZh(dueDate)}前报送${label}工作进展：`;
  const lines = units.map((u, i) => {
    const link = u.tasks.length === 1 ? `${origin}/tasks/${u.tasks[0]!.id}` : `${origin}/`;
    return `${i + 1}. ${u.name}（${u.tasks.length}项）：${u.tasks.map((t) => t.label).join('、')}\n   ${link}`;
  });
  return [head, ...lines].join('\n');
}

export interface PeriodData {
  frame: PlanFrame;
  figures: PeriodFigures;
}

export async function loadPeriod(db: Db, plan: PlanRecord, period: string, now: Date): Promise<PeriodData> {
  const results = await db.batch<Record<string, unknown>>([...frameStatements(db, plan.id), cellsStatement(db, plan.id, period)]);
  const frame = frameFrom(plan, results.slice(0, 3));
  const cells = (results[3]!.results as never[]).map((r) => cellOf(r, period, plan.dueDay, now));
  return { frame, figures: figuresOf(frame, cells, period, now, null) };
}

export async function buildCircular(db: Db, plan: PlanRecord, period: string, now: Date): Promise<CircularResponse> {
  const { frame, figures: f } = await loadPeriod(db, plan, period, now);
  const statuses = noStatuses();
  const tally = new ReportingTally();
  for (const c of f.cells) {
    addStatus(statuses, c.status);
    tally.add(c.timeliness);
  }
  const reporting = tally.result();
  const taskColours = countColours(f.tasks.map((t) => t.colour));
  const units = rankUnits(unitRows(frame, f.cells));
  const missing = remindersOf(frame, f);

  const red = f.tasks.filter((t) => t.colour === 'red');
  const redReportIds = red.flatMap((t) => t.cells.filter((c) => c.colour === 'red' && c.reportId).map((c) => c.reportId!));
  const problems = new Map<string, string>();
  if (redReportIds.length) {
    const { results } = await stmt(db, 'SELECT id, problems FROM reports WHERE id IN (SELECT value FROM json_each(?1))', jsonList(redReportIds)).all<{
      id: string;
      problems: string;
    }>();
    for (const r of results) problems.set(r.id, r.problems);
  }
  const lagging: CircularTask[] = red.map((t) => {
    const redCells = t.cells.filter((c) => c.colour === 'red');
    const reported = redCells.filter((c) => c.reportId);
    return {
      id: t.id,
      number: t.number,
      label: taskRowLabel(t),
      title: t.title,
      chapter: frame.chapters[t.chapter] ?? '',
      leadUnits: t.cells.map((c) => frame.unitNames.get(c.unitId) ?? ''),
      leaders: t.leaderIds.map((l) => frame.leaderNames.get(l) ?? ''),
      labels: redCells.map((c) => `${frame.unitNames.get(c.unitId) ?? ''}：${c.label}`),
      percent: reported.length ? Math.min(...reported.map((c) => c.percent ?? 0)) : null,
      problems: reported.map((c) => problems.get(c.reportId!) ?? '').filter(Boolean).join('；'),
    };
  });

  const label = periodLabel(period);
  const docRef = plan.docNumber ? `（${plan.docNumber}）` : '';
  const reportedPart =
    `${label}应报送${reporting.pairs}项次（${f.tasks.filter((t) => t.cells.length).length}项任务、${units.length}个牵头单位），` +
    `已报送${reporting.reported}项次，其中按时报送${reporting.onTime}项次、逾期补报${reporting.late}项次，按时报送率${percentZh(reporting.onTimeRate)}`;
  const missingPart = f.pastDue
    ? `；逾期未报${reporting.missing}项次，涉及${missing.length}个单位`
    : `；截至目前尚有${reporting.pending}项次未报送（${monthDayZh(f.dueDate)}截止），涉及${missing.length}个单位`;
  const progressPart =
    `。从报送内容看，已完成${statuses.done}项次、正常推进${statuses.on_track}项次、存在困难${statuses.blocked}项次、` +
    `滞后${statuses.behind}项次、未启动${statuses.not_started}项次；亮红灯（滞后或逾期）的任务${taskColours.red}项。`;
  const summary = `截至${dateZh(f.pastDue ? f.dueDate : now.toISOString())}，《${plan.title}》${docRef}${reportedPart}${missingPart}${progressPart}`;

  return {
    plan: planHead(plan),
    period,
    periodLabel: label,
    dueDate: f.dueDate,
    pastDue: f.pastDue,
    generatedAt: now.toISOString(),
    summary,
    figures: { tasks: f.tasks.length, units: units.length, taskColours, statuses, reporting },
    units,
    lagging,
    missing,
  };
}

// ——— all reports of the period, for the XLSX export ———

export interface PeriodReport {
  id: string;
  number: string;
  label: string;
  title: string;
  unitName: string;
  role: string;
  status: ReportStatus;
  state: ReportState;
  percent: number;
  progress: string;
  problems: string;
  nextSteps: string;
  firstSubmittedAt: string;
  submittedAt: string;
  timeliness: string;
  colourLabel: string;
  /** Arrived photos in their order; the route makes them links (absolutePhotoUrls in lib/). */
  photoIds: string[];
  verifyCode: string;
}

type PeriodReportRow = Pick<ReportRow, 'id' | 'item_id' | 'status' | 'state' | 'percent' | 'progress' | 'problems' | 'next_steps' | 'verify_code'> & {
  unit_name: string;
  role: 'lead' | 'co' | 'area' | null;
  first_at: string;
  submitted_at: string;
  photo_ids: string | null;
};

const ROLE_WORD = { lead: '牵头', co: '责任', area: '责任板块' } as const;

/** Every submitted report of the plan for the period (lead and co-units), with its photo ids. */
export async function periodReports(db: Db, frame: PlanFrame, period: string, now: Date): Promise<PeriodReport[]> {
  const { results } = await stmt(
    db,
    `SELECT r.id, r.item_id, u.name AS unit_name, r.status, r.state, r.percent, r.progress, r.problems, r.next_steps,
            COALESCE(r.first_submitted_at, r.submitted_at) AS first_at, r.submitted_at, r.verify_code,
            (SELECT iu.role FROM item_units iu WHERE iu.item_id = r.item_id AND iu.unit_id = r.unit_id
              ORDER BY CASE iu.role WHEN 'lead' THEN 0 WHEN 'co' THEN 1 ELSE 2 END LIMIT 1) AS role,
            (SELECT group_concat(photo_id, ',') FROM (SELECT photo_id FROM report_photos
              WHERE report_id = r.id AND declared = 1 AND sha256 IS NOT NULL ORDER BY seq)) AS photo_ids
       FROM reports r JOIN units u ON u.id = r.unit_id
      WHERE r.plan_id = ?1 AND r.period = ?2 AND r.state <> 'draft' AND r.submitted_at IS NOT NULL`,
    frame.plan.id,
    period,
  ).all<PeriodReportRow>();
  const order = new Map(frame.items.map((it, i) => [it.id, i]));
  const wordsOf = taskWordsOf(frame);
  const roleOrder = (r: PeriodReportRow) => (r.role === 'lead' ? 0 : r.role === 'co' ? 1 : 2);
  return results
    .sort((a, b) => (order.get(a.item_id) ?? 1e9) - (order.get(b.item_id) ?? 1e9) || roleOrder(a) - roleOrder(b) || byName(a.unit_name, b.unit_name))
    .map((r) => {
      const c = colourOf({ period, dueDay: frame.plan.dueDay, now, report: { status: r.status, state: r.state, submittedAt: r.first_at } });
      return {
        id: r.id,
        ...wordsOf(r.item_id),
        unitName: r.unit_name,
        role: r.role ? ROLE_WORD[r.role] : '',
        status: r.status,
        state: r.state,
        percent: r.percent,
        ...reportTextsOf(r),
        firstSubmittedAt: r.first_at,
        submittedAt: r.submitted_at,
        timeliness: c.timeliness === 'on_time' ? '按时' : '逾期补报',
        colourLabel: c.label,
        photoIds: r.photo_ids ? r.photo_ids.split(',') : [],
        verifyCode: r.verify_code,
      };
    });
}

export const statusWord = (s: ReportStatus) => REPORT_STATUS_LABEL[s];
export const stateWord = (s: ReportState) => REPORT_STATE_LABEL[s];
