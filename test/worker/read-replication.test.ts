// D1 read replication through the Sessions API (docs/SCALE.md "Past one database", item 9): every
// request runs through one D1 session of its database; a successful write leaves the session's
// bookmark in a cookie, and the caller's next read starts from it. Local D1 has no replicas, but
// the bookmark flows exactly as in production: these tests check where each session starts, what
// the cookie carries, and that no cookie a client sends can break a request.
import { env, exports } from 'cloudflare:workers';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../worker/src/env';
import { formatBookmarks, parseBookmarks, sessionStart } from '../../worker/src/lib/bookmark';
import { routeDatabase } from '../../worker/src/middleware/database';
import { MARCH_20, putReport, reportBody, uid } from './reports-support';
import { call, createUser, json, makeFixture, ORIGIN, PASSWORD, type Fixture } from './support';

/** What local D1 returns from `getBookmark()`: the shape of a Time Travel bookmark. */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;
const A_BOOKMARK = '00000000-0000000c-00000000-0000000000000000000000000000abcd';
const LATER = '0000000a-00000001-00000000-00000000000000000000000000000000';

/** The bookmark cookie an answer sets (name=value), or null. */
function bookmarkSet(res: Response): string | null {
  const h = res.headers.getSetCookie().find((v) => /^(__Host-)?duban_bookmark=/.test(v));
  return h ? h.split(';')[0]! : null;
}

const both = (session: string, bookmark: string | null) => (bookmark ? `${session}; ${bookmark}` : session);

let a: Fixture; // on database 0
let b: Fixture; // on database 1

beforeAll(async () => {
  a = await makeFixture();
  b = await makeFixture({ database: 1 });
});

