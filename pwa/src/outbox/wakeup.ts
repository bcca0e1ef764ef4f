// When the outbox tries again. The `online` event alone is not enough: Firefox may never fire it
// for a page loaded offline (navigator.onLine turns true, fetches work, nobody is told), a phone
// behind a dead cell tower stays "online" the whole time, and Firefox and WebKit have no
// Background Sync. So besides the events, a drain that found the phone offline (or another tab
// holding the queue) arms a timer with growing waits, and any request of the app that reaches the
// server wakes an outbox stuck on a network failure at once.
import type { DrainOutcome } from './engine';
import { backoffDelay } from './policy';

export const WAKE_CAP_MS = 60_000;
/** Successful requests come in bursts (a pull is several): one wake-up per window is enough. */
export const NETWORK_KICK_MIN_MS = 5_000;

export interface WakeDeps {
  drain: (force: boolean) => Promise<DrainOutcome>;
  schedule: (ms: number, fn: () => void) => () => void;
  now: () => number;
  random: () => number;
  /** True when the queue's head waits after a network failure (not a 5xx, not a 4xx). */
  waitingOnNetwork: () => Promise<boolean>;
}

export interface WakeUp {
  /** Drains now (force skips the per-item backoff) and arms the timer if that found no network. */
  run(force: boolean): Promise<DrainOutcome>;
  /** Some request of the app got an answer from the server. */
  networkOk(): void;
  /** The pending timer, for tests and sign-out. */
  pendingMs(): number | null;
  stop(): void;
}

export function createWakeUp(deps: WakeDeps): WakeUp {
  let misses = 0;
  let cancel: (() => void) | null = null;
  let pending: number | null = null;
  let last: DrainOutcome | null = null;
  let lastKick = -Infinity;

  function arm() {
    misses += 1;
    const ms = Math.min(WAKE_CAP_MS, backoffDelay(misses, deps.random));
    cancel?.();
    pending = ms;
    cancel = deps.schedule(ms, () => {
      cancel = null;
      pending = null;
      void run(true);
    });
  }

  async function run(force: boolean): Promise<DrainOutcome> {
    const outcome = await deps.drain(force);
    last = outcome;
    if (outcome === 'offline' || outcome === 'busy') arm();
    else {
      // The engine keeps its own timer for an item waiting out a server error.
      misses = 0;
      cancel?.();
      cancel = null;
      pending = null;
    }
    return outcome;
  }

  return {
    run,
    networkOk() {
      if (last !== 'offline' && last !== 'waiting') return;
      const now = deps.now();
      if (now - lastKick < NETWORK_KICK_MIN_MS) return;
      lastKick = now;
      void (async () => {
        // A queue waiting on a 5xx keeps its backoff; only a lost network is cured by an answer.
        if (last === 'offline' || (await deps.waitingOnNetwork())) await run(true);
      })();
    },
    pendingMs: () => pending,
    stop() {
      cancel?.();
      cancel = null;
      pending = null;
      misses = 0;
    },
  };
}
