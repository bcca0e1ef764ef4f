// The sync engine: drains the outbox in order, one item at a time, one drain at a time across
// tabs. Per item: PUT the report → PUT every photo and thumbnail not yet acknowledged → POST
// submit. Progress is written to IndexedDB after every step, so a reload resumes where it was.
// The per-status rules live in policy.ts; nothing here awaits a fetch inside a transaction.
import { CLIENT_TIME_HEADER, CONTENT_SHA256_HEADER } from '../../../shared/labels';
import type { Report } from '../../../shared/schemas/report';
import { newVerifyCode } from '../../../shared/verify-code';
import type { OutboxItem } from '../db/schema';
import { backoffDelay, decide, MAX_CHECKSUM_RETRIES, retryAfterMs, type Decision } from './policy';
import { getOutboxItem, getPhotoBytes, listOutbox, markSubmitted, patchOutboxItem, pruneSubmitted } from './store';
import { send, type SendResult } from './transport';

export interface EngineDeps {
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  /** Runs fn exclusively across tabs (waits for another tab's drain to finish first). */
  withLock: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  /** Runs fn after ms; returns a cancel function. */
  schedule: (ms: number, fn: () => void) => () => void;
  isOnline: () => boolean;
  /** The signed-in user: only their items are sent. null = nobody, nothing is sent. */
  userId: () => string | null;
  /** A 401 paused the queue: ask the user to sign in again. */
  onAuthLost: (message: string) => void;
  onRunning?: (running: boolean) => void;
  onSubmitted?: (report: Report | null, item: OutboxItem) => void;
}

export type DrainOutcome = 'done' | 'offline' | 'waiting' | 'auth' | 'busy' | 'no_user';

export const JSON_TIMEOUT_MS = 30_000;
export const PHOTO_TIMEOUT_MS = 120_000;

type StepResult = { kind: 'ok' } | { kind: 'fail'; decision: Decision; res: SendResult };

export interface OutboxEngine {
  /** force: ignore backoff (立即同步, back online, a new item). */
  drain(opts?: { force?: boolean }): Promise<DrainOutcome>;
  /** Cancels the pending retry timer (sign-out, tests). */
  stop(): void;
}

