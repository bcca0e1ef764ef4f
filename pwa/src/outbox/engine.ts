// The sync engine: drains the outbox in order, one item at a time, one drain at a time across
// tabs. Per item: PUT the report → PUT every photo and thumbnail not yet acknowledged (a few in
// parallel) → POST submit. Progress is written to IndexedDB after every step (behind the requests,
// progress.ts), so a reload resumes where it was. The item's photo bytes are read once, in one
// transaction, while its report is on the way. The per-status rules live in policy.ts; nothing
// here awaits a fetch inside a transaction.
import { CLIENT_TIME_HEADER, CONTENT_SHA256_HEADER } from '../../../shared/labels';
import type { Report } from '../../../shared/schemas/report';
import { newVerifyCode } from '../../../shared/verify-code';
import type { OutboxItem, PhotoBlobRecord } from '../db/schema';
import { backoffDelay, decide, MAX_CHECKSUM_RETRIES, retryAfterMs, type Decision } from './policy';
import { progressWriter, type ItemChange, type ProgressWriter } from './progress';
import { getOutboxItem, getPhotoRecords, patchOutboxItem, markSubmitted, nextToSend, pruneSubmitted } from './store';
import { outboxPaths, send, type SendResult } from './transport';

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
  /** Photo uploads in flight at once per report (default PHOTO_CONCURRENCY). */
  photoConcurrency?: number;
}

export type DrainOutcome = 'done' | 'offline' | 'waiting' | 'auth' | 'busy' | 'no_user';

export const JSON_TIMEOUT_MS = 30_000;
export const PHOTO_TIMEOUT_MS = 120_000;
/**
 * Photo PUTs in flight at once for one report. Three keep a slow uplink busy while one request
 * waits on the server, and stay well under a browser's six connections per host on HTTP/1.1.
 */
export const PHOTO_CONCURRENCY = 3;
/** When parallel uploads fail differently, the item follows the most serious answer. */
const SEVERITY: Record<Decision, number> = { retry: 0, fix: 1, auth: 2 };

type StepResult = { kind: 'ok' } | { kind: 'fail'; decision: Decision; res: SendResult };

/** One item on its way: the in-memory copy, its progress writer, its photo bytes as read. */
interface Sending {
  item: OutboxItem;
  progress: ProgressWriter;
  bytes: Map<string, Promise<PhotoBlobRecord | undefined>>;
}

/** Applies a change to the in-memory copy and queues it for IndexedDB. */
function update(s: Sending, change: ItemChange): void {
  change(s.item);
  s.progress.push(change);
}

