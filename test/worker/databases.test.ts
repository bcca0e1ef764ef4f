// Organisations on several D1 databases (docs/SCALE.md "Past one database"): wrangler.toml binds
// DB (database 0, with the directory) and DB_1. Two organisations on two databases, signed in
// through the real sign-in, each one's data only in its own database (read straight from the
// bindings), nothing of one reachable by the other, the super-admin's views across both.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { newVerifyCode } from '../../shared/verify-code';
import { orgCounts, orgPlacementByName, placeOrg } from '../../worker/src/db/placements';
import { databaseNames, databasesOf, parseSessionCookie } from '../../worker/src/lib/databases';
import { emptiest, ensurePlacedOrg, SIZE_STEP } from '../../worker/src/lib/placement';
import { MARCH_20, putReport, reportBody, submit, uid } from './reports-support';
import { testDoc } from './fixtures/import-docs';
import { call, createUser, json, makeFixture, PASSWORD, type Fixture } from './support';
import { seededRandom } from '../support/random';

const rand = seededRandom('databases.test addresses', 20261128);

const [db0, db1] = databasesOf(env) as [D1Database, D1Database];
const rowIn = async (db: D1Database, sql: string, id: string) => (await db.prepare(sql).bind(id).first()) !== null;
const REPORT = 'SELECT 1 FROM reports WHERE id = ?1';

async function signIn(username: string): Promise<{ status: number; cookie: string }> {
  const res = await call('POST', '/api/auth/login', { json: { username, password: PASSWORD }, headers: { 'cf-connecting-ip': `203.0.113.${Math.floor(rand() * 250) + 1}` } });
  const value = /duban_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { status: res.status, cookie: `duban_session=${value}` };
}

let a: Fixture; // on database 0
let b: Fixture; // on database 1
let aCookie: string;
let bCookie: string;
let bReport: { id: string; code: string };
let admin: { cookie: string };

beforeAll(async () => {
  a = await makeFixture();
  b = await makeFixture({ database: 1 });
  aCookie = (await signIn(a.users.unitA.username)).cookie;
  bCookie = (await signIn(b.users.unitA.username)).cookie;
  const id = uid();
  const code = newVerifyCode();
  expect((await putReport(bCookie, id, reportBody(b, { verifyCode: code }))).status).toBe(200);
  expect((await submit(bCookie, id)).status).toBe(200);
  bReport = { id, code };
  admin = await createUser({ orgId: null, role: 'superadmin', username: `root-${uid().slice(0, 8)}` });
});

describe('two organisations on two databases', () => {
  it('are bound as DB and DB_1, listed in DATABASES', () => {
    expect(databaseNames(env)).toEqual(['DB', 'DB_1']);
    expect(db0).toBe(env.DB);
  });

  it('sign in on their own database: the cookie names database 1 for B, none (old format) for A', async () => {
    expect(parseSessionCookie(aCookie.split('=')[1]!)).toMatchObject({ index: 0 });
    expect(aCookie).toMatch(/^duban_session=[0-9a-f]{64}$/);
    expect(bCookie).toMatch(/^duban_session=1\.[0-9a-f]{64}$/);
    const me = await json(await call('GET', '/api/me', { cookie: bCookie }));
    expect(me).toMatchObject({ username: b.users.unitA.username, orgId: b.orgId });
    // The session row is on database 1 only.
    expect(await rowIn(db1, 'SELECT 1 FROM sessions WHERE user_id = ?1', b.users.unitA.id)).toBe(true);
    expect(await rowIn(db0, 'SELECT 1 FROM sessions WHERE user_id = ?1', b.users.unitA.id)).toBe(false);
  });

  it('write their data only to their own database', async () => {
    expect(await rowIn(db1, REPORT, bReport.id)).toBe(true);
    expect(await rowIn(db0, REPORT, bReport.id)).toBe(false);
    expect(await rowIn(db1, "SELECT 1 FROM audit_log WHERE entity_id = ?1 AND action = 'report.submit'", bReport.id)).toBe(true);
    expect(await rowIn(db0, 'SELECT 1 FROM audit_log WHERE entity_id = ?1', bReport.id)).toBe(false);
    const id = uid();
    expect((await putReport(aCookie, id, reportBody(a))).status).toBe(200);
    expect(await rowIn(db0, REPORT, id)).toBe(true);
    expect(await rowIn(db1, REPORT, id)).toBe(false);
  });

  it("cannot read each other's anything: plans, tasks, reports, sync, search", async () => {
    const aAdmin = a.users.admin.cookie;
    for (const path of [`/api/plans/${b.planId}/tasks`, `/api/plans/${b.planId}/dashboard`, `/api/tasks/${b.items.taskA}/reports`, `/api/reports/${bReport.id}`]) {
      expect((await call('GET', path, { cookie: aAdmin, now: MARCH_20 })).status, path).toBe(404);
    }
    const sync = await json(await call('GET', '/api/sync', { cookie: aCookie, now: MARCH_20 }));
    expect(sync.plans.map((p: { id: string }) => p.id)).toEqual([a.planId]);
    expect(sync.reports.map((r: { id: string }) => r.id)).not.toContain(bReport.id);
    const found = await json(await call('GET', '/api/search?q=学校', { cookie: aAdmin }));
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.hits.every((h: { planId: string }) => h.planId === a.planId)).toBe(true);
    // B's own admin sees B's report (the route is there; only A is refused).
    expect((await call('GET', `/api/reports/${bReport.id}`, { cookie: b.users.admin.cookie, now: MARCH_20 })).status).toBe(200);
  });

  it('a cookie naming another database than its session is no session', async () => {
    const token = bCookie.split('.')[1]!;
    expect((await call('GET', '/api/me', { cookie: `duban_session=${token}` })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: `duban_session=7.${token}` })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: `duban_session=1.${aCookie.split('=')[1]}` })).status).toBe(401);
    // The old format on database 0 (sessions from before several databases) keeps working.
    expect((await call('GET', '/api/me', { cookie: a.users.leader.cookie })).status).toBe(200);
  });
});

