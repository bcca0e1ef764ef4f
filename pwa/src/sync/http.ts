// Plain GETs for the field app's reads (sync, due, draft, report). The typed hc client covers
// the routes of the worker's AppType; these answers are typed by the shared schemas instead.
import { ApiFailure, failureFrom, NETWORK_MESSAGE } from '../api/client';
import { noteServerAnswered } from '../lib/net';

export async function getJson<T>(path: string, timeoutMs = 30_000): Promise<T> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', signal: ctrl.signal, headers: { accept: 'application/json' } });
  } catch {
    throw new ApiFailure(0, 'network', NETWORK_MESSAGE);
  } finally {
    clearTimeout(timer);
  }
  noteServerAnswered();
  if (!res.ok) throw await failureFrom(res);
  return (await res.json()) as T;
}
