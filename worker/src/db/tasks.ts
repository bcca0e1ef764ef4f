// Tasks (items) as report targets: plan cycle and due day, carrying units, target ids.
import type { Cycle } from '../../../shared/schemas/common';
import { stmt, type Db } from '../lib/d1';
import type { TaskContext, UnitRole } from '../lib/report-access';

interface TaskRow {
  id: string;
  plan_id: string;
  plan_title: string;
  org_id: string;
  kind: TaskContext['kind'];
  number: string;
  text: string;
  year: number;
  cycle: Cycle;
  due_day: number;
}

/** A task with its plan's cycle and due day, its units and its target ids; null if absent. */
export async function getTaskContext(db: Db, itemId: string): Promise<TaskContext | null> {
  const [task, units, targets] = await db.batch<unknown>([
    stmt(
      db,
      `SELECT i.id, i.plan_id, p.title AS plan_title, p.org_id, i.kind, i.number, i.text, p.year, p.cycle, p.due_day
         FROM items i JOIN plans p ON p.id = i.plan_id WHERE i.id = ?1`,
      itemId,
    ),
    stmt(
      db,
      `SELECT iu.unit_id, u.name, iu.role FROM item_units iu JOIN units u ON u.id = iu.unit_id
        WHERE iu.item_id = ?1 ORDER BY CASE iu.role WHEN 'lead' THEN 0 WHEN 'co' THEN 1 ELSE 2 END, iu.seq`,
      itemId,
    ),
    stmt(db, 'SELECT id FROM targets WHERE item_id = ?1 ORDER BY seq', itemId),
  ]);
  const r = (task!.results as TaskRow[])[0];
  if (!r) return null;
  return {
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    orgId: r.org_id,
    kind: r.kind,
    number: r.number,
    text: r.text,
    year: r.year,
    cycle: r.cycle,
    dueDay: r.due_day,
    units: (units!.results as { unit_id: string; name: string; role: UnitRole }[]).map((u) => ({
      unitId: u.unit_id,
      name: u.name,
      role: u.role,
    })),
    targetIds: (targets!.results as { id: string }[]).map((t) => t.id),
  };
}

