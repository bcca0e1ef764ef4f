// 上年度未结 (issue 14): open items of past plan years, per (task, unit), and closing them.
import type { CarryoverEntry } from '../../../shared/schemas/carryover';
import { stmt, type Db } from '../lib/d1';
import { taskHeadOf, type TaskHeadRow } from './task-head';

interface Row extends TaskHeadRow {
  unit_id: string;
  unit_name: string;
  returned_id: string | null;
  returned_period: string | null;
  unanswered: number;
  last_at: string | null;
}

/**
 * Binds ?1 org, ?2 unit (null: every unit, for the office). Only plans older than the
 * organisation's newest year; a (task, unit) the office closed is not open any more.
 */
const OPEN_SQL = `
  WITH pairs AS (
    SELECT iu.item_id, iu.unit_id, MIN(CASE iu.role WHEN 'lead' THEN 0 ELSE 1 END) = 0 AS is_lead
      FROM item_units iu JOIN plans p ON p.id = iu.plan_id
     WHERE p.org_id = ?1 AND p.year < (SELECT MAX(year) FROM plans WHERE org_id = ?1)
       AND (?2 IS NULL OR iu.unit_id = ?2)
       AND NOT EXISTS (SELECT 1 FROM carryover_closed c WHERE c.item_id = iu.item_id AND c.unit_id = iu.unit_id)
     GROUP BY iu.item_id, iu.unit_id),
  open AS (
    SELECT pr.item_id, pr.unit_id,
           (SELECT r.id FROM reports r WHERE r.item_id = pr.item_id AND r.unit_id = pr.unit_id AND r.state = 'returned'
             ORDER BY r.period DESC LIMIT 1) AS returned_id,
           CASE WHEN pr.is_lead THEN
             (SELECT COUNT(*) FROM instructions n
               WHERE n.item_id = pr.item_id AND n.kind = 'instruction'
                 AND (n.report_id IS NULL OR EXISTS (SELECT 1 FROM reports rr WHERE rr.id = n.report_id AND rr.unit_id = pr.unit_id))
                 AND n.created_at > COALESCE((SELECT MAX(a.created_at) FROM instructions a
                                               WHERE a.item_id = pr.item_id AND a.kind = 'answer' AND a.unit_id = pr.unit_id), ''))
           ELSE 0 END AS unanswered
      FROM pairs pr)
  SELECT o.item_id, i.plan_id, p.year, i.kind, i.number, i.label, i.text, o.unit_id, u.name AS unit_name,
         o.returned_id, r.period AS returned_period, o.unanswered,
         MAX(COALESCE(r.updated_at, ''), COALESCE((SELECT MAX(n.created_at) FROM instructions n WHERE n.item_id = o.item_id), '')) AS last_at
    FROM open o JOIN items i ON i.id = o.item_id JOIN plans p ON p.id = i.plan_id JOIN units u ON u.id = o.unit_id
    LEFT JOIN reports r ON r.id = o.returned_id
   WHERE o.returned_id IS NOT NULL OR o.unanswered > 0
   ORDER BY p.year DESC, u.name, i.seq
   LIMIT 500`;

export async function openCarryover(db: Db, orgId: string, unitId: string | null): Promise<CarryoverEntry[]> {
  const { results } = await stmt(db, OPEN_SQL, orgId, unitId).all<Row>();
  return results.map((r) => ({
    ...taskHeadOf(r),
    unitId: r.unit_id,
    unitName: r.unit_name,
    returned: r.returned_id && r.returned_period ? { reportId: r.returned_id, period: r.returned_period } : null,
    unanswered: r.unanswered,
    lastAt: r.last_at || null,
  }));
}

export function closeCarryoverStatement(db: Db, c: { itemId: string; unitId: string; userId: string; comment: string; now: string }): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO carryover_closed (item_id, unit_id, closed_by, closed_at, comment) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT(item_id, unit_id) DO NOTHING`,
    c.itemId,
    c.unitId,
    c.userId,
    c.now,
    c.comment,
  );
}
