// One HTTP call of the sync engine that never throws: network failures and timeouts come back
// as status 0, errors with the server's code and Chinese message. Its URLs come from the typed
// client (a renamed route is a compile error here); fetch stays injectable.
import { api, errorOf } from '../api/client';
import { startTimeout } from '../lib/timeout';

export interface SendResult {
  status: number;
  ok: boolean;
  /** Parsed JSON body (null when there was none or it was not JSON). */
  data: unknown;
  code: string;
  message: string;
  details?: unknown;
  retryAfter: string | null;
}

export const NETWORK_FAILED = '网络不可用，等待网络恢复后自动上传';
export const TIMED_OUT = '网络太慢，上传超时，稍后自动重试';

/** The outbox's three routes (worker/src/routes/reports.ts, photos.ts). */
export const outboxPaths = {
  report: (id: string) => api.api.reports[':id'].$path({ param: { id } }),
  photo: (id: string, photoId: string, which: 'full' | 'thumb') => {
    const photo = api.api.reports[':id'].photos[':photoId'];
    return (which === 'full' ? photo : photo.thumb).$path({ param: { id, photoId } });
  },
  submit: (id: string) => api.api.reports[':id'].submit.$path({ param: { id } }),
};

export async function send(
  fetchImpl: typeof fetch,
  method: string,
  url: string,
  init: { json?: unknown; body?: ArrayBuffer; headers?: Record<string, string>; timeoutMs: number },
): Promise<SendResult> {
  const timeout = startTimeout(init.timeoutMs);
  const headers: Record<string, string> = { ...init.headers };
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.body) {
    body = init.body;
  }
  try {
    const res = await fetchImpl(url, { method, headers, body, signal: timeout.signal, credentials: 'same-origin' });
    let data: unknown = null;
    try {
      data = await res.json();
    } catch {
      // Empty or non-JSON body (an HTML error page from a proxy, say).
    }
    const err = errorOf(data);
    return {
      status: res.status,
      ok: res.ok,
      data,
      code: res.ok ? '' : (err.code ?? 'http_error'),
      message: res.ok ? '' : (err.message ?? defaultMessage(res.status)),
      details: err.details,
      retryAfter: res.headers.get('retry-after'),
    };
  } catch {
    const timedOut = timeout.expired;
    return { status: 0, ok: false, data: null, code: timedOut ? 'timeout' : 'network', message: timedOut ? TIMED_OUT : NETWORK_FAILED, retryAfter: null };
  } finally {
    timeout.clear();
  }
}

function defaultMessage(status: number): string {
  if (status >= 500) return '服务器暂时不可用，稍后自动重试';
  if (status === 429) return '请求过于频繁，稍后自动重试';
  return `上传失败（${status}）`;
}
