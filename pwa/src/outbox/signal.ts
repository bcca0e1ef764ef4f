// Tells every open screen (and every other tab, through a BroadcastChannel) that the outbox
// changed, and holds the small summary the tab badge and the status bar show.
import type { OutboxItem } from '../db/schema';
import { createStore } from '../lib/store';

export interface OutboxSummary {
  /** Items not yet acknowledged by the server's final submit (the badge). */
  unsent: number;
  needsAction: number;
  /** An upload is running in this tab. */
  running: boolean;
  /** 401: the queue waits for the user to sign in again. */
  authPaused: boolean;
}

export const outboxSummaryStore = createStore<OutboxSummary>({ unsent: 0, needsAction: 0, running: false, authPaused: false });

export function summarize(items: OutboxItem[], userId: string | null): Pick<OutboxSummary, 'unsent' | 'needsAction'> {
  const mine = items.filter((i) => i.state !== 'submitted' && (userId === null || i.userId === userId));
  return { unsent: mine.length, needsAction: mine.filter((i) => i.state === 'needs_action').length };
}

export function setSummary(part: Partial<OutboxSummary>): void {
  const cur = outboxSummaryStore.get();
  const next = { ...cur, ...part };
  if ((Object.keys(next) as Array<keyof OutboxSummary>).some((k) => next[k] !== cur[k])) outboxSummaryStore.set(next);
}

const listeners = new Set<() => void>();
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('duban-outbox');
// Node (unit tests) would keep the process alive for an open channel.
(channel as { unref?: () => void } | null)?.unref?.();
channel?.addEventListener('message', () => {
  for (const fn of listeners) fn();
});

export function notifyOutboxChanged(): void {
  for (const fn of listeners) fn();
  channel?.postMessage('changed');
}

/**
 * A draining queue writes progress many times a second; screens re-read and re-render at most
 * this often (4 a second), so what they show stays well under half a second behind.
 */
const COALESCE_MS = 250;

/** Calls fn (at most every COALESCE_MS) whenever the outbox changes here or in another tab. */
export function onOutboxChanged(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const debounced = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, COALESCE_MS);
  };
  listeners.add(debounced);
  return () => {
    listeners.delete(debounced);
    if (timer) clearTimeout(timer);
  };
}
