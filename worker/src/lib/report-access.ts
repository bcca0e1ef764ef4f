// Who may write and read reports (docs/PERMISSIONS.md).
// - write: a unit user for tasks its unit carries (lead, co or area); an admin for any task of
//   the organisation, on a carrying unit's behalf. Leaders never write reports.
// - read: admins everything of their organisation; leaders every report once submitted; a unit
//   its own reports, all units' reports of the tasks it leads, and the lead units' reports of
//   the tasks it co-carries (the lead unit's report is the consolidated one).
// db/report-read.ts VISIBLE_REPORT_SQL is the SQL twin of canReadReport(): change both together.
import type { SessionUser } from '../env';
import { getReportRow, type ReportRow } from '../db/reports';
import { getTaskContext } from '../db/tasks';
import { badRequest, forbidden, notFound } from './errors';
import { assertSameOrg } from './scope';
import type { Db } from './d1';

export type UnitRole = 'lead' | 'co' | 'area';

export interface TaskUnit {
  unitId: string;
  name: string;
  role: UnitRole;
}

export interface TaskContext {
  id: string;
  planId: string;
  planTitle: string;
  orgId: string;
  kind: 'indicator' | 'task' | 'draft';
  number: string;
  text: string;
  year: number;
  cycle: 'monthly' | 'quarterly' | 'half_yearly';
  dueDay: number;
  units: TaskUnit[];
  targetIds: string[];
}

export interface ReportRef {
  orgId: string;
  unitId: string;
  firstSubmittedAt: string | null;
}

export const isAdmin = (user: SessionUser) => user.role === 'admin' || user.role === 'superadmin';

export function carries(task: TaskContext, unitId: string | null): boolean {
  return !!unitId && task.units.some((u) => u.unitId === unitId);
}

export function leads(task: TaskContext, unitId: string | null): boolean {
  return !!unitId && task.units.some((u) => u.unitId === unitId && u.role === 'lead');
}

export function canReadReport(user: SessionUser, task: TaskContext, report: ReportRef): boolean {
  if (user.role !== 'superadmin' && user.orgId !== report.orgId) return false;
  if (isAdmin(user)) return true;
  if (user.role === 'leader') return report.firstSubmittedAt !== null;
  if (user.role !== 'unit' || !user.unitId) return false;
  if (report.unitId === user.unitId) return true;
  if (report.firstSubmittedAt === null) return false;
  return leads(task, user.unitId) || (carries(task, user.unitId) && leads(task, report.unitId));
}

/** Reading a report one may not see looks like it does not exist. */
export function assertCanReadReport(user: SessionUser, task: TaskContext, report: ReportRef): void {
  if (!canReadReport(user, task, report)) throw notFound('未找到该报告');
}

/** The task as a write target: same organisation, reportable kind. */
export function assertReportableTask(user: SessionUser, task: TaskContext): void {
  assertSameOrg(user, task.orgId);
  if (task.kind === 'draft') throw badRequest('待确认的事项不能报送进展', { taskId: '该事项尚未确认为任务' });
}

/**
 * The unit a report is written for. A unit user writes for its own unit only; an admin for the
 * unit it names, by default the task's first lead unit. Either way the unit must carry the task.
 */
export function resolveWriteUnit(user: SessionUser, task: TaskContext, requested: string | undefined): string {
  if (user.role === 'unit') {
    if (!user.unitId) throw forbidden('账号未关联责任单位');
    const unitId = requested?.toLowerCase() ?? user.unitId;
    if (unitId !== user.unitId) throw forbidden('只能为本单位报送进展');
    if (!carries(task, unitId)) throw forbidden('本单位不承担该任务，不能报送进展');
    return unitId;
  }
  if (!isAdmin(user)) throw forbidden('区领导不能报送进展');
  const unitId = requested?.toLowerCase() ?? task.units.find((u) => u.role === 'lead')?.unitId;
  if (!unitId) throw badRequest('该任务没有牵头单位，请指定报送单位', { unitId: '请指定报送单位' });
  if (!carries(task, unitId)) throw badRequest('该单位不承担此任务', { unitId: '该单位不承担此任务' });
  return unitId;
}

/** Writing to an existing report (photos, submit): its own unit, or an admin of its organisation. */
export function assertCanWriteReport(user: SessionUser, report: ReportRef & { itemId: string }, task: TaskContext): void {
  if (!canReadReport(user, task, report)) throw notFound('未找到该报告');
  if (isAdmin(user)) return;
  if (user.role !== 'unit') throw forbidden('区领导不能报送进展');
  if (report.unitId !== user.unitId) throw forbidden('只能修改本单位的报告');
}

export const reportRef = (r: ReportRow): ReportRef & { itemId: string } => ({ orgId: r.org_id, unitId: r.unit_id, firstSubmittedAt: r.first_submitted_at, itemId: r.item_id });

/** A report the user may read, with its task; 404 for anything else. */
export async function readableReport(db: Db, user: SessionUser, id: string): Promise<{ row: ReportRow; task: TaskContext }> {
  const row = await getReportRow(db, id);
  if (!row) throw notFound('未找到该报告');
  const task = await getTaskContext(db, row.item_id);
  if (!task) throw notFound('未找到该报告');
  assertCanReadReport(user, task, reportRef(row));
  return { row, task };
}

/** A report the user may write to (photos, submit). */
export async function writableReport(db: Db, user: SessionUser, id: string): Promise<{ row: ReportRow; task: TaskContext }> {
  const found = await readableReport(db, user, id);
  assertCanWriteReport(user, reportRef(found.row), found.task);
  return found;
}
