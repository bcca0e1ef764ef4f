// The month-end burst and reads under concurrency, against a fresh seeded `wrangler dev` on
// loopback (local workerd + SQLite D1 + disk R2; load generator on the same 2 cores):
//  1. Reads: 50 concurrent clients (autocannon, keep-alive) for READ_SECONDS on each main read —
//     /api/health (the floor: session-less, one D1 query), /api/me, a unit's sync with nothing
//     new, the task list and the dashboard as the 督查室 — throughput as a ratio of /api/health
//     measured in the same run, full answers (no validator) and revalidated (If-None-Match → 304).
//  2. Burst: 100 unit accounts (吴中's, then 吴江's) each send 1 report with 3 photos (1600×1200 JPEG) and
//     submit it, their start times spread at random over BURST_SECONDS (default 300 = 5 min),
//     while 10 leader sessions refresh the 总览 every 5 s the way a browser does (If-None-Match).
//     Counts errors, and "lost" = reports not submitted with all 3 photos on the server at the end
//     (read back as the 督查室); p50/p95/p99 per request kind.
// Prints figures, never fails on them.
//   npx tsx test/bench/burst.bench.ts   (READ_SECONDS=10 READ_CONNECTIONS=50 BURST_SECONDS=300 BURST_UNITS=100)
import autocannon, { type Result } from 'autocannon';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../support/random';
import { makePhoto } from './support/photo-source';
import { freshSeededState, reportSlots, signInApi, startServer, unitTasks, type Api } from '../support/server';
import { kb, machineLine, percentile, printTable } from './support/stats';

const READ_SECONDS = Number(process.env.READ_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.READ_CONNECTIONS ?? 50);
const BURST_SECONDS = Number(process.env.BURST_SECONDS ?? 300);
const UNITS = Number(process.env.BURST_UNITS ?? 100);
const LEADERS = 10;
const ORG = '苏州市吴中区人民政府';
/** When each unit and leader starts within the burst: seeded, so a run can be repeated. */
const rand = seededRandom('burst start times', 20240325);

