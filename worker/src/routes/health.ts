import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  let db: 'ok' | 'error' = 'ok';
  try {
    await c.env.DB.prepare('SELECT 1').first();
  } catch {
    db = 'error';
  }
  return c.json({ ok: db === 'ok', version: c.env.APP_VERSION, db }, db === 'ok' ? 200 : 503);
});
