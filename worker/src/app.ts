// The Hono app: middleware, routes mounted under /api, and the exported AppType the PWA's
// typed client (hc<AppType>) is built from.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './env';
import { errorResponse, handleError, notFound, tooLarge } from './lib/errors';
import { loadSession } from './middleware/auth';
import { routeDatabase, superadminDatabases, verifyDatabase } from './middleware/database';
import { apiSecurityHeaders, csrfProtection, defaultNoStore } from './middleware/security';
import { injectFaults } from './middleware/faults';
import { revalidate } from './middleware/revalidate';
import { audit } from './routes/audit';
import { aliases } from './routes/aliases';
import { auth } from './routes/auth';
import { circular } from './routes/plans/circular';
import { dashboard } from './routes/plans/dashboard';
import { directory } from './routes/plans/directory';
import { search } from './routes/search';
import { supervision } from './routes/plans/supervision';
import { health } from './routes/health';
import { imports } from './routes/imports';
import { instructions } from './routes/instructions';
import { me } from './routes/me';
import { carryover } from './routes/carryover';
import { photos } from './routes/reports/photos';
import { plans } from './routes/plans';
import { reports } from './routes/reports';
import { sync } from './routes/sync';
import { tasks } from './routes/tasks';
import { units } from './routes/units';
import { verify } from './routes/verify';
import { verifySettings } from './routes/verify-settings';
import { users } from './routes/users';

/** JSON bodies are small; photo uploads have their own streaming limit. */
const JSON_BODY_LIMIT = 512 * 1024;

/** GET answers built only from change-logged data, the caller, the URL and the day. */
export const CACHEABLE_READS = [
  '/api/me',
  '/api/plans',
  '/api/plans/:id/tasks',
  '/api/plans/:id/dashboard',
  '/api/plans/:id/targets',
  '/api/plans/:id/circular',
  '/api/tasks/:id/reports',
  '/api/units/:id/due',
];

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, notFound('接口不存在')));
  app.use('*', async (c, next) => {
    c.set('now', deps.now);
    await next();
  });
  // Security headers first, so every /api answer (errors and 404s too) carries them.
  app.use('/api/*', apiSecurityHeaders);
  app.use('/api/*', defaultNoStore);
  const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: (c) => errorResponse(c, tooLarge('请求内容过大')) });
  // Photo bodies (up to 10 MB) are limited while streaming by their own route.
  app.use('/api/*', (c, next) => (/\/photos\//.test(c.req.path) ? next() : jsonLimit(c, next)));
  app.use('/api/*', injectFaults);
  app.use('/api/*', csrfProtection);
  // Organisations live on several D1 databases: pick the caller's before the session is read.
  app.use('/api/*', routeDatabase);
  app.use('/api/*', loadSession);
  app.use('/api/*', superadminDatabases(() => app));
  app.use('/api/verify/*', verifyDatabase);
  // Reads a phone or a leader repeats all day: ETag + 304 (middleware/revalidate.ts).
  for (const path of CACHEABLE_READS) app.use(path, revalidate);
  return app
    .route('/api/health', health)
    .route('/api/auth', auth)
    .route('/api/me', me)
    .route('/api/plans', plans)
    .route('/api/plans', dashboard)
    .route('/api/plans', circular)
    .route('/api/plans', supervision)
    .route('/api/plans', directory)
    .route('/api/search', search)
    .route('/api/reports', reports)
    .route('/api/reports', photos)
    .route('/api/tasks', tasks)
    .route('/api/units', units)
    .route('/api/sync', sync)
    .route('/api/verify', verify)
    .route('/api/verify-settings', verifySettings)
    .route('/api/instructions', instructions)
    .route('/api/carryover', carryover)
    .route('/api/users', users)
    .route('/api/audit', audit)
    .route('/api/imports', imports)
    .route('/api/aliases', aliases);
}

export type AppType = ReturnType<typeof createApp>;
