// Smoke (docs/ARCHITECTURE.md): sign in as the demo admin, see the seed plans, go offline, reload — the shell
// and the plan list are still there (service worker + IndexedDB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, signIn, waitForServiceWorker } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('app shell', () => {
  it('signs in as the demo admin, lists the seed plans, and keeps working offline after a reload', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    // A phone that never signed in shows the form without asking the server, so nothing is
    // logged as an error; once signed in, a reload asks who we are.
    const meRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => new URL(r.url()).pathname === '/api/me' && meRequests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.goto('/');
    await page.getByLabel('用户名').waitFor();
    expect(meRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await signIn(page, 'wuzhong-admin');
    expect(meRequests).toHaveLength(1);
    const list = page.getByRole('list', { name: '工作方案列表' });
    await expect.poll(() => list.getByRole('link').count(), { timeout: 20_000 }).toBe(2);
    await expect(list.textContent()).resolves.toContain('吴政发〔2024〕1号');
    await expect(list.textContent()).resolves.toContain('吴政发〔2023〕2号');
    await screenshot(page, 'shell-plans');

    await waitForServiceWorker(page);
    expect(consoleErrors).toEqual([]);
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    // The session check runs once the cached screen is painted (pwa/src/lib/first-paint.ts), a
    // frame or so after the navigation appears.
    await expect.poll(() => meRequests.length, { timeout: 10_000 }).toBeGreaterThan(1);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await expect.poll(() => list.getByRole('link').count(), { timeout: 20_000 }).toBe(2);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('离线');
    await screenshot(page, 'shell-plans-offline');

    // A plan opened once online is readable offline too.
    await context.setOffline(false);
    await list.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The 督查室 sees the plan as tappable rows with traffic lights (issue 14).
    const itemsOnline = await page.locator('.row-link').count();
    expect(itemsOnline).toBeGreaterThan(50);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('.row-link').count(), { timeout: 20_000 }).toBe(itemsOnline);
    await context.close();
  });

  it('serves the installable manifest and security headers on the HTML', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const res = await page.goto('/');
    const headers = res!.headers();
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const manifest = await (await context.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ lang: 'zh-CN', display: 'standalone', short_name: '督办' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    await context.close();
  });
});
