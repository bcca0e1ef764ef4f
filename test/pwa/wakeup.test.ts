// docs/PLATFORM.md: the outbox must not depend on the `online` event (Firefox may lose it, a dead cell
// tower never sends it). A drain that finds no network arms a timer with growing waits; any
// answer from the server wakes a queue stuck on a network failure, but not one waiting out a 5xx.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrainOutcome } from '../../pwa/src/outbox/engine';
import { createWakeUp, NETWORK_KICK_MIN_MS, WAKE_CAP_MS } from '../../pwa/src/outbox/wakeup';

function harness(outcomes: DrainOutcome[], opts: { onNetwork?: boolean } = {}) {
  const timers: Array<{ ms: number; fn: () => void; cancelled: boolean }> = [];
  const drains: boolean[] = [];
  let now = 0;
  const wake = createWakeUp({
    drain: async (force) => {
      drains.push(force);
      return outcomes.shift() ?? 'done';
    },
    schedule(ms, fn) {
      const t = { ms, fn, cancelled: false };
      timers.push(t);
      return () => void (t.cancelled = true);
    },
    now: () => now,
    random: () => 0.5,
    waitingOnNetwork: async () => opts.onNetwork ?? true,
  });
  const live = () => timers.filter((t) => !t.cancelled);
  /** Fires the one live timer and waits for the drain it starts. */
  const fire = async () => {
    const t = live().at(-1)!;
    t.cancelled = true;
    t.fn();
    await settle();
  };
  const advance = (ms: number) => void (now += ms);
  return { wake, timers, live, drains, fire, advance };
}

// The wake-up's timers are the harness's (schedule above); fake timers make sure nothing waits on
// the clock, and running them flushes the drain's promise chain.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());
const settle = () => vi.runAllTimersAsync();

describe('outbox wake-up', () => {
  it('retries on a timer with growing waits while offline, capped, and stops once drained', async () => {
    const h = harness(['offline', 'offline', 'offline', 'offline', 'offline', 'offline', 'offline', 'done']);
    await h.wake.run(true);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      waits.push(h.wake.pendingMs()!);
      await h.fire();
    }
    // 1.5 s, 3 s, 6 s … (equal jitter at 0.5), never beyond a minute.
    expect(waits.slice(0, 3)).toEqual([1500, 3000, 6000]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(WAKE_CAP_MS);
    expect(waits.at(-1)).toBe(WAKE_CAP_MS);
    expect(h.drains).toHaveLength(8);
    // The timer drains with force: items backed off during the outage go at once.
    expect(h.drains.every((f) => f)).toBe(true);
    expect(h.wake.pendingMs()).toBeNull();
    expect(h.live()).toHaveLength(0);
  });

  it('a server answer wakes a queue that found no network, at most once per window', async () => {
    const h = harness(['offline', 'done']);
    await h.wake.run(false);
    expect(h.wake.pendingMs()).toBe(1500);
    h.advance(10_000);
    h.wake.networkOk();
    await settle();
    await settle();
    expect(h.drains).toEqual([false, true]);
    expect(h.live()).toHaveLength(0);
    // Drained: further answers do nothing.
    h.advance(NETWORK_KICK_MIN_MS);
    h.wake.networkOk();
    await settle();
    expect(h.drains).toHaveLength(2);
  });

  it('a server answer wakes a queue waiting after a network failure, not one waiting out a 5xx', async () => {
    const answerAfterWaiting = async (onNetwork: boolean) => {
      const h = harness(['waiting', 'done'], { onNetwork });
      await h.wake.run(true);
      h.advance(10_000);
      h.wake.networkOk();
      await settle();
      await settle();
      return h.drains;
    };
    expect(await answerAfterWaiting(true)).toEqual([true, true]);
    expect(await answerAfterWaiting(false)).toEqual([true]);
  });

  it('bursts of answers trigger one drain, and another tab holding the queue re-arms the timer', async () => {
    const h = harness(['busy', 'offline', 'done']);
    await h.wake.run(true);
    expect(h.wake.pendingMs()).toBe(1500);
    await h.fire();
    expect(h.wake.pendingMs()).toBe(3000);
    h.advance(10_000);
    for (let i = 0; i < 5; i++) h.wake.networkOk();
    await settle();
    await settle();
    expect(h.drains).toHaveLength(3);
    h.wake.stop();
    expect(h.wake.pendingMs()).toBeNull();
  });
});
