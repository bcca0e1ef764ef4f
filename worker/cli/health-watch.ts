// A watchdog for `npm start`: wrangler dev's proxy can stop answering while its process stays
// alive (after ~35 000 requests here, its memory growing ~35 KB per request), and a live process
// never triggers the restart-on-exit. Polls GET /api/health; after `failures` misses in a row
// (each a timeout, a network error or a non-2xx) calls onDead once and stops.
export interface HealthWatch {
  stop(): void;
}

export interface HealthWatchOptions {
  url: string;
  intervalMs?: number;
  timeoutMs?: number;
  failures?: number;
  /** Grace before the first poll, while wrangler starts. */
  startAfterMs?: number;
  onDead: (why: string) => void;
}

export function watchHealth(o: HealthWatchOptions): HealthWatch {
  const interval = o.intervalMs ?? 10_000;
  const timeout = o.timeoutMs ?? 5_000;
  const limit = o.failures ?? 3;
  let misses = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    let why: string | null = null;
    try {
      const res = await fetch(o.url, { signal: AbortSignal.timeout(timeout) });
      await res.arrayBuffer();
      if (!res.ok) why = `HTTP ${res.status}`;
    } catch (e) {
      why = e instanceof Error && e.name === 'TimeoutError' ? `${timeout} ms 无响应` : String(e);
    }
    if (stopped) return;
    misses = why === null ? 0 : misses + 1;
    if (why !== null && misses >= limit) {
      stopped = true;
      o.onDead(why);
      return;
    }
    timer = setTimeout(poll, interval);
    timer.unref();
  };
  timer = setTimeout(poll, o.startAfterMs ?? 30_000);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
