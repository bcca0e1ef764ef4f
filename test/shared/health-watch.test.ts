// npm start's watchdog (worker/cli/health-watch.ts): a server that stays up but stops answering
// is declared dead after N misses in a row — and one that answers, or recovers, is not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { watchHealth } from '../../worker/cli/health-watch';

let server: Server | undefined;
afterEach(() => server?.closeAllConnections());
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/**
 * A health endpoint answering as `answer(n)` says for its n-th call: a status, or hang.
 * `called(n)` resolves once the n-th call has come in.
 */
async function healthServer(answer: (n: number) => number | 'hang') {
  let n = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  server = createServer((_, res) => {
    const a = answer(n++);
    if (a !== 'hang') res.writeHead(a).end('{}');
    for (const w of waiters.filter((w) => w.n <= n)) w.resolve();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/health`;
  const called = (calls: number) => new Promise<void>((resolve) => waiters.push({ n: calls, resolve }));
  return { url, called };
}

/** What the watchdog declares; null when `stop` came first (the test's timeout bounds the rest). */
function watch(url: string, stop?: Promise<void>): Promise<string | null> {
  return new Promise((resolve) => {
    const w = watchHealth({ url, intervalMs: 20, timeoutMs: 100, failures: 3, startAfterMs: 0, onDead: resolve });
    void stop?.then(() => {
      w.stop();
      resolve(null);
    });
  });
}

// No time window: each test awaits what the watchdog declares, or the server's n-th call; the
// generous timeout only bounds a watchdog that never decides (a loaded machine is slow, not wrong).
describe('npm start health watchdog', { timeout: 30_000 }, () => {
  it('declares a live but silent server dead after three misses', async () => {
    const { url } = await healthServer((n) => (n < 3 ? 200 : 'hang'));
    expect(await watch(url)).toMatch(/无响应/);
  });

  it('counts error answers as misses', async () => {
    const { url } = await healthServer(() => 503);
    expect(await watch(url)).toBe('HTTP 503');
  });

  it('leaves a healthy server, and one that recovers between misses, alone', async () => {
    // Four rounds of 200, 200, 503: four misses in all, never three in a row.
    const { url, called } = await healthServer((n) => (n % 3 === 2 ? 503 : 200));
    expect(await watch(url, called(13))).toBeNull();
  });
});
