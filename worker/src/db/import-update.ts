// Applies a re-import to an existing plan (the admin chose "以新文档更新"): changed items are
// updated in place (their ids, and so their reports, stay), new items are added, and removed items
// are deleted unless reports already refer to them — those are kept and listed.
import type { ParsedPlan } from '../../../shared/schemas/import';
import { auditStatement } from './audit';
import { insertRows, jsonList, stmt, type Db } from '../lib/d1';
import { ITEM_INSERT, ITEM_LEADER_INSERT, ITEM_UNIT_INSERT, itemChildRows, resolveNames, SECTION_INSERT, sectionResolver, TARGET_INSERT } from './import';
import { keyed, type PlanDiff } from './import-diff';
import { relabelPlan } from './item-labels';

export interface UpdateResult {
  updated: number;
  added: number;
  removed: number;
  /** Items missing from the new document that already have reports, so they were kept. */
  kept: Array<{ itemId: string; number: string; text: string }>;
}

async function sectionPaths(db: Db, planId: string): Promise<Array<{ id: string; path: string[] }>> {
  const { results } = await stmt(db, 'SELECT id, parent_id, title FROM sections WHERE plan_id = ?1 ORDER BY seq', planId).all<{
    id: string;
    parent_id: string | null;
    title: string;
  }>();
  const byId = new Map(results.map((r) => [r.id, r]));
  const pathOf = (id: string): string[] => {
    const r = byId.get(id)!;
    return r.parent_id ? [...pathOf(r.parent_id), r.title] : [r.title];
  };
  return results.map((r) => ({ id: r.id, path: pathOf(r.id) }));
}

export async function applyPlanUpdate(
  db: Db,
  o: { planId: string; orgId: string; parsed: ParsedPlan; diff: PlanDiff; userId: string; now: Date },
): Promise<UpdateResult> {
  const { planId, parsed, diff, now } = o;
  const nowIso = now.toISOString();
  const touched = [...diff.changed.map((c) => c.key), ...diff.added.map((a) => a.key)];
  const byKey = new Map(diff.added.map((a) => [a.key, a.item]));
  const names = await resolveNames(db, o.orgId, [...diff.added.map((a) => a.item), ...parsedOfChanges(parsed, diff)], nowIso);
  const sections = sectionResolver(planId, await sectionPaths(db, planId));

  // Removed items that reports refer to are kept.
  const removedIds = diff.removed.map((r) => r.itemId);
  const { results: reported } = await stmt(
    db,
    'SELECT DISTINCT item_id FROM reports WHERE item_id IN (SELECT value FROM json_each(?1))',
    jsonList(removedIds),
  ).all<{ item_id: string }>();
  const keptIds = new Set(reported.map((r) => r.item_id));
  const deletable = removedIds.filter((id) => !keptIds.has(id));

  const statements: D1PreparedStatement[] = [...names.statements];
  const childUnits: unknown[][] = [];
  const childLeaders: unknown[][] = [];
  const childTargets: unknown[][] = [];
  const newItems: unknown[][] = [];
  const parsedByKey = keyedParsed(parsed);
  for (const change of diff.changed) {
    const it = parsedByKey.get(change.key)!;
    statements.push(
      stmt(
        db,
        `UPDATE items SET text = ?2, path_json = ?3, deadline = ?4, section_id = ?5, source_line = ?6, updated_at = ?7, version = version + 1
          WHERE id = ?1`,
        change.itemId, it.text, JSON.stringify(it.path), it.deadline, sections.sectionOf(it.path), it.line ?? null, nowIso,
      ),
    );
    const rows = itemChildRows(change.itemId, planId, it, names);
    if (change.fields.some((f) => f === 'leadUnits' || f === 'coUnits' || f === 'areas')) {
      statements.push(stmt(db, 'DELETE FROM item_units WHERE item_id = ?1', change.itemId));
      childUnits.push(...rows.units);
    }
    if (change.fields.includes('leaders')) {
      statements.push(stmt(db, 'DELETE FROM item_leaders WHERE item_id = ?1', change.itemId));
      childLeaders.push(...rows.leaders);
    }
    if (change.fields.includes('targets')) {
      statements.push(stmt(db, 'DELETE FROM targets WHERE item_id = ?1', change.itemId));
      childTargets.push(...rows.targets);
    }
  }
  const newIdByKey = new Map<string, string>();
  for (const key of touched) {
    const it = byKey.get(key);
    if (!it) continue;
    const itemId = crypto.randomUUID();
    newIdByKey.set(key, itemId);
    newItems.push([itemId, planId, sections.sectionOf(it.path), 0, it.kind, it.number, JSON.stringify(it.path), it.text, it.deadline, it.line ?? null, nowIso, nowIso, null]);
    const rows = itemChildRows(itemId, planId, it, names);
    childUnits.push(...rows.units);
    childLeaders.push(...rows.leaders);
    childTargets.push(...rows.targets);
  }
  statements.push(
    ...insertRows(db, SECTION_INSERT, 6, sections.newRows),
    ...insertRows(db, ITEM_INSERT, 13, newItems),
    ...insertRows(db, ITEM_UNIT_INSERT, 5, childUnits),
    ...insertRows(db, ITEM_LEADER_INSERT, 4, childLeaders),
    ...insertRows(db, TARGET_INSERT, 6, childTargets),
    stmt(db, 'DELETE FROM items WHERE id IN (SELECT value FROM json_each(?1))', jsonList(deletable)),
    stmt(db, 'UPDATE plans SET title = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1', planId, parsed.plan.title, nowIso),
    auditStatement(
      db,
      {
        orgId: o.orgId,
        userId: o.userId,
        action: 'plan.reimport',
        entityType: 'plan',
        entityId: planId,
        summary: `重新导入：修改 ${diff.changed.length} 项，新增 ${diff.added.length} 项，删除 ${deletable.length} 项，保留有报告的 ${keptIds.size} 项`,
      },
      now,
    ),
  );
  await db.batch(statements);
  // Document order: the new document's order; kept items go after it.
  const idByKey = new Map([...diff.matched.map((m) => [m.key, m.itemId] as const), ...newIdByKey]);
  const order = [...keyedParsed(parsed).keys()].map((k) => idByKey.get(k)!);
  order.push(...diff.removed.filter((r) => keptIds.has(r.itemId)).map((r) => r.itemId));
  const seqUpdates = order.map((id, seq) => stmt(db, 'UPDATE items SET seq = ?2 WHERE id = ?1 AND seq != ?2', id, seq));
  for (let i = 0; i < seqUpdates.length; i += 100) await db.batch(seqUpdates.slice(i, i + 100));
  // Labels depend on the whole plan in its new order (a number may now repeat, or no longer).
  await relabelPlan(db, planId);
  return {
    updated: diff.changed.length,
    added: diff.added.length,
    removed: deletable.length,
    kept: diff.removed.filter((r) => keptIds.has(r.itemId)).map((r) => ({ itemId: r.itemId, number: r.number, text: r.text })),
  };
}

function keyedParsed(parsed: ParsedPlan): Map<string, ParsedPlan['items'][number]> {
  return keyed(parsed.items);
}

function parsedOfChanges(parsed: ParsedPlan, diff: PlanDiff) {
  const byKey = keyedParsed(parsed);
  return diff.changed.map((c) => byKey.get(c.key)!);
}
