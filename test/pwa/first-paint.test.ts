// App start's gate (pwa/src/lib/first-paint.ts): the network work waits for every hold — the
// app's own until the session is read, the lazy screen's, the screen's until its cached rows are
// rendered — and then for the painted frame; nothing waits once that has happened.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Gate = typeof import('../../pwa/src/lib/first-paint');
let gate: Gate;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules(); // the gate is module state: a fresh app start per test
  gate = await import('../../pwa/src/lib/first-paint');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('first paint gate', () => {
  it('runs the network work only after the app, the screen and its data released, and a frame', async () => {
    const ran: string[] = [];
    gate.afterFirstPaint(() => ran.push('sync'));
    const session = gate.firstPainted().then(() => ran.push('session'));
    const screen = gate.holdFirstPaint();
    const rows = gate.holdFirstPaint();

    gate.releaseStartHold();
    screen();
    screen(); // a second release of the same hold does not count
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toEqual([]);

    rows();
    expect(ran).toEqual([]); // the frame with the rows is painted first
    await vi.advanceTimersByTimeAsync(200);
    await session;
    expect(ran).toEqual(['sync', 'session']);

    // Later callers (sign-in, another screen) do not wait.
    gate.afterFirstPaint(() => ran.push('later'));
    expect(ran).toEqual(['sync', 'session', 'later']);
  });

  it('a screen that never releases holds the network back no longer than the maximum wait', async () => {
    vi.resetModules();
    vi.stubGlobal('window', {}); // the fallback timer is armed in a browser only
    try {
      gate = await import('../../pwa/src/lib/first-paint');
      const ran: string[] = [];
      gate.holdFirstPaint(); // e.g. a chunk that never loads
      gate.releaseStartHold();
      gate.afterFirstPaint(() => ran.push('sync'));
      await vi.advanceTimersByTimeAsync(gate.FIRST_PAINT_MAX_WAIT_MS - 10);
      expect(ran).toEqual([]);
      await vi.advanceTimersByTimeAsync(200);
      expect(ran).toEqual(['sync']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
