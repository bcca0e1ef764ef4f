// The Hono app: middleware, routes mounted under /api, and the exported AppType the PWA's
// typed client (hc<AppType>) is built from.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './env';
import { errorResponse, handleError, notFound, tooLarge } from './lib/errors';
import { loadSession } from './middleware/auth';
import { injectFaults } from './middleware/faults';
import { auth, me } from './routes/auth';
import { health } from './routes/health';
import { aliases, imports } from './routes/imports';
import { plans } from './routes/plans';

/** JSON bodies are small; photo uploads have their own streaming limit. */
const JSON_BODY_LIMIT = 512 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, notFound('接口不存在')));
  app.use('*', async (c, next) => {
    c.set('now', deps.now);
    await next();
  });
  const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: (c) => errorResponse(c, tooLarge('请求内容过大')) });
  // Photo bodies (up to 10 MB) are limited while streaming by their own route.
  app.use('/api/*', (c, next) => (/\/photos\//.test(c.req.path) ? next() : jsonLimit(c, next)));
  app.use('/api/*', injectFaults);
  app.use('/api/*', loadSession);
  return app
    .route('/api/health', health)
    .route('/api/auth', auth)
    .route('/api/me', me)
    .route('/api/plans', plans)
    .route('/api/imports', imports)
    .route('/api/aliases', aliases);
}

export type AppType = ReturnType<typeof createApp>;
