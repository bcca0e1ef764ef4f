// Driving the real PWA for the benchmarks and the fault suite: sign in through the login form,
// wait for the service worker, read the outbox badge.
import type { Page } from 'playwright-core';

/** Signs in through the real login form at `url` and waits for the app shell. */
export async function signInPage(page: Page, url: string, username: string, password = 'duban-demo'): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor({ timeout: 30_000 });
}

/** Waits until the service worker controls the page (so an offline reload comes from its cache). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page
    .waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return !!reg.active && !!navigator.serviceWorker.controller;
    }, undefined, { timeout: 30_000 })
    .catch(async () => {
      await page.reload();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
    });
}

/** The number on the 待上传 tab (0 when there is no badge). */
export async function outboxBadge(page: Page): Promise<number> {
  // One read in the page: the badge may vanish between a count() and a textContent().
  return page.evaluate(() => Number(document.querySelector('.tab-badge')?.textContent ?? 0));
}
