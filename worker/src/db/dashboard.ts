// The dashboard of a plan and period. SQL does the heavy part — one row per (task, lead unit)
// for the period (a unit has at most one report per task and period), read from the covering
// index reports_cell, and grouped counts for the earlier periods — so the cost follows the size
// of the plan, not the number of reports. Colours come from the shared rule colourOf, applied
// per (task, lead unit, period); nothing here decides a colour itself.
import { colourOf, type ColourResult } from '../../../shared/colour';
import type { ReportState, ReportStatus } from '../../../shared/labels';
import { dueDateOf, isPastDue, parsePeriod, periodsOfYear } from '../../../shared/period';
import type {
  Cell,
  DashboardResponse,
  DashboardTask,
  MissingUnit,
  TaskGroup,
  TrendPoint,
  UnitRow,
} from '../../../shared/schemas/dashboard';
import type { SessionUser } from '../env';
import { jsonList, stmt, type Db } from '../lib/d1';
import { assertPlanVisible } from '../lib/plan-access';
import { currentPeriod, pickerPeriods, resolvePeriod } from '../lib/plan-period';
import { addStatus, byName, countColours, noColours, noStatuses, ReportingTally, worse } from '../lib/tally';
import { frameFrom, frameStatements, getPlanRecord, planFromRows, planHead, planStatement, type PlanFrame, type PlanRecord } from './plan-frame';

/** (task, lead unit) pairs that owe reports: tracked kinds, lead role, real units (not 各镇 placeholders). */
const PAIRS = `
  SELECT iu.item_id, iu.unit_id FROM item_units iu
    JOIN items i ON i.id = iu.item_id AND i.kind IN ('indicator', 'task')
    JOIN units u ON u.id = iu.unit_id AND u.kind = 'unit'
   WHERE iu.plan_id = ?1 AND iu.role = 'lead'`;

/** The covering index of migration 0004: a light is read without touching the wide report row. */
const REPORTS_CELL = 'reports r INDEXED BY reports_cell';

/** A report counts once submitted (drafts never do); timeliness is judged on the first submission. */
const COUNTED = `r.state <> 'draft' AND r.submitted_at IS NOT NULL`;
const FIRST_AT = `COALESCE(r.first_submitted_at, r.submitted_at)`;

interface CellRow {
  item_id: string;
  unit_id: string;
  report_id: string | null;
  status: ReportStatus | null;
  state: ReportState | null;
  percent: number | null;
  first_at: string | null;
}

/** One row per (task, lead unit) with that unit's counted report for the period, if any. */
export function cellsStatement(db: Db, planId: string, period: string): D1PreparedStatement {
  return stmt(
    db,
    `WITH pairs AS (${PAIRS})
     SELECT p.item_id, p.unit_id, r.id AS report_id, r.status, r.state, r.percent, ${FIRST_AT} AS first_at
       FROM pairs p
       LEFT JOIN ${REPORTS_CELL} ON r.item_id = p.item_id AND r.unit_id = p.unit_id AND r.period = ?2 AND ${COUNTED}`,
    planId,
    period,
  );
}

interface TrendRow {
  period: string;
  status: ReportStatus | null;
  state: ReportState | null;
  /** China calendar day of the first submission: timeliness depends on the day alone. */
  first_day: string | null;
  n: number;
}

/**
 * Earlier periods, grouped by what colourOf looks at (status, state, China day of the first
 * submission): a year of reports comes back as some hundred rows, one colourOf call each.
 */
function trendStatement(db: Db, planId: string, periods: string[]): D1PreparedStatement {
  return stmt(
    db,
    `WITH pairs AS MATERIALIZED (${PAIRS})
     SELECT pe.value AS period, r.status, r.state, date(${FIRST_AT}, '+8 hours') AS first_day, COUNT(*) AS n
       FROM json_each(?2) pe CROSS JOIN pairs p
       LEFT JOIN ${REPORTS_CELL} ON r.item_id = p.item_id AND r.unit_id = p.unit_id AND r.period = pe.value AND ${COUNTED}
      GROUP BY pe.value, r.status, r.state, first_day`,
    planId,
    jsonList(periods),
  );
}

export interface CellOf extends Cell {
  itemId: string;
}

export function cellOf(row: CellRow, period: string, dueDay: number, now: Date): CellOf {
  const report = row.report_id ? { status: row.status!, state: row.state!, submittedAt: row.first_at } : null;
  const c: ColourResult = colourOf({ period, dueDay, now, report });
  return {
    itemId: row.item_id,
    unitId: row.unit_id,
    colour: c.colour,
    label: c.label,
    timeliness: c.timeliness,
    reportId: row.report_id,
    status: row.status,
    state: row.state,
    percent: row.percent,
    firstSubmittedAt: row.first_at,
  };
}

