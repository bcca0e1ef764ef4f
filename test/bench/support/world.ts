// A synthetic district for the growth and dashboard figures, written straight into a local D1:
// one monthly plan of 120 tasks for a year, 100 units (each task with one or two lead units and
// two co-units), optionally 分管领导, a 督查室 admin and a unit account — then any number of
// reports, every one on its own (task, unit, period) as the unique index of migration 0003 demands: lead units first, then co-units, then other units in turn.
import { hashPassword } from '../../../worker/src/lib/password';
import type { withLocalEnv } from '../../../worker/cli/local-d1';
import { mulberry32, printSeed, runSeed } from '../../support/random';

export type Db = Parameters<Parameters<typeof withLocalEnv>[1]>[0]['DB'];

export const WORLD = { tasks: 120, units: 100, year: 2024 } as const;
export const PERIODS = Array.from({ length: 12 }, (_, i) => `${WORLD.year}-${String(i + 1).padStart(2, '0')}`);
export const WORLD_PASSWORD = 'bench-password-123';
/** Every (task, unit, period) slot there is: the most reports the world can hold. */
export const MAX_REPORTS = WORLD.tasks * WORLD.units * PERIODS.length;

export interface World {
  orgId: string;
  planId: string;
  unitIds: string[];
  authorId: string;
  admin: string;
  unitUser: string;
  tasks: Array<{ id: string; order: number[]; targetId: string }>;
  /** Reports inserted so far (the next slot to fill). */
  filled: number;
}

/** Seeded, so every run measures the same data (TEST_SEED picks another world). */
const WORLD_SEED = runSeed(20240325);

/** Multi-row INSERT … SELECT FROM json_each(?1): one bound parameter per statement (D1 allows 100). */
export async function insertMany(db: Db, head: string, rows: unknown[][], perStatement = 300): Promise<void> {
  if (rows.length === 0) return;
  const cols = Array.from({ length: rows[0]!.length }, (_, i) => `json_extract(j.value, '$[${i}]')`).join(', ');
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    statements.push(db.prepare(`${head} SELECT ${cols} FROM json_each(?1) j`).bind(JSON.stringify(rows.slice(i, i + perStatement))));
  }
  // Small batches: a long one under load tripped the local proxy's synchronous call (no message).
  for (let i = 0; i < statements.length; i += 5) await db.batch(statements.slice(i, i + 5));
}

const PROGRESS = '本月按计划推进，完成项目立项和方案设计，组织召开推进会2次，协调解决用地、资金等问题，下步将加快施工进度，确保按期完成年度目标任务。';

/**
 * `n` > 0 makes another organisation of the same shape (names and accounts suffixed); `leaders`
 * > 0 adds that many 分管领导, one per task in turn (the dashboard groups by them).
 */
