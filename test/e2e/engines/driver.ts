// One small driver interface over three automation stacks, so the field scenario is written once:
// Chromium through playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi,
// WebKitGTK through its WebDriver (selenium-webdriver) under Xvfb. The scenario talks to the
// page only through `run` (a function executed in the page) plus navigation and the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PHONE } from '../../support/browser';
import { startProxy, type LoopbackProxy } from './proxy';

/** wpe: WPE WebKit 2.38 through cog (old WebKit: no OffscreenCanvas, no resize options, no JPEG encoder). */
export type EngineName = 'chromium' | 'firefox' | 'webkit' | 'wpe';

/** Page-side helpers handed to every `run` function as its second argument (plain JS on purpose). */
const HELPERS = `{
  q: (sel) => document.querySelector(sel),
  count: (sel) => document.querySelectorAll(sel).length,
  text: (sel) => { const el = document.querySelector(sel); return el ? el.textContent.trim() : null; },
  fill: (sel, value) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error('no element ' + sel);
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  },
  click: (sel, text) => {
    const el = [...document.querySelectorAll(sel)].find((e) => text === undefined || e.textContent.trim().startsWith(text));
    if (!el) throw new Error('nothing to click: ' + sel + (text ? ' ' + text : ''));
    el.click();
  },
}`;

export interface FieldDriver {
  readonly engine: EngineName;
  /** 'emulation': the engine's offline switch (navigator.onLine turns false); 'proxy': the TCP proxy stops. */
  readonly offlineBy: 'emulation' | 'proxy';
  readonly baseURL: string;
  goto(path: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn(arg, H)` in the page (fn must be self-contained) and returns its JSON result. */
  run<T, A = unknown>(fn: (arg: A, h: PageHelpers) => T | Promise<T>, arg?: A): Promise<T>;
  setOffline(offline: boolean): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface PageHelpers {
  q(sel: string): Element | null;
  count(sel: string): number;
  text(sel: string): string | null;
  fill(sel: string, value: string): void;
  click(sel: string, text?: string): void;
}

function pageScript(fn: (...a: never[]) => unknown, arg: unknown): string {
  return `(async () => { const H = ${HELPERS}; return (${fn.toString()})(${JSON.stringify(arg ?? null)}, H); })()`;
}

function shotPath(engine: EngineName, name: string): string {
  mkdirSync('test-results/screens', { recursive: true });
  return `test-results/screens/${engine}-${name}.png`;
}

const GEO = { latitude: 31.2699, longitude: 120.6287, accuracy: 12 };

export async function chromiumDriver(baseURL: string): Promise<FieldDriver> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ ...PHONE, baseURL, geolocation: GEO, permissions: ['geolocation'] });
  const page = await context.newPage();
  return {
    engine: 'chromium',
    offlineBy: 'emulation',
    baseURL,
    goto: async (path) => void (await page.goto(path)),
    reload: async () => void (await page.reload()),
    run: (fn, arg) => page.evaluate(pageScript(fn, arg)),
    setOffline: (offline) => context.setOffline(offline),
    screenshot: async (name) => void (await page.screenshot({ path: shotPath('chromium', name) })),
    close: () => browser.close(),
  };
}

export async function firefoxDriver(baseURL: string): Promise<FieldDriver> {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    // No location prompt to hang on (the watermark then says 位置未获取).
    extraPrefsFirefox: { 'geo.enabled': false, 'intl.accept_languages': 'zh-CN' },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844 });
  return {
    engine: 'firefox',
    offlineBy: 'emulation',
    baseURL,
    goto: async (path) => void (await page.goto(new URL(path, baseURL).href)),
    reload: async () => void (await page.reload()),
    run: (fn, arg) => page.evaluate(pageScript(fn, arg)) as never,
    setOffline: (offline) => page.setOfflineMode(offline),
    screenshot: async (name) => void (await page.screenshot({ path: shotPath('firefox', name) as `${string}.png` })),
    close: () => browser.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const WEBKITS = {
  // WebKitGTK's MiniBrowser needs a display: Xvfb.
  webkit: {
    command: (port: number) => ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`],
    capabilities: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } },
  },
  // WPE renders without any display through cog's headless platform.
  wpe: {
    command: (port: number) => ['WPEWebDriver', `--port=${port}`],
    capabilities: { browserName: 'cog', 'wpe:browserOptions': { binary: '/usr/bin/cog', args: ['--automation', '--platform=headless'] } },
  },
};

/** A WebKit through its WebDriver; offline = the loopback proxy in front of the worker stops. */
export async function webkitDriver(workerURL: string, engine: 'webkit' | 'wpe' = 'webkit'): Promise<FieldDriver> {
  const { Builder } = await import('selenium-webdriver');
  const proxy: LoopbackProxy = await startProxy(Number(new URL(workerURL).port));
  const port = await freePort();
  const [cmd, ...args] = WEBKITS[engine].command(port);
  const proc: ChildProcess = spawn(cmd!, args, { stdio: 'ignore', detached: true });
  const stopDriver = () => {
    try {
      if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    let driver: import('selenium-webdriver').WebDriver | null = null;
    for (let i = 0; i < 40 && !driver; i++) {
      await new Promise((r) => setTimeout(r, 250));
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities(WEBKITS[engine].capabilities)
        .build()
        .catch(() => null);
    }
    if (!driver) throw new Error('WebKitWebDriver did not start');
    const d = driver;
    await d.manage().setTimeouts({ script: 120_000, pageLoad: 60_000 });
    await d.manage().window().setRect({ width: 390, height: 844 }).catch(() => {});
    const base = proxy.url;
    return {
      engine,
      offlineBy: 'proxy',
      baseURL: base,
      goto: (path) => d.get(new URL(path, base).href),
      reload: () => d.navigate().refresh(),
      async run(fn, arg) {
        const r = (await d.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           ${pageScript(fn, arg)}.then((v) => done({ ok: true, v: v === undefined ? null : v }), (e) => done({ ok: false, e: String((e && e.stack) || e) }));`,
        )) as { ok: boolean; v?: unknown; e?: string };
        if (!r.ok) throw new Error(r.e);
        return r.v as never;
      },
      setOffline: (offline) => (offline ? proxy.stop() : proxy.start()),
      async screenshot(name) {
        const png = await d.takeScreenshot().catch(() => null); // cog's headless platform has none
        if (png) writeFileSync(shotPath(engine, name), Buffer.from(png, 'base64'));
      },
      async close() {
        await d.quit().catch(() => {});
        stopDriver();
        await proxy.close();
      },
    };
  } catch (e) {
    stopDriver();
    await proxy.close();
    throw e;
  }
}

export const drivers: Record<EngineName, (baseURL: string) => Promise<FieldDriver>> = {
  chromium: chromiumDriver,
  firefox: firefoxDriver,
  webkit: (url) => webkitDriver(url, 'webkit'),
  wpe: (url) => webkitDriver(url, 'wpe'),
};

/** Polls `fn` in the page until it returns a truthy value (errors during a reload count as not yet). */
export async function waitIn<T, A = unknown>(d: FieldDriver, what: string, fn: (arg: A, h: PageHelpers) => T | Promise<T>, arg?: A, timeout = 30_000): Promise<T> {
  const until = Date.now() + timeout;
  let last: unknown = null;
  for (;;) {
    try {
      const v = await d.run(fn, arg);
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`${d.engine}: timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
