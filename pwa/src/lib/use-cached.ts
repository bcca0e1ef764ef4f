// Show what IndexedDB has at once, then what the network says; keep the cached copy (and say
// so) when the network fails.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiFailure } from '../api/client';

export interface Cached<T> {
  data: T | null;
  /** The last network refresh failed; data (if any) is the offline copy. */
  error: ApiFailure | null;
  refreshing: boolean;
  reload: () => void;
}

export function useCached<T>(fromCache: () => Promise<T | null>, fromNetwork: () => Promise<T>, deps: unknown[]): Cached<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [refreshing, setRefreshing] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    setRefreshing(true);
    void fromCache().then((cached) => {
      if (live && cached !== null) setData((d) => d ?? cached);
    });
    fromNetwork().then(
      (fresh) => {
        if (!live) return;
        setData(fresh);
        setError(null);
        setRefreshing(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'unknown', String(e)));
        setRefreshing(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { data, error, refreshing, reload };
}
