// The outbox's progress writer (pwa/src/outbox/progress.ts): changes land in order, those that
// arrive while a write commits go into one next write, flush() waits for all of them, and the
// engine never leaves an acknowledgement unwritten when a drain ends.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../pwa/src/db/schema';
import { progressWriter } from '../../pwa/src/outbox/progress';
import { getOutboxItem } from '../../pwa/src/outbox/store';
import { engineWith, fakeServer, freshDb, queueReport } from './outbox-fixture';

beforeEach(freshDb);

describe('progress writer', () => {
  it('applies changes in order and gathers those that arrive during a write into one write', async () => {
    const a = await queueReport(1);
    const w = progressWriter(a.id);
    const seen: Array<{ n: number; item: OutboxItem }> = [];
    const step = (n: number) => (i: OutboxItem) => {
      seen.push({ n, item: i });
      i.attempts = n;
    };
    w.push(step(1));
    w.push(step(2));
    await Promise.resolve();
    w.push(step(3));
    w.push(step(4));
    w.push(step(5));
    await w.flush();
    expect(seen.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    // Each write reads the item once and applies its batch to that copy: two writes, not five.
    const writes = new Set(seen.map((s) => s.item));
    expect(writes.size).toBe(2);
    expect((await getOutboxItem(a.id))!.attempts).toBe(5);
  });

  it('rejects flush() when a write failed, and writes nothing after it', async () => {
    const a = await queueReport(1);
    const w = progressWriter(a.id);
    w.push(() => {
      throw new Error('disk full');
    });
    await expect(w.flush()).rejects.toThrow('disk full');
    w.push((i) => void (i.attempts = 9));
    await expect(w.flush()).rejects.toThrow('disk full');
    expect((await getOutboxItem(a.id))!.attempts).toBe(0);
  });

  it('leaves every acknowledgement written when a drain ends on a failed submit', async () => {
    const a = await queueReport(3);
    const server = fakeServer((call) => (call.path.endsWith('/submit') ? 'network' : undefined));
    expect(await engineWith(server.fetch).engine.drain()).toBe('waiting');
    const item = (await getOutboxItem(a.id))!;
    expect(item).toMatchObject({ state: 'queued', reportSent: true, attempts: 1 });
    expect(item.photos.every((p) => p.sent && p.thumbSent)).toBe(true);
    // The next drain sends only the submit.
    const again = fakeServer();
    expect(await engineWith(again.fetch).engine.drain({ force: true })).toBe('done');
    expect(again.paths()).toEqual([`POST /api/reports/${a.id}/submit`]);
  });
});

describe('shared outbox list (live.ts)', () => {
  it('publishes every write, and calls during a read give one more read, not one each', async () => {
    const { outboxItemsStore, refreshOutboxItems } = await import('../../pwa/src/outbox/live');
    const store = await import('../../pwa/src/outbox/store');
    const a = await queueReport(1);
    await refreshOutboxItems();
    expect(outboxItemsStore.get()!.map((i) => i.id)).toContain(a.id);
    const reads: number[] = [];
    const off = outboxItemsStore.subscribe((items) => reads.push(items!.length));
    const first = refreshOutboxItems();
    void refreshOutboxItems();
    void refreshOutboxItems();
    await first;
    // The read in flight, then one more for the two calls made during it (not one each).
    expect(reads.length).toBe(2);
    const b = await queueReport(2);
    await refreshOutboxItems();
    off();
    expect(reads.length).toBe(3);
    expect(outboxItemsStore.get()!.map((i) => i.id)).toEqual((await store.listOutbox()).map((i) => i.id));
    expect(outboxItemsStore.get()!.map((i) => i.id)).toContain(b.id);
  });
});
