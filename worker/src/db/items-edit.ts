// Editing a task or a plan after import. One D1 batch per edit: the versioned UPDATE goes first;
// every other statement (units, leaders, the audit row) only applies if that UPDATE won — it is
// recognised by the new version and this edit's timestamp — so a stale edit changes nothing.
import type { ItemEditBody, PlanEditBody } from '../../../shared/schemas/edit';
import { jsonList, stmt, type Db } from '../lib/d1';
import { badRequest } from '../lib/errors';

export interface EditableItem {
  id: string;
  planId: string;
  orgId: string;
  number: string;
  deadline: string | null;
  text: string;
  version: number;
  targets: Array<{ id: string; text: string; value: number; unit: string }>;
  units: Array<{ id: string; name: string; role: 'lead' | 'co' | 'area' }>;
  leaders: Array<{ id: string; name: string }>;
}

export async function getEditableItem(db: Db, itemId: string): Promise<EditableItem | null> {
  const [item, units, leaders, targets] = await db.batch<Record<string, unknown>>([
    stmt(
      db,
      `SELECT i.id, i.plan_id, p.org_id, i.number, i.deadline, i.text, i.version FROM items i JOIN plans p ON p.id = i.plan_id WHERE i.id = ?1`,
      itemId,
    ),
    stmt(db, `SELECT u.id, u.name, iu.role FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ?1 ORDER BY iu.seq`, itemId),
    stmt(db, `SELECT l.id, l.name FROM item_leaders il JOIN leaders l ON l.id = il.leader_id WHERE il.item_id = ?1 ORDER BY il.seq`, itemId),
    stmt(db, 'SELECT id, text, value, unit FROM targets WHERE item_id = ?1 ORDER BY seq', itemId),
  ]);
  const r = item!.results[0] as { id: string; plan_id: string; org_id: string; number: string; deadline: string | null; text: string; version: number } | undefined;
  if (!r) return null;
  return {
    id: r.id,
    planId: r.plan_id,
    orgId: r.org_id,
    number: r.number,
    deadline: r.deadline,
    text: r.text,
    version: r.version,
    targets: targets!.results as EditableItem['targets'],
    units: units!.results as EditableItem['units'],
    leaders: leaders!.results as EditableItem['leaders'],
  };
}

/** Names of the given units and leaders, refusing any that is not of the organisation. */
async function resolveNames(db: Db, orgId: string, unitIds: string[], leaderIds: string[]) {
  const [units, leaders] = await db.batch<{ id: string; name: string }>([
    stmt(db, 'SELECT id, name FROM units WHERE org_id = ?1 AND id IN (SELECT value FROM json_each(?2))', orgId, jsonList(unitIds)),
    stmt(db, 'SELECT id, name FROM leaders WHERE org_id = ?1 AND id IN (SELECT value FROM json_each(?2))', orgId, jsonList(leaderIds)),
  ]);
  const unitNames = new Map(units!.results.map((u) => [u.id, u.name]));
  const leaderNames = new Map(leaders!.results.map((l) => [l.id, l.name]));
  const fields: Record<string, string> = {};
  if (unitIds.some((id) => !unitNames.has(id))) fields.units = '包含不存在的单位';
  if (leaderIds.some((id) => !leaderNames.has(id))) fields.leaderIds = '包含不存在的领导';
  if (Object.keys(fields).length) throw badRequest('所选单位或领导不存在', fields);
  return { unitNames, leaderNames };
}

const ROLE_FIELD = { lead: 'leadUnitIds', co: 'coUnitIds', area: 'areaIds' } as const;
const ROLE_WORD = { lead: '牵头单位', co: '责任单位', area: '责任板块' } as const;

export interface ItemEditPlan {
  statements: D1PreparedStatement[];
  summary: string;
}

/**
 * The statements of an item edit, guarded as described at the top; the first is the UPDATE, which
 * returns a row only if it won (meta.changes would also count the sync triggers' writes).
 */
