// The one timeout of the PWA's HTTP calls (api/client.ts, sync/http.ts, outbox/transport.ts).
// AbortSignal.timeout is missing before Safari 16, and a caller may want to stop the clock once
// the part it bounds (headers, or the whole body) has arrived.

export interface Timeout {
  /** Aborts after the given time. */
  readonly signal: AbortSignal;
  /** Whether the time ran out (as opposed to the network failing). */
  readonly expired: boolean;
  /** Stops the clock: the signal will not fire any more. */
  clear(): void;
}

export function startTimeout(ms: number): Timeout {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), ms);
  return {
    signal: ctrl.signal,
    get expired() {
      return ctrl.signal.aborted;
    },
    clear: () => clearTimeout(timer),
  };
}
