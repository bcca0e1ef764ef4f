// CONTRIBUTING.md (run): `npm start`'s seeding (seedLocal with demo) gives the current year's demo plan
// a living history; offices without a plan for the current year are told so. A fresh state is
// seeded here exactly as npm start does it (today's date), served by its own worker, and looked
// at in Chromium at 360×640. Screenshots: test-results/screens/demo-*.png.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { DashboardResponse, PhotoWallResponse, ReviewQueueResponse } from '../../shared/schemas/dashboard';
import type { PlanSummary } from '../../shared/schemas/plan';
import { chinaDate } from '../../shared/period';
import { seedLocal, type SeedResult } from '../../worker/cli/seed';
import { chromiumPath } from '../../worker/cli/demo-photos';
import { signInApi } from '../support/server';
import { signInPage } from '../support/app';
import { launchBrowser, screenshot } from './support';
import { startLocalWorker, type LocalWorker } from './local-worker';

const SMALL = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const PASSWORD = 'duban-demo';
const state = `.e2e-state/demo-${process.pid}`;
const year = Number(chinaDate(new Date()).slice(0, 4));
let seeded: SeedResult;
let seedMs = 0;
let server: LocalWorker;
let browser: Browser;

beforeAll(async () => {
  rmSync(state, { recursive: true, force: true });
  const t0 = Date.now();
  seeded = await seedLocal({ persistTo: state, password: PASSWORD, demo: true });
  seedMs = Date.now() - t0;
  server = await startLocalWorker({ bundleDir: inject('workerBundle'), persistTo: state });
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(state, { recursive: true, force: true });
});

describe('the living demo (npm start)', () => {
  it('the current year has a plan with a year of mixed history, photos, reviews and 批示', { timeout: 300_000 }, async () => {
    console.log(`demo seeding: ${seedMs} ms in all, history ${seeded.demo?.ms} ms`, seeded.demo);
    expect(seeded.demo).toMatchObject({ year });
    const admin = await signInApi(server.url, 'wuzhong-admin', PASSWORD);
    const plans = await admin.get<{ plans: PlanSummary[] }>('/api/plans');
    const demo = plans.plans[0]!;
    expect(demo).toMatchObject({ year });
    expect(demo.title).toContain('演示');
    const d = await admin.get<DashboardResponse>(`/api/plans/${demo.id}/dashboard`);
    // A living dashboard: most reported on time, some late, some missing; every status present.
    expect(d.reporting.onTime).toBeGreaterThan(d.reporting.pairs / 2);
    expect(d.reporting.onTime + d.reporting.late).toBeLessThan(d.reporting.pairs);
    const history = d.trend.filter((t) => t.reporting.onTime > 0);
    expect(history.length).toBeGreaterThanOrEqual(Math.min(10, d.periods.length));
    expect(d.trend.some((t) => t.reporting.late > 0)).toBe(true);
    expect(d.statuses.on_track).toBeGreaterThan(0);
    expect(d.statuses.behind + d.statuses.blocked).toBeGreaterThan(0);
    // Reviews: some waiting for the office.
    const queue = await admin.get<ReviewQueueResponse>(`/api/plans/${demo.id}/review-queue`);
    expect(queue.total).toBeGreaterThan(0);
    // Photos made through the PWA pipeline: a real JPEG whose SHA-256 is the one in its URL/record.
    const wall = await admin.get<PhotoWallResponse>(`/api/plans/${demo.id}/photo-wall`);
    if (chromiumPath()) {
      expect(wall.photos.length).toBeGreaterThan(5);
      const res = await fetch(`${server.url}${wall.photos[0]!.url}`, { headers: { cookie: admin.cookie } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      expect(bytes.length).toBeGreaterThan(20_000);
      expect(res.headers.get('etag') ?? '').toContain(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    }
    // 批示 with answers: the leader has unread 落实情况.
    const leader = await signInApi(server.url, 'wuzhong-leader', PASSWORD);
    expect((await leader.get<{ tasks: unknown[] }>('/api/instructions/unread')).tasks.length).toBeGreaterThan(0);

    const ctx = await browser.newContext({ ...SMALL, baseURL: server.url });
    const page = await ctx.newPage();
    await signInPage(page, server.url, 'wuzhong-leader', PASSWORD);
    await page.goto('/overview');
    await page.locator('.headline').waitFor();
    expect(await page.locator('h1').first().textContent()).toContain(`${year}年`);
    await screenshot(page, 'demo-leader-overview');
    // Last year one tap away.
    await page.getByRole('link', { name: /查看上年度/ }).click();
    await expect.poll(() => page.locator('.year-switch').textContent()).toContain(`返回 ${year} 年方案`);
    await page.goto('/photos');
    await page.waitForFunction(() => [...document.images].filter((i) => i.complete && i.naturalWidth > 0).length >= 2, undefined, { timeout: 30_000 });
    await screenshot(page, 'demo-leader-photos');
    await ctx.close();
  });

  it('an office without a plan for this year: 本年度方案未导入 for its admin, 本年度暂无任务 for its units', { timeout: 180_000 }, async () => {
    const ctx = await browser.newContext({ ...SMALL, baseURL: server.url });
    const page = await ctx.newPage();
    await signInPage(page, server.url, 'wujiang-admin', PASSWORD);
    await page.goto('/overview');
    const notice = page.locator('.year-notice');
    await expect.poll(() => notice.textContent()).toContain(`${year}年度方案未导入`);
    expect(await notice.getByRole('link', { name: '导入本年度方案' }).getAttribute('href')).toBe('/admin/import');
    await screenshot(page, 'demo-no-plan-admin');
    await ctx.close();

    const unitCtx = await browser.newContext({ ...SMALL, baseURL: server.url });
    const unit = await unitCtx.newPage();
    await signInPage(unit, server.url, 'wujiang-区发改委', PASSWORD);
    await expect.poll(() => unit.locator('.year-notice').textContent(), { timeout: 30_000 }).toContain('本年度暂无任务');
    await screenshot(unit, 'demo-no-plan-unit');
    await unitCtx.close();
  });
});
