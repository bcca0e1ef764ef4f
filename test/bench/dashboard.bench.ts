// Dashboard speed on local workerd: a synthetic plan (120 tasks, 100 units, monthly, a full year)
// with 10 000 reports, then 100 000, in a fresh local D1 served by `wrangler dev`; prints the
// median and p90 of GET /api/plans/:id/dashboard over 40 calls and the gzip size of its answer.
// Targets: median ≤ 50 ms and ≤ 30 KB gzip at 10 000 reports; at most 2× that at 100 000.
//   npx tsx test/bench/dashboard.bench.ts
// Not a test: it prints figures (and says whether the targets were met) but never fails a build.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { applyLocalMigrations, withLocalEnv } from '../../worker/cli/local-d1';
import { hashPassword } from '../../worker/src/lib/password';
import { startDevServer } from '../support/wrangler-dev';

const TASKS = 120;
const UNITS = 100;
const LEADERS = 12;
const CHAPTERS = 8;
const YEAR = 2024;
const PERIODS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
const CALLS = 40;
const DASHBOARD = 'dashboard (2024-12, 12-period trend)';
const BASELINE = 'baseline: GET /api/me (session only)';
const PASSWORD = 'bench-password-123';

/** A small deterministic PRNG so every run measures the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = rng(20240325);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const uuid = () => crypto.randomUUID();

interface Task {
  id: string;
  leads: number[];
  cos: number[];
  targetId: string;
}

interface World {
  orgId: string;
  planId: string;
  unitIds: string[];
  authorId: string;
  tasks: Task[];
}

const PROGRESS = '本月按计划推进，完成项目立项和方案设计，组织召开推进会2次，协调解决用地、资金等问题，下步将加快施工进度，确保按期完成年度目标任务。';

type Db = Parameters<Parameters<typeof withLocalEnv>[1]>[0]['DB'];

/**
 * Bulk INSERTs for bench data: rows travel as one JSON parameter (json_each), since D1 allows at
 * most 100 bound parameters per statement — locally too.
 */
async function insertMany(db: Db, head: string, rows: unknown[][], perStatement = 300) {
  if (rows.length === 0) return;
  const width = rows[0]!.length;
  const cols = Array.from({ length: width }, (_, i) => `json_extract(j.value, '$[${i}]')`).join(', ');
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    statements.push(db.prepare(`${head} SELECT ${cols} FROM json_each(?1) j`).bind(JSON.stringify(rows.slice(i, i + perStatement))));
  }
  for (let i = 0; i < statements.length; i += 20) await db.batch(statements.slice(i, i + 20));
}

async function createWorld(db: Db): Promise<World> {
  const now = new Date().toISOString();
  const orgId = uuid();
  const planId = uuid();
  const unitIds = Array.from({ length: UNITS }, uuid);
  const leaderIds = Array.from({ length: LEADERS }, uuid);
  const adminId = uuid();
  const authorId = uuid();
  const ph = await hashPassword(PASSWORD);
  await db.batch([
    db.prepare('INSERT INTO orgs (id, name, short_name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(orgId, '基准区人民政府', '基准区', now),
    db
      .prepare(
        `INSERT INTO plans (id, org_id, title, issuer, doc_number, year, cycle, due_day, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'monthly', 25, ?7, ?7)`,
      )
      .bind(planId, orgId, `基准区政府${YEAR}年主要工作任务分解方案`, '基准区人民政府', `基政发〔${YEAR}〕1号`, YEAR, now),
  ]);
  await insertMany(db, 'INSERT INTO units (id, org_id, name, kind, created_at)', unitIds.map((id, i) => [id, orgId, `单位${String(i + 1).padStart(3, '0')}局`, 'unit', now]));
  await insertMany(db, 'INSERT INTO leaders (id, org_id, name, created_at)', leaderIds.map((id, i) => [id, orgId, `领导${i + 1}`, now]));
  const tasks: Task[] = [];
  const itemRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  const leaderRows: unknown[][] = [];
  const targetRows: unknown[][] = [];
  for (let t = 0; t < TASKS; t++) {
    const id = uuid();
    const lead = Math.floor(rand() * 60);
    const leads = rand() < 0.25 ? [lead, (lead + 1) % 60] : [lead];
    const cos = [60 + Math.floor(rand() * 40), 60 + Math.floor(rand() * 40)].filter((u, i, a) => a.indexOf(u) === i);
    const chapter = Math.floor((t / TASKS) * CHAPTERS);
    const path = ['工作任务分解', `第${chapter + 1}篇章：实施某某行动，打造某某高地`, `任务组${Math.floor(t / 3) + 1}`];
    itemRows.push([id, planId, t + 1, 'task', String(t + 1), JSON.stringify(path), `推进第${t + 1}项重点工作，新增学位${1000 + t}个，年底前完成。${PROGRESS}`, `${YEAR}-12-31`, now, now]);
    leads.forEach((u, i) => unitRows.push([id, unitIds[u], planId, 'lead', i]));
    cos.forEach((u, i) => unitRows.push([id, unitIds[u], planId, 'co', 10 + i]));
    leaderRows.push([id, pick(leaderIds), planId, 0]);
    const targetId = uuid();
    targetRows.push([targetId, id, 0, `新增学位${1000 + t}个`, 1000 + t, '个']);
    tasks.push({ id, leads, cos, targetId });
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
      [adminId, orgId, 'bench-admin', '督查室', 'admin', null, null, ph.hash, ph.salt, ph.iterations, 0, now, now],
      [authorId, orgId, 'bench-unit', '填报员', 'unit', unitIds[0], null, ph.hash, ph.salt, ph.iterations, 0, now, now],
    ],
  );
  return { orgId, planId, unitIds, authorId, tasks };
}

