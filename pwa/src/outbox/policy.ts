// What the outbox does with each answer from the server, and how long it waits before trying
// again. Pure functions, so the rules are tested without a network.

/**
 * retry: the network or the server is not able right now (no response, 5xx, 408, 429) — keep
 *        the item and try later with backoff.
 * auth:  the session is gone (401) or a password change is pending — pause the whole queue until
 *        the user signs in again; nothing is dropped.
 * fix:   any other 4xx — the server refuses this report as it is; keep it with the server's
 *        message for the user to fix (需处理).
 * A 400 checksum_mismatch is a retry: the body arrived cut off and nothing was stored.
 */
export type Decision = 'retry' | 'auth' | 'fix';

export function decide(status: number, code?: string): Decision {
  if (status === 0 || status >= 500 || status === 408 || status === 429) return 'retry';
  // An upload cut off on the way (the server stored nothing): sending it again is the fix.
  if (status === 400 && code === 'checksum_mismatch') return 'retry';
  if (status === 401) return 'auth';
  if (status === 403 && code === 'password_change_required') return 'auth';
  if (status >= 400) return 'fix';
  // Only 2xx acknowledges; an unexpected 1xx/3xx is treated as "not yet".
  return 'retry';
}

export const BACKOFF_BASE_MS = 2_000;
/** A photo whose checksum keeps failing is damaged on the phone, not in transit: ask the user. */
export const MAX_CHECKSUM_RETRIES = 5;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Exponential backoff with "equal jitter": half of the exponential step is fixed, the other half
 * random, so many phones coming back online together spread out but none retries at once.
 * attempts = failures so far (1 after the first failure).
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(BACKOFF_CAP_MS, secs * 1000);
  const at = Date.parse(header);
  if (Number.isNaN(at)) return null;
  return Math.min(BACKOFF_CAP_MS, Math.max(0, at - nowMs));
}
