// Validators on cacheable reads (docs/ARCHITECTURE.md): ETag + `private, no-cache`, 304 on a matching
// If-None-Match — and a fresh 200 whenever anything the answer is made of changed.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CACHEABLE_READS } from '../../worker/src/app';
import { matches } from '../../worker/src/middleware/revalidate';
import { MARCH_20, reportAndSubmit, reportBody, review } from './reports-support';
import { call, createUser, json, makeFixture, type Fixture } from './support';

const NEXT_DAY = new Date(MARCH_20.getTime() + 24 * 3600_000);

async function get(cookie: string, path: string, etag?: string, now = MARCH_20) {
  return call('GET', path, { cookie, now, headers: etag ? { 'if-none-match': etag } : {} });
}

/** A 200 with a validator; returns the tag. */
async function fresh(cookie: string, path: string, etag?: string, now = MARCH_20): Promise<string> {
  const res = await get(cookie, path, etag, now);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('cache-control')).toBe('private, no-cache');
  const tag = res.headers.get('etag');
  expect(tag).toMatch(/^W\/"[0-9a-f]+"$/);
  if (etag) expect(tag).not.toBe(etag);
  await res.arrayBuffer();
  return tag!;
}

async function notModified(cookie: string, path: string, etag: string, now = MARCH_20) {
  const res = await get(cookie, path, etag, now);
  expect(res.status, path).toBe(304);
  expect(res.headers.get('etag')).toBe(etag);
  expect(res.headers.get('cache-control')).toBe('private, no-cache');
  expect(await res.text()).toBe('');
}

const paths = (f: Fixture) => ({
  items: `/api/plans/${f.planId}/tasks`,
  dashboard: `/api/plans/${f.planId}/dashboard?period=2024-03`,
});

describe('ETag and 304 on cacheable reads', () => {
  it('answer 304 until the organisation changes, then 200 with a new tag', async () => {
    const f = await makeFixture();
    const other = await makeFixture();
    const p = paths(f);
    const items = await fresh(f.users.unitA.cookie, p.items);
    const board = await fresh(f.users.admin.cookie, p.dashboard);
    await notModified(f.users.unitA.cookie, p.items, items);
    await notModified(f.users.admin.cookie, p.dashboard, board);
    // Another organisation's writes change nothing here.
    await reportAndSubmit(other.users.unitA.cookie, reportBody(other));
    await notModified(f.users.admin.cookie, p.dashboard, board);
    // A report in this organisation: both answers are rebuilt.
    const id = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    const items2 = await fresh(f.users.unitA.cookie, p.items, items);
    const board2 = await fresh(f.users.admin.cookie, p.dashboard, board);
    await notModified(f.users.admin.cookie, p.dashboard, board2);
    // A review is a change too.
    expect((await review(f.users.admin.cookie, id, 'accepted')).status).toBe(200);
    await fresh(f.users.admin.cookie, p.dashboard, board2);
    await notModified(f.users.unitA.cookie, p.items, await fresh(f.users.unitA.cookie, p.items, items2));
  });

  it('never hand one caller’s tag to another, nor yesterday’s to today', async () => {
    const f = await makeFixture();
    const p = paths(f);
    const forA = await fresh(f.users.unitA.cookie, p.items);
    // Unit B sees other items in full: A's tag is no validator for B's answer.
    await fresh(f.users.unitB.cookie, p.items, forA);
    // Traffic lights move with the calendar.
    await fresh(f.users.unitA.cookie, p.items, forA, NEXT_DAY);
    // Another URL (period) is another answer.
    const march = await fresh(f.users.admin.cookie, p.dashboard);
    await fresh(f.users.admin.cookie, `/api/plans/${f.planId}/dashboard?period=2024-02`, march);
  });

  it('revalidate /api/me against the account, and refuse as before', async () => {
    const f = await makeFixture();
    const me = await fresh(f.users.unitA.cookie, '/api/me');
    await notModified(f.users.unitA.cookie, '/api/me', me);
    await env.DB.prepare(`UPDATE users SET display_name = '改名后', updated_at = ?2 WHERE id = ?1`).bind(f.users.unitA.id, new Date().toISOString()).run();
    const res = await get(f.users.unitA.cookie, '/api/me', me);
    expect(res.status).toBe(200);
    expect((await res.json()) as { displayName: string }).toMatchObject({ displayName: '改名后' });
    // A refusal is no cacheable answer, whatever tag the caller sends: another user's, or `*`.
    const adminTag = await fresh(f.users.admin.cookie, paths(f).dashboard);
    for (const tag of [adminTag, '*']) {
      const refused = await get(f.users.unitA.cookie, paths(f).dashboard, tag);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('etag')).toBeNull();
    }
    expect((await call('GET', '/api/me', { headers: { 'if-none-match': me } })).status).toBe(401);
  });

  it('share one render among callers who would get the same bytes, and only among them', async () => {
    const f = await makeFixture();
    const p = paths(f);
    // Accounts made first: a new account is a change (the stamp) and would start a new render.
    const second = await createUser({ orgId: f.orgId, role: 'admin', username: `admin2-${crypto.randomUUID().slice(0, 8)}` });
    const mustChange = await createUser({ orgId: f.orgId, role: 'admin', username: `admin3-${crypto.randomUUID().slice(0, 8)}`, mustChangePassword: true });
    const first = await get(f.users.admin.cookie, p.dashboard);
    const body = await first.text();
    expect(first.headers.get('server-timing')).toMatch(/^d1;dur=/);
    // Another 督查室 account: the same bytes from the first render (no route ran: no timing), its own validator.
    const again = await get(second.cookie, p.dashboard);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(body);
    expect(again.headers.get('server-timing')).toBeNull();
    expect(again.headers.get('etag')).not.toBe(first.headers.get('etag'));
    // An admin who must change the password first is refused all the same.
    expect((await get(mustChange.cookie, p.dashboard)).status).toBe(403);
    // Unit A's task list is kept; unit B still sees task A by title only.
    const forA = await json(await get(f.users.unitA.cookie, p.items));
    const forB = await json(await get(f.users.unitB.cookie, p.items));
    const access = (r: { items: Array<{ id: string; access: string }> }) => r.items.find((i) => i.id === f.items.taskA)!.access;
    expect([access(forA), access(forB)]).toEqual(['full', 'title']);
  });

  it('cover every cacheable read', async () => {
    const f = await makeFixture();
    const concrete = (route: string) =>
      route.replace('/api/plans/:id', `/api/plans/${f.planId}`).replace('/api/tasks/:id', `/api/tasks/${f.items.taskA}`).replace('/api/units/:id', `/api/units/${f.units.a}`);
    for (const route of CACHEABLE_READS) {
      const tag = await fresh(f.users.admin.cookie, concrete(route));
      await notModified(f.users.admin.cookie, concrete(route), tag);
    }
  });

  it('compare If-None-Match the weak way, lists included', () => {
    expect(matches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('"abc"', 'W/"abc"')).toBe(true);
    expect(matches('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('*', 'W/"abc"')).toBe(false);
    expect(matches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matches(undefined, 'W/"abc"')).toBe(false);
  });
});