describe('the bookmark cookie', () => {
  it('comes with a successful write, holding the database and the bookmark; never with a read', async () => {
    const put = await putReport(a.users.unitA.cookie, uid(), reportBody(a));
    expect(put.status).toBe(200);
    const header = put.headers.getSetCookie().find((v) => v.startsWith('duban_bookmark='))!;
    expect(header).toMatch(/^duban_bookmark=0\.[0-9a-f-]+; Max-Age=86400; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(BOOKMARK.test(header.split(';')[0]!.slice('duban_bookmark=0.'.length))).toBe(true);
    for (const path of ['/api/me', `/api/plans/${a.planId}/tasks`, '/api/sync']) {
      const read = await call('GET', path, { cookie: a.users.unitA.cookie, now: MARCH_20 });
      expect(read.status, path).toBe(200);
      expect(read.headers.has('set-cookie'), path).toBe(false);
    }
  });

  it('names database 1 for a caller on database 1', async () => {
    const put = await putReport(b.users.unitA.cookie, uid(), reportBody(b));
    expect(put.status).toBe(200);
    expect(bookmarkSet(put)).toMatch(/^duban_bookmark=1\.[0-9a-f-]{59}$/);
  });

  it('is not set by a refused write', async () => {
    const refused = await putReport(a.users.unitB.cookie, uid(), reportBody(a)); // taskA is not B's
    expect(refused.status).toBe(403);
    expect(bookmarkSet(refused)).toBeNull();
    const invalid = await putReport(a.users.unitA.cookie, uid(), { ...reportBody(a), percent: 140 });
    expect(invalid.status).toBe(400);
    expect(bookmarkSet(invalid)).toBeNull();
  });

  it('is __Host- prefixed and Secure over HTTPS', async () => {
    const https = 'https://duban.example';
    const res = await exports.default.fetch(
      new Request(`${https}/api/auth/login`, {
        method: 'POST',
        headers: { origin: https, 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.8' },
        body: JSON.stringify({ username: a.users.unitB.username, password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(200);
    const header = res.headers.getSetCookie().find((v) => v.startsWith('__Host-duban_bookmark='))!;
    expect(header).toContain('Secure');
    expect(header).toContain('Path=/;');
    expect(header).not.toContain('Domain');
  });

  it('is set at sign-in and cleared at sign-out', async () => {
    const login = await call('POST', '/api/auth/login', { json: { username: a.users.leader.username, password: PASSWORD }, headers: { 'cf-connecting-ip': '198.51.100.7' } });
    expect(login.status).toBe(200);
    const bookmark = bookmarkSet(login)!;
    expect(bookmark).toMatch(/^duban_bookmark=0\./);
    const session = /duban_session=[^;]*/.exec(login.headers.get('set-cookie')!)![0];
    // The session just written is read back from the bookmark on: any replica that has it.
    expect((await call('GET', '/api/me', { cookie: both(session, bookmark) })).status).toBe(200);
    const logout = await call('POST', '/api/auth/logout', { cookie: both(session, bookmark) });
    expect(logout.status).toBe(200);
    const cleared = logout.headers.getSetCookie().filter((v) => v.startsWith('duban_bookmark='));
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(/^duban_bookmark=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
  });
});

describe('a phone that has just submitted', () => {
  it('reads its own report, its task and its sync from the bookmark on', async () => {
    const f = await makeFixture();
    const id = uid();
    const put = await putReport(f.users.unitA.cookie, id, reportBody(f, { progress: '刚提交的进展' }));
    expect(put.status).toBe(200);
    const cookie = both(f.users.unitA.cookie, bookmarkSet(put));
    const sub = await call('POST', `/api/reports/${id}/submit`, { cookie, now: MARCH_20 });
    expect(sub.status).toBe(200);
    const after = both(f.users.unitA.cookie, bookmarkSet(sub));
    expect(after).not.toBe(cookie); // the submit moved the bookmark on
    const read = await call('GET', `/api/reports/${id}`, { cookie: after, now: MARCH_20 });
    expect(read.status).toBe(200);
    expect(await json(read)).toMatchObject({ id, progress: '刚提交的进展', state: 'submitted' });
    const list = await json(await call('GET', `/api/tasks/${f.items.taskA}/reports`, { cookie: after, now: MARCH_20 }));
    expect(JSON.stringify(list)).toContain(id);
    const sync = await json(await call('GET', '/api/sync', { cookie: after, now: MARCH_20 }));
    expect(sync.reports.map((r: { id: string }) => r.id)).toContain(id);
  });
});

describe('a sync cursor ahead of the copy that answers', () => {
  // Locally there is no replica behind: the route asks the primary, which says whether the
  // database really went back (a restored backup: start over) or a replica was only behind.
  it('starts over only when the primary is behind it too', async () => {
    const first = await json(await call('GET', '/api/sync', { cookie: a.users.unitA.cookie, now: MARCH_20 }));
    const [, seq, tag] = /^s1\.(\d+)\.([0-9a-f]{12})$/.exec(first.cursor)!;
    const same = await json(await call('GET', `/api/sync?since=${first.cursor}`, { cookie: a.users.unitA.cookie, now: MARCH_20 }));
    expect(same.reset).toBe(false);
    const ahead = await json(await call('GET', `/api/sync?since=s1.${Number(seq) + 1_000_000}.${tag}`, { cookie: a.users.unitA.cookie, now: MARCH_20 }));
    expect(ahead.reset).toBe(true);
    expect(ahead.cursor).toBe(first.cursor);
  });
});

// A tiny app with the real routing middleware and a route that says where its session started.
const probe = new Hono<AppEnv>()
  .use('*', routeDatabase)
  .on(['GET', 'POST'], '/api/probe', (c) => c.json({ index: c.var.databases.index, start: c.var.databases.session.getBookmark() }));

async function startOf(method: string, cookie: string, origin = ORIGIN): Promise<{ index: number; start: string | null }> {
  const res = await probe.fetch(new Request(`${origin}/api/probe`, { method, headers: { cookie } }), env);
  return json(res);
}

describe('where a request’s session starts', () => {
  it('a read from its bookmark for its own database; a write on the primary', async () => {
    expect(await startOf('GET', both(a.users.unitA.cookie, `duban_bookmark=0.${A_BOOKMARK}`))).toEqual({ index: 0, start: A_BOOKMARK });
    expect(await startOf('GET', both(b.users.unitA.cookie, `duban_bookmark=0.${A_BOOKMARK}~1.${LATER}`))).toEqual({ index: 1, start: LATER });
    // Over HTTPS only the __Host- cookie counts.
    const https = 'https://duban.example';
    expect(await startOf('GET', `__Host-duban_bookmark=0.${A_BOOKMARK}`, https)).toEqual({ index: 0, start: A_BOOKMARK });
    expect(await startOf('GET', `duban_bookmark=0.${A_BOOKMARK}`, https)).toEqual({ index: 0, start: null });
    // A write ignores the bookmark: it starts on the primary (no bookmark until its first query).
    expect(await startOf('POST', both(a.users.unitA.cookie, `duban_bookmark=0.${A_BOOKMARK}`))).toEqual({ index: 0, start: null });
  });

  it('a bookmark of another database is not used; neither is anything malformed', async () => {
    const bad = [
      `1.${A_BOOKMARK}`, // database 1's, on database 0
      `9.${A_BOOKMARK}`, // a database this deployment does not have
      'garbage',
      `0.${A_BOOKMARK.toUpperCase()}`,
      `0.${A_BOOKMARK}x`,
      `0.${A_BOOKMARK}~0.${LATER}`, // the same database twice
      `00.${A_BOOKMARK}`,
      `0.${A_BOOKMARK}~`,
      `0.${'0'.repeat(5000)}`, // over-long
      `0.${A_BOOKMARK}~1.${A_BOOKMARK}~1.${A_BOOKMARK}`,
    ];
    for (const value of bad) {
      expect(await startOf('GET', both(a.users.unitA.cookie, `duban_bookmark=${value}`)), `${bad.indexOf(value)}`).toEqual({ index: 0, start: null });
    }
  });
});

describe('a cookie no client should send', () => {
  const junk = ['garbage', `1.${A_BOOKMARK}`, `7.${A_BOOKMARK}`, `0.${'f'.repeat(8000)}`, `0.${A_BOOKMARK}%00`, '0.' + '%E5%A5%BD'.repeat(20), '0.%E5%A5', '%'];

  it('never breaks a read: 200, the same answer, no cookie set', async () => {
    const path = `/api/plans/${a.planId}/tasks`;
    const clean = await call('GET', path, { cookie: a.users.unitA.cookie, now: MARCH_20 });
    const expected = await clean.text();
    for (const value of junk) {
      const res = await call('GET', path, { cookie: both(a.users.unitA.cookie, `duban_bookmark=${value}`), now: MARCH_20 });
      expect(res.status, value.slice(0, 40)).toBe(200);
      expect(await res.text()).toBe(expected);
      expect(res.headers.has('set-cookie')).toBe(false);
    }
  });

  it('never breaks a write, and the write replaces it with a clean cookie', async () => {
    const id = uid(); // one draft, saved again with each cookie
    for (const [i, value] of junk.entries()) {
      const res = await putReport(both(a.users.unitC.cookie, `duban_bookmark=${value}`), id, reportBody(a, { progress: `第${i}次保存` }));
      expect(res.status, value.slice(0, 40)).toBe(200);
      const set = parseBookmarks(bookmarkSet(res)!.slice('duban_bookmark='.length), 2);
      expect(set.get(0)).toMatch(BOOKMARK);
      // Database 1's bookmark, valid in itself, is kept for when the caller reads there.
      expect(set.get(1)).toBe(value === `1.${A_BOOKMARK}` ? A_BOOKMARK : undefined);
    }
  });
});

describe('the super-admin across two databases', () => {
  let admin: { cookie: string };
  beforeAll(async () => {
    admin = await createUser({ orgId: null, role: 'superadmin', username: `root-${uid().slice(0, 8)}` });
  });

  it("a write on database 1 sets database 1's bookmark and keeps database 0's", async () => {
    const cookie = both(admin.cookie, `duban_bookmark=0.${A_BOOKMARK}`);
    const made = await call('POST', '/api/users', { cookie, json: { orgId: b.orgId, username: `rr-${uid().slice(0, 8)}`, displayName: '副本', role: 'admin' } });
    expect(made.status).toBe(201);
    const set = made.headers.getSetCookie().filter((v) => v.startsWith('duban_bookmark='));
    expect(set).toHaveLength(1); // the sub-request's, not overwritten by the outer request
    const value = set[0]!.split(';')[0]!.slice('duban_bookmark='.length);
    const kept = parseBookmarks(value, 2);
    expect(kept.get(0)).toBe(A_BOOKMARK);
    expect(kept.get(1)).toMatch(BOOKMARK);
  });

  it('still gets the merged lists of both databases, with bookmarks for both', async () => {
    const put = await putReport(b.users.unitB.cookie, uid(), reportBody(b, { taskId: b.items.taskB, targetValues: [] }));
    expect(put.status).toBe(200);
    const cookie = both(admin.cookie, `duban_bookmark=0.${A_BOOKMARK}~${bookmarkSet(put)!.slice('duban_bookmark='.length)}`);
    const plans = await call('GET', '/api/plans', { cookie });
    expect(plans.status).toBe(200);
    expect(plans.headers.has('set-cookie')).toBe(false);
    expect((await json(plans)).plans.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([a.planId, b.planId]));
    const users = (await json(await call('GET', '/api/users', { cookie }))).users.map((u: { id: string }) => u.id);
    expect(users).toEqual(expect.arrayContaining([a.users.admin.id, b.users.admin.id]));
    // Opening database 1's plan by id (database 0 answers 404 first) works from the bookmark too.
    expect((await call('GET', `/api/plans/${b.planId}/tasks`, { cookie })).status).toBe(200);
  });
});

describe('lib/bookmark', () => {
  it('chooses the start: writes on the primary, reads from their bookmark or anywhere', () => {
    const marks = new Map([[1, A_BOOKMARK]]);
    expect(sessionStart('PUT', marks, 1)).toBe('first-primary');
    expect(sessionStart('POST', marks, 1)).toBe('first-primary');
    expect(sessionStart('DELETE', marks, 1)).toBe('first-primary');
    expect(sessionStart('GET', marks, 1)).toBe(A_BOOKMARK);
    expect(sessionStart('HEAD', marks, 1)).toBe(A_BOOKMARK);
    expect(sessionStart('GET', marks, 0)).toBe('first-unconstrained');
  });

  it('formats and parses the cookie value round trip, in index order', () => {
    const value = formatBookmarks(new Map([[1, LATER], [0, A_BOOKMARK]]));
    expect(value).toBe(`0.${A_BOOKMARK}~1.${LATER}`);
    expect([...parseBookmarks(value, 2)]).toEqual([[0, A_BOOKMARK], [1, LATER]]);
    expect(parseBookmarks(value, 1).size).toBe(0); // database 1 is not in this deployment
    expect(parseBookmarks(undefined, 2).size).toBe(0);
  });
});
