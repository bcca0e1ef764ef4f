// Sync drain through the real PWA and the real worker: 100 reports × 3 photos queued offline in
// the field app's IndexedDB outbox (by the app's own draft → outbox code, photos made by its own
// pipeline from 12 MP sources), then the network comes back (Playwright setOffline(false), the
// browser fires `online`, the app's sync engine drains). Prints the total time, requests, bytes
// sent, retries, and the latency from the network coming back to the first report acknowledged
// by the server (goal ≤ 2 s). Fresh seeded `wrangler dev` on loopback; never fails on time.
//   npx tsx test/bench/sync.bench.ts           (SYNC_REPORTS=100 SYNC_PHOTOS=3; SYNC_FAULT_RATE=0.1 to add faults)
import { performance } from 'node:perf_hooks';
import { chromiumVersion, launchChromium, PHONE } from './support/browser';
import { outboxBadge, signInPage, waitForServiceWorker } from './support/app';
import { openHarness, queueSpecs, type HarnessWindow } from './support/harness';
import { ensurePwaBuilt, freshSeededState, reportSlots, signInApi, startServer, unitTasks } from './support/server';
import { kb, machineLine, median, ms, percentile, printTable } from './support/stats';
import { recordTraffic } from './support/traffic';

const REPORTS = Number(process.env.SYNC_REPORTS ?? 100);
const PHOTOS = Number(process.env.SYNC_PHOTOS ?? 3);
const FAULT_RATE = process.env.SYNC_FAULT_RATE;

console.log(`sync drain — ${chromiumVersion()}; ${machineLine()}`);
ensurePwaBuilt();
const t0 = performance.now();
const state = await freshSeededState('duban-bench-sync-');
const server = await startServer(state.persistTo, FAULT_RATE ? { FAULT_RATE } : undefined);
console.log(`fresh seeded wrangler dev at ${server.url}${FAULT_RATE ? ` with FAULT_RATE=${FAULT_RATE}` : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const browser = await launchChromium();
try {
  // The unit with the most reportable (task, period) pairs in 吴中.
  const candidates = state.accounts.filter((a) => a.role === 'unit' && a.orgName.includes('吴中'));
  let best: { username: string; slots: ReturnType<typeof reportSlots>; me: Awaited<ReturnType<typeof unitTasks>>['me'] } | null = null;
  for (const a of candidates.filter((c) => ['发改委', '教育局', '住建局', '工信局'].includes(c.unitName ?? ''))) {
    const { me, tasks } = await unitTasks(await signInApi(server.url, a.username));
    const slots = reportSlots(tasks, REPORTS);
    if (!best || slots.length > best.slots.length) best = { username: a.username, slots, me };
  }
  if (!best || best.slots.length < REPORTS) throw new Error(`no unit has ${REPORTS} reportable (task, period) pairs`);
  console.log(`unit ${best.me.unitName} (${best.username}): ${REPORTS} reports over ${new Set(best.slots.map((s) => s.task.id)).size} tasks`);

  const context = await browser.newContext({ ...PHONE, baseURL: server.url });
  const app = await context.newPage();
  await signInPage(app, server.url, best.username);
  await waitForServiceWorker(app);

  const harness = await openHarness(context, server.url);
  const made = await harness.evaluate((n) => (window as unknown as HarnessWindow).harness.preparePhotos(n, { width: 4000, height: 3000 }), PHOTOS);
  console.log(`photos from 12 MP sources through the app's pipeline: ${made.map((m) => `${kb(m.bytes)} + ${kb(m.thumbBytes)} thumb`).join(', ')}`);
  await context.setOffline(true);
  const specs = queueSpecs(best.me, best.slots, (i) => `第 ${i + 1} 份离线报告：完成阶段性工作，现场照片 ${PHOTOS} 张。`);
  const tq = performance.now();
  const ids = await harness.evaluate(([s, n]) => (window as unknown as HarnessWindow).harness.queueReports(s, n), [specs, PHOTOS] as const);
  console.log(`queued ${ids.length} reports × ${PHOTOS} photos in IndexedDB (offline) in ${((performance.now() - tq) / 1000).toFixed(1)} s`);
  await harness.close();
  await app.goto(`${server.url}/outbox`);
  for (let i = 0; i < 100 && (await outboxBadge(app)) !== REPORTS; i++) await app.waitForTimeout(100);
  console.log(`the app shows ${await outboxBadge(app)} waiting`);

  const traffic = recordTraffic(context);
  const start = performance.now();
  await context.setOffline(false);
  let firstAck: number | null = null;
  const deadline = start + 15 * 60_000;
  while (performance.now() < deadline) {
    firstAck ??= traffic.records.find((r) => r.kind === 'submit' && !r.failed && r.status === 200 && r.endedAt)?.endedAt ?? null;
    if ((await outboxBadge(app)) === 0) break;
    await app.waitForTimeout(50);
  }
  const total = performance.now() - start;
  firstAck ??= traffic.records.find((r) => r.kind === 'submit' && !r.failed && r.status === 200 && r.endedAt)?.endedAt ?? null;
  traffic.stop();
  const left = await outboxBadge(app);

  // What the server holds: every report submitted once, with every photo and thumbnail.
  const api = await signInApi(server.url, best.username);
  let complete = 0;
  for (const id of ids) {
    const r = await api.get<{ state: string; photos: Array<{ received: boolean; thumbReceived: boolean }> }>(`/api/reports/${id}`);
    if (r.state === 'submitted' && r.photos.length === PHOTOS && r.photos.every((p) => p.received && p.thumbReceived)) complete++;
  }
  const s = traffic.summary();
  const durations = traffic.records.filter((r) => r.endedAt).map((r) => r.endedAt! - r.startedAt);
  const photoDurations = traffic.records.filter((r) => r.kind === 'photo' && r.endedAt).map((r) => r.endedAt! - r.startedAt);
  console.log('');
  printTable([
    ['figure', 'value'],
    ['reports × photos', `${REPORTS} × ${PHOTOS}`],
    ['network back → first report acknowledged', firstAck ? ms(firstAck - start) : 'never'],
    ['total drain time', `${(total / 1000).toFixed(1)} s${left ? ` (${left} still waiting)` : ''}`],
    ['per report', ms(total / REPORTS)],
    ['requests (report / photo / thumb / submit)', `${s.requests} (${s.byKind.report} / ${s.byKind.photo} / ${s.byKind.thumb} / ${s.byKind.submit})`],
    ['minimum requests', String(REPORTS * (2 + 2 * PHOTOS))],
    ['retries (repeated requests)', String(s.repeats)],
    ['5xx / 4xx / cut off / dropped', `${s.http5xx} / ${s.http4xx} / ${s.cut} / ${s.dropped}`],
    ['bytes sent (bodies)', `${(s.bytes / 1024 / 1024).toFixed(1)} MB`],
    ['request time median / p95 (all)', `${ms(median(durations))} / ${ms(percentile(durations, 95))}`],
    ['photo PUT median / p95', `${ms(median(photoDurations))} / ${ms(percentile(photoDurations, 95))}`],
    ['server: submitted with all photos', `${complete} / ${REPORTS}`],
  ]);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  if (!process.env.KEEP_BENCH_STATE) state.remove();
}
