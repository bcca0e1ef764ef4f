// Long lists render in slices: the first screenful at once, the rest a slice per task, so no
// single render blocks the main thread for long on a cheap phone (Lighthouse's Total Blocking
// Time counts every task over 50 ms; a whole task list at 4× CPU slowdown took several hundred).
import { useEffect, useState } from 'preact/hooks';

/** Rows rendered at once: more than a phone screen shows. */
export const FIRST_SLICE = 12;
/** Rows added per later task. */
export const NEXT_SLICE = 24;

/**
 * How many of `total` rows to render now. Grows by NEXT_SLICE per macrotask until all are
 * shown; starts again from FIRST_SLICE only when `resetKey` changes (a new filter), not when
 * the data behind the same list refreshes.
 */
export function useProgressiveCount(total: number, resetKey: unknown = null): number {
  const [state, setState] = useState({ key: resetKey, limit: FIRST_SLICE });
  const limit = state.key === resetKey ? state.limit : FIRST_SLICE;
  if (state.key !== resetKey) setState({ key: resetKey, limit: FIRST_SLICE });
  useEffect(() => {
    if (limit >= total) return;
    const t = setTimeout(() => setState((s) => ({ ...s, limit: s.limit + NEXT_SLICE })), 0);
    return () => clearTimeout(t);
  }, [limit, total]);
  return Math.min(limit, total);
}