describe('the verification page', () => {
  it('finds a code on database 1 for anyone, and opens the report only for its organisation', async () => {
    const anonymous = await call('GET', `/api/verify/${bReport.code}`);
    expect(anonymous.status).toBe(200);
    expect(await json(anonymous)).toMatchObject({ verifyCode: bReport.code, orgName: b.orgName, reportId: null });
    expect(await json(await call('GET', `/api/verify/${bReport.code}`, { cookie: a.users.admin.cookie }))).toMatchObject({ reportId: null });
    expect(await json(await call('GET', `/api/verify/${bReport.code}`, { cookie: b.users.admin.cookie }))).toMatchObject({ reportId: bReport.id });
    expect((await call('GET', `/api/verify/${newVerifyCode()}`)).status).toBe(404);
  });
});

describe('the super-admin (database 0)', () => {
  it('lists the plans and accounts of both databases', async () => {
    const plans = (await json(await call('GET', '/api/plans', { cookie: admin.cookie }))).plans.map((p: { id: string }) => p.id);
    expect(plans).toEqual(expect.arrayContaining([a.planId, b.planId]));
    const users = (await json(await call('GET', '/api/users', { cookie: admin.cookie }))).users.map((u: { id: string }) => u.id);
    expect(users).toEqual(expect.arrayContaining([a.users.admin.id, b.users.admin.id]));
    const audit = (await json(await call('GET', '/api/audit?entityType=report', { cookie: admin.cookie }))).entries;
    expect(audit.some((e: { entityId: string }) => e.entityId === bReport.id)).toBe(true);
    const hits = (await json(await call('GET', '/api/search?q=学校', { cookie: admin.cookie }))).hits.map((h: { planId: string }) => h.planId);
    expect(hits).toEqual(expect.arrayContaining([a.planId, b.planId]));
  });

  it("opens and acts on database 1's records by id, and creates accounts there", async () => {
    const items = await call('GET', `/api/plans/${b.planId}/tasks`, { cookie: admin.cookie });
    expect(items.status).toBe(200);
    expect((await json(items)).items.length).toBe(3);
    expect((await call('GET', `/api/plans/${uid()}/tasks`, { cookie: admin.cookie })).status).toBe(404);
    const username = `made-${uid().slice(0, 8)}`;
    const made = await call('POST', '/api/users', { cookie: admin.cookie, json: { orgId: b.orgId, username, displayName: '新账号', role: 'admin' } });
    expect(made.status).toBe(201);
    expect(await rowIn(db1, 'SELECT 1 FROM users WHERE username = ?1', username)).toBe(true);
    expect(await rowIn(db0, 'SELECT 1 FROM users WHERE username = ?1', username)).toBe(false);
    expect(await rowIn(db0, 'SELECT 1 FROM login_placements WHERE db = 1 AND username = ?1', username)).toBe(true);
  });
});