/** The photos' bytes, read in one transaction (ids not read yet are read now). */
function readBytes(s: Sending, ids: string[]): void {
  const missing = ids.filter((id) => !s.bytes.has(id));
  if (!missing.length) return;
  for (const [id, read] of getPhotoRecords(missing)) {
    // A read that fails surfaces where the upload awaits it, not as an unhandled rejection.
    read.catch(() => undefined);
    s.bytes.set(id, read);
  }
}

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

  async function uploadPhoto(s: Sending, photoId: string, which: 'full' | 'thumb', sha256: string): Promise<StepResult> {
    const bytes = await s.bytes.get(photoId);
    if (!bytes) {
      const res: SendResult = { status: 0, ok: false, data: null, code: 'photo_lost', message: '照片数据在本机丢失，请删除该照片后重新拍摄', retryAfter: null };
      return { kind: 'fail', decision: 'fix', res };
    }
    return request('PUT', outboxPaths.photo(s.item.id, photoId, which), {
      body: which === 'full' ? bytes.full : bytes.thumb,
      headers: {
        'content-type': 'image/jpeg',
        [CONTENT_SHA256_HEADER]: sha256,
        [CLIENT_TIME_HEADER]: new Date(deps.now()).toISOString(),
      },
      timeoutMs: PHOTO_TIMEOUT_MS,
    });
  }

  /**
   * Sends every photo and thumbnail of the item not yet acknowledged, up to `photoConcurrency` at
   * a time (the PUTs are idempotent and independent; the submit waits for all of them). Each
   * acknowledgement is queued for writing at once, so a reload resumes with what is left. After
   * the first failure nothing new starts; the uploads already under way finish and are recorded.
   */
  async function uploadPhotos(s: Sending): Promise<StepResult> {
    const pending: Array<{ photoId: string; which: 'full' | 'thumb'; sha256: string }> = [];
    for (const p of s.item.photos) {
      if (!p.sent) pending.push({ photoId: p.id, which: 'full', sha256: p.sha256 });
      if (!p.thumbSent) pending.push({ photoId: p.id, which: 'thumb', sha256: p.thumbSha256 });
    }
    // Usually read already (while the report was on the way); the lanes start together.
    const ids = [...new Set(pending.map((u) => u.photoId))];
    readBytes(s, ids);
    await Promise.all(ids.map((id) => s.bytes.get(id)));
    const failures: Array<Extract<StepResult, { kind: 'fail' }>> = [];
    const worker = async () => {
      for (let next = pending.shift(); next && !failures.length; next = pending.shift()) {
        const r = await uploadPhoto(s, next.photoId, next.which, next.sha256);
        if (r.kind === 'fail') {
          failures.push(r);
          continue;
        }
        const change = next.which === 'full' ? { sent: true } : { thumbSent: true };
        // Every step the server confirms resets the backoff: progress is not a failure streak.
        update(s, (i) => { i.attempts = 0; setPhoto(i, next.photoId, change); });
      }
    };
    const lanes = Math.max(1, Math.min(deps.photoConcurrency ?? PHOTO_CONCURRENCY, pending.length));
    await Promise.all(Array.from({ length: lanes }, worker));
    return failures.reduce<StepResult>((worst, r) => (worst.kind === 'ok' || SEVERITY[r.decision] > SEVERITY[worst.decision] ? r : worst), { kind: 'ok' });
  }

  /** Sends one item to the end; returns how it went. */
  async function sendItem(start: OutboxItem): Promise<'submitted' | Decision> {
    const s: Sending = { item: start, progress: progressWriter(start.id), bytes: new Map() };
    update(s, (i) => void (i.state = 'sending'));
    // Read the photos' bytes while the report is on the way.
    readBytes(s, s.item.photos.filter((p) => !p.sent || !p.thumbSent).map((p) => p.id));
    const fail = async (r: Extract<StepResult, { kind: 'fail' }>) => {
      await s.progress.flush();
      await recordFailure(s.item.id, r);
      return r.decision;
    };

    for (let clash = 0; !s.item.reportSent; clash++) {
      const r = await request('PUT', outboxPaths.report(s.item.id), {
        json: s.item.body,
        headers: { [CLIENT_TIME_HEADER]: new Date(deps.now()).toISOString() },
        timeoutMs: JSON_TIMEOUT_MS,
      });
      if (r.kind === 'fail' && r.res.status === 409 && r.res.code === 'verify_code_taken' && clash < 3) {
        // Another report already has this 核验码 (shared/verify-code.ts: about 1e-7 in ten years).
        // The server stored nothing; the report goes on with a new code. Its photos keep the old
        // one printed, which then verifies as 不一致 — never as somebody else's proof.
        const code = newVerifyCode();
        update(s, (i) => void Object.assign(i, { verifyCode: code, body: { ...i.body, verifyCode: code } }));
        await s.progress.flush();
        continue;
      }
      if (r.kind === 'fail') return fail(r);
      update(s, (i) => void Object.assign(i, { reportSent: true, attempts: 0 }));
    }

    for (let round = 0; round < 2; round++) {
      const r = await uploadPhotos(s);
      if (r.kind === 'fail') return fail(r);

      // The acknowledgements still being written land while the submit is on the way.
      const [res] = await Promise.all([
        send(deps.fetch, 'POST', outboxPaths.submit(s.item.id), {
          headers: { [CLIENT_TIME_HEADER]: new Date(deps.now()).toISOString() },
          timeoutMs: JSON_TIMEOUT_MS,
        }),
        s.progress.flush(),
      ]);
      if (res.ok) {
        const report = isReport(res.data) ? res.data : null;
        await markSubmitted(s.item.id, report, new Date(deps.now()).toISOString());
        deps.onSubmitted?.(report, s.item);
        return 'submitted';
      }
      if (res.status === 409 && res.code === 'missing_photos' && round === 0) {
        // The server lost or never stored some photos: send them again, then submit once more.
        const missing = missingIds(res.details);
        update(s, (i) => {
          for (const p of i.photos) if (missing.has(p.id) && !p.remote) Object.assign(p, { sent: false, thumbSent: false });
        });
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
    // Read the queue afresh before every item: another tab or the form may have added one. Each
    // walk starts after the item just handled (an item put back in its old place meanwhile is
    // sent by the drain its queueing asks for, which starts at the head).
    for (let afterSeq: number | undefined; ; ) {
      if (!deps.isOnline()) return 'offline';
      const next = await nextToSend(userId, afterSeq);
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
      afterSeq = next.seq;
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
