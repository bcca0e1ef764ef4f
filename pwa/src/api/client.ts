// The typed API client (hc<AppType>) and one way to turn responses into data or an ApiFailure.
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../../shared/schemas/common';
import type { AppType } from '../../../worker/src/app';
import { noteServerAnswered } from '../lib/net';
import { startTimeout } from '../lib/timeout';

/** Every API call gives up after this long (a link that connects but never answers). */
export const API_TIMEOUT_MS = 30_000;

/** An AbortSignal that fires after ms; it bounds the body's reading too. */
export const timeoutSignal = (ms: number): AbortSignal => startTimeout(ms).signal;

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

/**
 * The error envelope (shared/schemas/common.ts, built by worker/src/lib/errors.ts) of a body that
 * may be anything: a proxy's HTML page parses to nothing, a partial envelope to its parts.
 */
export function errorOf(body: unknown): Partial<ApiErrorBody['error']> {
  const e = (body as Partial<ApiErrorBody> | null | undefined)?.error;
  return e && typeof e === 'object' ? e : {};
}

export async function failureFrom(res: Response): Promise<ApiFailure> {
  try {
    const e = errorOf(await res.json());
    return new ApiFailure(res.status, e.code ?? 'http_error', e.message ?? `请求失败（${res.status}）`, e.fields, e.details);
  } catch {
    return new ApiFailure(res.status, 'http_error', `请求失败（${res.status}）`);
  }
}

/**
 * The body a call answers with on success, as the route's `c.json(...)` declares it. Error answers
 * drop out; so do file and text answers (`unwrap` reads JSON). A route that answers with an untyped
 * `Response` gives `unknown`, so a screen cannot use it without a type error: type it in the route.
 */
export type OkBody<R> = R extends ClientResponse<infer T, infer S, infer F>
  ? [Extract<S, SuccessStatusCode>] extends [never]
    ? never
    : string extends F
      ? unknown
      : F extends 'json'
        ? T
        : never
  : never;

/** What a typed client call answers on success, e.g. `Answer<typeof api.api.plans.$get>`. */
export type Answer<F extends (...args: never[]) => Promise<ClientResponse<unknown, number>>> = OkBody<Awaited<ReturnType<F>>>;

/** Awaits a client call; resolves with its JSON body (typed by the route) or throws ApiFailure. */
export async function unwrap<R extends ClientResponse<unknown, number>>(call: Promise<R>): Promise<OkBody<R>> {
  let res: R;
  try {
    res = await call;
  } catch {
    throw new ApiFailure(0, 'network', NETWORK_MESSAGE);
  }
  if (!res.ok) throw await failureFrom(res as unknown as Response);
  return (await res.json()) as OkBody<R>;
}
