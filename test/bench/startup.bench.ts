// Opening the app on a bad network: a returning unit (signed in once, storage kept) reloads its
// task list, and the time until the first task row is on screen is measured in the page
// (performance.now() from navigation start) under four networks, in one run:
//   offline                 — the floor: shell from the service worker, data from IndexedDB;
//   loopback                — the network as fast as it gets;
//   150 ms link             — Chromium network emulation, 150 ms added to every request;
//   hung link               — connects, but /api never answers (a loopback proxy holds them).
// Goal: online never slower than offline + 10 %, and a hung network never delays the first paint.
// Prints figures; never fails on time.
//   npx tsx test/bench/startup.bench.ts      (STARTUP_RUNS=21, interleaved: one run of each network per round)
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumVersion, launchChromium, PHONE } from '../support/browser';
import { signInPage, waitForServiceWorker } from '../support/app';
import { ensurePwaBuilt, freshSeededState, startServer } from '../support/server';
import { machineLine, median, ms, printTable } from './support/stats';

const RUNS = Number(process.env.STARTUP_RUNS ?? 21);

/** A loopback HTTP proxy in front of the worker that can hold every /api request unanswered. */
async function startProxy(target: string) {
  let hang = false;
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (hang && req.url?.startsWith('/api/')) {
      held.push(res);
      return;
    }
    const up = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setHang(on: boolean) {
      hang = on;
      if (!on) for (const res of held.splice(0)) res.destroy();
    },
    close: () => new Promise<void>((r) => {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

console.log(`startup — ${chromiumVersion()}; ${machineLine()}`);
ensurePwaBuilt();
const state = await freshSeededState('duban-bench-startup-');
const worker = await startServer(state.persistTo);
const proxy = await startProxy(worker.url);
const browser = await launchChromium();
try {
  const unit = state.accounts.find((a) => a.role === 'unit' && a.orgName.includes('吴中') && a.unitName === '发改委')!;
  const context = await browser.newContext({ ...PHONE, baseURL: proxy.url });
  const page = await context.newPage();
  await signInPage(page, proxy.url, unit.username);
  await waitForServiceWorker(page);
  await page.locator('.task-item').first().waitFor({ timeout: 60_000 });
  // In every page from its first script on: the first animation frame with a task row, in the
  // page's clock (from navigation start) — watched from inside the page, since a watcher
  // installed from Node may arrive late on a loaded machine and see the row frames after its
  // paint. And the app's /api calls started before that frame: a figure load does not move
  // (the app starts its network work only after the row is painted).
  // (A string: the bundler's name helpers for functions do not exist in the page.)
  await context.addInitScript({
    content: `
      const apiStarts = [];
      const original = window.fetch;
      window.fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (new URL(url, location.href).pathname.startsWith('/api/')) apiStarts.push(performance.now());
        return original(input, init);
      };
      requestAnimationFrame(function frame() {
        if (!document.querySelector('.task-item')) return void requestAnimationFrame(frame);
        const now = performance.now();
        window.firstRow = [now, apiStarts.filter((t) => t < now).length];
      });
    `,
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');

  const conditions: Array<{ name: string; apply: () => Promise<void> }> = [
    { name: 'offline (floor)', apply: () => context.setOffline(true) },
    { name: 'loopback', apply: async () => undefined },
    { name: '150 ms link', apply: async () => void await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: -1, uploadThroughput: -1 }) },
    { name: 'hung link (/api never answers)', apply: async () => proxy.setHang(true) },
  ];
  const reset = async () => {
    await context.setOffline(false);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    proxy.setHang(false);
  };

  // Round-robin: every round loads the page once under each network, so load drift from other
  // work on the machine hits all conditions alike; the order rotates each round so no network
  // always follows the same one. Round 0 only warms caches and connections and is not counted.
  const times: number[][] = conditions.map(() => []);
  const callsBefore: number[][] = conditions.map(() => []);
  const gaveUp = new Set<number>();
  for (let round = 0; round <= RUNS; round++) {
    for (let k = 0; k < conditions.length; k++) {
      const c = (k + round) % conditions.length;
      if (gaveUp.has(c)) continue;
      // Leave the last run's page first: its answers, failures and `online` handlers (the hung
      // link's held requests fail at reset, going back online starts a sync) must not run while
      // the next run loads. To a same-origin page without the app (the service worker leaves
      // /api to the network): about:blank made Chromium change renderer processes, which added
      // a slow mode of +100 ms to a random share of the runs.
      await reset();
      await page.goto(`${proxy.url}/api/health`);
      await conditions[c]!.apply();
      await page.goto(`${proxy.url}/`, { waitUntil: 'commit' });
      const handle = await page
        .waitForFunction(() => (window as unknown as { firstRow?: [number, number] }).firstRow ?? false, undefined, { polling: 50, timeout: 60_000 })
        .catch(() => null);
      const [at, calls] = handle ? ((await handle.jsonValue()) as [number, number]) : [Infinity, NaN]; // never painted within 60 s
      if (round > 0) callsBefore[c]!.push(calls);
      if (at === Infinity) gaveUp.add(c); // no paint within a minute: one such run says enough
      if (round > 0 || at === Infinity) times[c]!.push(at);
    }
  }
  await reset();
  for (const [c, cond] of conditions.entries()) console.log(`${cond.name}: ${times[c]!.map((t) => t.toFixed(0)).join(', ')} ms`);
  const offline = times[0]!;
  // Each run against the offline run of the same round: drift between rounds cancels out.
  const perRound = (c: number) => median(times[c]!.map((t, i) => t / offline[i]!));
  const floor = median(offline);
  console.log('');
  printTable([
    ['network', `first task row, median of ${RUNS}`, 'max', 'vs offline', 'per-round ratio, median', '/api calls before it, max'],
    ...conditions.map((cond, c) => [cond.name, ms(median(times[c]!)), ms(Math.max(...times[c]!)), `${(median(times[c]!) / floor).toFixed(2)}×`, `${perRound(c).toFixed(2)}×`, String(Math.max(...callsBefore[c]!))]),
  ]);
  await context.close();
} finally {
  await browser.close();
  await proxy.close();
  await worker.stop();
  if (!process.env.KEEP_BENCH_STATE) state.remove();
}
