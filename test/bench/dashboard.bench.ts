// Dashboard speed on local workerd: the synthetic district of support/world.ts (120 tasks, 100
// units, 12 leaders, monthly, a full year) with 10 000 reports, then 100 000, in a fresh local D1 served by `wrangler dev`; prints the
// median and p90 of GET /api/plans/:id/dashboard over 40 calls and the gzip size of its answer.
// Targets: median ≤ 50 ms and ≤ 30 KB gzip at 10 000 reports; at most 2× that at 100 000.
//   npx tsx test/bench/dashboard.bench.ts   (BENCH_SMALL_ONLY=1: the 10 000 reports only)
// Not a test: it prints figures (and says whether the targets were met) but never fails a build.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { applyLocalMigrations, withLocalEnv } from '../../worker/cli/local-d1';
import { startDevServer } from '../support/wrangler-dev';
import { percentile } from './support/stats';
import { createWorld, fillReports, PERIODS, WORLD, WORLD_PASSWORD, type World } from './support/world';

const LEADERS = 12;
const CALLS = 40;
/** Measure the render, not the per-isolate render cache that answers repeats of unchanged data
 *  (worker/src/lib/render-cache.ts); RENDER_CACHE=1 measures the cached answer. */
const RENDER = { RENDER_CACHE: process.env.RENDER_CACHE === '1' ? '1' : '0' };
const DASHBOARD = 'dashboard (2024-12, 12-period trend)';
const BASELINE = 'baseline: GET /api/me (session only)';

async function measure(baseURL: string, world: World, label: string) {
  const { planId } = world;
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL },
    body: JSON.stringify({ username: world.admin, password: WORLD_PASSWORD }),
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
      world = await createWorld(env.DB, 0, { leaders: LEADERS });
      await fillReports(env.DB, world, 10_000);
    });
    const n1 = await countReports(persistTo, world.planId);
    console.log(`seeded ${WORLD.tasks} tasks × ${PERIODS.length} periods, ${WORLD.units} units, ${n1} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    let server = await startDevServer({ persistTo, vars: RENDER });
    const small = await measure(server.url, world, `${n1} reports`);
    await server.stop();
    if (process.env.BENCH_SMALL_ONLY) return;

    t0 = performance.now();
    await withLocalEnv(persistTo, (env) => fillReports(env.DB, world, 100_000));
    const n2 = await countReports(persistTo, world.planId);
    console.log(`added reports up to ${n2} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    server = await startDevServer({ persistTo, vars: RENDER });
    const large = await measure(server.url, world, `${n2} reports`);
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
