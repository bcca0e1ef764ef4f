// The outbox and its sync engine (docs/SYNC.md): order, per-status decisions, backoff, resume after
// a reload, missing photos, and that nothing leaves before the server acknowledged the submit.
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDubanDB, openDubanDB } from '../../pwa/src/db/schema';
import { backoffDelay, BACKOFF_CAP_MS, decide, retryAfterMs } from '../../pwa/src/outbox/policy';
import { getOutboxItem, listOutbox } from '../../pwa/src/outbox/store';
import { engineWith, fakeServer, freshDb, NOW, queueReport } from './outbox-fixture';

beforeEach(freshDb);

describe('per-status decisions', () => {
  it('retries network failures, 5xx, 408 and 429; pauses on 401; keeps other 4xx for the user', () => {
    expect(decide(0)).toBe('retry');
    expect(decide(500)).toBe('retry');
    expect(decide(503)).toBe('retry');
    expect(decide(408)).toBe('retry');
    expect(decide(429)).toBe('retry');
    expect(decide(401)).toBe('auth');
    expect(decide(403, 'password_change_required')).toBe('auth');
    expect(decide(403, 'forbidden')).toBe('fix');
    expect(decide(400, 'validation')).toBe('fix');
    expect(decide(404)).toBe('fix');
    expect(decide(409, 'conflict')).toBe('fix');
    expect(decide(413)).toBe('fix');
    // A cut-off upload stored nothing on the server: send it again.
    expect(decide(400, 'checksum_mismatch')).toBe('retry');
  });

  it('backs off exponentially with jitter, never at once and never beyond the cap', () => {
    const lo = (n: number) => backoffDelay(n, () => 0);
    const hi = (n: number) => backoffDelay(n, () => 0.999999);
    expect(lo(1)).toBe(1000);
    expect(hi(1)).toBe(2000);
    expect(lo(2)).toBe(2000);
    expect(lo(3)).toBe(4000);
    for (let n = 1; n < 40; n++) {
      expect(lo(n)).toBeGreaterThan(0);
      expect(hi(n)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      expect(lo(n + 1)).toBeGreaterThanOrEqual(lo(n));
    }
    // Jitter spreads phones that come back online together.
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('7', 0)).toBe(7000);
    expect(retryAfterMs(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('draining the outbox', () => {
  it('sends items in queue order: report, each photo and thumbnail, then submit', async () => {
    const a = await queueReport(2);
    const b = await queueReport(0);
    const c = await queueReport(1);
    const server = fakeServer();
    const { engine } = engineWith(server.fetch);
    expect(await engine.drain()).toBe('done');
    const [pa1, pa2] = a.photos.map((p) => p.id);
    expect(server.paths()).toEqual([
      `PUT /api/reports/${a.id}`,
      `PUT /api/reports/${a.id}/photos/${pa1}`,
      `PUT /api/reports/${a.id}/photos/${pa1}/thumb`,
      `PUT /api/reports/${a.id}/photos/${pa2}`,
      `PUT /api/reports/${a.id}/photos/${pa2}/thumb`,
      `POST /api/reports/${a.id}/submit`,
      `PUT /api/reports/${b.id}`,
      `POST /api/reports/${b.id}/submit`,
      `PUT /api/reports/${c.id}`,
      `PUT /api/reports/${c.id}/photos/${c.photos[0]!.id}`,
      `PUT /api/reports/${c.id}/photos/${c.photos[0]!.id}/thumb`,
      `POST /api/reports/${c.id}/submit`,
    ]);
    const photoCall = server.calls[1]!;
    expect(photoCall.headers['content-type']).toBe('image/jpeg');
    expect(photoCall.headers['x-content-sha256']).toBe(`sha-${pa1}`);
    expect(photoCall.headers['x-client-time']).toBe(new Date(NOW).toISOString());
    // The phone's clock goes with the report and the submit too, so a text-only report from a
    // phone with a wrong clock is flagged as well.
    expect(server.calls[0]!.headers['x-client-time']).toBe(new Date(NOW).toISOString());
    expect(server.calls[5]!.headers['x-client-time']).toBe(new Date(NOW).toISOString());
    expect(photoCall.body).toBe('full-0');
    expect(server.calls[2]!.body).toBe('thumb-0');
    expect(JSON.parse(server.calls[0]!.body!)).toMatchObject({ taskId: a.taskId, period: '2024-03', photos: [{ id: pa1 }, { id: pa2 }] });

    // Submitted items stay as short 已提交 records; their photo bytes are gone.
    const items = await listOutbox();
    expect(items.map((i) => i.state)).toEqual(['submitted', 'submitted', 'submitted']);
    const db = await openDubanDB();
    expect(await db.count('photoBlobs')).toBe(0);
    expect(await db.get('reports', a.id)).toMatchObject({ id: a.id, state: 'submitted' });
  });

  it('retries a 5xx later with backoff, keeps order, and never sends a photo twice once acknowledged', async () => {
    const a = await queueReport(3);
    const b = await queueReport(0);
    const second = a.photos[1]!.id;
    const server = fakeServer((call, n) => (call.path.endsWith(`/photos/${second}`) && n <= 2 ? { status: 500, body: { error: { code: 'internal', message: '服务器内部错误' } } } : undefined));
    // One upload at a time, so the streak of failures is not interrupted by a parallel success
    // (parallel uploads have their own tests below).
    const { engine, timers, advance } = engineWith(server.fetch, { photoConcurrency: 1 });

    expect(await engine.drain()).toBe('waiting');
    let item = (await getOutboxItem(a.id))!;
    expect(item.state).toBe('queued');
    expect(item.attempts).toBe(1);
    expect(item.lastError).toMatchObject({ status: 500, message: '服务器内部错误' });
    expect(item.nextAttemptAt).toBe(NOW + backoffDelay(1, () => 0.5));
    expect(item.photos.map((p) => [p.sent, p.thumbSent])).toEqual([[true, true], [false, false], [false, false]]);
    expect(timers).toHaveLength(1);
    // b did not overtake a.
    expect(server.paths().some((p) => p.includes(b.id))).toBe(false);

    // Before the backoff is over an automatic drain waits; the timer fires later.
    expect(await engine.drain()).toBe('waiting');
    advance(timers[0]!.ms);
    expect(await engine.drain()).toBe('waiting');
    item = (await getOutboxItem(a.id))!;
    expect(item.attempts).toBe(2);
    expect(item.nextAttemptAt - (NOW + backoffDelay(1, () => 0.5))).toBe(backoffDelay(2, () => 0.5));

    advance(60_000);
    expect(await engine.drain()).toBe('done');
    expect((await getOutboxItem(a.id))!.state).toBe('submitted');
    expect((await getOutboxItem(b.id))!.state).toBe('submitted');
    const paths = server.paths();
    expect(paths.filter((p) => p === `PUT /api/reports/${a.id}`)).toHaveLength(1);
    expect(paths.filter((p) => p === `PUT /api/reports/${a.id}/photos/${a.photos[0]!.id}`)).toHaveLength(1);
    expect(paths.filter((p) => p === `PUT /api/reports/${a.id}/photos/${second}`)).toHaveLength(3);
    expect(paths.filter((p) => p.endsWith('/submit'))).toEqual([`POST /api/reports/${a.id}/submit`, `POST /api/reports/${b.id}/submit`]);
  });

  it('treats a network failure as "try later" and honours Retry-After on 429', async () => {
    const a = await queueReport(1);
    let mode: 'network' | '429' | 'ok' = 'network';
    const server = fakeServer(() => (mode === 'network' ? 'network' : mode === '429' ? { status: 429, body: { error: { code: 'rate_limited', message: '请求过于频繁' } }, headers: { 'retry-after': '120' } } : undefined));
    const { engine } = engineWith(server.fetch);
    expect(await engine.drain()).toBe('waiting');
    expect((await getOutboxItem(a.id))!.lastError).toMatchObject({ status: 0, code: 'network' });
    mode = '429';
    expect(await engine.drain({ force: true })).toBe('waiting');
    const item = (await getOutboxItem(a.id))!;
    expect(item.nextAttemptAt).toBe(NOW + 120_000);
    expect(item.state).toBe('queued');
    mode = 'ok';
    expect(await engine.drain({ force: true })).toBe('done');
  });

  it('pauses the whole queue on 401 without dropping anything, and resumes after sign-in', async () => {
    const a = await queueReport(1);
    const b = await queueReport(1);
    let signedIn = false;
    const server = fakeServer(() => (signedIn ? undefined : { status: 401, body: { error: { code: 'unauthorized', message: '请先登录' } } }));
    const { engine, authLost } = engineWith(server.fetch);
    expect(await engine.drain()).toBe('auth');
    expect(authLost).toHaveLength(1);
    expect(server.calls).toHaveLength(1);
    const items = await listOutbox();
    expect(items.map((i) => i.state)).toEqual(['queued', 'queued']);
    expect(items[0]!.attempts).toBe(0);
    expect(items[0]!.lastError?.status).toBe(401);

    signedIn = true;
    expect(await engine.drain({ force: true })).toBe('done');
    expect((await getOutboxItem(a.id))!.state).toBe('submitted');
    expect((await getOutboxItem(b.id))!.state).toBe('submitted');
  });

  it('keeps a refused report (other 4xx) with the server message and goes on with the next', async () => {
    const a = await queueReport(1);
    const b = await queueReport(0);
    const server = fakeServer((call) =>
      call.path === `/api/reports/${a.id}` ? { status: 400, body: { error: { code: 'validation', message: '请填写进展情况', fields: { progress: '请填写进展情况' } } } } : undefined,
    );
    const { engine } = engineWith(server.fetch);
    expect(await engine.drain()).toBe('done');
    const item = (await getOutboxItem(a.id))!;
    expect(item.state).toBe('needs_action');
    expect(item.lastError).toMatchObject({ status: 400, code: 'validation', message: '请填写进展情况' });
    expect((await getOutboxItem(b.id))!.state).toBe('submitted');
    // Still in the outbox with its photo: nothing is lost.
    const db = await openDubanDB();
    expect(await db.get('photoBlobs', a.photos[0]!.id)).toBeTruthy();
    // A later drain leaves it alone until the user acts.
    const before = server.calls.length;
    await engine.drain({ force: true });
    expect(server.calls.length).toBe(before);
  });

  it('answers a 409 verify_code_taken with a new 核验码 and sends the report on at once', async () => {
    const a = await queueReport(1);
    const first = a.body.verifyCode!;
    expect(first).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(a.verifyCode).toBe(first);
    const server = fakeServer((call, n) =>
      call.path === `/api/reports/${a.id}` && n === 1 ? { status: 409, body: { error: { code: 'verify_code_taken', message: '核验码与已有报告重复' } } } : undefined,
    );
    expect(await engineWith(server.fetch).engine.drain()).toBe('done');
    const puts = server.calls.filter((c) => c.path === `/api/reports/${a.id}`).map((c) => JSON.parse(c.body!).verifyCode);
    expect(puts).toHaveLength(2);
    expect(puts[0]).toBe(first);
    expect(puts[1]).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(puts[1]).not.toBe(first);
    const item = (await getOutboxItem(a.id))!;
    expect(item.state).toBe('submitted');
    expect(item.verifyCode).toBe(puts[1]);
  });

  it('resumes after a reload where it stopped (report and first photo not sent again)', async () => {
    const a = await queueReport(2);
    const second = a.photos[1]!.id;
    let crash = true;
    const first = fakeServer((call) => (crash && call.path.endsWith(`/photos/${second}/thumb`) ? 'network' : undefined));
    await engineWith(first.fetch).engine.drain();
    // "Reload": a new connection and a new engine reading only what IndexedDB kept.
    await closeDubanDB();
    crash = false;
    const second2 = fakeServer();
    expect(await engineWith(second2.fetch).engine.drain({ force: true })).toBe('done');
    expect(second2.paths()).toEqual([`PUT /api/reports/${a.id}/photos/${second}/thumb`, `POST /api/reports/${a.id}/submit`]);
  });

  it('resumes an item left "sending" by a closed tab', async () => {
    const a = await queueReport(1);
    const db = await openDubanDB();
    const item = (await db.get('outbox', a.id))!;
    await db.put('outbox', { ...item, state: 'sending', reportSent: true });
    const server = fakeServer();
    expect(await engineWith(server.fetch).engine.drain()).toBe('done');
    expect(server.paths()[0]).toBe(`PUT /api/reports/${a.id}/photos/${a.photos[0]!.id}`);
  });

  it('sends photos again when the submit answers 409 missing_photos, then submits', async () => {
    const a = await queueReport(2);
    const lost = a.photos[0]!.id;
    const server = fakeServer((call, n) =>
      call.path.endsWith('/submit') && n === 1
        ? { status: 409, body: { error: { code: 'missing_photos', message: '照片未上传完整', details: { missing: [lost] } } } }
        : undefined,
    );
    expect(await engineWith(server.fetch).engine.drain()).toBe('done');
    const tail = server.paths().slice(5);
    expect(tail).toEqual([
      `POST /api/reports/${a.id}/submit`,
      `PUT /api/reports/${a.id}/photos/${lost}`,
      `PUT /api/reports/${a.id}/photos/${lost}/thumb`,
      `POST /api/reports/${a.id}/submit`,
    ]);
  });

  it('leaves an item in the outbox until the final submit is acknowledged', async () => {
    const a = await queueReport(1);
    const server = fakeServer((call) => (call.path.endsWith('/submit') ? { status: 503, body: { error: { code: 'internal', message: '维护中' } } } : undefined));
    await engineWith(server.fetch).engine.drain();
    const item = (await getOutboxItem(a.id))!;
    expect(item.state).toBe('queued');
    expect(item.photos.every((p) => p.sent && p.thumbSent)).toBe(true);
    const db = await openDubanDB();
    expect(await db.get('photoBlobs', a.photos[0]!.id)).toBeTruthy();
  });

  it('sends only the signed-in user\'s items, and nothing while offline', async () => {
    const other = '22222222-2222-4222-8222-222222222222';
    await queueReport(0, { userId: other });
    const mine = await queueReport(0);
    const server = fakeServer();
    let online = false;
    const { engine } = engineWith(server.fetch, { isOnline: () => online });
    expect(await engine.drain()).toBe('offline');
    expect(server.calls).toHaveLength(0);
    online = true;
    expect(await engine.drain()).toBe('done');
    expect(server.paths()).toEqual([`PUT /api/reports/${mine.id}`, `POST /api/reports/${mine.id}/submit`]);
    expect((await listOutbox()).find((i) => i.userId === other)!.state).toBe('queued');
  });

  it('runs one drain at a time; a drain asked for meanwhile runs once more afterwards', async () => {
    await queueReport(0);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let atGate!: () => void;
    const firstAtGate = new Promise<void>((r) => (atGate = r));
    let late: Awaited<ReturnType<typeof queueReport>> | null = null;
    const server = fakeServer();
    const slowFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/submit') && !late) {
        atGate();
        await gate;
      }
      return server.fetch(input, init);
    };
    const { engine } = engineWith(slowFetch);
    const first = engine.drain();
    await firstAtGate;
    late = await queueReport(0);
    const second = engine.drain({ force: true });
    release();
    await Promise.all([first, second]);
    expect(server.paths().filter((p) => p.endsWith('/submit'))).toHaveLength(2);
    expect((await getOutboxItem(late.id))!.state).toBe('submitted');
  });
});

describe('parallel photo uploads', () => {
  /** A server whose answers wait until released, recording how many requests were open at once. */
  function gatedServer(script?: Parameters<typeof fakeServer>[0]) {
    const server = fakeServer(script);
    let open = 0;
    let maxOpen = 0;
    const waiting: Array<() => void> = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      if ((init?.method ?? 'GET') === 'PUT' && String(input).includes('/photos/')) await new Promise<void>((r) => waiting.push(r));
      open--;
      return server.fetch(input, init);
    };
    /** Answers what waits, turn after turn of the event loop, until the drain is over. */
    const releaseAll = async (drain: Promise<unknown>) => {
      let over = false;
      void drain.finally(() => (over = true));
      while (!over) {
        while (waiting.length) waiting.shift()!();
        await new Promise((r) => setImmediate(r));
      }
    };
    return { server, fetch: fetchImpl, maxOpen: () => maxOpen, releaseAll };
  }

  it('uploads up to three photos of a report at once, after its report and before its submit', async () => {
    const a = await queueReport(3);
    const b = await queueReport(1);
    const g = gatedServer();
    const done = engineWith(g.fetch).engine.drain();
    await g.releaseAll(done);
    expect(await done).toBe('done');
    expect(g.maxOpen()).toBe(3);
    const paths = g.server.paths();
    for (const item of [a, b]) {
      const mine = paths.filter((p) => p.includes(item.id));
      expect(mine[0]).toBe(`PUT /api/reports/${item.id}`);
      expect(mine.at(-1)).toBe(`POST /api/reports/${item.id}/submit`);
      const photos = mine.slice(1, -1).sort();
      const expected = item.photos.flatMap((p) => [`PUT /api/reports/${item.id}/photos/${p.id}`, `PUT /api/reports/${item.id}/photos/${p.id}/thumb`]).sort();
      expect(photos).toEqual(expected);
    }
    // Items stay in order: b starts only after a's submit was acknowledged.
    expect(paths.indexOf(`PUT /api/reports/${b.id}`)).toBeGreaterThan(paths.indexOf(`POST /api/reports/${a.id}/submit`));
  });

  it('after a failed upload starts nothing new, records what finished, and resumes with the rest', async () => {
    const a = await queueReport(3);
    const bad = a.photos[0]!.id;
    let failing = true;
    const g = gatedServer((call) => (failing && call.path.endsWith(`/photos/${bad}`) ? { status: 503, body: { error: { code: 'internal', message: '维护中' } } } : undefined));
    const e = engineWith(g.fetch);
    const first = e.engine.drain();
    await g.releaseAll(first);
    expect(await first).toBe('waiting');
    const item = (await getOutboxItem(a.id))!;
    expect(item).toMatchObject({ state: 'queued', attempts: 1 });
    // The two uploads that ran beside the failed one were acknowledged and recorded; the other
    // three were never started.
    const sentPhotos = g.server.paths().filter((p) => p.includes('/photos/'));
    expect(sentPhotos).toHaveLength(3);
    const acknowledged = item.photos.reduce((n, p) => n + Number(p.sent) + Number(p.thumbSent), 0);
    expect(acknowledged).toBe(2);

    failing = false;
    e.advance(10 * 60_000);
    const second = e.engine.drain();
    await g.releaseAll(second);
    expect(await second).toBe('done');
    // Nothing acknowledged is sent twice: 6 uploads + the one failed retry = 7 photo requests.
    const photoCalls = g.server.paths().filter((p) => p.includes('/photos/'));
    expect(photoCalls).toHaveLength(7);
    expect(new Set(photoCalls).size).toBe(6);
  });

  it('follows the most serious answer when parallel uploads fail differently', async () => {
    const a = await queueReport(2);
    const [p0, p1] = a.photos.map((p) => p.id);
    const g = gatedServer((call) => {
      if (call.path.endsWith(`/photos/${p0}`)) return { status: 503 };
      if (call.path.endsWith(`/photos/${p0}/thumb`)) return { status: 413, body: { error: { code: 'too_large', message: '照片太大' } } };
      return undefined;
    });
    const first = engineWith(g.fetch).engine.drain();
    await g.releaseAll(first);
    expect(await first).toBe('done');
    const item = (await getOutboxItem(a.id))!;
    expect(item.state).toBe('needs_action');
    expect(item.lastError).toMatchObject({ status: 413, message: '照片太大' });
    expect(item.photos.find((p) => p.id === p1)!.sent).toBe(true);
  });
});

describe('checksum failures and backoff resets', () => {
  it('retries a photo whose upload arrived cut off, and asks the user after repeated failures', async () => {
    const item = await queueReport(1);
    const server = fakeServer((call) =>
      call.path.endsWith(`/photos/${item.photos[0]!.id}`) ? { status: 400, body: { error: { code: 'checksum_mismatch', message: '上传的照片不完整' } } } : undefined,
    );
    const e = engineWith(server.fetch);
    await e.engine.drain({ force: true });
    expect(await getOutboxItem(item.id)).toMatchObject({ state: 'queued', attempts: 1 });
    for (let i = 0; i < 6; i++) {
      e.advance(10 * 60_000);
      await e.engine.drain({ force: true });
    }
    const after = await getOutboxItem(item.id);
    expect(after!.state).toBe('needs_action');
    expect(after!.lastError!.message).toContain('重新拍摄');
  });

  it('resets the failure count after every step the server confirms', async () => {
    const item = await queueReport(2);
    const [p0, p1] = item.photos.map((p) => p.id);
    const server = fakeServer((call, n) => {
      // Photo 1 fails twice, then goes through; photo 2 fails once.
      if (call.path.endsWith(`/photos/${p0}`) && n <= 2) return { status: 503 };
      if (call.path.endsWith(`/photos/${p1}`) && n === 1) return { status: 503 };
      return undefined;
    });
    const e = engineWith(server.fetch, { photoConcurrency: 1 });
    await e.engine.drain({ force: true });
    e.advance(10 * 60_000);
    await e.engine.drain({ force: true });
    expect((await getOutboxItem(item.id))!.attempts).toBe(2);
    e.advance(10 * 60_000);
    await e.engine.drain({ force: true });
    // Photo 1 arrived, so photo 2's failure starts a new streak (1), not the 3rd of one.
    expect(await getOutboxItem(item.id)).toMatchObject({ state: 'queued', attempts: 1 });
    e.advance(10 * 60_000);
    await e.engine.drain({ force: true });
    expect((await getOutboxItem(item.id))!.state).toBe('submitted');
  });
});
