// Reads of the synced copy for the field screens, and a hook that re-reads when a sync page
// lands or the outbox changes (here or in another tab).
import { useEffect, useState } from 'preact/hooks';
import type { Item, PlanSummary } from '../../../shared/schemas/plan';
import type { Instruction, Report } from '../../../shared/schemas/report';
import { openDubanDB, type OutboxItem } from '../db/schema';
import { onOutboxChanged } from '../outbox/signal';
import { listOutbox } from '../outbox/store';
import { syncTick } from './pull';
import { myTasks, type TaskRow } from './tasks';

export async function loadMyTasks(unitId: string, now: Date): Promise<{ rows: TaskRow[]; hasData: boolean }> {
  const db = await openDubanDB();
  const [plans, items, reports, outbox] = await Promise.all([
    db.getAll('plans'),
    db.getAll('items'),
    db.getAll('reports'),
    listOutbox(),
  ]);
  return { rows: myTasks({ plans, items, reports, outbox, unitId, now }), hasData: items.length > 0 };
}

export interface TaskData {
  item: Item;
  plan: PlanSummary | null;
  reports: Report[];
  instructions: Instruction[];
  outbox: OutboxItem[];
}

export async function loadTask(taskId: string): Promise<TaskData | null> {
  const db = await openDubanDB();
  const item = await db.get('items', taskId);
  if (!item) return null;
  const [plan, reports, instructions, outbox] = await Promise.all([
    db.get('plans', item.planId),
    db.getAllFromIndex('reports', 'byTask', taskId),
    db.getAllFromIndex('instructions', 'byItem', taskId),
    listOutbox(),
  ]);
  return {
    item,
    plan: plan ?? null,
    reports: reports.sort((a, b) => b.period.localeCompare(a.period) || a.unitName.localeCompare(b.unitName, 'zh-CN')),
    instructions: instructions.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    outbox: outbox.filter((o) => o.taskId === taskId),
  };
}

/** Runs load now and again after every sync page and outbox change. */
export function useLive<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const run = () =>
      load().then(
        (d) => live && (setData(() => d), setError(null)),
        (e: unknown) => live && setError(e),
      );
    void run();
    const offSync = syncTick.subscribe(() => void run());
    const offOutbox = onOutboxChanged(() => void run());
    return () => {
      live = false;
      offSync();
      offOutbox();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error };
}
