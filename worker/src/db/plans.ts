// Plans and their items: SQL and row mappers.
import { storedLabel } from './item-labels';
import type { Cycle } from '../../../shared/schemas/common';
import type { Item, ItemKind, PlanSummary } from '../../../shared/schemas/plan';
import { stmt, type Db } from '../lib/d1';

/** The columns of a plan every read maps the same way (here and in plan-frame.ts). */
export interface PlanBaseRow {
  id: string;
  org_id: string;
  title: string;
  issuer: string;
  doc_number: string | null;
  year: number;
  cycle: Cycle;
  due_day: number;
}

export function mapPlanBase(r: PlanBaseRow) {
  return {
    id: r.id,
    orgId: r.org_id,
    title: r.title,
    issuer: r.issuer,
    docNumber: r.doc_number,
    year: r.year,
    cycle: r.cycle,
    dueDay: r.due_day,
  };
}

interface PlanRow extends PlanBaseRow {
  created_at: string;
  item_count: number;
  task_count: number;
  indicator_count: number;
  draft_count: number;
}

const PLAN_SELECT = `
  SELECT p.id, p.org_id, p.title, p.issuer, p.doc_number, p.year, p.cycle, p.due_day, p.created_at,
         (SELECT COUNT(*) FROM items i WHERE i.plan_id = p.id) AS item_count,
         (SELECT COUNT(*) FROM items i WHERE i.plan_id = p.id AND i.kind = 'task') AS task_count,
         (SELECT COUNT(*) FROM items i WHERE i.plan_id = p.id AND i.kind = 'indicator') AS indicator_count,
         (SELECT COUNT(*) FROM items i WHERE i.plan_id = p.id AND i.kind = 'draft') AS draft_count
    FROM plans p`;

function mapPlan(r: PlanRow): PlanSummary {
  return {
    ...mapPlanBase(r),
    itemCount: r.item_count,
    taskCount: r.task_count,
    indicatorCount: r.indicator_count,
    draftCount: r.draft_count,
    createdAt: r.created_at,
  };
}

/** Plans of one organisation, or of all when orgId is null (super-admin). Newest year first. */
export async function listPlans(db: Db, orgId: string | null): Promise<PlanSummary[]> {
  const q = orgId
    ? stmt(db, `${PLAN_SELECT} WHERE p.org_id = ?1 ORDER BY p.year DESC, p.created_at DESC`, orgId)
    : stmt(db, `${PLAN_SELECT} ORDER BY p.year DESC, p.created_at DESC`);
  const { results } = await q.all<PlanRow>();
  return results.map(mapPlan);
}

export async function getPlan(db: Db, planId: string): Promise<PlanSummary | null> {
  const row = await stmt(db, `${PLAN_SELECT} WHERE p.id = ?1`, planId).first<PlanRow>();
  return row ? mapPlan(row) : null;
}

interface ItemRow {
  id: string;
  plan_id: string;
  seq: number;
  kind: ItemKind;
  number: string;
  label: string | null;
  path_json: string;
  text: string;
  deadline: string | null;
}
interface ItemUnitRow {
  item_id: string;
  unit_id: string;
  name: string;
  role: 'lead' | 'co' | 'area';
}
interface ItemLeaderRow {
  item_id: string;
  leader_id: string;
  name: string;
}
/** A row of `targets`. */
export interface TargetRow {
  id: string;
  item_id: string;
  text: string;
  value: number;
  unit: string;
}

/**
 * Items of a plan with their units, leaders and targets, in document order.
 * `itemIds` narrows to some items (passed as one JSON parameter, whatever their number).
 */
export async function listItems(db: Db, planId: string, itemIds?: readonly string[]): Promise<Item[]> {
  const only = itemIds ? ' AND i.id IN (SELECT value FROM json_each(?2))' : '';
  const args: unknown[] = itemIds ? [planId, JSON.stringify(itemIds)] : [planId];
  const [items, units, leaders, targets] = await db.batch<unknown>([
    stmt(db, `SELECT i.id, i.plan_id, i.seq, i.kind, i.number, i.label, i.path_json, i.text, i.deadline
                FROM items i WHERE i.plan_id = ?1${only} ORDER BY i.seq`, ...args),
    stmt(db, `SELECT iu.item_id, iu.unit_id, u.name, iu.role
                FROM item_units iu JOIN units u ON u.id = iu.unit_id JOIN items i ON i.id = iu.item_id
               WHERE iu.plan_id = ?1${only} ORDER BY iu.item_id, iu.seq`, ...args),
    stmt(db, `SELECT il.item_id, il.leader_id, l.name
                FROM item_leaders il JOIN leaders l ON l.id = il.leader_id JOIN items i ON i.id = il.item_id
               WHERE il.plan_id = ?1${only} ORDER BY il.item_id, il.seq`, ...args),
    stmt(db, `SELECT t.id, t.item_id, t.text, t.value, t.unit
                FROM targets t JOIN items i ON i.id = t.item_id
               WHERE i.plan_id = ?1${only} ORDER BY t.item_id, t.seq`, ...args),
  ]);
  const byItem = new Map<string, Item>();
  const out: Item[] = [];
  for (const r of (items!.results as ItemRow[])) {
    const item: Item = {
      id: r.id,
      planId: r.plan_id,
      seq: r.seq,
      kind: r.kind,
      number: r.number,
      label: storedLabel(r),
      path: JSON.parse(r.path_json) as string[],
      text: r.text,
      deadline: r.deadline,
      leadUnits: [],
      coUnits: [],
      areas: [],
      leaders: [],
      targets: [],
      access: 'full',
    };
    byItem.set(r.id, item);
    out.push(item);
  }
  for (const u of units!.results as ItemUnitRow[]) {
    const item = byItem.get(u.item_id);
    if (!item) continue;
    const ref = { id: u.unit_id, name: u.name };
    if (u.role === 'lead') item.leadUnits.push(ref);
    else if (u.role === 'co') item.coUnits.push(ref);
    else item.areas.push(ref);
  }
  for (const l of leaders!.results as ItemLeaderRow[]) {
    byItem.get(l.item_id)?.leaders.push({ id: l.leader_id, name: l.name });
  }
  for (const t of targets!.results as TargetRow[]) {
    byItem.get(t.item_id)?.targets.push({ id: t.id, text: t.text, value: t.value, unit: t.unit });
  }
  return out;
}

/** Ids of the items a unit carries in a plan (as lead, co-unit or area). */
export async function itemIdsOfUnit(db: Db, unitId: string, planId: string): Promise<Set<string>> {
  const { results } = await stmt(
    db,
    'SELECT DISTINCT item_id FROM item_units WHERE unit_id = ?1 AND plan_id = ?2',
    unitId,
    planId,
  ).all<{ item_id: string }>();
  return new Set(results.map((r) => r.item_id));
}
