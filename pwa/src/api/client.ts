// The typed API client (hc<AppType>) and one way to turn responses into data or an ApiFailure.
import { hc } from 'hono/client';
import type { AppType } from '../../../worker/src/app';
import { noteServerAnswered } from '../lib/net';

/** Every API call gives up after this long (a link that connects but never answers). */
export const API_TIMEOUT_MS = 30_000;

/** An AbortSignal that fires after ms (AbortSignal.timeout is missing before Safari 16). */
export function timeoutSignal(ms: number): AbortSignal {
  const ctrl = new AbortController();
  setTimeout(() => ctrl.abort(), ms);
  return ctrl.signal;
}

/** fetch with a default timeout: a call that passes its own signal keeps it. */
const fetchWithTimeout: typeof fetch = async (input, init) => {
  const res = await fetch(input, init?.signal ? init : { ...init, signal: timeoutSignal(API_TIMEOUT_MS) });
  // Any answer proves the network is back (the outbox's wake-up, pwa/src/lib/net.ts).
  noteServerAnswered();
  return res;
};

export const api = hc<AppType>('/', { fetch: fetchWithTimeout });

/** A failed call: HTTP status (0 when the network failed) and the server's Chinese message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export const NETWORK_MESSAGE = '网络不可用，请检查网络后重试';

export async function failureFrom(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; fields?: Record<string, string>; details?: unknown } };
    const e = body.error ?? {};
    return new ApiFailure(res.status, e.code ?? 'http_error', e.message ?? `请求失败（${res.status}）`, e.fields, e.details);
  } catch {
    return new ApiFailure(res.status, 'http_error', `请求失败（${res.status}）`);
  }
}

/** Awaits a client call; resolves with its JSON body or throws ApiFailure. */
export async function unwrap<T>(call: Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>): Promise<T> {
  let res: Awaited<typeof call>;
  try {
    res = await call;
  } catch {
    throw new ApiFailure(0, 'network', NETWORK_MESSAGE);
  }
  if (!res.ok) throw await failureFrom(res as unknown as Response);
  return (await res.json()) as T;
}
