// npm start's watchdog (worker/cli/health-watch.ts): a server that stays up but stops answering
// is declared dead after N misses in a row — and one that answers, or recovers, is not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { watchHealth } from '../../worker/cli/health-watch';

let server: Server | undefined;
afterEach(() => server?.closeAllConnections());
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A health endpoint answering as `answer(n)` says for its n-th call: a status, or hang. */
async function healthServer(answer: (n: number) => number | 'hang'): Promise<string> {
  let n = 0;
  server = createServer((_, res) => {
    const a = answer(n++);
    if (a !== 'hang') res.writeHead(a).end('{}');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/health`;
}

function watch(url: string, ms: number): Promise<string | null> {
  return new Promise((resolve) => {
    const w = watchHealth({ url, intervalMs: 20, timeoutMs: 100, failures: 3, startAfterMs: 0, onDead: resolve });
    setTimeout(() => {
      w.stop();
      resolve(null);
    }, ms);
  });
}

describe('npm start health watchdog', () => {
  it('declares a live but silent server dead after three misses', async () => {
    const url = await healthServer((n) => (n < 3 ? 200 : 'hang'));
    expect(await watch(url, 3000)).toMatch(/无响应/);
  });

  it('counts error answers as misses', async () => {
    const url = await healthServer(() => 503);
    expect(await watch(url, 3000)).toBe('HTTP 503');
  });

  it('leaves a healthy server, and one that recovers between misses, alone', async () => {
    const url = await healthServer((n) => (n % 3 === 2 ? 503 : 200));
    expect(await watch(url, 600)).toBeNull();
  });
});