const STATUSES = ['on_track', 'on_track', 'on_track', 'on_track', 'on_track', 'done', 'behind', 'blocked', 'not_started'] as const;

/**
 * Reports for slots [from, to) of every (task, period): slot 0.. are the lead units, then the
 * co-units, then other units in turn — so each (task, unit, period) has at most one report, as in
 * production. About 8 % of lead units skip a month; a fifth report after the 25th.
 */
function reportRows(w: World, from: number, to: number): unknown[][] {
  const rows: unknown[][] = [];
  for (const [t, task] of w.tasks.entries()) {
    const order = [...task.leads, ...task.cos];
    for (let u = 0; order.length < UNITS; u++) if (!order.includes((t * 7 + u) % UNITS)) order.push((t * 7 + u) % UNITS);
    for (const [p, period] of PERIODS.entries()) {
      for (let s = from; s < Math.min(to, UNITS); s++) {
        if (s < task.leads.length && rand() < 0.08) continue;
        const id = uuid();
        const month = p + 1;
        const day = 10 + Math.floor(rand() * 21);
        const at = new Date(Date.UTC(YEAR, month - 1, Math.min(day, 28), 2, Math.floor(rand() * 60))).toISOString();
        const draft = rand() < 0.04;
        const state = draft ? 'draft' : pick(['submitted', 'accepted', 'accepted', 'returned', 'submitted']);
        const percent = Math.min(100, Math.round(((p + 1) / 12) * 100 * (0.7 + rand() * 0.4)));
        const targets = JSON.stringify([{ targetId: task.targetId, value: Math.round((1000 + t) * (percent / 100)) }]);
        rows.push([
          id, w.orgId, w.planId, task.id, w.unitIds[order[s]!], period, w.authorId, state, pick(STATUSES), percent, targets,
          PROGRESS, '', '', at, draft ? null : at, draft ? null : at, id.replace(/-/g, '').slice(0, 16), id, at, at,
        ]);
      }
    }
  }
  return rows;
}

