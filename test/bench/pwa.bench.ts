// The PWA on a cheap phone: what the first load costs and what Lighthouse (mobile preset: Moto
// G Power-sized screen, simulated slow 4G, 4× CPU slowdown) says about it.
// - initial JS and CSS, gzip: what dist/pwa/index.html loads before any import() — the entry
//   script, its static imports (followed through the chunks) and the stylesheets;
// - precache: the service worker's precache manifest, summed (raw and gzip);
// - Lighthouse performance / accessibility / best practices and the main metrics, for the
//   sign-in screen (first visit, empty storage) and a unit's task list as the field worker opens
//   it every day (signed in through the form once, then measured with storage kept: service
//   worker, IndexedDB, cookie), against a fresh seeded `wrangler dev` on loopback. Debian
//   Chromium is started here with a DevTools port.
// Builds the PWA first (BENCH_NO_BUILD=1 to measure dist/pwa as it is). LH_RUNS=3 by default
// (the median is printed). Prints figures, never fails on them.
//   npx tsx test/bench/pwa.bench.ts
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../support/wrangler-dev';
import { signInPage, waitForServiceWorker } from '../support/app';
import { CHROMIUM, chromiumVersion } from '../support/browser';
import { ensurePwaBuilt, freshSeededState, startServer } from '../support/server';
import { kb, machineLine, median, printTable } from './support/stats';

const DIST = 'dist/pwa';
const LH_RUNS = Number(process.env.LH_RUNS ?? 3);

console.log(`PWA — ${chromiumVersion()}; ${machineLine()}`);
ensurePwaBuilt(!process.env.BENCH_NO_BUILD);

// ---- Bundle sizes --------------------------------------------------------------------------
const gz = (path: string) => gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length;
const raw = (path: string) => statSync(join(DIST, path)).size;
const clean = (url: string) => url.replace(/^\//, '').split(/[?#]/)[0]!;

/** Static imports of an ES module chunk (not import() calls), resolved against its folder. */
function staticImports(path: string): string[] {
  const code = readFileSync(join(DIST, path), 'utf8');
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) {
    const spec = m[1]!;
    if (spec.startsWith('./')) out.push(dir + spec.slice(2));
    else if (spec.startsWith('/')) out.push(clean(spec));
  }
  return out;
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entry = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => clean(m[1]!));
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => clean(m[1]!));
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => clean(m[1]!));
const js = new Set<string>();
const queue = [...entry, ...preloads];
while (queue.length) {
  const f = queue.shift()!;
  if (js.has(f)) continue;
  js.add(f);
  queue.push(...staticImports(f));
}
const jsGz = [...js].reduce((s, f) => s + gz(f), 0);
const jsRaw = [...js].reduce((s, f) => s + raw(f), 0);
const cssGz = css.reduce((s, f) => s + gz(f), 0);
const cssRaw = css.reduce((s, f) => s + raw(f), 0);
const htmlGz = gz('index.html');

