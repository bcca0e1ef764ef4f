// Registers the service worker through workbox-window and exposes "a new version is waiting".
import { Workbox } from 'workbox-window';
import { createStore } from './store';

export const updateStore = createStore<{ waiting: boolean; apply: () => void }>({ waiting: false, apply: () => {} });

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    updateStore.set({
      waiting: true,
      apply: () => {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  void wb.register();
}
