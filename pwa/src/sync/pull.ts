// Pulls what changed for this user (GET /api/sync?since=cursor) into IndexedDB, page by page.
// Each page is applied in one transaction after its fetch has finished (never a fetch inside a
// transaction). The cursor lives in the meta store.
import type { SyncResponse } from '../../../shared/schemas/sync';
import { api } from '../api/client';
import { getMeta, setMetaIn } from '../db/meta';
import { CACHE_STORES, openDubanDB } from '../db/schema';
import { createStore } from '../lib/store';
import { getJson } from './http';

export const CURSOR_KEY = 'syncCursor';
export const SYNCED_AT_KEY = 'syncedAt';

/** Bumped after every applied page, so screens re-read their data. */
export const syncTick = createStore(0);

export async function applySyncPage(page: SyncResponse, syncedAt: string): Promise<void> {
  const db = await openDubanDB();
  // A page with nothing new (every start of a returning phone) writes only the cursor: a
  // readwrite transaction over the cached stores would hold back the screen reading them.
  if (!pageChanges(page)) {
    const tx = db.transaction('meta', 'readwrite');
    await setMetaIn(tx.store, CURSOR_KEY, page.cursor);
    await setMetaIn(tx.store, SYNCED_AT_KEY, syncedAt);
    await tx.done;
    return;
  }
  const tx = db.transaction(['meta', ...CACHE_STORES], 'readwrite');
  const plans = tx.objectStore('plans');
  const items = tx.objectStore('items');
  const reports = tx.objectStore('reports');
  const instructions = tx.objectStore('instructions');

  if (page.reset) await Promise.all(CACHE_STORES.map((s) => tx.objectStore(s).clear()));

  const dropItem = async (itemId: string, keepItem: boolean) => {
    if (!keepItem) await items.delete(itemId);
    for (const key of await reports.index('byTask').getAllKeys(itemId)) await reports.delete(key);
    for (const key of await instructions.index('byItem').getAllKeys(itemId)) await instructions.delete(key);
  };

  for (const planId of page.removed.plans) {
    await plans.delete(planId);
    for (const itemId of await items.index('byPlan').getAllKeys(planId)) await dropItem(itemId, false);
  }
  for (const itemId of page.removed.items) await dropItem(itemId, false);
  for (const p of page.plans) await plans.put(p);
  for (const it of page.items) {
    await items.put(it);
    // The unit no longer carries this task: its reports and instructions go too.
    if (it.access === 'title') await dropItem(it.id, true);
  }
  for (const r of page.reports) await reports.put(r);
  for (const n of page.instructions) await instructions.put(n);
  for (const id of page.removed.reports) await reports.delete(id);
  for (const id of page.removed.instructions) await instructions.delete(id);

  const meta = tx.objectStore('meta');
  await setMetaIn(meta, CURSOR_KEY, page.cursor);
  await setMetaIn(meta, SYNCED_AT_KEY, syncedAt);
  await tx.done;
}

/** Whether applying the page changed anything the screens show. */
export function pageChanges(page: SyncResponse): boolean {
  const r = page.removed;
  return !!page.reset || page.plans.length + page.items.length + page.reports.length + page.instructions.length > 0 || r.plans.length + r.items.length + r.reports.length + r.instructions.length > 0;
}

let running: Promise<void> | null = null;

/** Fetches and applies pages until the server says there is no more. One pull at a time. */
export function pullSync(fetchPage: (since: string | undefined) => Promise<SyncResponse> = fetchSyncPage): Promise<void> {
  running ??= (async () => {
    try {
      let since = await getMeta(CURSOR_KEY);
      for (let n = 0; n < 200; n++) {
        const page = await fetchPage(since);
        await applySyncPage(page, new Date().toISOString());
        // Screens re-read (and re-render) only when the page brought something: the usual
        // incremental pull at app start brings nothing and must not cost a second render.
        if (pageChanges(page)) syncTick.set(syncTick.get() + 1);
        since = page.cursor;
        if (!page.hasMore) break;
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

export function fetchSyncPage(since: string | undefined): Promise<SyncResponse> {
  return getJson((o) => api.api.sync.$get({ query: since ? { since } : {} }, o));
}

export async function lastSyncedAt(): Promise<string | null> {
  return (await getMeta(SYNCED_AT_KEY)) ?? null;
}

export interface PullStatus {
  pulling: boolean;
  /** Status of the last failed pull (0 = network), null after a success. */
  failedStatus: number | null;
  message: string | null;
}

export const pullStatusStore = createStore<PullStatus>({ pulling: false, failedStatus: null, message: null });

/** pullSync for the UI: never throws, records how it went in pullStatusStore. */
export async function refreshFromServer(): Promise<PullStatus> {
  pullStatusStore.set({ ...pullStatusStore.get(), pulling: true });
  let next: PullStatus;
  try {
    await pullSync();
    next = { pulling: false, failedStatus: null, message: null };
  } catch (e) {
    const f = e as { status?: number; message?: string };
    next = { pulling: false, failedStatus: f.status ?? 0, message: f.message ?? String(e) };
  }
  pullStatusStore.set(next);
  return next;
}
