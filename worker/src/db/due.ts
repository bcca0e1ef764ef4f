// What a unit owes as lead unit: its lead tasks in a year's plans and its reports on them.
import type { Cycle } from '../../../shared/schemas/common';
import type { ReportState, ReportStatus } from '../../../shared/schemas/report';
import { stmt, type Db } from '../lib/d1';

export interface UnitRow {
  id: string;
  org_id: string;
  name: string;
}

export async function getUnit(db: Db, id: string): Promise<UnitRow | null> {
  return stmt(db, 'SELECT id, org_id, name FROM units WHERE id = ?1', id).first<UnitRow>();
}

export interface LeadTaskRow {
  item_id: string;
  kind: string;
  number: string;
  label: string | null;
  text: string;
  plan_id: string;
  plan_title: string;
  cycle: Cycle;
  due_day: number;
  year: number;
}

export interface DueReportRow {
  id: string;
  item_id: string;
  period: string;
  state: ReportState;
  status: ReportStatus;
  submitted_at: string | null;
  first_submitted_at: string | null;
}

/** Tasks and indicators (not unconfirmed drafts) the unit leads in the plans of `year`, with its reports. */
export async function leadTasksWithReports(
  db: Db,
  unitId: string,
  orgId: string,
  year: number,
): Promise<{ tasks: LeadTaskRow[]; reports: DueReportRow[] }> {
  const [tasks, reports] = await db.batch<unknown>([
    stmt(
      db,
      `SELECT i.id AS item_id, i.kind, i.number, i.label, i.text, p.id AS plan_id, p.title AS plan_title, p.cycle, p.due_day, p.year
         FROM item_units iu JOIN items i ON i.id = iu.item_id JOIN plans p ON p.id = i.plan_id
        WHERE iu.unit_id = ?1 AND iu.role = 'lead' AND i.kind <> 'draft' AND p.org_id = ?2 AND p.year = ?3
        ORDER BY p.created_at, p.id, i.seq`,
      unitId,
      orgId,
      year,
    ),
    stmt(
      db,
      `SELECT r.id, r.item_id, r.period, r.state, r.status, r.submitted_at, r.first_submitted_at
         FROM reports r JOIN plans p ON p.id = r.plan_id
        WHERE r.unit_id = ?1 AND p.org_id = ?2 AND p.year = ?3`,
      unitId,
      orgId,
      year,
    ),
  ]);
  return { tasks: tasks!.results as LeadTaskRow[], reports: reports!.results as DueReportRow[] };
}