export async function loadCells(db: Db, plan: PlanRecord, period: string, now: Date): Promise<CellOf[]> {
  const { results } = await cellsStatement(db, plan.id, period).all<CellRow>();
  return results.map((r) => cellOf(r, period, plan.dueDay, now));
}

/** The figures of one period built from its cells: shared by the dashboard and the circular. */
export interface PeriodFigures {
  period: string;
  dueDate: string;
  pastDue: boolean;
  tasks: DashboardTask[];
  cellsByItem: Map<string, CellOf[]>;
  cells: CellOf[];
}

export function figuresOf(frame: PlanFrame, cells: CellOf[], period: string, now: Date, leaderId: string | null): PeriodFigures {
  const cellsByItem = new Map<string, CellOf[]>();
  for (const c of cells) {
    const list = cellsByItem.get(c.itemId) ?? [];
    list.push(c);
    cellsByItem.set(c.itemId, list);
  }
  const tasks = frame.items.map((it): DashboardTask => {
    // Keep the plan's order of lead units.
    const mine = cellsByItem.get(it.id) ?? [];
    const ordered = it.leadUnitIds.map((u) => mine.find((c) => c.unitId === u)).filter((c): c is CellOf => !!c);
    let worst: CellOf | null = null;
    for (const c of ordered) if (!worst || worse(c.colour, worst.colour)) worst = c;
    return {
      id: it.id,
      kind: it.kind,
      number: it.number,
      itemLabel: it.label,
      title: it.title,
      chapter: it.chapter,
      leaderIds: it.leaderIds,
      deadline: it.deadline,
      colour: worst?.colour ?? null,
      label: worst?.label ?? null,
      cells: ordered.map(({ itemId: _i, ...cell }) => cell),
      mine: !!leaderId && it.leaderIds.includes(leaderId),
    };
  });
  return {
    period,
    dueDate: dueDateOf(period, frame.plan.dueDay),
    pastDue: isPastDue(period, frame.plan.dueDay, now),
    tasks,
    cellsByItem,
    cells,
  };
}

function taskGroup(key: string, name: string, tasks: DashboardTask[]): TaskGroup {
  const tally = new ReportingTally();
  for (const t of tasks) for (const c of t.cells) tally.add(c.timeliness);
  return { key, name, tasks: tasks.length, colours: countColours(tasks.map((t) => t.colour)), reporting: tally.result() };
}

export function unitRows(frame: PlanFrame, cells: CellOf[]): UnitRow[] {
  const byUnit = new Map<string, CellOf[]>();
  for (const c of cells) {
    const list = byUnit.get(c.unitId) ?? [];
    list.push(c);
    byUnit.set(c.unitId, list);
  }
  return [...byUnit].map(([unitId, list]) => {
    const tally = new ReportingTally();
    let percentSum = 0;
    let done = 0;
    let behind = 0;
    for (const c of list) {
      tally.add(c.timeliness);
      percentSum += c.percent ?? 0;
      if (c.status === 'done') done++;
      if (c.status === 'behind') behind++;
    }
    return {
      unitId,
      name: frame.unitNames.get(unitId) ?? '',
      tasks: list.length,
      colours: countColours(list.map((c) => c.colour)),
      reporting: tally.result(),
      avgPercent: Math.round((percentSum / list.length) * 10) / 10,
      done,
      behind,
    };
  });
}

export function missingUnitsOf(frame: PlanFrame, f: PeriodFigures): MissingUnit[] {
  const byUnit = new Map<string, string[]>();
  for (const c of f.cells) {
    if (c.timeliness !== 'missing' && c.timeliness !== 'pending') continue;
    const list = byUnit.get(c.unitId) ?? [];
    list.push(c.itemId);
    byUnit.set(c.unitId, list);
  }
  const order = new Map(frame.items.map((it, i) => [it.id, i]));
  return [...byUnit]
    .map(([unitId, taskIds]) => ({
      unitId,
      name: frame.unitNames.get(unitId) ?? '',
      taskIds: taskIds.sort((a, b) => order.get(a)! - order.get(b)!),
      overdue: f.pastDue,
    }))
    .sort((a, b) => b.taskIds.length - a.taskIds.length || byName(a.name, b.name));
}

