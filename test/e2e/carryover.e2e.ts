// Issue 14 item 3: a new year must not strand the old one. In the seeded state Wuzhong has its
// 2023 and 2024 plans; a 2023 report returned by the office and a 2023 批示 stay on the unit's
// list (上年度未结) at 360×640: the unit amends the report from there; the 督查室 closes the
// rest on 总览. Screenshots: test-results/screens/carryover-*.png.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitTasks } from '../support/server';
import { apiAs, launchBrowser, phoneContext, screenshot, signIn } from './support';

const SMALL = { viewport: { width: 360, height: 640 } };
const UNIT = 'wuzhong-发改委';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('上年度未结 at 360×640', () => {
  it('last year’s returned report and 批示 stay reachable until fixed or closed', async () => {
    const unitApi = await apiAs(UNIT);
    const admin = await apiAs('wuzhong-admin');
    const leader = await apiAs('wuzhong-leader');
    const { me, tasks } = await unitTasks(unitApi);
    // Two 2023 tasks this unit leads (the lead unit answers 批示).
    const old: typeof tasks = [];
    for (const t of tasks.filter((x) => x.year === 2023)) {
      const { units } = await unitApi.get<{ units: Array<{ id: string; role: string }> }>(`/api/tasks/${t.id}/reports`);
      if (units.some((u) => u.id === me.unitId && u.role === 'lead')) old.push(t);
      if (old.length === 2) break;
    }
    expect(old.length).toBe(2);
    const [fixMe, answerMe] = old as [typeof old[0], typeof old[0]];
    const reportId = randomUUID();
    const body = {
      taskId: fixMe.id, period: '2023-06', status: 'on_track', percent: 50, targetValues: [],
      progress: '上半年完成计划的一半。', problems: '', nextSteps: '', capturedAt: new Date().toISOString(), photos: [],
    };
    expect((await unitApi.send('PUT', `/api/reports/${reportId}`, body)).status).toBe(200);
    expect((await unitApi.send('POST', `/api/reports/${reportId}/submit`)).status).toBe(200);
    expect((await admin.send('POST', `/api/reports/${reportId}/review`, { decision: 'returned', comment: '请补充具体数据' })).status).toBe(200);
    expect((await leader.send('POST', '/api/instructions', { itemId: answerMe.id, text: '上年度遗留问题请抓紧办结' })).status).toBe(201);

    // The unit: its list is the 2024 plan, with last year's two open items above it.
    const ctx = await phoneContext(browser, SMALL);
    const page = await ctx.newPage();
    await signIn(page, UNIT);
    const section = page.locator('section.carryover');
    await expect.poll(() => section.locator('.carryover-row').count(), { timeout: 30_000 }).toBe(2);
    expect(await section.textContent()).toContain('2023年6月报告被退回');
    expect(await section.textContent()).toContain('1 条批示待回复');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'carryover-unit-list');
    // Amend the returned report from there: the form opens on June 2023 with the report's text.
    await section.getByRole('link', { name: /修改后重新报送/ }).click();
    const progress = page.getByLabel('进展情况');
    await expect.poll(() => progress.inputValue(), { timeout: 20_000 }).toContain('上半年完成计划的一半');
    expect(await page.locator('body').textContent()).toContain('2023年6月');
    await progress.fill('上半年完成计划的一半：新建校舍3处，完成投资1.2亿元。');
    await screenshot(page, 'carryover-unit-form');
    await page.getByRole('button', { name: /^提交/ }).click();
    await expect.poll(async () => (await unitApi.get<{ state: string }>(`/api/reports/${reportId}`)).state, { timeout: 60_000 }).toBe('submitted');
    await page.goto('/');
    await expect.poll(() => section.locator('.carryover-row').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await ctx.close();

    // The office closes the 批示 item on 总览 (audited); the unit's list is clear.
    const actx = await phoneContext(browser, SMALL);
    const ap = await actx.newPage();
    await signIn(ap, 'wuzhong-admin');
    await ap.goto('/overview');
    const card = ap.locator('section.carryover');
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('1 条批示未回复');
    await card.scrollIntoViewIfNeeded();
    await screenshot(ap, 'carryover-admin');
    ap.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: '关闭' }).first().click();
    await expect.poll(() => card.count()).toBe(0);
    expect((await unitApi.get<{ entries: unknown[] }>('/api/carryover')).entries).toEqual([]);
    const audit = await admin.get<{ entries: Array<{ action: string }> }>('/api/audit?limit=20').catch(() => null);
    if (audit) expect(audit.entries.map((e) => e.action)).toContain('carryover.close');
    await actx.close();
  });
});