console.log(`burst — ${machineLine()}`);
const state = await freshSeededState('duban-bench-burst-');
const server = await startServer(state.persistTo);
try {
  const admin = await signInApi(server.url, 'wuzhong-admin');
  const { plans } = await admin.get<{ plans: Array<{ id: string; docNumber: string | null }> }>('/api/plans');
  const planId = plans.find((p) => p.docNumber === '吴政发〔2024〕1号')!.id;
  // 吴中's units first (its dashboard is the one refreshed), then other districts' to reach 100.
  const unitNames = state.accounts.filter((a) => a.role === 'unit').sort((a, b) => Number(b.orgName === ORG) - Number(a.orgName === ORG)).map((a) => a.username);
  const leaderName = state.accounts.find((a) => a.role === 'leader' && a.orgName === ORG)!.username;
  const unit = await signInApi(server.url, unitNames[0]!);
  const latest = await syncCursor(unit);
  const period = '2024-12'; // the plan's last month: every task has a status

  // ---- 1. reads under concurrency ------------------------------------------------------------
  const reads: Array<[string, Api, string]> = [
    ['health     GET /api/health', admin, '/api/health'],
    ['me         GET /api/me', unit, '/api/me'],
    ['sync       GET /api/sync?since= (nothing new)', unit, `/api/sync?since=${encodeURIComponent(latest)}`],
    ['task list  GET /api/plans/:id/tasks', admin, `/api/plans/${planId}/tasks`],
    ['dashboard  GET /api/plans/:id/dashboard', admin, `/api/plans/${planId}/dashboard?period=${period}`],
  ];
  const readRows: string[][] = [['endpoint', 'answer', 'req/s', '× health', 'p50', 'p99', 'errors', '304: req/s', '× health']];
  let floor = 0;
  for (const [name, api, path] of reads) {
    const first = await fetch(`${server.url}${path}`, { headers: { cookie: api.cookie } });
    const body = await first.arrayBuffer();
    let headerBytes = 0;
    first.headers.forEach((v, k) => (headerBytes += k.length + v.length + 4));
    const etag = first.headers.get('etag');
    const full = await load(path, { cookie: api.cookie });
    if (floor === 0) floor = full.requests.average;
    const revalidated = etag ? await load(path, { cookie: api.cookie, 'if-none-match': etag }) : null;
    readRows.push([
      name,
      `${kb(body.byteLength)} + ${headerBytes} B headers`,
      full.requests.average.toFixed(0),
      `${(full.requests.average / floor).toFixed(2)}×`,
      `${full.latency.p50} ms`,
      `${full.latency.p99} ms`,
      String(full.errors + full.non2xx),
      revalidated ? revalidated.requests.average.toFixed(0) : '—',
      revalidated ? `${(revalidated.requests.average / floor).toFixed(2)}×` : '—',
    ]);
    console.log(`  done: ${name}`);
  }
  // The machine's load drifts: /api/health again at the end; the ratios above use the first.
  const again = (await load('/api/health', { cookie: admin.cookie })).requests.average;
  console.log(`\nreads: ${CONNECTIONS} connections × ${READ_SECONDS} s each (ratio to /api/health of this run: ${floor.toFixed(0)} req/s first, ${again.toFixed(0)} req/s again at the end):`);
  printTable(readRows);

  // ---- 2. the month-end burst ----------------------------------------------------------------
  const photo = await makePhoto();
  console.log(`\nburst: ${UNITS} units × 1 report × 3 photos (${kb(photo.length)} each) over ${BURST_SECONDS} s, ${LEADERS} leaders refreshing 总览 every 5 s`);
  const units: Array<{ api: Api; taskId: string; period: string }> = [];
  for (const name of unitNames) {
    if (units.length === UNITS) break;
    const api = await signInApi(server.url, name);
    const slot = reportSlots((await unitTasks(api)).tasks, 1)[0];
    if (slot) units.push({ api, taskId: slot.task.id, period: slot.period });
  }
  const leaders = await Promise.all(Array.from({ length: LEADERS }, () => signInApi(server.url, leaderName)));
  const times: Record<'report' | 'photo' | 'submit' | 'dashboard', number[]> = { report: [], photo: [], submit: [], dashboard: [] };
  const errors: string[] = [];
  let notModified = 0;
  const timed = async (kind: keyof typeof times, run: () => Promise<Response>, ok = (s: number) => s >= 200 && s < 300) => {
    const s = performance.now();
    try {
      const res = await run();
      const text = await res.text();
      times[kind].push(performance.now() - s);
      if (!ok(res.status)) errors.push(`${kind} ${res.status}: ${text.slice(0, 120)}`);
      return res;
    } catch (e) {
      errors.push(`${kind} ${String(e)}`);
      return null;
    }
  };
  /** As the PWA's outbox does: a 5xx or a network failure is tried again (up to 3 times). */
  const send = async (kind: 'report' | 'photo' | 'submit', run: () => Promise<Response>) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await timed(kind, run);
      if (res && res.status < 500) return;
      retries++;
      await sleep(1000);
    }
  };
  let retries = 0;
  const t0 = performance.now();
  let burstOver = false;
  const refreshers = leaders.map(async (api) => {
    let etag: string | null = null;
    await sleep(rand() * 5000);
    while (!burstOver) {
      const res = await timed(
        'dashboard',
        () => fetch(`${server.url}/api/plans/${planId}/dashboard?period=${period}`, { headers: { cookie: api.cookie, ...(etag ? { 'if-none-match': etag } : {}) } }),
        (s) => s === 200 || s === 304,
      );
      if (res?.status === 304) notModified++;
      etag = res?.headers.get('etag') ?? etag;
      await sleep(5000);
    }
  });
  const sent: Array<{ api: Api; id: string }> = [];
  await Promise.all(
    units.map(async (u) => {
      await sleep(rand() * BURST_SECONDS * 1000);
      const id = crypto.randomUUID();
      sent.push({ api: u.api, id });
      const photos = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      const body = { taskId: u.taskId, period: u.period, status: 'on_track', percent: 60, targetValues: [], progress: '本月完成主体工程，推进顺利。', problems: '', nextSteps: '下月验收', capturedAt: new Date().toISOString(), photos: photos.map((p) => ({ id: p })) };
      await send('report', () => u.api.send('PUT', `/api/reports/${id}`, body));
      await Promise.all(photos.map((p) => send('photo', () => u.api.putPhoto(`/api/reports/${id}/photos/${p}`, photo))));
      await send('submit', () => u.api.send('POST', `/api/reports/${id}/submit`));
    }),
  );
  const burstSeconds = (performance.now() - t0) / 1000;
  burstOver = true;
  await Promise.all(refreshers);
  let lost = 0;
  // Read back by the unit that sent it (some units belong to another district than the admin's).
  for (const { api, id } of sent) {
    type Sent = { state: string; photos: Array<{ received: boolean }> };
    const read = () => api.get<Sent>(`/api/reports/${id}`).catch(() => null);
    // A read that fails (wrangler dev reloading its worker) is read again, not counted lost.
    const r = (await read()) ?? (await read()) ?? (await read());
    if (!r || r.state !== 'submitted' || r.photos.length !== 3 || !r.photos.every((p) => p.received)) lost++;
  }
  printTable([
    ['request', 'count', 'p50', 'p95', 'p99', 'max'],
    ...Object.entries(times).map(([k, v]) => [k, String(v.length), ...[50, 95, 99, 100].map((p) => `${percentile(v, p).toFixed(0)} ms`)]),
  ]);
  console.log(`  ${sent.length} reports sent in ${burstSeconds.toFixed(0)} s; errors ${errors.length} (answers that were not 2xx/304; the phone-like client retried 5xx ${retries} times); lost ${lost}; dashboard 304s ${notModified} of ${times.dashboard.length}`);
  for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  · ${e}`);
} finally {
  await server.stop();
  if (!process.env.KEEP_BENCH_STATE) state.remove();
}

async function load(path: string, headers: Record<string, string>): Promise<Result> {
  const r: Result = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: READ_SECONDS, timeout: 30, headers });
  return r;
}

async function syncCursor(api: Api): Promise<string> {
  let since: string | undefined;
  for (;;) {
    const page = await api.get<{ cursor: string; hasMore: boolean }>(`/api/sync${since ? `?since=${encodeURIComponent(since)}` : ''}`);
    since = page.cursor;
    if (!page.hasMore) return since;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
