// Wires the sync engine to the page: app start, `online`, becoming visible, Background Sync
// (the service worker posts {type:'SYNC_OUTBOX'}), the 立即同步 button, every new item — and,
// because no single event is reliable (wakeup.ts), a timer with backoff while the phone seems
// offline and any answer the app gets from the server.
// Loaded lazily after sign-in, so it stays out of the first bundle.
import { sessionStore } from '../state/session';
import { refreshFromServer } from '../sync/pull';
import { createOutboxEngine, type DrainOutcome, type OutboxEngine } from './engine';
import { queueDraft, type ReportContext } from './drafts';
import { listOutbox } from './store';
import { persistRecord, requestPersistence } from './storage';
import { outboxItemsStore, refreshOutboxItems, watchOutboxItems } from './live';
import { setSummary, summarize } from './signal';
import { createWakeUp, type WakeUp } from './wakeup';
import { onServerAnswered } from '../lib/net';
import type { DraftRecord, OutboxItem } from '../db/schema';

let engine: OutboxEngine | null = null;
let wake: WakeUp | null = null;
const submittedListeners = new Set<() => void>();
let lastPullAt = 0;
const PULL_ON_VISIBLE_AFTER_MS = 2 * 60_000;

function currentUserId(): string | null {
  const s = sessionStore.get();
  return s.status === 'signed_in' ? s.me.id : null;
}

async function withLock<T>(fn: () => Promise<T>): Promise<T | undefined> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return fn();
  return locks.request('duban-outbox', () => fn()) as Promise<T>;
}

/** The badge follows the shared read of the outbox (live.ts); a new user re-reads it. */
function refreshSummary(): Promise<void> {
  return refreshOutboxItems();
}

function schedule(ms: number, fn: () => void): () => void {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
}

/** The head of this user's queue waits after a failure that had no HTTP answer. */
async function waitingOnNetwork(): Promise<boolean> {
  const userId = currentUserId();
  const head = (await listOutbox()).find((i) => i.userId === userId && (i.state === 'queued' || i.state === 'sending'));
  return !!head && head.lastError?.status === 0;
}

/** Starts the engine once; later calls just drain. */
export function startOutbox(): WakeUp {
  if (wake) {
    void wake.run(true);
    return wake;
  }
  engine = createOutboxEngine({
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: Math.random,
    withLock,
    schedule,
    isOnline: () => navigator.onLine !== false,
    userId: currentUserId,
    onAuthLost(message) {
      setSummary({ authPaused: true });
      sessionStore.set({ status: 'signed_out', reason: message });
    },
    onRunning: (running) => setSummary({ running }),
    onSubmitted: () => {
      for (const fn of submittedListeners) fn();
    },
  });
  const e = engine;
  const w = createWakeUp({ drain: (force) => e.drain({ force }), schedule, now: () => Date.now(), random: Math.random, waitingOnNetwork });
  wake = w;
  window.addEventListener('online', () => void w.run(true));
  // Coming back to the app (and a page restored from the back-forward cache) is a good moment.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void w.run(false);
  });
  window.addEventListener('pageshow', (ev) => {
    if (ev.persisted) void w.run(false);
  });
  onServerAnswered(() => w.networkOk());
  navigator.serviceWorker?.addEventListener('message', (ev: MessageEvent) => {
    if ((ev.data as { type?: string } | null)?.type === 'SYNC_OUTBOX') void w.run(true);
  });
  sessionStore.subscribe((s) => {
    if (s.status === 'signed_in') {
      setSummary({ authPaused: false });
      void refreshSummary();
      void w.run(true);
    } else {
      e.stop();
      w.stop();
    }
  });
  outboxItemsStore.subscribe((items) => {
    if (items) setSummary(summarize(items, currentUserId()));
  });
  // The 待上传 screen may have started the shared reads before this chunk loaded: read now too.
  watchOutboxItems();
  void refreshSummary();
  void w.run(true);
  return w;
}

/** 立即同步. */
export function syncNow(): Promise<DrainOutcome> {
  return startOutbox().run(true);
}

/** Called after each report the server accepted (e.g. to pull fresh data). */
export function onReportSubmitted(fn: () => void): () => void {
  submittedListeners.add(fn);
  return () => submittedListeners.delete(fn);
}

/** Asks for a Background Sync wake-up where it exists (Chromium); elsewhere the triggers above do. */
async function registerBackgroundSync(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    const sync = (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    await sync?.register('outbox');
  } catch {
    // Not supported or not allowed: app start, `online` and visibility still drain the queue.
  }
}

/** 提交: queue the draft, ask for Background Sync, try at once. */
export async function submitDraft(draft: DraftRecord, ctx: ReportContext): Promise<OutboxItem> {
  const item = await queueDraft(draft, ctx, new Date().toISOString());
  void registerBackgroundSync();
  void startOutbox().run(true);
  return item;
}

/** Pulls the user's tasks and reports; a 401 sends the user to sign in (nothing is lost). */
export async function pullNow(): Promise<void> {
  if (!currentUserId() || navigator.onLine === false) return;
  lastPullAt = Date.now();
  const status = await refreshFromServer();
  if (status.failedStatus === 401) {
    sessionStore.set({ status: 'signed_out', reason: '登录已失效，请重新登录；待上传的报告已保留，登录后继续上传' });
  }
}

let started = false;

/** Everything the field app keeps in sync, started after sign-in (idempotent). */
export function startFieldSync(): void {
  startOutbox();
  void pullNow();
  if (started) return;
  started = true;
  void requestPersistenceOnce();
  window.addEventListener('online', () => void pullNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - lastPullAt > PULL_ON_VISIBLE_AFTER_MS) void pullNow();
  });
  // One pull after a run of uploads, not one per report.
  let pullTimer: ReturnType<typeof setTimeout> | null = null;
  onReportSubmitted(() => {
    if (pullTimer) clearTimeout(pullTimer);
    pullTimer = setTimeout(() => void pullNow(), 1500);
  });
}

async function requestPersistenceOnce(): Promise<void> {
  if (!(await persistRecord())?.granted) await requestPersistence();
}
