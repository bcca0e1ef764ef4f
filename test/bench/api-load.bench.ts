// The API under load: 50 concurrent clients for 30 s each (autocannon, keep-alive connections)
// against a fresh seeded `wrangler dev` on loopback (local workerd + SQLite-backed D1 + disk R2 —
// not Cloudflare's network; the load generator shares the same 2 cores):
//   task list    GET /api/plans/:id/tasks                 (吴中 2024 plan, as its 督查室)
//   dashboard    GET /api/plans/:id/dashboard?period=…    (the same plan)
//   report PUT   PUT /api/reports/:uuid                   every request a new UUID and its own
//                (task, unit, period) — the unique index allows one report each; sent by the
//                督查室 on the units' behalf so one account reaches every slot
//   photo PUT    PUT /api/reports/:id/photos/:photoId     a 1600×1200 JPEG (~200 KB) with its
//                SHA-256, each request a photo slot declared beforehand (9 per draft report)
// Prints p50/p95/p99 latency, requests per second and error counts; never fails on them.
//   npx tsx test/bench/api-load.bench.ts        (LOAD_SECONDS=30 LOAD_CONNECTIONS=50)
import autocannon, { type RawRequest, type RequestSpec, type Result } from 'autocannon';
import { performance } from 'node:perf_hooks';
import { withLocalEnv } from '../../worker/cli/local-d1';
import { makePhoto } from './support/photo-source';
import { freshSeededState, periodsOf, sha256, signInApi, startServer } from '../support/server';
import { kb, machineLine, percentile, printTable } from './support/stats';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PHOTO_REPORTS = Number(process.env.LOAD_PHOTO_REPORTS ?? 300);

console.log(`API load — ${machineLine()}`);
const t0 = performance.now();
const state = await freshSeededState('duban-bench-load-');

// Every (task, carrying unit, open period) of 吴中's plans: the report slots there are.
const slots = await withLocalEnv(state.persistTo, async (env) => {
  const { results } = await env.DB.prepare(
    `SELECT iu.item_id, iu.unit_id, p.year, p.cycle FROM item_units iu
       JOIN items i ON i.id = iu.item_id JOIN plans p ON p.id = iu.plan_id JOIN orgs o ON o.id = p.org_id
      WHERE o.short_name = '吴中区' AND i.kind <> 'draft' ORDER BY p.year DESC, i.seq, iu.seq`,
  ).all<{ item_id: string; unit_id: string; year: number; cycle: 'monthly' | 'quarterly' | 'half_yearly' }>();
  return results.flatMap((r) => periodsOf(r.year, r.cycle).map((period) => ({ taskId: r.item_id, unitId: r.unit_id, period })));
});
const server = await startServer(state.persistTo);
console.log(`fresh seeded wrangler dev at ${server.url} in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${slots.length} report slots in 吴中`);