export function createOutboxEngine(deps: EngineDeps): OutboxEngine {
  let current: Promise<DrainOutcome> | null = null;
  let again: { force: boolean } | null = null;
  let cancelTimer: (() => void) | null = null;

  function scheduleRetry(at: number) {
    cancelTimer?.();
    cancelTimer = deps.schedule(Math.max(0, at - deps.now()), () => {
      cancelTimer = null;
      void drain();
    });
  }

  async function request(method: string, path: string, init: Parameters<typeof send>[3]): Promise<StepResult> {
    const res = await send(deps.fetch, method, path, init);
    if (res.ok) return { kind: 'ok' };
    return { kind: 'fail', decision: decide(res.status, res.code), res };
  }

  async function uploadPhoto(item: OutboxItem, photoId: string, which: 'full' | 'thumb', sha256: string): Promise<StepResult> {
    const bytes = await getPhotoBytes(photoId);
    if (!bytes) {
      const res: SendResult = { status: 0, ok: false, data: null, code: 'photo_lost', message: '照片数据在本机丢失，请删除该照片后重新拍摄', retryAfter: null };
      return { kind: 'fail', decision: 'fix', res };
    }
    const base = `/api/reports/${item.id}/photos/${photoId}`;
    return request('PUT', which === 'full' ? base : `${base}/thumb`, {
      body: which === 'full' ? bytes.full : bytes.thumb,
      headers: {
        'content-type': 'image/jpeg',
        [CONTENT_SHA256_HEADER]: sha256,
        [CLIENT_TIME_HEADER]: new Date(deps.now()).toISOString(),
      },
      timeoutMs: PHOTO_TIMEOUT_MS,
    });
  }

  /** Sends one item to the end; returns how it went. */
  async function sendItem(start: OutboxItem): Promise<'submitted' | Decision> {
    let item = (await patchOutboxItem(start.id, (i) => void (i.state = 'sending'))) ?? start;
    const fail = async (r: Extract<StepResult, { kind: 'fail' }>) => {
      await recordFailure(item.id, r);
      return r.decision;
    };

    for (let clash = 0; !item.reportSent; clash++) {
      const r = await request('PUT', `/api/reports/${item.id}`, {
        json: item.body,
        headers: { [CLIENT_TIME_HEADER]: new Date(deps.now()).toISOString() },
        timeoutMs: JSON_TIMEOUT_MS,
      });
      if (r.kind === 'fail' && r.res.status === 409 && r.res.code === 'verify_code_taken' && clash < 3) {
        // Another report already has this 核验码 (shared/verify-code.ts: about 1e-7 in ten years).
        // The server stored nothing; the report goes on with a new code. Its photos keep the old
        // one printed, which then verifies as 不一致 — never as somebody else's proof.
        const code = newVerifyCode();
        item = (await patchOutboxItem(item.id, (i) => void Object.assign(i, { verifyCode: code, body: { ...i.body, verifyCode: code } }))) ?? item;
        continue;
      }
      if (r.kind === 'fail') return fail(r);
      item = (await patchOutboxItem(item.id, (i) => void Object.assign(i, { reportSent: true, attempts: 0 }))) ?? item;
    }

    for (let round = 0; round < 2; round++) {
      for (const photo of item.photos) {
        if (!photo.sent) {
          const r = await uploadPhoto(item, photo.id, 'full', photo.sha256);
          if (r.kind === 'fail') return fail(r);
          // Every step the server confirms resets the backoff: progress is not a failure streak.
          item = (await patchOutboxItem(item.id, (i) => { i.attempts = 0; setPhoto(i, photo.id, { sent: true }); })) ?? item;
        }
        if (!photo.thumbSent) {
          const r = await uploadPhoto(item, photo.id, 'thumb', photo.thumbSha256);
          if (r.kind === 'fail') return fail(r);
          item = (await patchOutboxItem(item.id, (i) => { i.attempts = 0; setPhoto(i, photo.id, { thumbSent: true }); })) ?? item;
        }
      }

      const res = await send(deps.fetch, 'POST', `/api/reports/${item.id}/submit`, {
        headers: { [CLIENT_TIME_HEADER]: new Date(deps.now()).toISOString() },
        timeoutMs: JSON_TIMEOUT_MS,
      });
      if (res.ok) {
        const report = isReport(res.data) ? res.data : null;
        await markSubmitted(item.id, report, new Date(deps.now()).toISOString());
        deps.onSubmitted?.(report, item);
        return 'submitted';
      }
      if (res.status === 409 && res.code === 'missing_photos' && round === 0) {
        // The server lost or never stored some photos: send them again, then submit once more.
        const missing = missingIds(res.details);
        item =
          (await patchOutboxItem(item.id, (i) => {
            for (const p of i.photos) if (missing.has(p.id) && !p.remote) Object.assign(p, { sent: false, thumbSent: false });
          })) ?? item;
        continue;
      }
      const decision = res.status === 409 && res.code === 'missing_photos' ? 'retry' : decide(res.status, res.code);
      return fail({ kind: 'fail', decision, res });
    }
    return 'retry';
  }

  async function recordFailure(id: string, r: Extract<StepResult, { kind: 'fail' }>): Promise<void> {
    const now = deps.now();
    const error = { status: r.res.status, code: r.res.code, message: r.res.message, at: new Date(now).toISOString() };
    await patchOutboxItem(id, (i) => {
      i.lastError = error;
      if (r.decision === 'fix') {
        i.state = 'needs_action';
      } else if (r.decision === 'auth') {
        i.state = 'queued';
        i.lastError = { ...error, message: '登录已失效，请重新登录后继续上传' };
      } else if (r.res.code === 'checksum_mismatch' && i.attempts + 1 >= MAX_CHECKSUM_RETRIES) {
        i.state = 'needs_action';
        i.lastError = { ...error, message: '照片多次上传校验失败，可能已在本机损坏，请删除后重新拍摄' };
      } else {
        i.state = 'queued';
        i.attempts += 1;
        const wait = Math.max(backoffDelay(i.attempts, deps.random), retryAfterMs(r.res.retryAfter, now) ?? 0);
        i.nextAttemptAt = now + wait;
      }
    });
  }

  async function drainOnce(force: boolean): Promise<DrainOutcome> {
    const userId = deps.userId();
    if (!userId) return 'no_user';
    // Read the queue afresh before every item: another tab or the form may have added one.
    for (;;) {
      if (!deps.isOnline()) return 'offline';
      const next = (await listOutbox()).find((i) => i.userId === userId && (i.state === 'queued' || i.state === 'sending'));
      if (!next) break;
      if (!force && next.nextAttemptAt > deps.now()) {
        // In order: a later item does not overtake one that is waiting out its backoff.
        scheduleRetry(next.nextAttemptAt);
        return 'waiting';
      }
      const outcome = await sendItem(next);
      if (outcome === 'auth') {
        deps.onAuthLost('登录已失效，请重新登录；待上传的报告已保留，登录后继续上传');
        return 'auth';
      }
      if (outcome === 'retry') {
        const after = await getOutboxItem(next.id);
        if (after) scheduleRetry(after.nextAttemptAt);
        return 'waiting';
      }
      // 'submitted', or 'fix' (now 需处理): go on with the next item.
    }
    await pruneSubmitted(deps.now());
    return 'done';
  }

  async function drain(opts: { force?: boolean } = {}): Promise<DrainOutcome> {
    if (current) {
      // Already draining in this tab: run once more afterwards (a new item may have been queued).
      again = { force: (again?.force ?? false) || !!opts.force };
      return current;
    }
    cancelTimer?.();
    cancelTimer = null;
    deps.onRunning?.(true);
    current = (async () => {
      let force = !!opts.force;
      let outcome: DrainOutcome = 'busy';
      for (;;) {
        again = null;
        outcome = (await deps.withLock(() => drainOnce(force))) ?? 'busy';
        if (!again || outcome === 'auth' || outcome === 'offline' || outcome === 'no_user') break;
        force = (again as { force: boolean }).force;
      }
      return outcome;
    })();
    try {
      return await current;
    } finally {
      current = null;
      deps.onRunning?.(false);
    }
  }

  return {
    drain,
    stop() {
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}

function setPhoto(item: OutboxItem, photoId: string, change: { sent?: boolean; thumbSent?: boolean }): void {
  const p = item.photos.find((x) => x.id === photoId);
  if (p) Object.assign(p, change);
}

function missingIds(details: unknown): Set<string> {
  const list = (details as { missing?: unknown } | undefined)?.missing;
  const ids = new Set<string>();
  if (Array.isArray(list)) {
    for (const m of list) {
      if (typeof m === 'string') ids.add(m);
      else if (m && typeof m === 'object' && typeof (m as { id?: unknown }).id === 'string') ids.add((m as { id: string }).id);
      else if (m && typeof m === 'object' && typeof (m as { photoId?: unknown }).photoId === 'string') ids.add((m as { photoId: string }).photoId);
    }
  }
  return ids;
}

function isReport(data: unknown): data is Report {
  return !!data && typeof data === 'object' && typeof (data as Report).id === 'string' && typeof (data as Report).state === 'string';
}
