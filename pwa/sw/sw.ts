/// <reference lib="webworker" />
// The service worker: precache the app shell and answer navigations with it when offline.
// No app logic here: the outbox and the sync engine live in the page.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app URL (/tasks/…, /outbox) opens the shell; /api never comes from the cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// /api never needs this worker: where the browser supports static routing (Chromium 123+), send
// those requests straight to the network so they skip the worker's fetch event — a photo upload
// through it costs a third more time in the page (docs/SCALE.md, "Where the page's time goes").
// Elsewhere the fetch handler above leaves /api alone anyway.
self.addEventListener('install', (event) => {
  const install = event as ExtendableEvent & { addRoutes?: (rules: unknown) => Promise<void> };
  const Pattern = (self as unknown as { URLPattern?: new (init: { pathname: string }) => unknown }).URLPattern;
  if (!install.addRoutes || !Pattern) return;
  install.waitUntil(install.addRoutes({ condition: { urlPattern: new Pattern({ pathname: '/api/*' }) }, source: 'network' }).catch(() => undefined));
});

// The page asks the waiting worker to take over after the user accepts the update prompt.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync (Chromium only): wake any open page so its sync engine drains the outbox.
self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag?: string };
  if (e.tag !== 'outbox') return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'SYNC_OUTBOX' });
    }),
  );
});
