// Online/offline as the browser reports it, as a store the UI can show.
import { createStore } from './store';

export const onlineStore = createStore(typeof navigator === 'undefined' ? true : navigator.onLine);

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => onlineStore.set(true));
  window.addEventListener('offline', () => onlineStore.set(false));
}
