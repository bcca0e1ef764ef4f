// Unread 批示 (for a unit) and unread 落实情况 answers (for leaders and the office), per task.
// Fetched when a list opens, kept in memory and in IndexedDB (meta, which sign-out clears) so
// the phone still shows the markers offline; opening a task's thread clears its count at once.
import type { UnreadThreadsResponse } from '../../../shared/schemas/report';
import { api, unwrap } from '../api/client';
import { getMeta, setMeta } from '../db/meta';
import { createStore } from '../lib/store';
import { firstPainted } from '../lib/first-paint';
import { sameJson } from '../lib/same-json';
import { sessionStore } from './session';

export type UnreadTask = UnreadThreadsResponse['tasks'][number];

export const unreadStore = createStore<UnreadTask[]>([]);
let loaded = false;
// Another user signing in on this phone must never see the last one's markers.
sessionStore.subscribe((s) => {
  if (s.status !== 'signed_in') {
    unreadStore.set([]);
    loaded = false;
  }
});

function keep(tasks: UnreadTask[]): void {
  // The usual answer repeats what is shown: setting it would re-render every row's marker.
  if (sameJson(tasks, unreadStore.get())) return;
  unreadStore.set(tasks);
  void setMeta('unreadThreads', tasks).catch(() => undefined); // storage refused: the markers still show until the app closes
}

/** Refreshes the counts; offline, the last ones stored on the phone. */
export async function refreshUnread(): Promise<void> {
  if (!loaded) {
    loaded = true;
    try {
      const stored = await getMeta('unreadThreads');
      if (stored && unreadStore.get().length === 0) unreadStore.set(stored);
    } catch {
      /* nothing stored */
    }
  }
  try {
    await firstPainted(); // app start: after the cached list is painted (lib/first-paint.ts)
    keep((await unwrap(api.api.instructions.unread.$get())).tasks);
  } catch {
    /* offline: keep what we had */
  }
}

/** The thread of a task was opened: tell the server, and drop its marker here at once. */
export async function markRead(itemId: string): Promise<void> {
  keep(unreadStore.get().filter((t) => t.itemId !== itemId));
  try {
    await unwrap(api.api.instructions.read.$post({ json: { itemId } }));
  } catch {
    /* offline: the marker comes back on the next refresh, which is honest */
  }
}