const REPORT_HEAD = `INSERT INTO reports (id, org_id, plan_id, item_id, unit_id, period, author_id, state, status, percent,
  target_values_json, progress, problems, next_steps, received_at, submitted_at, first_submitted_at, verify_code, body_hash,
  created_at, updated_at)`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(baseURL: string, planId: string, label: string) {
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL },
    body: JSON.stringify({ username: 'bench-admin', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const endpoints: Array<[string, string]> = [
    [BASELINE, '/api/me'],
    [DASHBOARD, `/api/plans/${planId}/dashboard?period=2024-12`],
    ['dashboard (2024-06)', `/api/plans/${planId}/dashboard?period=2024-06`],
    ['circular JSON (2024-12)', `/api/plans/${planId}/circular?period=2024-12`],
    ['targets', `/api/plans/${planId}/targets`],
    ['search 教育 (LIKE)', `/api/search?plan=${planId}&q=${encodeURIComponent('学位')}`],
    ['search 新增学位 (FTS)', `/api/search?plan=${planId}&q=${encodeURIComponent('新增学位')}`],
  ];
  const out: Record<string, { median: number; p90: number; raw: number; gzip: number; server: number | null }> = {};
  for (const [name, path] of endpoints) {
    const calls = name === DASHBOARD ? CALLS : 15;
    let body = '';
    for (let i = 0; i < 3; i++) body = await (await fetch(`${baseURL}${path}`, { headers: { cookie } })).text();
    const times: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < calls; i++) {
      const start = performance.now();
      const res = await fetch(`${baseURL}${path}`, { headers: { cookie } });
      body = await res.text();
      times.push(performance.now() - start);
      if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
      const d1 = /d1;dur=(\d+)/.exec(res.headers.get('server-timing') ?? '');
      if (d1) server.push(Number(d1[1]));
    }
    times.sort((a, b) => a - b);
    server.sort((a, b) => a - b);
    const raw = Buffer.byteLength(body);
    const gzip = gzipSync(body).length;
    const d1 = server.length ? percentile(server, 50) : null;
    out[name] = { median: percentile(times, 50), p90: percentile(times, 90), raw, gzip, server: d1 };
    console.log(
      `  [${label}] ${name.padEnd(38)} median ${percentile(times, 50).toFixed(1).padStart(6)} ms   p90 ${percentile(times, 90).toFixed(1).padStart(6)} ms   ` +
        `${(raw / 1024).toFixed(1)} KB raw / ${(gzip / 1024).toFixed(1)} KB gzip   (${calls} calls)${d1 === null ? '' : `   D1 wait in the worker: median ${d1} ms`}`,
    );
  }
  return out;
}

async function countReports(persistTo: string, planId: string): Promise<number> {
  return withLocalEnv(persistTo, async (env) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM reports WHERE plan_id = ?1').bind(planId).first<{ n: number }>())!.n);
}

async function main() {
  const persistTo = mkdtempSync(join(tmpdir(), 'duban-bench-'));
  try {
    console.log(`fresh local D1 in ${persistTo}`);
    await applyLocalMigrations(persistTo);
    let world!: World;
    let t0 = performance.now();
    await withLocalEnv(persistTo, async (env) => {
      world = await createWorld(env.DB);
      await insertMany(env.DB, REPORT_HEAD, reportRows(world, 0, 7), 200);
    });
    const n1 = await countReports(persistTo, world.planId);
    console.log(`seeded ${TASKS} tasks × ${PERIODS.length} periods, ${UNITS} units, ${n1} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    let server = await startDevServer({ persistTo });
    const small = await measure(server.url, world.planId, `${n1} reports`);
    await server.stop();
    if (process.env.BENCH_SMALL_ONLY) return;

    t0 = performance.now();
    await withLocalEnv(persistTo, (env) => insertMany(env.DB, REPORT_HEAD, reportRows(world, 7, 70), 200));
    const n2 = await countReports(persistTo, world.planId);
    console.log(`added reports up to ${n2} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    server = await startDevServer({ persistTo });
    const large = await measure(server.url, world.planId, `${n2} reports`);
    await server.stop();

    const a = small[DASHBOARD]!;
    const b = large[DASHBOARD]!;
    const base = small[BASELINE]!;
    console.log(`\nsummary (GET /api/plans/:id/dashboard?period=2024-12, 12 periods of trend), load average ${loadavg()[0]!.toFixed(1)}:`);
    console.log(`  ${n1} reports: median ${a.median.toFixed(1)} ms (target ≤ 50; /api/me alone ${base.median.toFixed(1)} ms; D1 wait ${a.server} ms), ${(a.gzip / 1024).toFixed(1)} KB gzip (target ≤ 30)  ${a.median <= 50 && a.gzip <= 30 * 1024 ? 'OK' : 'MISSED'}`);
    console.log(`  ${n2} reports: median ${b.median.toFixed(1)} ms = ${(b.median / a.median).toFixed(2)}× (target ≤ 2×; D1 wait ${b.server} ms)  ${b.median <= 2 * a.median ? 'OK' : 'MISSED'}`);
  } finally {
    if (!process.env.KEEP_BENCH_STATE) rmSync(persistTo, { recursive: true, force: true });
  }
}

await main();
