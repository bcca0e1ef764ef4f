// Online/offline as the browser reports it, as a store the UI can show — corrected by what the
// network actually does: Firefox may never fire `online` for a page loaded offline, so an answer
// from the server also counts as online (and wakes whoever waits for the network).
import { createStore } from './store';

export const onlineStore = createStore(typeof navigator === 'undefined' ? true : navigator.onLine);

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => onlineStore.set(true));
  window.addEventListener('offline', () => onlineStore.set(false));
}

const answeredListeners = new Set<() => void>();

/** A request of the app got an HTTP answer from the server (any status): the network works. */
export function noteServerAnswered(): void {
  onlineStore.set(true);
  for (const fn of answeredListeners) fn();
}

export function onServerAnswered(fn: () => void): () => void {
  answeredListeners.add(fn);
  return () => answeredListeners.delete(fn);
}
