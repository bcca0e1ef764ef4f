// Which D1 database a request runs on (docs/SCALE.md "Past one database"). Routes keep using
// `c.env.DB`: these middlewares swap the binding before any route runs.
//  - routeDatabase (before the session is loaded): the session cookie's database (`<db>.<token>`,
//    none = database 0); sign-in looks the username up in the directory. Every database a
//    request runs on is used through one D1 session that starts from the caller's bookmark for
//    it (lib/bookmark.ts); a successful write leaves the new bookmark in a cookie
//    (middleware/bookmark.ts).
//  - superadminDatabases (after): the super-admin lives on database 0 and acts on every
//    organisation. A request naming an organisation (`orgId` in the query or the JSON body) runs on
//    its database; a cross-organisation list runs on every database and merges (lib/fan-out.ts);
//    anything else runs on database 0 and, when it finds nothing there (404, or a route that knows
//    better throws `Elsewhere`, lib/placement.ts), on the others in turn.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { loginDatabase, orgDatabase } from '../db/placements';
import { hasVerifyCode } from '../db/verify';
import { normaliseVerifyCode } from '../../../shared/verify-code';
import { databasesOf, parseSessionCookie, useDatabase } from '../lib/databases';
import { fanOutFor, mergeAnswers } from '../lib/fan-out';
import { Elsewhere } from '../lib/placement';
import { readSessionCookie } from './auth';
import { readBookmarks, rememberWrite } from './bookmark';

/** Sub-requests this worker made for a super-admin, and the database each runs on. Not forgeable. */
const forced = new WeakMap<Request, number>();

async function loginUsername(c: Context): Promise<string | null> {
  try {
    const body = (await c.req.json()) as { username?: unknown };
    return typeof body?.username === 'string' ? body.username : null;
  } catch {
    return null; // the route's validator answers
  }
}

export const routeDatabase: MiddlewareHandler<AppEnv> = async (c, next) => {
  const all = databasesOf(c.env);
  let index = 0;
  if (all.length > 1) {
    const cookie = readSessionCookie(c);
    index = (cookie && parseSessionCookie(cookie)?.index) || 0;
    if (c.req.method === 'POST' && c.req.path === '/api/auth/login') {
      const username = await loginUsername(c);
      index = username ? await loginDatabase(all[0]!, username) : 0;
    }
    // A cookie naming a database this deployment does not have: signed out, on database 0.
    if (index >= all.length) index = 0;
  }
  useDatabase(c, all, index, readBookmarks(c, all.length));
  await next();
  rememberWrite(c);
};

/** Replaces the answer whole (Hono's setter would carry the old answer's headers over). */
function answer(c: Context<AppEnv>, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}

/**
 * The request again, on database `index`, as this worker's own sub-request. It carries the
 * caller's cookies, so it starts from the caller's bookmark for that database and, after a write,
 * answers with the cookie updated for it (which the outer request then leaves alone).
 */
async function again(app: Hono<AppEnv>, c: Context<AppEnv>, request: Request, index: number, dropValidator = false): Promise<Response> {
  const headers = new Headers(request.headers);
  if (dropValidator) headers.delete('if-none-match');
  const sub = new Request(request, { headers });
  forced.set(sub, index);
  const env = { ...c.env, DB: c.var.databases.all[0]! };
  let ctx: Parameters<typeof app.fetch>[2];
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  return app.fetch(sub, env, ctx);
}

async function namedOrg(c: Context<AppEnv>): Promise<string | null> {
  const q = c.req.query('orgId');
  if (q) return q;
  if (!/^application\/json/i.test(c.req.header('content-type') ?? '') || c.req.method === 'GET') return null;
  try {
    const body = (await c.req.json()) as { orgId?: unknown };
    return typeof body?.orgId === 'string' ? body.orgId : null;
  } catch {
    return null;
  }
}

export function superadminDatabases(app: () => Hono<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { all } = c.var.databases;
    if (c.var.user?.role !== 'superadmin' || all.length === 1) return next();
    const target = forced.get(c.req.raw);
    if (target !== undefined) {
      useDatabase(c, all, target);
      return next();
    }
    const url = new URL(c.req.url);
    const fanOut = fanOutFor(c.req.method, url);
    if (fanOut) {
      const answers = await Promise.all(all.map((_, i) => again(app(), c, c.req.raw.clone() as Request, i, true)));
      answer(c, await mergeAnswers(fanOut, url, answers));
      return;
    }
    // Kept before anything reads the body: the request may have to run again elsewhere.
    const spare = c.req.raw.clone() as Request;
    const orgId = await namedOrg(c);
    const home = orgId ? await orgDatabase(c.var.databases.directory, orgId) : null;
    if (home !== null && home !== c.var.databases.index) {
      answer(c, await again(app(), c, spare, home));
      return;
    }
    await next();
    if (home !== null) return;
    if (c.error instanceof Elsewhere) {
      answer(c, await again(app(), c, spare, c.error.database));
      return;
    }
    for (let i = 1; i < all.length && c.res.status === 404; i++) {
      answer(c, await again(app(), c, i + 1 < all.length ? (spare.clone() as Request) : spare, i));
    }
  };
}

/**
 * The public verification page (/api/verify/:code…) is reached by a printed code, with no
 * organisation or session to say where its report is: the code is looked up on every database at
 * once (one index probe each; the route throttles look-ups) and the request runs where it is. A
 * code found nowhere stays on the caller's database, so guesses are counted in one place.
 */
export const verifyDatabase: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { all, index } = c.var.databases;
  const code = all.length > 1 ? normaliseVerifyCode(c.req.path.split('/')[3] ?? '') : null;
  if (code) {
    const found = await Promise.all(all.map((db) => hasVerifyCode(db, code)));
    const at = found.indexOf(true);
    if (at >= 0 && at !== index) useDatabase(c, all, at);
  }
  await next();
};
