// Issue 14 item 10: the lead unit writing its consolidated report sees the co-units' reports of
// the period in the form (360×640) and quotes text, target values and photos with one tap each;
// photos are referenced by the co-unit report's 核验码, never copied.
// Screenshots: test-results/screens/two-tier-*.png.
import { createHash, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../shared/schemas/plan';
import { apiAs, demoAccounts, launchBrowser, phoneContext, screenshot, signIn } from './support';

const SMALL = { viewport: { width: 360, height: 640 } };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface PlanItem {
  id: string;
  number: string;
  kind: string;
  leadUnits: Array<{ id: string; name: string }>;
  coUnits: Array<{ id: string; name: string }>;
  targets: Array<{ id: string; value: number }>;
}

describe('two-tier in the form at 360×640', () => {
  it('the lead unit quotes a co-unit’s text, target values and photos', async () => {
    const admin = await apiAs('wuzhong-admin');
    const plan = (await admin.get<{ plans: PlanSummary[] }>('/api/plans')).plans.find((p) => p.year === 2024)!;
    const { items } = await admin.get<{ items: PlanItem[] }>(`/api/plans/${plan.id}/tasks`);
    const accounts = demoAccounts().filter((a) => a.orgName.includes('吴中') && a.role === 'unit');
    const account = (name: string) => accounts.find((a) => a.unitName === name)?.username;
    const item = items.find((i) => i.kind !== 'draft' && i.targets.length > 0 && i.leadUnits.length === 1 && account(i.leadUnits[0]!.name) && i.coUnits.some((u) => account(u.name)))!;
    expect(item).toBeDefined();
    const co = item.coUnits.find((u) => account(u.name))!;
    const coApi = await apiAs(account(co.name)!);

    // A small real JPEG for the co-unit's report (any JPEG: the server checks bytes and hash).
    const ctx = await phoneContext(browser, SMALL);
    const page = await ctx.newPage();
    const b64 = await page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 320;
      c.height = 240;
      const g = c.getContext('2d')!;
      g.fillStyle = '#6d8f4f';
      g.fillRect(0, 0, 320, 240);
      const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.8));
      const u = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const x of u) s += String.fromCharCode(x);
      return btoa(s);
    });
    const jpeg = new Uint8Array(Buffer.from(b64, 'base64'));
    const reportId = randomUUID();
    const photoId = randomUUID();
    const coText = `配合单位完成配套道路建设（e2e ${Date.now() % 100000}）`;
    const value = Math.round(item.targets[0]!.value / 3);
    const put = await coApi.send('PUT', `/api/reports/${reportId}`, {
      taskId: item.id, period: '2024-12', status: 'on_track', percent: 60, targetValues: [{ targetId: item.targets[0]!.id, value }],
      progress: coText, capturedAt: new Date().toISOString(), photos: [{ id: photoId }],
    });
    expect(put.status).toBe(200);
    const { verifyCode } = (await put.json()) as { verifyCode: string };
    for (const suffix of ['', '/thumb']) {
      const res = await coApi.putPhoto(`/api/reports/${reportId}/photos/${photoId}${suffix}`, jpeg, { 'x-content-sha256': createHash('sha256').update(jpeg).digest('hex') });
      expect(res.status).toBeLessThan(300);
    }
    expect((await coApi.send('POST', `/api/reports/${reportId}/submit`)).status).toBe(200);

    // The lead unit's form shows it and quotes it.
    await signIn(page, account(item.leadUnits[0]!.name)!);
    await page.goto(`/tasks/${item.id}/report`);
    const panel = page.locator('section.co-reports');
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain(coText);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'two-tier-form');
    await panel.getByRole('button', { name: '引用文字' }).click();
    await expect.poll(() => page.getByLabel('进展情况').inputValue()).toContain(`【${co.name}】${coText}`);
    await panel.getByRole('button', { name: '引用目标值' }).click();
    await expect.poll(() => page.locator(`#f-targetValues-${item.targets[0]!.id}`).inputValue()).toBe(String(value));
    await panel.getByRole('button', { name: '引用照片' }).click();
    await expect.poll(() => page.getByLabel('进展情况').inputValue()).toContain(`核验码 ${verifyCode}`);
    await screenshot(page, 'two-tier-quoted');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await ctx.close();
  });
});
