// Keeps items.label (migration 0009_item_labels) right after a plan's items change: a re-import
// may add an item whose number now repeats, so an existing 任务 3 becomes 任务 二.3. Labels follow the
// shared rule (shared/item-labels.ts) over the whole plan in document order; only rows whose label
// differs are written (each write reaches the phones through the sync triggers).
import { planItemLabels } from '../../../shared/item-labels';
import { itemLabel } from '../../../shared/labels';
import { stmt, type Db } from '../lib/d1';

export async function relabelPlan(db: Db, planId: string): Promise<number> {
  const { results } = await stmt(db, 'SELECT id, kind, number, label FROM items WHERE plan_id = ?1 ORDER BY seq', planId).all<{
    id: string;
    kind: string;
    number: string;
    label: string | null;
  }>();
  const labels = planItemLabels(results);
  const updates = results.flatMap((r, i) => (r.label === labels[i] ? [] : [stmt(db, 'UPDATE items SET label = ?2 WHERE id = ?1', r.id, labels[i])]));
  for (let i = 0; i < updates.length; i += 100) await db.batch(updates.slice(i, i + 100));
  return updates.length;
}

/** A row's stored label; rows written before migration 0009 (or by fixtures) fall back to kind + number. */
export function storedLabel(r: { kind: string; number: string; label: string | null }): string {
  return itemLabel({ kind: r.kind, number: r.number, label: r.label ?? undefined });
}