const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
const manifest = [...sw.matchAll(/\{[^{}]*"url":"([^"]+)"[^{}]*\}/g)].map((m) => m[1]!);
const precacheRaw = manifest.reduce((s, f) => s + raw(f), 0);
const precacheGz = manifest.reduce((s, f) => s + gz(f), 0);
const swGz = gzipSync(sw, { level: 9 }).length;

console.log('\nfirst load (gzip -9; what index.html loads before any import()):');
printTable([
  ['what', 'files', 'raw', 'gzip'],
  ['initial JS (entry + static imports)', String(js.size), kb(jsRaw), kb(jsGz)],
  ['initial CSS', String(css.length), kb(cssRaw), kb(cssGz)],
  ['index.html', '1', kb(raw('index.html')), kb(htmlGz)],
  ['initial total (HTML + JS + CSS)', String(js.size + css.length + 1), kb(jsRaw + cssRaw + raw('index.html')), kb(jsGz + cssGz + htmlGz)],
  ['precache (sw manifest, all entries)', String(manifest.length), kb(precacheRaw), kb(precacheGz)],
  ['sw.js itself', '1', kb(sw.length), kb(swGz)],
]);
console.log(`  initial JS files: ${[...js].map((f) => f.replace('assets/', '')).join(', ')}`);

// ---- Lighthouse ----------------------------------------------------------------------------
let lighthouse: typeof import('lighthouse').default;
try {
  lighthouse = (await import('lighthouse')).default;
} catch (e) {
  console.log(`\nLighthouse: not run — the lighthouse package cannot be loaded here (${(e as Error).message}). npm install installs it (devDependency).`);
  process.exit(0);
}

const state = await freshSeededState('duban-bench-pwa-');
const server = await startServer(state.persistTo);
const unitUser = state.accounts.find((a) => a.role === 'unit' && a.orgName.includes('吴中') && a.unitName === '发改委')!.username;
let chrome = await startChromium();
try {
  const pages: Array<{ name: string; url: string; before?: () => Promise<void> }> = [
    { name: 'sign-in screen (first visit)', url: `${server.url}/` },
    {
      name: 'task list, returning user (发改委)',
      url: `${server.url}/`,
      // The app remembers who signed in (IndexedDB) and asks the server only then: sign in once
      // through the form in a profile, as the phone did the first day, and measure on it.
      before: async () => {
        await chrome.stop();
        const profile = mkdtempSync(join(tmpdir(), 'duban-lh-'));
        await signInOnce(profile, server.url, unitUser);
        chrome = await startChromium(profile);
      },
    },
  ];
  const rows: string[][] = [['page (median of ' + LH_RUNS + ')', 'perf', 'a11y', 'best pr.', 'FCP', 'LCP', 'TBT', 'CLS', 'SI']];
  const notes: string[] = [];
  for (const p of pages) {
    await p.before?.();
    const runs: Array<Record<string, number>> = [];
    for (let i = 0; i < LH_RUNS; i++) {
      const result = await lighthouse(p.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        ...(p.before ? { disableStorageReset: true } : {}),
      });
      if (!result) throw new Error('lighthouse returned nothing');
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const n = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      runs.push({
        perf: (lhr.categories.performance?.score ?? NaN) * 100,
        a11y: (lhr.categories.accessibility?.score ?? NaN) * 100,
        bp: (lhr.categories['best-practices']?.score ?? NaN) * 100,
        fcp: n('first-contentful-paint'),
        lcp: n('largest-contentful-paint'),
        tbt: n('total-blocking-time'),
        cls: n('cumulative-layout-shift'),
        si: n('speed-index'),
      });
      if (i === 0) {
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
          .filter((a) => ['accessibility', 'best-practices'].some((c) => lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0)))
          .map((a) => a.id);
        if (failing.length) notes.push(`${p.name}: below 0.9 in a11y/best practices: ${failing.join(', ')}`);
        const items = (id: string) => ((lhr.audits[id]?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []);
        const errors = items('errors-in-console').map((e) => String(e.description ?? '').slice(0, 120));
        if (errors.length) notes.push(`${p.name}: console errors: ${errors.join(' | ')}`);
        const longTasks = items('long-tasks').slice(0, 4).map((t) => `${String(t.url ?? '').replace(server.url, '')} ${Math.round(Number(t.duration))} ms`);
        if (longTasks.length) notes.push(`${p.name}: longest main-thread tasks (simulated 4× CPU): ${longTasks.join(', ')}`);
        const work = items('mainthread-work-breakdown').slice(0, 4).map((w) => `${String(w.groupLabel ?? w.group)} ${Math.round(Number(w.duration))} ms`);
        if (work.length) notes.push(`${p.name}: main-thread work: ${work.join(', ')}`);
        notes.push(`${p.name}: ${items('network-requests').length} requests, ${kb(lhr.audits['total-byte-weight']?.numericValue ?? 0)} transferred`);
        notes.push(`${p.name}: ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, form factor ${lhr.configSettings.formFactor}, throttling ${lhr.configSettings.throttlingMethod} (RTT ${lhr.configSettings.throttling.rttMs} ms, ${lhr.configSettings.throttling.throughputKbps} kbps, CPU ${lhr.configSettings.throttling.cpuSlowdownMultiplier}×)`);
      }
    }
    const m = (k: string) => median(runs.map((r) => r[k]!));
    rows.push([p.name, m('perf').toFixed(0), m('a11y').toFixed(0), m('bp').toFixed(0), `${(m('fcp') / 1000).toFixed(1)} s`, `${(m('lcp') / 1000).toFixed(1)} s`, `${m('tbt').toFixed(0)} ms`, m('cls').toFixed(3), `${(m('si') / 1000).toFixed(1)} s`]);
    if (LH_RUNS > 1) notes.push(`${p.name}: performance scores of the runs ${runs.map((r) => r.perf!.toFixed(0)).join(', ')}`);
  }
  console.log('\nLighthouse (mobile preset, simulated throttling):');
  printTable(rows);
  for (const n of notes) console.log(`  · ${n}`);
} finally {
  await chrome.stop();
  await server.stop();
  if (!process.env.KEEP_BENCH_STATE) state.remove();
}

/** Signs in through the real form with Chromium on `profile`, waits for the task list, closes. */
async function signInOnce(profile: string, url: string, username: string): Promise<void> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await context.newPage();
    await signInPage(page, url, username);
    await page.getByRole('list', { name: '任务列表' }).getByRole('link').first().waitFor({ timeout: 30_000 });
    await waitForServiceWorker(page);
  } finally {
    await context.close();
  }
}

/** Debian Chromium, headless, with a DevTools port for Lighthouse (no chrome-launcher needed). */
async function startChromium(profile = mkdtempSync(join(tmpdir(), 'duban-lh-'))): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    CHROMIUM,
    ['--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', 'about:blank'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('Chromium did not open its DevTools port');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      // Its helper processes may still be flushing the profile for a moment.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
