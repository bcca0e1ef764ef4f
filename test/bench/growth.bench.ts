// Growth: does the API stay near flat as reports pile up? A synthetic district (support/world.ts:
// 120 monthly tasks, 100 units) in a fresh local D1, with 1 000, 10 000 and 100 000 reports, then
// 1 000 000 across 10 such organisations (100 000 each; measured in the first), all inserted
// directly through the local D1 binding in multi-row INSERT … SELECT FROM json_each batches (the
// change-log triggers run as for any write), `wrangler dev` restarted at each size. Median and
// p95 of (the 督查室 of the first organisation, and its unit account):
//   task list   GET /api/plans/:id/tasks                (the 督查室's list of tasks)
//   dashboard   GET /api/plans/:id/dashboard?period=…   (leaders' 总览)
//   search      GET /api/search?q=…                     (full-text search)
//   circular    GET /api/plans/:id/circular?period=…    (the monthly 通报)
//   unit sync   GET /api/sync (all pages, a unit user)  (a phone's first download: every report
//               it may read — here every one of the 100 units reports on every task, which real
//               plans do not, so the unit reads ~10 % of its organisation's reports)
//   unit sync   GET /api/sync?since=<last cursor>        (the phone's daily check, nothing new)
// Beside the wall time, the CPU the server's processes (wrangler dev and its workerd) spent per
// call, from /proc: on a machine shared with other work it moves far less than the latency.
// Prints figures, never fails on them.
//   npx tsx test/bench/growth.bench.ts  (GROWTH_CALLS=30, GROWTH_SIZES=1000,10000,100000,1000000)
//   GROWTH_STATE=<folder> measures a state kept by KEEP_BENCH_STATE=1 as it is (migrations
//   applied first), without inserting: re-measure 1M at a quiet moment, or before/after a change.
//   GROWTH_ONLY=<text> measures only the endpoints whose name contains it (e.g. "unit sync").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyLocalMigrations, withLocalEnv } from '../../worker/cli/local-d1';
import { signInApi, startServer, type Api } from '../support/server';
import { machineLine, median, percentile, printTable } from './support/stats';
import { createWorld, fillReports, WORLD_PASSWORD, type Db, type World } from './support/world';

