// GETs of the field app's reads (sync pages, a task's draft) through the typed client, with their
// own timeout on the answer's arrival: the body then takes as long as it takes (a sync page may be
// large on a slow link). Resolves with the route's JSON or throws ApiFailure.
import type { ClientRequestOptions, ClientResponse } from 'hono/client';
import { API_TIMEOUT_MS, unwrap, type OkBody } from '../api/client';
import { startTimeout } from '../lib/timeout';

export function getJson<R extends ClientResponse<unknown, number>>(
  call: (options: ClientRequestOptions) => Promise<R>,
  timeoutMs = API_TIMEOUT_MS,
): Promise<OkBody<R>> {
  const timeout = startTimeout(timeoutMs);
  const answer = call({ headers: { accept: 'application/json' }, init: { signal: timeout.signal } });
  answer.then(timeout.clear, timeout.clear);
  return unwrap(answer);
}
