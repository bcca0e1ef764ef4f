// The TaskHead of a row that selected item_id, plan_id, year, kind, number and text.
import type { TaskHead } from '../../../shared/schemas/report';

export interface TaskHeadRow {
  item_id: string;
  plan_id: string;
  year: number;
  kind: TaskHead['kind'];
  number: string;
  text: string;
}

export function taskHeadOf(r: TaskHeadRow): TaskHead {
  return { itemId: r.item_id, planId: r.plan_id, year: r.year, kind: r.kind, number: r.number, text: r.text };
}
