// GET /api/health: is the worker up and does D1 answer (503 when not).
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { pingDb } from '../db/health';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  let db: 'ok' | 'error' = 'ok';
  try {
    await pingDb(c.env.DB);
  } catch {
    db = 'error';
  }
  return c.json({ ok: db === 'ok', version: c.env.APP_VERSION, db }, db === 'ok' ? 200 : 503);
});
