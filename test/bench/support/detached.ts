// A Chromium that Playwright prepares and then lets go of, for timing what a phone does without
// DevTools attached. Playwright keeps the Network domain enabled on every page it drives: the
// browser then reports every request (and ships request bodies) to the driver, which cost ~25 %
// of a loopback upload drain here (a bare fetch loop timed with and without `Network.enable`).
// So the benchmark sets the page up through Playwright (over CDP), disconnects — which also
// drops Playwright's offline emulation, so the page sees the network come back — and then only
// reads the page through a bare CDP pipe with Runtime.evaluate (no Network domain).
import { performance } from 'node:perf_hooks';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/browser';

export interface Detachable {
  /** Playwright, connected over CDP; use its default context (created contexts die on detach). */
  browser: Browser;
  /**
   * Disconnects Playwright (the page goes online: `at` is performance.now() and `epoch` Date.now()
   * just before) and attaches a bare session to `page` for `evaluate`.
   */
  detach(page: Page): Promise<{ at: number; epoch: number; evaluate: (expression: string) => Promise<unknown> }>;
  close(): Promise<void>;
}

export async function launchDetachable(): Promise<Detachable> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-detached-'));
  const proc: ChildProcess = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${dir}`, '--remote-debugging-port=0', '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const pipe = cdpPipe(proc.stdio[3] as Writable, proc.stdio[4] as Readable);
  const portFile = join(dir, 'DevToolsActivePort');
  for (let i = 0; i < 300 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  let port = '';
  for (let i = 0; i < 50 && !port; i++) {
    port = readFileSync(portFile, 'utf8').split('\n')[0] ?? '';
    if (!port) await new Promise((r) => setTimeout(r, 50));
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return {
    browser,
    async detach(page) {
      const cdp = await page.context().newCDPSession(page);
      const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
      await cdp.detach();
      const at = performance.now();
      const epoch = Date.now();
      await browser.close();
      const { sessionId } = (await pipe.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: true })) as { sessionId: string };
      const evaluate = async (expression: string) => {
        const r = (await pipe.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
          result: { value?: unknown };
          exceptionDetails?: { text: string };
        };
        if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`);
        return r.result.value;
      };
      return { at, epoch, evaluate };
    },
    async close() {
      await pipe.send('Browser.close').catch(() => undefined);
      await new Promise((r) => (proc.exitCode === null ? proc.once('exit', r) : r(null)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CDP over --remote-debugging-pipe: JSON messages separated by NUL bytes. */
function cdpPipe(out: Writable, inp: Readable) {
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let buf = '';
  inp.setEncoding('utf8');
  inp.on('data', (chunk: string) => {
    buf += chunk;
    for (let end = buf.indexOf('\0'); end >= 0; end = buf.indexOf('\0')) {
      const msg = JSON.parse(buf.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buf = buf.slice(end + 1);
      const w = msg.id === undefined ? undefined : waiting.get(msg.id);
      if (!w) continue;
      waiting.delete(msg.id!);
      if (msg.error) w.reject(new Error(msg.error.message));
      else w.resolve(msg.result);
    }
  });
  return {
    send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
      const id = ++nextId;
      out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
  };
}
