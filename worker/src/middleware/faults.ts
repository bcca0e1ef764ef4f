// Fault injection for the reliability suite: with FAULT_RATE > 0 (set only by the tests as a
// binding override, e.g. `wrangler dev --var FAULT_RATE:0.1`; "0" in wrangler.toml), a share of API writes fail — half
// as a 500 before anything happens, half as a connection dropped AFTER the server has done the
// work, which is what makes retries dangerous. Reads and sign-in are left alone.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

export const injectFaults: MiddlewareHandler<AppEnv> = async (c, next) => {
  const rate = Number(c.env.FAULT_RATE ?? '0');
  if (!(rate > 0) || c.req.method === 'GET' || c.req.path.startsWith('/api/auth/')) return next();
  const roll = Math.random();
  if (roll < rate / 2) {
    return c.json({ error: { code: 'internal', message: '注入的故障：服务器错误' } }, 500);
  }
  await next();
  if (roll < rate) {
    // The work is done; the client never learns it. A body stream that errors drops the connection.
    const dropped = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"partial":'));
        controller.error(new Error('injected connection drop'));
      },
    });
    c.res = new Response(dropped, { status: 200, headers: { 'content-type': 'application/json' } });
  }
};
