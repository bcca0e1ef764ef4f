// A JSON answer some of whose arrays are already JSON text (db/report-json.ts builds reports in
// SQLite): they are spliced in as they are instead of being parsed and serialised again. Typed
// as the whole answer, so `hc` still hands the screens the right shape.
import type { TypedResponse } from 'hono';

export type JsonResponse<T> = Response & TypedResponse<T, 200, 'json'>;

/**
 * `rest` serialised as usual, then each of `parts` as one more key whose value is the array of
 * the given JSON texts (each one a complete JSON value, trusted: built by this worker's SQL).
 */
export function jsonWithParts<T>(rest: Record<string, unknown>, parts: Record<string, readonly string[]>): JsonResponse<T> {
  let body = JSON.stringify(rest).slice(0, -1);
  let first = body === '{';
  for (const [key, texts] of Object.entries(parts)) {
    body += `${first ? '' : ','}${JSON.stringify(key)}:[${texts.join(',')}]`;
    first = false;
  }
  return new Response(`${body}}`, { headers: { 'content-type': 'application/json' } }) as JsonResponse<T>;
}
