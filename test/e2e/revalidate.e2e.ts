// Issue 16: the PWA's reads revalidate. The worker answers cacheable reads with an ETag and
// `private, no-cache`; the app's fetches use the browser's HTTP cache (no `cache: 'no-store'`, and
// the service worker leaves /api alone), so a repeated read costs a 304 instead of the answer.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneContext, signIn, waitForServiceWorker } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('cacheable reads in the PWA', () => {
  it('revalidate through the service-worker-controlled page: a 304, the body from the browser cache', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await signIn(page, 'wuzhong-admin');
    await waitForServiceWorker(page);
    // The next load of the page is controlled by the service worker.
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    // As the app's hc client fetches: default cache mode, same-origin credentials.
    const got = await page.evaluate(async () => {
      const { plans } = (await (await fetch('/api/plans', { credentials: 'same-origin' })).json()) as { plans: Array<{ id: string }> };
      const url = `/api/plans/${plans[0]!.id}/tasks`;
      const one = await fetch(url, { credentials: 'same-origin' });
      const first = { status: one.status, etag: one.headers.get('etag'), length: (await one.text()).length };
      const two = await fetch(url, { credentials: 'same-origin' });
      const second = { status: two.status, length: (await two.text()).length };
      const transfers = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(url)).map((e) => (e as PerformanceResourceTiming).transferSize);
      return { first, second, transfers, controlled: !!navigator.serviceWorker.controller };
    });
    expect(got.controlled).toBe(true);
    expect(got.first).toMatchObject({ status: 200, etag: expect.stringMatching(/^W\//) });
    expect(got.first.length).toBeGreaterThan(10_000);
    // The page sees the cached 200 …
    expect(got.second).toEqual({ status: 200, length: got.first.length });
    // … while the wire carried the list once, then headers only (a 304).
    expect(got.transfers).toHaveLength(2);
    expect(got.transfers[0]).toBeGreaterThan(10_000);
    expect(got.transfers[1]).toBeLessThan(1_000);
    await context.close();
  });

  it('the app asks for no fetch that bypasses the HTTP cache', () => {
    const sources = Object.entries(import.meta.glob('../../pwa/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>);
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter(([, text]) => /no-store|cache:\s*'reload'/.test(text)).map(([name]) => name)).toEqual([]);
  });
});
