// The D1 databases of a deployment (docs/SCALE.md "Past one database"). `DATABASES` (wrangler.toml
// [vars]) lists their binding names in a fixed order: a database's index is its position, stored in
// the directory and in session cookies, so the list only ever grows at its end. Database 0 is the
// binding `DB`: it also holds the directory (which organisation and which username live where)
// and the super-admin accounts. With no `DATABASES` the deployment has the one database `DB`.
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { sessionStart, type Bookmarks } from './bookmark';
import type { Db } from './d1';

export interface Databases {
  /** Every database, by index. */
  all: readonly D1Database[];
  /** The index the request runs on (`c.env.DB` is `session`, a session of `all[index]`). */
  index: number;
  /** Database 0, which holds the directory: the binding itself, so directory reads see the primary. */
  directory: D1Database;
  /** The D1 session this request's work runs through (`c.env.DB`; lib/bookmark.ts). */
  session: D1DatabaseSession;
  /** The caller's bookmarks from the request's cookie, validated (lib/bookmark.ts). */
  bookmarks: Bookmarks;
}

/** The binding names, in index order. */
export function databaseNames(env: { DATABASES?: string }): string[] {
  const names = (env.DATABASES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return names.length ? names : ['DB'];
}

/** The bindings themselves: call before `useDatabase` replaces `DB` with a session. */
export function databasesOf(env: { DATABASES?: string }): D1Database[] {
  return databaseNames(env).map((name) => {
    const db = (env as unknown as Record<string, D1Database | undefined>)[name];
    if (!db) throw new Error(`DATABASES names ${name}, which is not a D1 binding of this worker`);
    return db;
  });
}

/**
 * The session cookie's value: the token alone on database 0 (so cookies from before several
 * databases keep working), `<index>.<token>` elsewhere — the request finds its database without
 * a lookup.
 */
export function sessionCookieValue(index: number, token: string): string {
  return index === 0 ? token : `${index}.${token}`;
}

/** The database index and the token of a cookie value; null when it is malformed. */
export function parseSessionCookie(value: string): { index: number; token: string } | null {
  const m = /^(?:([1-9][0-9]{0,2})\.)?([0-9a-f]{64})$/.exec(value);
  return m ? { index: m[1] ? Number(m[1]) : 0, token: m[2]! } : null;
}

/**
 * Runs the rest of the request on database `index`, through one session of it that starts where
 * the method and the caller's bookmark for that database say (lib/bookmark.ts): routes keep
 * using `c.env.DB`.
 */
export function useDatabase(
  c: Context<AppEnv>,
  all: readonly D1Database[],
  index: number,
  bookmarks: Bookmarks = c.var.databases.bookmarks,
): void {
  const db = all[index];
  if (!db) throw new Error(`no database ${index}`);
  const session = db.withSession(sessionStart(c.req.method, bookmarks, index));
  c.env = { ...c.env, DB: session };
  c.set('databases', { all, index, directory: all[0]!, session, bookmarks });
}

/**
 * A fresh session of the request's database that starts on the primary: for a read that finds
 * the client ahead of the copy that answered (a replica behind the one that served it before).
 */
export function onPrimary({ all, index }: Databases): Db {
  return all[index]!.withSession('first-primary');
}
