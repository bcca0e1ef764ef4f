// docs/ARCHITECTURE.md: 批示 are conversations. At 360×640 in Chromium the leader writes a 批示 on a
// task, the unit sees 新批示 on its task list and 新 in the task's thread, answers with 落实情况;
// the leader's 总览 shows the unread answer and opens it in the thread.
// Screenshots: test-results/screens/thread-*.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitTasks } from '../support/server';
import { apiAs, launchBrowser, phoneContext, screenshot, signIn } from './support';

const SMALL = { viewport: { width: 360, height: 640 } };
const UNIT = 'wuzhong-教育局';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('批示 threads at 360×640', () => {
  it('leader → unit → answer → leader, with unread markers on both sides', async () => {
    const unitApi = await apiAs(UNIT);
    const { tasks } = await unitTasks(unitApi);
    const year = Math.max(...tasks.map((t) => t.year));
    const task = tasks.find((t) => t.year === year)!;
    const instruction = `请于月底前完成${task.number}项的阶段目标（e2e ${Date.now() % 100000}）`;
    const answer = '已召开专题会部署，本月完成场地清理，下月开工。';

    // The leader writes the 批示 on the task page of 总览.
    const leaderCtx = await phoneContext(browser, SMALL);
    const leader = await leaderCtx.newPage();
    await signIn(leader, 'wuzhong-leader');
    await leader.goto(`/overview/tasks/${task.id}?plan=${task.planId}`);
    await leader.getByRole('textbox', { name: '批示' }).fill(instruction);
    await leader.getByRole('button', { name: '提交批示' }).click();
    await expect.poll(() => leader.locator('.thread .msg-instruction').last().textContent()).toContain(instruction);
    await screenshot(leader, 'thread-leader-wrote');

    // The unit: 新批示 on the row of its task list, 新 in the thread, then the answer.
    const unitCtx = await phoneContext(browser, SMALL);
    const unit = await unitCtx.newPage();
    await signIn(unit, UNIT);
    const row = unit.locator('.task-item', { has: unit.locator(`text=${task.text.slice(0, 12)}`) }).first();
    await expect.poll(() => row.locator('.unread-badge').textContent(), { timeout: 20_000 }).toContain('新批示 1');
    await screenshot(unit, 'thread-unit-list');
    await row.click();
    const thread = unit.locator('#thread');
    await expect.poll(() => thread.locator('.msg-new').first().textContent(), { timeout: 20_000 }).toContain(instruction);
    await thread.scrollIntoViewIfNeeded();
    await screenshot(unit, 'thread-unit-new');
    await unit.getByRole('textbox', { name: '回复落实情况' }).fill(answer);
    await unit.getByRole('button', { name: '提交落实情况' }).click();
    await expect.poll(() => thread.locator('.msg-answer').last().textContent()).toContain(answer);
    await screenshot(unit, 'thread-unit-answered');
    // Back on the list the marker is gone (read on the server too).
    await unit.goto('/');
    await unit.locator('.task-item').first().waitFor();
    expect(await row.locator('.unread-badge').count()).toBe(0);
    const unreadForUnit = await unitApi.get<{ tasks: Array<{ itemId: string }> }>('/api/instructions/unread');
    expect(unreadForUnit.tasks.map((t) => t.itemId)).not.toContain(task.id);

    // The leader's 总览 shows the unread answer; it opens in the thread, marked 新.
    await leader.goto('/overview');
    const card = leader.locator('.unread-answers');
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain('新的落实情况');
    await card.scrollIntoViewIfNeeded();
    await screenshot(leader, 'thread-leader-overview');
    await card.locator(`a[href*="${task.id}"]`).click();
    await expect.poll(() => leader.locator('#thread .msg-answer.msg-new').last().textContent(), { timeout: 20_000 }).toContain(answer);
    await leader.locator('#thread').scrollIntoViewIfNeeded();
    await screenshot(leader, 'thread-leader-answer');
    // No sideways scroll on these screens at 360 px.
    for (const p of [leader, unit]) expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await leaderCtx.close();
    await unitCtx.close();
  });
});
