// Opening the app on a bad network (docs/SYNC.md): a returning unit's task list is painted from what
// the phone has cached, whatever the network does; the session is checked in the background.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { launchBrowser, phoneContext, signIn, waitForServiceWorker } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A unit signed in once on a phone context, its task list shown and the service worker in control. */
async function returningUnit(username: string) {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await signIn(page, username);
  const rows = page.getByRole('list', { name: '任务列表' }).getByRole('link');
  await rows.first().waitFor({ timeout: 30_000 });
  await waitForServiceWorker(page);
  return { context, page, rows };
}

describe('app start', () => {
  it('paints a returning unit\'s task list at once when the network connects but never answers', async () => {
    const { context, page, rows } = await returningUnit('wuzhong-发改委');

    // Every /api request is held open forever: a link that connects but barely answers.
    const held: Route[] = [];
    await context.route('**/api/**', (route) => void held.push(route));
    await page.reload();
    // Before, the splash waited for GET /api/me, which had no timeout: nothing was ever painted.
    await rows.first().waitFor({ timeout: 5_000 });
    expect(await page.getByLabel('用户名').count()).toBe(0);
    // The session is still checked: after the paint, so the request may come a frame later.
    await expect.poll(() => held.some((r) => new URL(r.request().url()).pathname === '/api/me'), { timeout: 5_000 }).toBe(true);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });

  it('checks the session and pulls the sync only after the cached list is painted', async () => {
    const { context, page, rows } = await returningUnit('wuzhong-住建局');

    // The page's clock when the first task row enters the DOM.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.task-item')) return;
        (window as unknown as { firstRowAt: number }).firstRowAt = performance.now();
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.reload();
    await rows.first().waitFor({ timeout: 10_000 });
    // Both still run on every start: the session check and the incremental sync pull.
    const started = await page.waitForFunction(() => {
      const at = (path: string) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === path)?.startTime;
      const me = at('/api/me');
      const sync = at('/api/sync');
      const row = (window as unknown as { firstRowAt?: number }).firstRowAt;
      return me !== undefined && sync !== undefined && row !== undefined && { me, sync, row };
    }, undefined, { timeout: 15_000 });
    const { me, sync, row } = (await started.jsonValue()) as { me: number; sync: number; row: number };
    // Started earlier, their answers competed with the list's paint (docs/SCALE.md, "Opening the app").
    expect(me).toBeGreaterThan(row);
    expect(sync).toBeGreaterThan(row);
    await context.close();
  });

  it('still sends the user to sign in when the background check finds the session gone', async () => {
    const { context, page } = await returningUnit('wuzhong-教育局');

    // The server no longer knows the session (expired or revoked elsewhere).
    await context.route('**/api/**', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unauthorized', message: '请先登录' } }) }),
    );
    await page.reload();
    await page.getByLabel('用户名').waitFor({ timeout: 15_000 });
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});
