// One label per item (issue 14 item 4) in Chromium at 360×640: the wuzhong-2023 plan prints 任务 1–8
// twice, and the task page, the report form header (the watermark's label) and the 督查室's list
// must tell them apart. Screenshot: test-results/screens/labels-form.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NARROW } from './screen-audit';
import { apiAs, demoAccounts, launchBrowser, phoneContext, screenshot, signIn, type SeedItem } from './support';

let browser: Browser;
let planId: string;
let items: Array<SeedItem & { label: string }>;

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await apiAs('wuzhong-admin');
  const { plans } = await admin.get<{ plans: Array<{ id: string; docNumber: string | null }> }>('/api/plans');
  planId = plans.find((p) => p.docNumber === '吴政发〔2023〕2号')!.id;
  ({ items } = await admin.get<{ items: Array<SeedItem & { label: string }> }>(`/api/plans/${planId}/tasks`));
});

afterAll(async () => {
  await browser?.close();
});

describe('item labels of a plan that restarts its numbering', () => {
  it('names 任务 一.1 and 任务 二.1 apart on the task page, in the form header and in the 督查室 list', async () => {
    const accounts = new Map(demoAccounts().filter((a) => a.role === 'unit' && a.orgName.includes('吴中')).map((a) => [a.unitName!, a.username]));
    const second = items.find((i) => i.kind === 'task' && i.label.startsWith('任务 二.') && i.leadUnits.some((u) => accounts.has(u.name)))!;
    expect(second).toBeDefined();
    const username = accounts.get(second.leadUnits.find((u) => accounts.has(u.name))!.name)!;

    const context = await phoneContext(browser, { viewport: NARROW });
    const page = await context.newPage();
    await signIn(page, username);
    await page.locator('.task-item').first().waitFor({ timeout: 30_000 });
    await page.goto(`/tasks/${second.id}`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe(second.label);
    await page.goto(`/tasks/${second.id}/report`);
    await page.locator('form.report-form').waitFor({ timeout: 30_000 });
    expect(await page.locator('.report-form > p.meta').first().textContent()).toContain(`${second.label} ·`);
    await screenshot(page, 'labels-form');
    await context.close();

    const office = await phoneContext(browser, { viewport: NARROW });
    const desk = await office.newPage();
    await signIn(desk, 'wuzhong-admin');
    await desk.goto(`/overview/list?plan=${planId}&period=2023-12&view=missing`);
    await desk.locator('.card').nth(2).waitFor({ timeout: 20_000 });
    const links = await desk.locator('.plain a').allTextContents();
    const shown = links.map((t) => /^(任务|指标) \S+/.exec(t)?.[0]).filter((l): l is string => !!l);
    expect(shown).toContain('任务 一.1');
    expect(shown).toContain('任务 二.1');
    await screenshot(desk, 'labels-missing');
    await office.close();
  });
});
