// Shared set-up for the outbox tests: a fresh fake IndexedDB per test, drafts with photo bytes,
// and a scripted fake server that records every request the engine makes.
import { IDBFactory } from 'fake-indexeddb';
import { closeDubanDB, type DraftRecord } from '../../pwa/src/db/schema';
import { addPhoto, newDraft, queueDraft } from '../../pwa/src/outbox/drafts';
import { createOutboxEngine, type EngineDeps } from '../../pwa/src/outbox/engine';

export const USER = '11111111-1111-4111-8111-111111111111';
export const NOW = Date.parse('2024-03-20T02:00:00.000Z');

export async function freshDb(): Promise<void> {
  await closeDubanDB();
  globalThis.indexedDB = new IDBFactory();
}

let taskCounter = 0;
export function taskId(): string {
  taskCounter++;
  return `00000000-0000-4000-8000-${String(taskCounter).padStart(12, '0')}`;
}

/** Queues a report with `photos` photos (bytes "full-<n>" / "thumb-<n>"). */
export async function queueReport(photos: number, opts: { userId?: string; progress?: string } = {}) {
  const tid = taskId();
  let draft: DraftRecord = newDraft(opts.userId ?? USER, tid, new Date(NOW).toISOString());
  draft.fields.progress = opts.progress ?? `进展 ${tid.slice(-3)}`;
  for (let n = 0; n < photos; n++) {
    const id = crypto.randomUUID();
    draft = await addPhoto(
      draft,
      { id, takenAt: new Date(NOW).toISOString(), width: 1600, height: 1200, size: 6, thumbSize: 7, sha256: `sha-${id}`, thumbSha256: `tsha-${id}` },
      new TextEncoder().encode(`full-${n}`).buffer as ArrayBuffer,
      new TextEncoder().encode(`thumb-${n}`).buffer as ArrayBuffer,
    );
  }
  return queueDraft(draft, { unitId: null, period: '2024-03', title: { number: '1', text: '任务', unitName: '发改委' } }, new Date(NOW).toISOString());
}

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'network';

/**
 * A fake server: `script(call, n)` may return a reply to override the default (200 with a
 * minimal body; submit answers a Report-like object). n counts calls with the same method+path.
 */
export function fakeServer(script: (call: Call, n: number) => Reply | undefined = () => undefined) {
  const calls: Call[] = [];
  const counts = new Map<string, number>();
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init?.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    let body: string | null = null;
    if (typeof init?.body === 'string') body = init.body;
    else if (init?.body instanceof ArrayBuffer) body = new TextDecoder().decode(init.body);
    const call = { method, path, headers, body };
    calls.push(call);
    const key = `${method} ${path}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const reply = script(call, n);
    if (reply === 'network') throw new TypeError('Failed to fetch');
    if (reply) {
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json', ...reply.headers },
      });
    }
    if (method === 'POST' && path.endsWith('/submit')) {
      const id = path.split('/')[3]!;
      return Response.json({ id, taskId: 'x', state: 'submitted', photos: [], reviews: [] });
    }
    return Response.json({ ok: true });
  };
  return { calls, fetch: fetchImpl, paths: () => calls.map((c) => `${c.method} ${c.path}`) };
}

export function engineWith(fetchImpl: typeof fetch, over: Partial<EngineDeps> = {}) {
  const timers: Array<{ ms: number; fn: () => void }> = [];
  const authLost: string[] = [];
  let now = NOW;
  const engine = createOutboxEngine({
    fetch: fetchImpl,
    now: () => now,
    random: () => 0.5,
    withLock: (fn) => fn(),
    schedule: (ms, fn) => {
      const t = { ms, fn };
      timers.push(t);
      return () => {
        const i = timers.indexOf(t);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    isOnline: () => true,
    userId: () => USER,
    onAuthLost: (m) => authLost.push(m),
    ...over,
  });
  return {
    engine,
    timers,
    authLost,
    advance(ms: number) {
      now += ms;
    },
  };
}