try {
  const admin = await signInApi(server.url, 'wuzhong-admin');
  const { plans } = await admin.get<{ plans: Array<{ id: string; docNumber: string | null }> }>('/api/plans');
  const planId = plans.find((p) => p.docNumber === '吴政发〔2024〕1号')!.id;
  const photo = await makePhoto();
  const photoSha = sha256(photo);
  console.log(`photo body: ${kb(photo.length)} JPEG 1600×1200`);

  // Draft reports declaring 9 photos each, for the photo PUTs (their slots are not reused below).
  const photoSlots: string[] = [];
  const prep = slots.splice(0, PHOTO_REPORTS);
  const tp = performance.now();
  for (let i = 0; i < prep.length; i += 10) {
    await Promise.all(
      prep.slice(i, i + 10).map(async (s) => {
        const id = crypto.randomUUID();
        const photos = Array.from({ length: 9 }, () => ({ id: crypto.randomUUID() }));
        const res = await admin.send('PUT', `/api/reports/${id}`, reportBody(s, photos));
        if (!res.ok) throw new Error(`prep PUT: ${res.status} ${await res.text()}`);
        for (const p of photos) photoSlots.push(`/api/reports/${id}/photos/${p.id}`);
      }),
    );
  }
  console.log(`prepared ${photoSlots.length} photo slots in ${((performance.now() - tp) / 1000).toFixed(1)} s\n`);

  const base = { cookie: admin.cookie, origin: server.url };
  let nextSlot = 0;
  let slotsExhausted = false;
  let nextPhoto = 0;
  let photosExhausted = false;
  type Scenario = [string, RequestSpec];
  const scenarios: Scenario[] = [
    ['task list  GET /api/plans/:id/tasks', { method: 'GET', path: `/api/plans/${planId}/tasks`, headers: base }],
    ['dashboard  GET /api/plans/:id/dashboard', { method: 'GET', path: `/api/plans/${planId}/dashboard?period=2024-12`, headers: base }],
    [
      'report PUT /api/reports/:uuid (new each)',
      {
        method: 'PUT',
        headers: { ...base, 'content-type': 'application/json' },
        setupRequest(req: RawRequest) {
          const s = slots[nextSlot++ % slots.length]!;
          if (nextSlot > slots.length) slotsExhausted = true;
          return { ...req, path: `/api/reports/${crypto.randomUUID()}`, body: JSON.stringify(reportBody(s, [])) };
        },
      },
    ],
    [
      'photo PUT /api/reports/:id/photos/:pid',
      {
        method: 'PUT',
        headers: { ...base, 'content-type': 'image/jpeg', 'x-content-sha256': photoSha, 'x-client-time': new Date().toISOString() },
        body: photo,
        setupRequest(req: RawRequest) {
          const path = photoSlots[nextPhoto++ % photoSlots.length]!;
          if (nextPhoto > photoSlots.length) photosExhausted = true;
          return { ...req, path };
        },
      },
    ],
  ];

  const only = process.env.LOAD_ONLY;
  const notes: string[] = [];
  const rows: string[][] = [['scenario', 'req/s', 'p50', 'p95', 'p99', 'max', 'requests', '2xx', 'non-2xx', 'errors']];
  for (const [name, request] of scenarios) {
    if (only && !name.includes(only)) continue;
    const times: number[] = [];
    const failures = new Map<string, string>();
    const onResponse = (status: number, body: string) => {
      if (status >= 300 && !failures.has(String(status))) failures.set(String(status), body.slice(0, 160).replace(/\s+/g, ' '));
    };
    const instance = autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, timeout: 30, requests: [{ ...request, onResponse }] });
    instance.on('response', (_c, _status, _bytes, responseTime) => times.push(responseTime));
    const r: Result = await instance;
    const codes = Object.entries<{ count: number }>(r.statusCodeStats ?? {}).filter(([c]) => !c.startsWith('2')).map(([c, v]) => `${c}×${v.count}`).join(' ');
    rows.push([
      name,
      r.requests.average.toFixed(0),
      `${percentile(times, 50).toFixed(0)} ms`,
      `${percentile(times, 95).toFixed(0)} ms`,
      `${percentile(times, 99).toFixed(0)} ms`,
      `${r.latency.max.toFixed(0)} ms`,
      String(times.length),
      String(r['2xx']),
      codes ? `${r.non2xx} (${codes})` : String(r.non2xx),
      `${r.errors}${r.timeouts ? ` (${r.timeouts} timeouts)` : ''}`,
    ]);
    console.log(`  done: ${name}`);
    for (const [status, body] of failures) notes.push(`${name}: a ${status} answer: ${body}`);
  }
  console.log(`\n${CONNECTIONS} connections × ${SECONDS} s each:`);
  printTable(rows);
  for (const n of notes) console.log(`  · ${n}`);
  if (slotsExhausted) console.log('  · report PUT ran out of free (task, unit, period) slots: later requests are refused 409, as they should be');
  if (photosExhausted) console.log('  · photo PUT ran out of declared photo slots: later requests were replays (raise LOAD_PHOTO_REPORTS)');
  console.log(`  · ${nextSlot} report PUTs used ${Math.min(nextSlot, slots.length)} of ${slots.length} free slots; ${nextPhoto} photo PUTs of ${photoSlots.length} slots`);
} finally {
  await server.stop();
  if (!process.env.KEEP_BENCH_STATE) state.remove();
}

function reportBody(s: { taskId: string; unitId: string; period: string }, photos: Array<{ id: string }>) {
  return {
    taskId: s.taskId,
    unitId: s.unitId,
    period: s.period,
    status: 'on_track',
    percent: 40,
    targetValues: [],
    progress: '本月完成项目立项和方案设计，组织召开推进会2次，协调解决用地、资金等问题。',
    problems: '征迁进度偏慢',
    nextSteps: '下月完成主体结构',
    capturedAt: new Date().toISOString(),
    photos,
  };
}