function trendPoints(rows: TrendRow[], periods: string[], dueDay: number, now: Date): TrendPoint[] {
  const acc = new Map(periods.map((p) => [p, { colours: noColours(), tally: new ReportingTally() }]));
  for (const r of rows) {
    const a = acc.get(r.period);
    if (!a) continue;
    // A representative instant on the China day of the first submission: colourOf judges
    // timeliness by that day alone.
    const report = r.status ? { status: r.status, state: r.state!, submittedAt: `${r.first_day}T12:00:00+08:00` } : null;
    const c = colourOf({ period: r.period, dueDay, now, report });
    a.colours[c.colour] += r.n;
    a.tally.add(c.timeliness, r.n);
  }
  return periods.map((period) => ({ period, colours: acc.get(period)!.colours, reporting: acc.get(period)!.tally.result() }));
}

export interface DashboardInput {
  planId: string;
  /** The period asked for; the current one when absent. */
  period: string | undefined;
  now: Date;
  user: SessionUser;
}

/**
 * With a period in the request (the app always sends one after its first call) everything is
 * one D1 round trip: the period names its year and cycle, and the plan row read in the same
 * batch is checked against them afterwards.
 */
export async function buildDashboard(db: Db, { planId, period: requested, now, user }: DashboardInput): Promise<DashboardResponse> {
  let plan: PlanRecord | null = null;
  if (!requested) {
    plan = await getPlanRecord(db, planId);
    assertPlanVisible(user, plan);
  }
  const period = plan ? currentPeriod(plan, now) : requested!;
  const { year, cycle } = parsePeriod(period);
  const all = periodsOfYear(year, cycle);
  const earlier = all.slice(0, all.indexOf(period));
  const results = await db.batch<Record<string, unknown>>([
    planStatement(db, planId),
    ...frameStatements(db, planId),
    cellsStatement(db, planId, period),
    trendStatement(db, planId, earlier),
  ]);
  plan = planFromRows(results[0]!.results);
  assertPlanVisible(user, plan);
  resolvePeriod(plan, period, now);
  const frame = frameFrom(plan, results.slice(1, 4));
  const cellRows = results[4]!.results as unknown as CellRow[];
  const trendRows = results[5]!.results as unknown as TrendRow[];
  const cells = cellRows.map((r) => cellOf(r, period, plan.dueDay, now));
  const leaderId = user.role === 'leader' ? user.leaderId : null;
  const f = figuresOf(frame, cells, period, now, leaderId);

  const statuses = noStatuses();
  const colours = noColours();
  const tally = new ReportingTally();
  for (const c of cells) {
    addStatus(statuses, c.status);
    colours[c.colour]++;
    tally.add(c.timeliness);
  }
  const reporting = tally.result();

  const chapters = frame.chapters.map((name, i) => taskGroup(String(i), name, f.tasks.filter((t) => t.chapter === i)));
  const leaders = frame.leaderOrder
    .map((id) => taskGroup(id, frame.leaderNames.get(id) ?? '', f.tasks.filter((t) => t.leaderIds.includes(id))))
    .sort((a, b) => Number(b.key === leaderId) - Number(a.key === leaderId));
  // Most trouble first; a unit's own list of tasks is behind each figure.
  const units = unitRows(frame, cells).sort(
    (a, b) =>
      b.colours.red - a.colours.red ||
      b.reporting.missing + b.reporting.pending - (a.reporting.missing + a.reporting.pending) ||
      b.colours.amber - a.colours.amber ||
      byName(a.name, b.name),
  );
  const lagging = f.tasks
    .filter((t) => t.colour === 'red')
    .sort((a, b) => Number(b.mine) - Number(a.mine))
    .map((t) => t.id);
  const mineTasks = f.tasks.filter((t) => t.mine);

  const trend = trendPoints(trendRows, earlier, plan.dueDay, now);
  trend.push({ period, colours, reporting });

  return {
    plan: planHead(plan),
    period,
    periods: pickerPeriods(plan, period, now),
    dueDate: f.dueDate,
    pastDue: f.pastDue,
    generatedAt: now.toISOString(),
    taskColours: countColours(f.tasks.map((t) => t.colour)),
    unassigned: f.tasks.filter((t) => t.colour === null).length,
    colours,
    statuses,
    reporting,
    chapters,
    units,
    leaders,
    tasks: f.tasks,
    lagging,
    missingUnits: missingUnitsOf(frame, f),
    trend,
    mine: leaderId ? { leaderId, taskIds: mineTasks.map((t) => t.id), taskColours: countColours(mineTasks.map((t) => t.colour)) } : null,
  };
}