describe("the super-admin's in-app import of a new organisation", () => {
  it('places it on the emptier database and imports there; a later preview finds it there', async () => {
    const now = new Date();
    // Database 0 holds more organisations: the new one goes to database 1.
    for (let i = 0; i < 3; i++) await placeOrg(db0, { orgId: uid(), name: `占位区-${uid()}`, db: 0, now });
    const tag = Array.from(crypto.getRandomValues(new Uint8Array(6)), (n) => '东南西北甲乙丙丁春夏秋冬'[n % 12]).join('');
    // A Chinese name of its own for the issuer; the document number keeps its digits.
    const text = testDoc('7').replaceAll('测试7区', `测试${tag}区`);
    const commit = await call('POST', '/api/imports/commit', { cookie: admin.cookie, json: { text } });
    expect(commit.status).toBe(201);
    const { planId } = await json(commit);
    const placed = await orgPlacementByName(db0, `测试${tag}区人民政府`);
    expect(placed?.db).toBe(1);
    expect(await rowIn(db1, 'SELECT 1 FROM plans WHERE id = ?1', planId)).toBe(true);
    expect(await rowIn(db0, 'SELECT 1 FROM plans WHERE id = ?1', planId)).toBe(false);
    expect(await rowIn(db0, 'SELECT 1 FROM orgs WHERE id = ?1', placed!.orgId)).toBe(false);
    const preview = await json(await call('POST', '/api/imports/preview', { cookie: admin.cookie, json: { text } }));
    expect(preview.existing?.planId).toBe(planId);
  });
});

describe('usernames', () => {
  it('are unique across databases: a name taken on database 0 is refused on database 1', async () => {
    const username = `taken-${uid().slice(0, 8)}`;
    const account = (cookie: string, name: string, leaderId: string) =>
      call('POST', '/api/users', { cookie, json: { username: name, displayName: '重名', role: 'leader', leaderId } });
    expect((await account(a.users.admin.cookie, username, a.leaderId)).status).toBe(201);
    expect((await account(b.users.admin.cookie, username.toUpperCase(), b.leaderId)).status).toBe(409);
    expect(await rowIn(db1, 'SELECT 1 FROM users WHERE username = ?1', username)).toBe(false);
    expect(await rowIn(db0, 'SELECT 1 FROM login_placements WHERE db = 0 AND username = ?1', username)).toBe(true);
  });
});

describe('placement of a new organisation', () => {
  it('picks the database with the most room: size first, in steps; then fewer organisations', () => {
    expect(emptiest([{ index: 0, size: 3 * SIZE_STEP, orgs: 1 }, { index: 1, size: SIZE_STEP, orgs: 9 }])).toBe(1);
    expect(emptiest([{ index: 0, size: 1000, orgs: 1 }, { index: 1, size: 5000, orgs: 3 }])).toBe(0);
    expect(emptiest([{ index: 0, size: null, orgs: 2 }, { index: 1, size: null, orgs: 2 }])).toBe(0);
  });

  it('places organisations so the databases even out, and keeps a name where it is', async () => {
    const now = new Date();
    const before = await orgCounts(db0);
    const emptier = (before.get(1) ?? 0) < (before.get(0) ?? 0) ? 1 : 0;
    const first = await ensurePlacedOrg([db0, db1], `新区-${uid()}`, now);
    expect(first.db).toBe(emptier);
    // The org row lands on the chosen database with the directory's id.
    expect(await rowIn([db0, db1][first.db]!, 'SELECT 1 FROM orgs WHERE id = ?1', first.orgId)).toBe(true);
    expect(await rowIn([db0, db1][1 - first.db]!, 'SELECT 1 FROM orgs WHERE id = ?1', first.orgId)).toBe(false);
    // Fill the other one up with organisations: the next goes to the emptier again.
    const after = await orgCounts(db0);
    const fewer = (after.get(1) ?? 0) < (after.get(0) ?? 0) ? 1 : 0;
    expect((await ensurePlacedOrg([db0, db1], `又一区-${uid()}`, now)).db).toBe(fewer);
    const name = `同名区-${uid()}`;
    const placed = await ensurePlacedOrg([db0, db1], name, now);
    expect(await ensurePlacedOrg([db0, db1], name, now)).toEqual(placed);
  });
});
