// The frame every leader view hangs its figures on: the plan, its tracked items with chapters,
// leaders and lead units. A few hundred rows at most, loaded in one D1 batch.
import { storedLabel } from './item-labels';
import { itemLabel, type ItemKind } from '../../../shared/labels';
import type { PlanHead } from '../../../shared/schemas/dashboard';
import { stmt, type Db } from '../lib/d1';
import { titleOf } from '../lib/scope';
import { mapPlanBase, type PlanBaseRow } from './plans';

/**
 * Item kinds that owe progress reports. Drafts (proposed tasks from a narrative work report)
 * are not confirmed yet, so nobody is behind on them.
 */
export const TRACKED_KINDS: readonly ItemKind[] = ['indicator', 'task'];
const TRACKED_SQL = `('indicator', 'task')`;

export interface PlanRecord extends PlanHead {
  orgId: string;
}

export interface FrameItem {
  id: string;
  kind: ItemKind;
  number: string;
  /** The stored 指标 3 / 任务 二.3 (db/item-labels.ts). */
  label: string;
  path: string[];
  title: string;
  deadline: string | null;
  chapter: number;
  leaderIds: string[];
  /** Lead units that can report (kind 'unit'); placeholders like 各镇（街道） are left out. */
  leadUnitIds: string[];
}

/** How lists name a task of the frame: 编号, label (指标 3 / 任务 二.3) and title; blank when absent. */
export function taskWordsOf(frame: PlanFrame): (itemId: string) => { number: string; label: string; title: string } {
  const items = new Map(frame.items.map((it) => [it.id, it]));
  return (itemId) => {
    const it = items.get(itemId);
    return it ? { number: it.number, label: itemLabel(it), title: it.title } : { number: '', label: '', title: '' };
  };
}

export interface PlanFrame {
  plan: PlanRecord;
  items: FrameItem[];
  chapters: string[];
  unitNames: Map<string, string>;
  leaderNames: Map<string, string>;
  /** Leaders in order of first appearance in the plan. */
  leaderOrder: string[];
}

interface PlanRow extends PlanBaseRow {
  version: number;
}

const PLAN_SQL = 'SELECT id, org_id, title, issuer, doc_number, year, cycle, due_day, version FROM plans WHERE id = ?1';

/** The plan's row, to run in a batch with other statements (see planFromRows). */
export function planStatement(db: Db, planId: string): D1PreparedStatement {
  return stmt(db, PLAN_SQL, planId);
}

export function planFromRows(rows: unknown[]): PlanRecord | null {
  const r = rows[0] as PlanRow | undefined;
  if (!r) return null;
  return { ...mapPlanBase(r), version: r.version };
}

export async function getPlanRecord(db: Db, planId: string): Promise<PlanRecord | null> {
  const { results } = await planStatement(db, planId).all<PlanRow>();
  return planFromRows(results);
}

export function planHead(p: PlanRecord): PlanHead {
  const { orgId: _org, ...head } = p;
  return head;
}

/**
 * Chapter of an item: the first heading below the top level shared by every task. In the
 * Wuzhong plans every task sits under 二、工作任务分解, so the chapter is the （一）… heading
 * below it; in the Wujiang plan the top headings differ (三、强化科技创新引领…), so they are the
 * chapters. Items outside the shared prefix (主要预期目标 rows) use their own first heading.
 */
