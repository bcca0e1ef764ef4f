// Fixtures for worker tests: every call creates its own organisation with unique ids, because
// storage is shared by all tests of a file (docs/PLATFORM.md). Requests go through the real app
// over HTTP semantics (Request in, Response out) against the real local D1 and R2.
import { env, exports } from 'cloudflare:workers';
import { createApp } from '../../worker/src/app';
import { hashPassword, type PasswordHash } from '../../worker/src/lib/password';
import { createSessionStatement } from '../../worker/src/lib/session';
import { claimUsernames, placeOrg } from '../../worker/src/db/placements';
import { databasesOf, sessionCookieValue } from '../../worker/src/lib/databases';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'test-password-123';

let cachedHash: Promise<PasswordHash> | null = null;
function passwordHash(): Promise<PasswordHash> {
  cachedHash ??= hashPassword(PASSWORD);
  return cachedHash;
}

export interface CallOptions {
  cookie?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Use an app with a fixed clock instead of the deployed entry. */
  now?: Date;
}

/** Calls the worker like a browser on the same origin would. */
export async function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set('cookie', opts.cookie);
  if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin')) headers.set('origin', ORIGIN);
  let body = opts.body;
  if (opts.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(opts.json);
  }
  const req = new Request(`${ORIGIN}${path}`, { method, headers, body });
  if (opts.now) {
    const fixed = opts.now;
    return createApp({ now: () => fixed }).fetch(req, env, { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext);
  }
  return exports.default.fetch(req);
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const uid = () => crypto.randomUUID();

export interface FixtureUser {
  id: string;
  username: string;
  cookie: string;
}

export interface Fixture {
  orgId: string;
  orgName: string;
  planId: string;
  units: { a: string; b: string; c: string };
  leaderId: string;
  items: { indicator: string; taskA: string; taskB: string };
  targetA: string;
  users: { admin: FixtureUser; leader: FixtureUser; unitA: FixtureUser; unitB: FixtureUser; unitC: FixtureUser };
}

/**
 * One organisation with a plan of three items:
 *  indicator (lead A), taskA (lead A, co C, leader L, target 11000 个), taskB (lead B).
 * Users: admin, leader L, unit A, unit B, unit C — each already signed in.
 */
export async function makeFixture(opts: { year?: number; cycle?: string; dueDay?: number; database?: number } = {}): Promise<Fixture> {
  const db = databaseAt(opts.database);
  const now = new Date().toISOString();
  const tag = uid().slice(0, 8);
  const orgId = uid();
  const orgName = `测试区人民政府-${tag}`;
  const planId = uid();
  const units = { a: uid(), b: uid(), c: uid() };
  const leaderId = uid();
  const items = { indicator: uid(), taskA: uid(), taskB: uid() };
  const targetA = uid();
  const year = opts.year ?? 2024;
  await db.batch([
    db.prepare('INSERT INTO orgs (id, name, short_name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(orgId, orgName, `测试区${tag}`, now),
    db
      .prepare(
        `INSERT INTO plans (id, org_id, title, issuer, doc_number, year, cycle, due_day, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)`,
      )
      .bind(planId, orgId, `${year}年主要工作任务分解方案`, orgName, `测政发〔${year}〕${tag}号`, year, opts.cycle ?? 'monthly', opts.dueDay ?? 25, now),
    ...Object.entries(units).map(([k, id]) =>
      db.prepare('INSERT INTO units (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(id, orgId, `单位${k.toUpperCase()}`, now),
    ),
    db.prepare('INSERT INTO leaders (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(leaderId, orgId, '张领导', now),
    ...[
      [items.indicator, 1, 'indicator', '1', '["经济社会发展主要预期目标"]', '地区生产总值增长5%以上'],
      [items.taskA, 2, 'task', '1', '["工作任务分解","教育"]', '新建学校10所，新增学位11000个，九月底前完成'],
      [items.taskB, 3, 'task', '2', '["工作任务分解","交通"]', '推进道路建设，确保年底通车'],
    ].map(([id, seq, kind, num, path, text]) =>
      db
        .prepare(
          `INSERT INTO items (id, plan_id, seq, kind, number, path_json, text, deadline, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, ?8)`,
        )
        .bind(id, planId, seq, kind, num, path, text, now),
    ),
    db.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, 'lead', 0)`).bind(items.indicator, units.a, planId),
    db.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, 'lead', 0)`).bind(items.taskA, units.a, planId),
    db.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, 'co', 1)`).bind(items.taskA, units.c, planId),
    db.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, 'lead', 0)`).bind(items.taskB, units.b, planId),
    db.prepare('INSERT INTO item_leaders (item_id, leader_id, plan_id, seq) VALUES (?1, ?2, ?3, 0)').bind(items.taskA, leaderId, planId),
    db.prepare('INSERT INTO targets (id, item_id, seq, text, value, unit) VALUES (?1, ?2, 0, ?3, 11000, ?4)').bind(targetA, items.taskA, '新增学位11000个', '个'),
  ]);
  if (opts.database) await placeOrg(env.DB, { orgId, name: orgName, db: opts.database, now: new Date(now) });
  const mk = (role: string, suffix: string, extra: { unitId?: string; leaderId?: string } = {}) =>
    createUser({ orgId, role, username: `${tag}-${suffix}`, displayName: `${suffix}用户`, database: opts.database, ...extra });
  const users = {
    admin: await mk('admin', 'admin'),
    leader: await mk('leader', 'leader', { leaderId }),
    unitA: await mk('unit', 'unitA', { unitId: units.a }),
    unitB: await mk('unit', 'unitB', { unitId: units.b }),
    unitC: await mk('unit', 'unitC', { unitId: units.c }),
  };
  return { orgId, orgName, planId, units, leaderId, items, targetA, users };
}

/** A user with password PASSWORD (already changed) and a live session. */
export async function createUser(u: {
  orgId: string | null;
  role: string;
  username: string;
  displayName?: string;
  unitId?: string;
  leaderId?: string;
  mustChangePassword?: boolean;
  /** Index in wrangler.toml's DATABASES; the directory learns the username (default 0, unrecorded). */
  database?: number;
}): Promise<FixtureUser> {
  const db = databaseAt(u.database);
  const id = uid();
  const now = new Date();
  const ph = await passwordHash();
  await db
    .prepare(
      `INSERT INTO users (id, org_id, username, display_name, role, unit_id, leader_id, password_hash, password_salt,
                          password_iterations, must_change_password, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)`,
    )
    .bind(id, u.orgId, u.username, u.displayName ?? u.username, u.role, u.unitId ?? null, u.leaderId ?? null, ph.hash, ph.salt, ph.iterations, u.mustChangePassword ? 1 : 0, now.toISOString())
    .run();
  const { session, statement } = await createSessionStatement(db, id, now, {});
  await statement.run();
  if (u.database) await claimUsernames(env.DB, [u.username], u.database);
  return { id, username: u.username, cookie: `duban_session=${sessionCookieValue(u.database ?? 0, session.token)}` };
}

/** A database of the worker by index (0: env.DB); a fixture on another one is placed in the directory. */
function databaseAt(index = 0): D1Database {
  return databasesOf(env)[index]!;
}
