// The TaskHead of a row that selected item_id, plan_id, year, kind, number, label and text.
import type { TaskHead } from '../../../shared/schemas/report';
import { storedLabel } from './item-labels';

export interface TaskHeadRow {
  item_id: string;
  plan_id: string;
  year: number;
  kind: TaskHead['kind'];
  number: string;
  /** Select i.label too (null for rows written before migration 0009). */
  label: string | null;
  text: string;
}

export function taskHeadOf(r: TaskHeadRow): TaskHead {
  return { itemId: r.item_id, planId: r.plan_id, year: r.year, kind: r.kind, number: r.number, label: storedLabel(r), text: r.text };
}
