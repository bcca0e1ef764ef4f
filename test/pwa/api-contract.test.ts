// The typed contract between the worker's routes and the PWA (pwa/src/api/client.ts). The type
// assertions are checked by `tsc -b`, which `npm test` runs first: an answer type that stops
// flowing (a route answering through an untyped Response, an OkBody that turns into any) fails
// the build. The rest runs: URLs built from the routes, the shared error envelope, the timeout.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/schemas/common';
import { api, errorOf, failureFrom, unwrap, type Answer } from '../../pwa/src/api/client';
import { startTimeout } from '../../pwa/src/lib/timeout';

describe('answer types come from the routes', () => {
  it('infers JSON answers, leaves file answers out and untyped ones unknown', () => {
    expectTypeOf<Answer<typeof api.api.users.$get>['users'][number]['username']>().toEqualTypeOf<string>();
    // ?format=xlsx answers with a file: only the JSON answer is what unwrap() resolves with.
    expectTypeOf<Answer<typeof api.api.users.bulk.$post>>().toHaveProperty('created');
    // Photo bytes stream through a plain Response: unknown, so no screen can read it as JSON.
    expectTypeOf<Answer<(typeof api.api.reports)[':id']['photos'][':photoId']['$get']>>().toBeUnknown();
    expectTypeOf<Answer<typeof api.api.imports.commit.$post>['mode']>().toEqualTypeOf<'create' | 'update'>();
  });
});

describe('URLs come from the routes', () => {
  it('fills params and query the way the outbox and the sync pull need them', () => {
    expect(api.api.reports[':id'].$path({ param: { id: 'r1' } })).toBe('/api/reports/r1');
    expect(api.api.reports[':id'].photos[':photoId'].thumb.$path({ param: { id: 'r1', photoId: 'p1' } })).toBe('/api/reports/r1/photos/p1/thumb');
    expect(api.api.sync.$path({ query: {} })).toBe('/api/sync');
    expect(api.api.sync.$path({ query: { since: '12:a b' } })).toBe('/api/sync?since=12%3Aa+b');
  });
});

describe('the error envelope', () => {
  it('reads the shared envelope and nothing from other bodies', () => {
    const body: ApiErrorBody = { error: { code: 'validation', message: '请填写进展情况', fields: { progress: '请填写进展情况' } } };
    expect(errorOf(body)).toEqual(body.error);
    expect(errorOf('<html>bad gateway</html>')).toEqual({});
    expect(errorOf(null)).toEqual({});
    expect(errorOf({ error: 'oops' })).toEqual({});
  });

  it('turns an error answer into ApiFailure with the server message, or a default one', async () => {
    const json = new Response(JSON.stringify({ error: { code: 'conflict', message: '报告已报送', details: { state: 'submitted' } } }), { status: 409 });
    expect(await failureFrom(json)).toMatchObject({ status: 409, code: 'conflict', message: '报告已报送', details: { state: 'submitted' } });
    const html = new Response('<html>bad gateway</html>', { status: 502 });
    expect(await failureFrom(html)).toMatchObject({ status: 502, code: 'http_error', message: '请求失败（502）' });
    await expect(unwrap(Promise.reject(new TypeError('Failed to fetch')))).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('the timeout', () => {
  it('aborts after its time unless cleared, and says whether it expired', async () => {
    // The cleared one is due first: had clear() not stopped it, it would have fired already.
    const cleared = startTimeout(1);
    cleared.clear();
    const fired = startTimeout(20);
    await new Promise<void>((done) => fired.signal.addEventListener('abort', () => done()));
    expect(fired.expired).toBe(true);
    expect(cleared.expired).toBe(false);
  });
});
