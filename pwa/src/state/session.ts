// Who is signed in. The last known user is kept in IndexedDB so the app opens offline.
import type { Me } from '../../../shared/schemas/auth';
import { api, API_TIMEOUT_MS, ApiFailure, timeoutSignal, unwrap } from '../api/client';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import { createStore } from '../lib/store';
import { firstPainted } from '../lib/first-paint';
import { sameJson } from '../lib/same-json';
import { clearCachedData } from '../sync/cache';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed_out'; reason?: string }
  | { status: 'signed_in'; me: Me; offline: boolean };

export const sessionStore = createStore<SessionState>({ status: 'loading' });

async function cachedMe(): Promise<Me | null> {
  return (await getMeta('me')) ?? null;
}

async function rememberMe(me: Me | null): Promise<void> {
  if (me) await setMeta('me', me);
  else await deleteMeta('me');
}

/** How long app start waits for GET /api/me before it counts the network as down. */
export const SESSION_CHECK_TIMEOUT_MS = 8_000;

/**
 * Asks the server who we are; falls back to the cached user when the network is down. With
 * `ifKnown` (app start), a device with no remembered user — never signed in, or signed out —
 * shows the sign-in form at once: there is no session to ask about, and asking would cost a
 * round trip and log a 401 in the console. A remembered user is shown at once from the cache and
 * the session is checked in the background (with a timeout), once that screen is painted: a slow
 * or hung network never holds the first paint, and a 401 still sends the user to sign in
 * (docs/SCALE.md, "Opening the app").
 */
export async function refreshSession(opts: { ifKnown?: boolean } = {}): Promise<void> {
  if (opts.ifKnown) {
    const known = await cachedMe();
    if (!known) {
      sessionStore.set({ status: 'signed_out' });
      return;
    }
    if (sessionStore.get().status === 'loading') sessionStore.set({ status: 'signed_in', me: known, offline: false });
    // The check's answer must not compete with painting the cached screen (lib/first-paint.ts).
    await firstPainted();
  }
  try {
    const me = await unwrap(api.api.me.$get(undefined, { init: { signal: timeoutSignal(opts.ifKnown ? SESSION_CHECK_TIMEOUT_MS : API_TIMEOUT_MS) } }));
    await rememberMe(me);
    // The usual answer at start repeats the remembered user: keep the state (and the screen
    // painted from it) as it is instead of re-rendering the app while it paints.
    const now = sessionStore.get();
    if (now.status === 'signed_in' && !now.offline && sameJson(now.me, me)) return;
    sessionStore.set({ status: 'signed_in', me, offline: false });
  } catch (e) {
    if (e instanceof ApiFailure && e.isNetwork) {
      const me = await cachedMe();
      sessionStore.set(me ? { status: 'signed_in', me, offline: true } : { status: 'signed_out' });
    } else if (e instanceof ApiFailure && e.status === 401) {
      sessionStore.set({ status: 'signed_out' });
    } else {
      throw e;
    }
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  await unwrap(api.api.auth.login.$post({ json: { username, password } }));
  await refreshSession();
}

/** Ends the server session and forgets cached data of this user on this device. */
export async function signOut(): Promise<void> {
  try {
    await unwrap(api.api.auth.logout.$post());
  } catch (e) {
    if (!(e instanceof ApiFailure) || !(e.isNetwork || e.status === 401)) throw e;
  }
  // Cached task data goes; the outbox, its photos and drafts stay (they upload after the next
  // sign-in of the same user).
  await clearCachedData();
  sessionStore.set({ status: 'signed_out' });
}