export function chaptersOf(items: ReadonlyArray<{ kind: ItemKind; path: string[] }>): { chapters: string[]; chapterOf: number[] } {
  const tasks = items.filter((i) => i.kind === 'task');
  const basis = tasks.length ? tasks : items;
  let prefix: string[] = basis[0]?.path.slice() ?? [];
  for (const it of basis) {
    let n = 0;
    while (n < prefix.length && n < it.path.length && prefix[n] === it.path[n]) n++;
    prefix = prefix.slice(0, n);
  }
  // Never consume a whole path: a chapter is always some heading of the item.
  const minLen = Math.min(...basis.map((i) => i.path.length), Infinity);
  if (Number.isFinite(minLen) && prefix.length >= minLen) prefix = prefix.slice(0, Math.max(0, minLen - 1));
  const chapters: string[] = [];
  const index = new Map<string, number>();
  const chapterOf = items.map((it) => {
    const under = prefix.every((h, i) => it.path[i] === h);
    const title = (under ? it.path[prefix.length] : it.path[0]) ?? it.path[it.path.length - 1] ?? '其他';
    let n = index.get(title);
    if (n === undefined) {
      n = chapters.length;
      chapters.push(title);
      index.set(title, n);
    }
    return n;
  });
  return { chapters, chapterOf };
}

interface ItemRow {
  id: string;
  kind: ItemKind;
  number: string;
  label: string | null;
  path_json: string;
  text_head: string;
  deadline: string | null;
}

/** The frame's three statements, to run in the caller's batch with its own queries. */
export function frameStatements(db: Db, planId: string): D1PreparedStatement[] {
  return [
    stmt(
      db,
      // The title is the first clause, at most 40 characters: the head of the text is enough.
      `SELECT id, kind, number, label, path_json, substr(text, 1, 41) AS text_head, deadline FROM items
        WHERE plan_id = ?1 AND kind IN ${TRACKED_SQL} ORDER BY seq`,
      planId,
    ),
    stmt(
      db,
      `SELECT il.item_id, il.leader_id, l.name FROM item_leaders il JOIN leaders l ON l.id = il.leader_id
        WHERE il.plan_id = ?1 ORDER BY il.item_id, il.seq`,
      planId,
    ),
    stmt(
      db,
      `SELECT iu.item_id, iu.unit_id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id
        WHERE iu.plan_id = ?1 AND iu.role = 'lead' AND u.kind = 'unit' ORDER BY iu.item_id, iu.seq`,
      planId,
    ),
  ];
}

export async function loadPlanFrame(db: Db, plan: PlanRecord): Promise<PlanFrame> {
  return frameFrom(plan, await db.batch<Record<string, unknown>>(frameStatements(db, plan.id)));
}

/** Builds the frame from the results of frameStatements(), in order. */
export function frameFrom(plan: PlanRecord, [items, leaders, leads]: D1Result<Record<string, unknown>>[]): PlanFrame {
  const rows = items!.results as unknown as ItemRow[];
  const parsed = rows.map((r) => ({ ...r, path: JSON.parse(r.path_json) as string[] }));
  const { chapters, chapterOf } = chaptersOf(parsed);
  const byId = new Map<string, FrameItem>();
  const frameItems = parsed.map((r, i) => {
    const it: FrameItem = {
      id: r.id,
      kind: r.kind,
      number: r.number,
      label: storedLabel(r),
      path: r.path,
      title: titleOf(r.text_head),
      deadline: r.deadline,
      chapter: chapterOf[i]!,
      leaderIds: [],
      leadUnitIds: [],
    };
    byId.set(r.id, it);
    return it;
  });
  const leaderNames = new Map<string, string>();
  for (const l of leaders!.results as Array<{ item_id: string; leader_id: string; name: string }>) {
    const it = byId.get(l.item_id);
    if (!it) continue;
    it.leaderIds.push(l.leader_id);
    leaderNames.set(l.leader_id, l.name);
  }
  const unitNames = new Map<string, string>();
  for (const u of leads!.results as Array<{ item_id: string; unit_id: string; name: string }>) {
    const it = byId.get(u.item_id);
    if (!it) continue;
    it.leadUnitIds.push(u.unit_id);
    unitNames.set(u.unit_id, u.name);
  }
  const leaderOrder: string[] = [];
  const seen = new Set<string>();
  for (const it of frameItems) {
    for (const l of it.leaderIds) {
      if (!seen.has(l)) {
        seen.add(l);
        leaderOrder.push(l);
      }
    }
  }
  return { plan, items: frameItems, chapters, unitNames, leaderNames, leaderOrder };
}
