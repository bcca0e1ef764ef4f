// "Behind" and "not reported" are different facts (docs/ARCHITECTURE.md): 进展滞后 counts tasks whose lead unit
// reported and said 滞后; 逾期未报 counts tasks with a lead unit that sent nothing by the due date.
// One rule for the 总览 numbers and the lists they open.
import type { ReportState, ReportStatus } from './labels';
import type { Timeliness } from './colour';

export interface LagCell {
  status: ReportStatus | null;
  state: ReportState | null;
  timeliness: Timeliness;
}

export type Lag = 'behind' | 'overdue';
export const LAG_WORD: Record<Lag, string> = { behind: '进展滞后', overdue: '逾期未报' };

/** A report that counts (sent, not waiting for its amendment) saying 滞后. */
export function isBehind(c: LagCell): boolean {
  return c.status === 'behind' && (c.state === 'submitted' || c.state === 'accepted');
}

/** No report after the due date. */
export function isOverdue(c: LagCell): boolean {
  return c.timeliness === 'missing';
}

export function hasLag(cells: LagCell[], lag: Lag): boolean {
  return cells.some(lag === 'behind' ? isBehind : isOverdue);
}

/** Task ids per fact; a task with one unit behind and another silent is in both lists. */
export function splitLagging<T extends { id: string; cells: LagCell[] }>(tasks: T[]): Record<Lag, string[]> {
  return {
    behind: tasks.filter((t) => hasLag(t.cells, 'behind')).map((t) => t.id),
    overdue: tasks.filter((t) => hasLag(t.cells, 'overdue')).map((t) => t.id),
  };
}
