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

describe('app start', () => {
  it('paints a returning unit\'s task list at once when the network connects but never answers', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, 'wuzhong-发改委');
    const rows = page.getByRole('list', { name: '任务列表' }).getByRole('link');
    await rows.first().waitFor({ timeout: 30_000 });
    await waitForServiceWorker(page);

    // Every /api request is held open forever: a link that connects but barely answers.
    const held: Route[] = [];
    await context.route('**/api/**', (route) => void held.push(route));
    await page.reload();
    // Before, the splash waited for GET /api/me, which had no timeout: nothing was ever painted.
    await rows.first().waitFor({ timeout: 5_000 });
    expect(await page.getByLabel('用户名').count()).toBe(0);
    expect(held.some((r) => new URL(r.request().url()).pathname === '/api/me')).toBe(true);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });

  it('still sends the user to sign in when the background check finds the session gone', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, 'wuzhong-教育局');
    await page.getByRole('list', { name: '任务列表' }).getByRole('link').first().waitFor({ timeout: 30_000 });
    await waitForServiceWorker(page);

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