export async function createWorld(db: Db, n = 0, { leaders = 0 } = {}): Promise<World> {
  if (n === 0) printSeed('world', WORLD_SEED);
  const rand = mulberry32(WORLD_SEED);
  const sfx = n ? `-${n}` : '';
  const uuid = () => crypto.randomUUID();
  const now = new Date().toISOString();
  const orgId = uuid();
  const planId = uuid();
  const unitIds = Array.from({ length: WORLD.units }, uuid);
  const adminId = uuid();
  const authorId = uuid();
  const ph = await hashPassword(WORLD_PASSWORD);
  await db.batch([
    db.prepare('INSERT INTO orgs (id, name, short_name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(orgId, `增长区${sfx}人民政府`, `增长区${sfx}`, now),
    db
      .prepare(`INSERT INTO plans (id, org_id, title, issuer, doc_number, year, cycle, due_day, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'monthly', 25, ?7, ?7)`)
      .bind(planId, orgId, `增长区政府${WORLD.year}年主要工作任务分解方案`, '增长区人民政府', `增政发〔${WORLD.year}〕1号`, WORLD.year, now),
  ]);
  await insertMany(db, 'INSERT INTO units (id, org_id, name, kind, created_at)', unitIds.map((id, i) => [id, orgId, `单位${String(i + 1).padStart(3, '0')}局`, 'unit', now]));
  const leaderIds = Array.from({ length: leaders }, uuid);
  await insertMany(db, 'INSERT INTO leaders (id, org_id, name, created_at)', leaderIds.map((id, i) => [id, orgId, `领导${i + 1}`, now]));
  const tasks: World['tasks'] = [];
  const itemRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  const leaderRows: unknown[][] = [];
  const targetRows: unknown[][] = [];
  for (let t = 0; t < WORLD.tasks; t++) {
    const id = uuid();
    // Unit 0 (the bench unit account) leads every tenth task and co-carries every fifth.
    const lead = t % 10 === 0 ? 0 : 1 + Math.floor(rand() * 59);
    const leads = rand() < 0.25 ? [lead, 1 + ((lead + 1) % 59)] : [lead];
    const cos = [t % 5 === 2 ? 0 : 60 + Math.floor(rand() * 40), 60 + Math.floor(rand() * 40)].filter((u, i, a) => a.indexOf(u) === i && !leads.includes(u));
    const path = ['工作任务分解', `第${Math.floor((t / WORLD.tasks) * 8) + 1}篇章`, `任务组${Math.floor(t / 3) + 1}`];
    itemRows.push([id, planId, t + 1, 'task', String(t + 1), JSON.stringify(path), `推进第${t + 1}项重点工作，新增学位${1000 + t}个，年底前完成。`, `${WORLD.year}-12-31`, now, now]);
    leads.forEach((u, i) => unitRows.push([id, unitIds[u], planId, 'lead', i]));
    cos.forEach((u, i) => unitRows.push([id, unitIds[u], planId, 'co', 10 + i]));
    if (leaders) leaderRows.push([id, leaderIds[t % leaders], planId, 0]);
    const targetId = uuid();
    targetRows.push([targetId, id, 0, `新增学位${1000 + t}个`, 1000 + t, '个']);
    const order = [...leads, ...cos];
    for (let u = 0; order.length < WORLD.units; u++) if (!order.includes((t * 7 + u) % WORLD.units)) order.push((t * 7 + u) % WORLD.units);
    tasks.push({ id, order, targetId });
  }
  await insertMany(db, 'INSERT INTO items (id, plan_id, seq, kind, number, path_json, text, deadline, created_at, updated_at)', itemRows, 50);
  await insertMany(db, 'INSERT INTO item_units (item_id, unit_id, plan_id, role, seq)', unitRows);
  await insertMany(db, 'INSERT INTO item_leaders (item_id, leader_id, plan_id, seq)', leaderRows);
  await insertMany(db, 'INSERT INTO targets (id, item_id, seq, text, value, unit)', targetRows);
  await insertMany(
    db,
    `INSERT INTO users (id, org_id, username, display_name, role, unit_id, leader_id, password_hash, password_salt,
                        password_iterations, must_change_password, created_at, updated_at)`,
    [
      [adminId, orgId, `growth-admin${sfx}`, '督查室', 'admin', null, null, ph.hash, ph.salt, ph.iterations, 0, now, now],
      [authorId, orgId, `growth-unit${sfx}`, '填报员', 'unit', unitIds[0], null, ph.hash, ph.salt, ph.iterations, 0, now, now],
    ],
  );
  return { orgId, planId, unitIds, authorId, admin: `growth-admin${sfx}`, unitUser: `growth-unit${sfx}`, tasks, filled: 0 };
}

const STATUSES = ['on_track', 'on_track', 'on_track', 'on_track', 'on_track', 'done', 'behind', 'blocked', 'not_started'] as const;
const REPORT_HEAD = `INSERT INTO reports (id, org_id, plan_id, item_id, unit_id, period, author_id, state, status, percent,
  target_values_json, progress, problems, next_steps, received_at, submitted_at, first_submitted_at, verify_code, body_hash,
  created_at, updated_at)`;

/**
 * Adds reports until the world holds `total`. Slot n = (unit rank r, period p, task t) with the
 * unit rank varying slowest: every task gets its lead units' reports for every month before any
 * other unit reports — as a real year fills up.
 */
export async function fillReports(db: Db, w: World, total: number): Promise<void> {
  const rand = mulberry32(WORLD_SEED + 1000 + w.filled);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const perRank = WORLD.tasks * PERIODS.length;
  const rows: unknown[][] = [];
  for (let n = w.filled; n < Math.min(total, MAX_REPORTS); n++) {
    const rank = Math.floor(n / perRank);
    const p = Math.floor((n % perRank) / WORLD.tasks);
    const t = n % WORLD.tasks;
    const task = w.tasks[t]!;
    const id = crypto.randomUUID();
    const at = new Date(Date.UTC(WORLD.year, p, 10 + Math.floor(rand() * 18), 2, Math.floor(rand() * 60))).toISOString();
    const draft = rand() < 0.04;
    const state = draft ? 'draft' : pick(['submitted', 'accepted', 'accepted', 'returned', 'submitted'] as const);
    const percent = Math.min(100, Math.round(((p + 1) / 12) * 100 * (0.7 + rand() * 0.4)));
    rows.push([
      id, w.orgId, w.planId, task.id, w.unitIds[task.order[rank]!], PERIODS[p], w.authorId, state, pick(STATUSES), percent,
      JSON.stringify([{ targetId: task.targetId, value: Math.round((1000 + t) * (percent / 100)) }]),
      PROGRESS, '', '', at, draft ? null : at, draft ? null : at, id.replace(/-/g, '').slice(0, 16), id, at, at,
    ]);
  }
  await insertMany(db, REPORT_HEAD, rows, 200);
  w.filled = Math.min(total, MAX_REPORTS);
}