export async function itemEditStatements(
  db: Db,
  item: EditableItem,
  body: ItemEditBody,
  ctx: { userId: string; now: string },
): Promise<ItemEditPlan> {
  const roles = (['lead', 'co', 'area'] as const).filter((r) => body[ROLE_FIELD[r]] !== undefined);
  const finalIds = (role: 'lead' | 'co' | 'area') => body[ROLE_FIELD[role]] ?? item.units.filter((u) => u.role === role).map((u) => u.id);
  const leads = new Set(finalIds('lead'));
  if (finalIds('co').some((id) => leads.has(id))) {
    throw badRequest('同一单位不能既是牵头单位又是责任单位', { coUnitIds: '与牵头单位重复' });
  }
  const newUnitIds = roles.flatMap((r) => body[ROLE_FIELD[r]]!);
  const { unitNames, leaderNames } = await resolveNames(db, item.orgId, [...new Set(newUnitIds)], body.leaderIds ?? []);

  const v = item.version;
  const guard = `(SELECT version = ?3 + 1 AND updated_at = ?4 FROM items WHERE id = ?1)`;
  const statements: D1PreparedStatement[] = [
    stmt(
      db,
      `UPDATE items SET deadline = CASE WHEN ?5 THEN ?6 ELSE deadline END, text = COALESCE(?7, text), version = version + 1, updated_at = ?4
        WHERE id = ?1 AND plan_id = ?2 AND version = ?3 RETURNING version`,
      item.id,
      item.planId,
      v,
      ctx.now,
      body.deadline !== undefined ? 1 : 0,
      body.deadline ?? null,
      body.text ?? null,
    ),
  ];
  const changes: string[] = [];
  if (body.text !== undefined && body.text !== item.text) changes.push(`内容 “${clip(item.text)}” → “${clip(body.text)}”`);
  if (body.targets !== undefined) {
    statements.push(...targetStatements(db, item, body.targets, guard, ctx.now));
    const show = (ts: Array<{ text: string }>) => ts.map((t) => t.text).join('、') || '无';
    if (show(item.targets) !== show(body.targets)) changes.push(`目标 ${show(item.targets)} → ${show(body.targets)}`);
  }
  for (const role of roles) {
    const ids = body[ROLE_FIELD[role]]!;
    const seqBase = role === 'lead' ? 0 : role === 'co' ? 100 : 200;
    statements.push(
      stmt(db, `DELETE FROM item_units WHERE item_id = ?1 AND role = ?5 AND ${guard}`, item.id, item.planId, v, ctx.now, role),
      stmt(
        db,
        `INSERT INTO item_units (item_id, unit_id, plan_id, role, seq)
         SELECT ?1, j.value, ?2, ?5, ?6 + j.key FROM json_each(?7) j WHERE ${guard}`,
        item.id,
        item.planId,
        v,
        ctx.now,
        role,
        seqBase,
        jsonList(ids),
      ),
    );
    const before = item.units.filter((u) => u.role === role).map((u) => u.name).join('、') || '无';
    const after = ids.map((id) => unitNames.get(id)!).join('、') || '无';
    if (before !== after) changes.push(`${ROLE_WORD[role]} ${before} → ${after}`);
  }
  if (body.leaderIds !== undefined) {
    statements.push(
      stmt(db, `DELETE FROM item_leaders WHERE item_id = ?1 AND ${guard}`, item.id, item.planId, v, ctx.now),
      stmt(
        db,
        `INSERT INTO item_leaders (item_id, leader_id, plan_id, seq) SELECT ?1, j.value, ?2, j.key FROM json_each(?5) j WHERE ${guard}`,
        item.id,
        item.planId,
        v,
        ctx.now,
        jsonList(body.leaderIds),
      ),
    );
    const before = item.leaders.map((l) => l.name).join('、') || '无';
    const after = body.leaderIds.map((id) => leaderNames.get(id)!).join('、') || '无';
    if (before !== after) changes.push(`牵头领导 ${before} → ${after}`);
  }
  if (body.deadline !== undefined && body.deadline !== item.deadline) {
    changes.push(`时限 ${item.deadline ?? '无'} → ${body.deadline ?? '无'}`);
  }
  const summary = `修改任务 ${item.number}：${changes.join('；') || '无变化'}`;
  return { statements, summary };
}

const clip = (t: string) => (t.length > 60 ? `${t.slice(0, 60)}…` : t);

/**
 * Replaces an item's targets: a target sent with its id keeps that id (reports carry figures by
 * target id), others are new; targets left out are deleted. Ids must be the item's own.
 */
function targetStatements(db: Db, item: EditableItem, targets: NonNullable<ItemEditBody['targets']>, guard: string, now: string): D1PreparedStatement[] {
  const own = new Set(item.targets.map((t) => t.id));
  if (targets.some((t) => t.id && !own.has(t.id.toLowerCase()))) throw badRequest('目标不属于该任务', { targets: '包含不属于该任务的目标' });
  const rows = targets.map((t, seq) => ({ id: t.id?.toLowerCase() ?? crypto.randomUUID(), seq, text: t.text, value: t.value, unit: t.unit }));
  return [
    stmt(
      db,
      `DELETE FROM targets WHERE item_id = ?1 AND id NOT IN (SELECT json_extract(value, '$.id') FROM json_each(?5)) AND ${guard}`,
      item.id, item.planId, item.version, now, JSON.stringify(rows),
    ),
    stmt(
      db,
      `INSERT INTO targets (id, item_id, seq, text, value, unit)
       SELECT json_extract(j.value, '$.id'), ?1, json_extract(j.value, '$.seq'), json_extract(j.value, '$.text'),
              json_extract(j.value, '$.value'), json_extract(j.value, '$.unit')
         FROM json_each(?5) j WHERE ${guard}
       ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, text = excluded.text, value = excluded.value, unit = excluded.unit
        WHERE targets.item_id = excluded.item_id`,
      item.id, item.planId, item.version, now, JSON.stringify(rows),
    ),
  ];
}

/** An audit row that is written only if the guarded edit won (see the top of the file). */
export function guardedAudit(
  db: Db,
  table: 'items' | 'plans',
  e: { id: string; version: number; now: string; orgId: string; userId: string; action: string; entityType: string; summary: string },
): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO audit_log (org_id, user_id, at, action, entity_type, entity_id, summary)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE (SELECT version = ?8 + 1 AND updated_at = ?3 FROM ${table} WHERE id = ?6)`,
    e.orgId,
    e.userId,
    e.now,
    e.action,
    e.entityType,
    e.id,
    e.summary.slice(0, 2000),
    e.version,
  );
}

export function planEditStatement(db: Db, planId: string, version: number, body: PlanEditBody, now: string): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE plans SET cycle = COALESCE(?3, cycle), due_day = COALESCE(?4, due_day), version = version + 1, updated_at = ?5
      WHERE id = ?1 AND version = ?2 RETURNING version`,
    planId,
    version,
    body.cycle ?? null,
    body.dueDay ?? null,
    now,
  );
}
