// The bookmark cookie (lib/bookmark.ts): read once per request, set after a successful write from
// the session that ran it, cleared at sign-out. HttpOnly (no script needs it), SameSite=Strict
// (only the app's own API calls need it), `__Host-` over HTTPS (Secure, Path=/, no Domain: no
// sibling subdomain can plant one). The PWA, its service worker and the outbox send it as they
// send the session cookie, unchanged.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { formatBookmarks, isBookmark, isRead, parseBookmarks, type Bookmarks } from '../lib/bookmark';
import { isHttps } from './auth';

const COOKIE = 'duban_bookmark';
/**
 * A bookmark only matters while replicas may lag behind the write it marks (seconds); after a
 * day any replica has it, and the cookie stops costing request bytes.
 */
const MAX_AGE_S = 24 * 3600;
const OPTIONS = { httpOnly: true, sameSite: 'Strict', path: '/' } as const;

export function readBookmarks(c: Context, databases: number): Bookmarks {
  const value = isHttps(c) ? getCookie(c, COOKIE, 'host') : getCookie(c, COOKIE);
  return parseBookmarks(value, databases);
}

/** Whether the answer already sets or clears the cookie (a sub-request's answer, sign-out). */
function answerSetsIt(c: Context): boolean {
  return c.res.headers.getSetCookie().some((h) => h.startsWith(`${COOKIE}=`) || h.startsWith(`__Host-${COOKIE}=`));
}

/**
 * After a successful write (2xx/3xx), the cookie gets the session's bookmark for the request's
 * database, the caller's others kept. Reads and refused writes leave it alone: no Set-Cookie on
 * plain reads, whose headers stay lean.
 */
export function rememberWrite(c: Context<AppEnv>): void {
  if (isRead(c.req.method) || c.res.status >= 400 || answerSetsIt(c)) return;
  const { session, index, bookmarks } = c.var.databases;
  const bookmark = session.getBookmark();
  if (!bookmark) return; // no query ran
  if (!isBookmark(bookmark)) {
    // D1 changed its bookmark format: reads would stop following writes. Say so in the logs.
    console.warn(`D1 bookmark of an unexpected shape (${bookmark.length} characters): not kept`);
    return;
  }
  const value = formatBookmarks(new Map([...bookmarks, [index, bookmark]]));
  const opts = { ...OPTIONS, maxAge: MAX_AGE_S };
  if (isHttps(c)) setCookie(c, COOKIE, value, { ...opts, prefix: 'host' });
  else setCookie(c, COOKIE, value, opts);
}

/** Sign-out: the next caller on this browser starts with no bookmark. */
export function clearBookmarkCookie(c: Context): void {
  if (isHttps(c)) deleteCookie(c, COOKIE, { ...OPTIONS, prefix: 'host' });
  else deleteCookie(c, COOKIE, OPTIONS);
}
