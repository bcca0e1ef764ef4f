// Sync drain through the real PWA and the real worker, against its floors, in one run:
//   - Node: the very same requests (bodies and photo bytes exported from the app's outbox), sent
//     with the same order and photo parallelism as the app — what the server and loopback cost;
//   - the app on loopback (no DevTools attached while it drains): N reports × P photos queued offline in the field app's IndexedDB
//     outbox (by its own draft → outbox code, photos made by its own pipeline from 12 MP sources),
//     then the network comes back (Playwright setOffline(false)) and the sync engine drains;
//   - the app on a throttled uplink (Chromium network emulation, SYNC_UPLINK_MBIT, default 10):
//     body bytes per second against the link rate.
// No request interception while draining (Playwright's route() and request bodies cost ~35 % per
// upload): requests are counted from passive events, completeness is checked on the server. The
// loopback drain runs with no DevTools attached at all (support/detached.ts): Playwright's
// Network domain alone costs ~25 % there; the attached figure is printed beside it.
// Prints figures; never fails on time. Fresh seeded `wrangler dev` on loopback.
//   npx tsx test/bench/sync.bench.ts     (SYNC_REPORTS=100 SYNC_PHOTOS=3 SYNC_UPLINK_MBIT=10; SYNC_FAULT_RATE=0.1 adds faults)
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromiumVersion, launchChromium, PHONE } from '../support/browser';
import { launchDetachable } from './support/detached';
import { outboxBadge, signInPage, waitForServiceWorker } from '../support/app';
import { openHarness, queueSpecs, type HarnessWindow } from '../support/harness';
import { ensurePwaBuilt, freshSeededState, reportSlots, signInApi, startServer, unitTasks, type Api } from '../support/server';
import { machineLine, ms, printTable } from './support/stats';

const REPORTS = Number(process.env.SYNC_REPORTS ?? 100);
const PHOTOS = Number(process.env.SYNC_PHOTOS ?? 3);
const UPLINK_MBIT = Number(process.env.SYNC_UPLINK_MBIT ?? 10);
const FAULT_RATE = process.env.SYNC_FAULT_RATE;
/** Also time the loopback drain with Playwright attached, as the benchmark did before (SYNC_ATTACHED=0 skips it). */
const ATTACHED = process.env.SYNC_ATTACHED !== '0';
/** The app's photo parallelism (pwa/src/outbox/engine.ts PHOTO_CONCURRENCY). */
const LANES = 3;

type Slot = ReturnType<typeof reportSlots>[number];
type Unit = { username: string; slots: Slot[]; me: Awaited<ReturnType<typeof unitTasks>>['me'] };
type Exported = Awaited<ReturnType<HarnessWindow['harness']['exportOutbox']>>;