const REUSE = process.env.GROWTH_STATE;
const SIZES = REUSE ? [0] : (process.env.GROWTH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
const CALLS = Number(process.env.GROWTH_CALLS ?? 30);
const ONLY = process.env.GROWTH_ONLY;
/** Reports per organisation: past it, more organisations of the same shape (1M = 10 × 100k). */
const PER_ORG = 100_000;

console.log(`growth — ${machineLine()}`);
const persistTo = REUSE ?? mkdtempSync(join(tmpdir(), 'duban-bench-growth-'));
type Row = { median: number; p95: number; kb: number; cpu: number };
const results = new Map<string, Map<number, Row>>();
/** The cursor at the end of the unit's last full sync (for "nothing new"). */
let latest: string | undefined;
try {
  await applyLocalMigrations(persistTo);
  const worlds: World[] = [];
  for (const size of SIZES) {
    const t0 = performance.now();
    for (let i = 0; i * PER_ORG < size; i++) {
      await withLocalEnv(persistTo, async (env) => {
        worlds[i] ??= await createWorld(env.DB, i);
        await fillReports(env.DB, worlds[i]!, Math.min(PER_ORG, size - i * PER_ORG));
      });
    }
    const { count, orgs } = (await withLocalEnv(persistTo, (env) =>
      env.DB.prepare('SELECT (SELECT COUNT(*) FROM reports) AS count, (SELECT COUNT(*) FROM orgs) AS orgs').first<{ count: number; orgs: number }>(),
    ))!;
    console.log(`${count} reports in ${orgs} organisation(s) (+${((performance.now() - t0) / 1000).toFixed(1)} s to insert)`);
    const world = worlds[0] ?? (await withLocalEnv(persistTo, (env) => keptWorld(env.DB)));
    // Every call renders (no shared render cache): the figures are the render's cost at each size.
    const server = await startServer(persistTo, { RENDER_CACHE: '0' });
    try {
      const admin = await signInApi(server.url, world.admin, WORLD_PASSWORD);
      const unit = await signInApi(server.url, world.unitUser, WORLD_PASSWORD);
      const endpoints: Array<[string, () => Promise<number>]> = [
        ['task list  GET /api/plans/:id/tasks', () => getBytes(admin, `/api/plans/${world.planId}/tasks`)],
        ['dashboard  GET /api/plans/:id/dashboard', () => getBytes(admin, `/api/plans/${world.planId}/dashboard?period=2024-12`)],
        ['search     GET /api/search?q=重点工作', () => getBytes(admin, `/api/search?q=${encodeURIComponent('重点工作')}`)],
        ['circular   GET /api/plans/:id/circular', () => getBytes(admin, `/api/plans/${world.planId}/circular?period=2024-12`)],
        ['unit sync  GET /api/sync (all pages)', () => syncAll(unit)],
        ['unit sync  GET /api/sync?since= (nothing new)', () => syncAll(unit, latest)],
      ];
      for (const [name, call] of endpoints.filter(([name]) => !ONLY || name.includes(ONLY))) {
        let bytes = await call(); // warm-up
        const times: number[] = [];
        const cpus: number[] = [];
        // At most CALLS calls or about 20 s, whichever comes first (at least 3 calls).
        const until = performance.now() + 20_000;
        for (let i = 0; i < CALLS && (i < 3 || performance.now() < until); i++) {
          const c0 = serverCpuMs(persistTo);
          const s = performance.now();
          bytes = await call();
          times.push(performance.now() - s);
          cpus.push(serverCpuMs(persistTo) - c0);
        }
        const row = { median: median(times), p95: percentile(times, 95), kb: bytes / 1024, cpu: cpus.reduce((a, b) => a + b, 0) / cpus.length };
        if (!results.has(name)) results.set(name, new Map());
        results.get(name)!.set(count, row);
        console.log(
          `  ${name.padEnd(40)} median ${row.median.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms  server CPU ${row.cpu.toFixed(0).padStart(5)} ms  ${row.kb.toFixed(1)} KB  (${times.length} calls)`,
        );
      }
    } finally {
      await server.stop();
    }
  }
  const sizes = [...results.values().next().value!.keys()];
  console.log(`\nsummary (median / p95 ms over up to ${CALLS} calls or 20 s, [mean server CPU ms]; answer size at the largest):`);
  printTable([
    ['endpoint', ...sizes.map((n) => `${n.toLocaleString('en')} reports`), `× (${sizes.at(-1)!.toLocaleString('en')} vs ${sizes[0]!.toLocaleString('en')})`, '× CPU', 'KB'],
    ...[...results.entries()].map(([name, bySize]) => {
      const first = bySize.get(sizes[0]!)!;
      const last = bySize.get(sizes.at(-1)!)!;
      return [
        name,
        ...sizes.map((n) => `${bySize.get(n)!.median.toFixed(1)} / ${bySize.get(n)!.p95.toFixed(1)} [${bySize.get(n)!.cpu.toFixed(0)}]`),
        `${(last.median / first.median).toFixed(2)}×`,
        first.cpu > 0 ? `${(last.cpu / first.cpu).toFixed(2)}×` : '—',
        last.kb.toFixed(1),
      ];
    }),
  ]);
} finally {
  if (!process.env.KEEP_BENCH_STATE && !REUSE) rmSync(persistTo, { recursive: true, force: true });
}

/** The first organisation of a kept state: its plan and accounts, as createWorld named them. */
async function keptWorld(db: Db): Promise<Pick<World, 'planId' | 'admin' | 'unitUser'>> {
  const row = await db
    .prepare(`SELECT p.id FROM users u JOIN plans p ON p.org_id = u.org_id WHERE u.username = 'growth-admin' LIMIT 1`)
    .first<{ id: string }>();
  if (!row) throw new Error(`${persistTo}: no growth benchmark state`);
  return { planId: row.id, admin: 'growth-admin', unitUser: 'growth-unit' };
}

/**
 * CPU milliseconds (user + system) spent so far by the server's processes: those started with
 * this state folder and their children (wrangler dev's Node process, workerd). Linux /proc only;
 * 0 elsewhere. Clock ticks of 10 ms: read it as a mean over many calls.
 */
function serverCpuMs(state: string): number {
  const pgrep = (args: string[]) => {
    try {
      return execFileSync('pgrep', args).toString().split(/\s+/).filter(Boolean);
    } catch {
      return []; // pgrep exits 1 when nothing matches
    }
  };
  const seen = new Set<string>();
  const walk = (pid: string) => {
    if (seen.has(pid)) return;
    seen.add(pid);
    pgrep(['-P', pid]).forEach(walk);
  };
  pgrep(['-f', '--', `--persist-to ${state}`]).forEach(walk);
  let ticks = 0;
  for (const pid of seen) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      /* exited meanwhile */
    }
  }
  return ticks * 10;
}

async function getBytes(api: Api, path: string): Promise<number> {
  const res = await fetch(`${api.url}${path}`, { headers: { cookie: api.cookie } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 200)}`);
  return Buffer.byteLength(text);
}

/** The whole sync download of a unit, following the cursor. */
async function syncAll(api: Api, from?: string): Promise<number> {
  let bytes = 0;
  let since = from;
  for (let page = 0; page < 1000; page++) {
    const res = await fetch(`${api.url}/api/sync${since ? `?since=${encodeURIComponent(since)}` : ''}`, { headers: { cookie: api.cookie } });
    const text = await res.text();
    if (!res.ok) throw new Error(`GET /api/sync: ${res.status} ${text.slice(0, 200)}`);
    bytes += Buffer.byteLength(text);
    const body = JSON.parse(text) as { cursor: string; hasMore: boolean };
    since = body.cursor;
    if (!body.hasMore) break;
  }
  latest = since;
  return bytes;
}