console.log(`sync drain — ${chromiumVersion()}; ${machineLine()}`);
ensurePwaBuilt();
const t0 = performance.now();
const state = await freshSeededState('duban-bench-sync-');
const server = await startServer(state.persistTo, FAULT_RATE ? { FAULT_RATE } : undefined);
console.log(`fresh seeded wrangler dev at ${server.url}${FAULT_RATE ? ` with FAULT_RATE=${FAULT_RATE}` : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/** Three 吴中 units that each have REPORTS reportable (task, period) pairs: one per run. */
async function pickUnits(n: number): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const a of state.accounts.filter((c) => c.role === 'unit' && c.orgName.includes('吴中'))) {
    const { me, tasks } = await unitTasks(await signInApi(server.url, a.username));
    const slots = reportSlots(tasks, REPORTS);
    if (slots.length >= REPORTS) out.push({ username: a.username, slots, me });
    if (out.length === n) return out;
  }
  throw new Error(`fewer than ${n} units have ${REPORTS} reportable (task, period) pairs`);
}

/** A signed-in phone with REPORTS reports queued offline; returns its page and what was queued. */
async function queuedPhone(browser: Browser, unit: Unit) {
  return queuedIn(await browser.newContext({ ...PHONE, baseURL: server.url }), unit);
}

async function queuedIn(context: BrowserContext, unit: Unit) {
  const app = await context.newPage();
  await app.setViewportSize(PHONE.viewport!);
  await signInPage(app, server.url, unit.username);
  await waitForServiceWorker(app);
  const harness = await openHarness(context, server.url);
  await harness.evaluate((n) => (window as unknown as HarnessWindow).harness.preparePhotos(n, { width: 4000, height: 3000 }), PHOTOS);
  await context.setOffline(true);
  const specs = queueSpecs(unit.me, unit.slots, (i) => `第 ${i + 1} 份离线报告：完成阶段性工作，现场照片 ${PHOTOS} 张。`);
  const ids = await harness.evaluate(([s, n]) => (window as unknown as HarnessWindow).harness.queueReports(s, n), [specs, PHOTOS] as const);
  const exported = await harness.evaluate(() => (window as unknown as HarnessWindow).harness.exportOutbox());
  await harness.close();
  // The harness is served by a route: remove it so nothing intercepts the drain.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  return { context, app, ids, exported };
}

/** Node sends exactly what the app would: per report PUT → photos (LANES at once) → submit. */
async function nodeDrain(api: Api, exported: Exported): Promise<{ ms: number; requests: number; bytes: number }> {
  const bytes = new Map(Object.entries(exported.bytes).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  let requests = 0;
  let sent = 0;
  const expectOk = async (res: Response, what: string) => {
    requests++;
    if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const start = performance.now();
  for (const item of exported.items) {
    await expectOk(await api.send('PUT', `/api/reports/${item.id}`, item.body), 'report');
    const uploads = item.photos.flatMap((p) => [
      { path: `/api/reports/${item.id}/photos/${p.id}`, body: bytes.get(p.sha256)! },
      { path: `/api/reports/${item.id}/photos/${p.id}/thumb`, body: bytes.get(p.thumbSha256)! },
    ]);
    const lane = async () => {
      for (let u = uploads.shift(); u; u = uploads.shift()) {
        sent += u.body.length;
        await expectOk(await api.putPhoto(u.path, u.body), 'photo');
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    await expectOk(await api.send('POST', `/api/reports/${item.id}/submit`), 'submit');
  }
  return { ms: performance.now() - start, requests, bytes: sent };
}

/** Brings the phone online and waits until its outbox is empty; counts requests passively. */
async function appDrain(phone: Awaited<ReturnType<typeof queuedPhone>>, uplinkMbit: number | null) {
  const { context, app } = phone;
  await app.goto(`${server.url}/outbox`);
  for (let i = 0; i < 100 && (await outboxBadge(app)) !== REPORTS; i++) await app.waitForTimeout(100);
  if (uplinkMbit) {
    const cdp = await context.newCDPSession(app);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: (uplinkMbit * 1e6) / 8 });
  }
  let requests = 0;
  let bytes = 0;
  let firstAck: number | null = null;
  const onRequest = (req: { method(): string; url(): string; headers(): Record<string, string> }) => {
    if (!new URL(req.url()).pathname.startsWith('/api/reports/')) return;
    requests++;
    bytes += Number(req.headers()['content-length'] ?? 0);
  };
  const onResponse = (res: { url(): string; status(): number; request(): { method(): string } }) => {
    if (firstAck === null && res.request().method() === 'POST' && res.url().endsWith('/submit') && res.status() === 200) firstAck = performance.now();
  };
  context.on('request', onRequest);
  context.on('response', onResponse);
  const start = performance.now();
  await context.setOffline(false);
  const deadline = start + 20 * 60_000;
  while (performance.now() < deadline && (await outboxBadge(app)) !== 0) await app.waitForTimeout(50);
  const total = performance.now() - start;
  context.off('request', onRequest);
  context.off('response', onResponse);
  return { ms: total, requests, left: await outboxBadge(app), firstAckMs: firstAck === null ? null : (firstAck as number) - start, bytesSeen: bytes };
}

/**
 * The loopback drain with no DevTools attached (support/detached.ts): queued offline through
 * Playwright, which then disconnects — the page sees the network come back — and the page is only
 * read through Runtime.evaluate. Requests and the first acknowledgement come from the page's
 * Resource Timing. Playwright's phone emulation ends with it: the page drains at headless
 * Chromium's default window size (the list it re-renders is the same).
 */
async function detachedDrain(unit: Unit) {
  const chromium = await launchDetachable();
  try {
    const phone = await queuedIn(chromium.browser.contexts()[0]!, unit);
    const { app } = phone;
    await app.goto(`${server.url}/outbox`);
    for (let i = 0; i < 100 && (await outboxBadge(app)) !== REPORTS; i++) await app.waitForTimeout(100);
    const timeOrigin = await app.evaluate(() => (performance.setResourceTimingBufferSize(100_000), performance.timeOrigin));
    const { at, epoch, evaluate } = await chromium.detach(app);
    const badge = async () => Number(await evaluate(`Number(document.querySelector('.tab-badge')?.textContent ?? 0)`));
    const deadline = at + 20 * 60_000;
    while (performance.now() < deadline && (await badge()) !== 0) await new Promise((r) => setTimeout(r, 50));
    const total = performance.now() - at;
    const seen = (await evaluate(`performance.getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.startsWith('/api/reports/') && performance.timeOrigin + e.startTime >= ${epoch} - 5)
      .map((e) => ({ submit: e.name.endsWith('/submit'), status: e.responseStatus, end: e.responseEnd }))`)) as Array<{ submit: boolean; status: number; end: number }>;
    const acks = seen.filter((e) => e.submit && e.status === 200).map((e) => timeOrigin + e.end - epoch);
    return { ms: total, requests: seen.length, left: await badge(), firstAckMs: acks.length ? Math.min(...acks) : null, ids: phone.ids };
  } finally {
    await chromium.close();
  }
}

/** Reports held by the server as submitted with every photo and thumbnail. */
async function completeOnServer(api: Api, ids: string[]): Promise<number> {
  let complete = 0;
  for (const id of ids) {
    const r = await api.get<{ state: string; photos: Array<{ received: boolean; thumbReceived: boolean }> }>(`/api/reports/${id}`);
    if (r.state === 'submitted' && r.photos.length === PHOTOS && r.photos.every((p) => p.received && p.thumbReceived)) complete++;
  }
  return complete;
}

const browser = await launchChromium();
try {
  const [nodeUnit, loopUnit, slowUnit, attachedUnit] = await pickUnits(ATTACHED ? 4 : 3);
  const minimum = REPORTS * (2 + 2 * PHOTOS);

  // Node floor: the same requests the app would send for nodeUnit's queue.
  const forNode = await queuedPhone(browser, nodeUnit!);
  await forNode.context.close();
  const nodeApi = await signInApi(server.url, nodeUnit!.username);
  const node = await nodeDrain(nodeApi, forNode.exported);
  const bodyBytes = node.bytes;
  console.log(`Node: ${REPORTS} × ${PHOTOS} in ${(node.ms / 1000).toFixed(1)} s, ${node.requests} requests, ${(bodyBytes / 1e6).toFixed(1)} MB of photos`);

  const fast = await detachedDrain(loopUnit!);
  const fastComplete = await completeOnServer(await signInApi(server.url, loopUnit!.username), fast.ids);
  console.log(`app, loopback, no DevTools attached: ${(fast.ms / 1000).toFixed(1)} s`);

  let attached: Awaited<ReturnType<typeof appDrain>> | null = null;
  if (attachedUnit) {
    const phone = await queuedPhone(browser, attachedUnit);
    attached = await appDrain(phone, null);
    await phone.context.close();
    console.log(`app, loopback, Playwright attached: ${(attached.ms / 1000).toFixed(1)} s`);
  }

  const slow = await queuedPhone(browser, slowUnit!);
  const throttled = await appDrain(slow, UPLINK_MBIT);
  const slowComplete = await completeOnServer(await signInApi(server.url, slowUnit!.username), slow.ids);
  await slow.context.close();
  const linkMs = (bodyBytes * 8) / (UPLINK_MBIT * 1e6) * 1000;

  console.log('');
  printTable([
    ['figure', 'value', 'floor', 'ratio'],
    ['reports × photos (photo bytes)', `${REPORTS} × ${PHOTOS} (${(bodyBytes / 1e6).toFixed(1)} MB)`, '', ''],
    ['drain on loopback: app vs Node (same requests, same order)', `${(fast.ms / 1000).toFixed(1)} s`, `${(node.ms / 1000).toFixed(1)} s`, `${(fast.ms / node.ms).toFixed(2)}×`],
    ['per report on loopback', ms(fast.ms / REPORTS), ms(node.ms / REPORTS), ''],
    ...(attached ? [['… the same with Playwright attached (DevTools Network domain on)', `${(attached.ms / 1000).toFixed(1)} s`, `${(node.ms / 1000).toFixed(1)} s`, `${(attached.ms / node.ms).toFixed(2)}×`]] : []),
    [`drain on a ${UPLINK_MBIT} Mbit/s uplink: time vs the link's time for the photo bytes`, `${(throttled.ms / 1000).toFixed(1)} s`, `${(linkMs / 1000).toFixed(1)} s`, `${((linkMs / throttled.ms) * 100).toFixed(0)} % of the link`],
    ['network back → first report acknowledged (loopback)', fast.firstAckMs === null ? 'never' : ms(fast.firstAckMs), '', ''],
    ['requests sent by the app (loopback / throttled)', `${fast.requests} / ${throttled.requests}`, String(minimum), ''],
    ['server: submitted with all photos (loopback / throttled)', `${fastComplete} / ${slowComplete}`, `${REPORTS} / ${REPORTS}`, ''],
    ['still waiting in the app (loopback / throttled)', `${fast.left} / ${throttled.left}`, '0 / 0', ''],
  ]);
} finally {
  await browser.close();
  await server.stop();
  if (!process.env.KEEP_BENCH_STATE) state.remove();
}
