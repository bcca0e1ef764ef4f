// docs/IMPORT.md, the clerk's correction loop in real Chromium at 390 px: paste a plan, fix an item's
// unit and text, merge two items, confirm a near-duplicate unit name, commit, find the fixes in the
// plan; paste the same text again and the fixes come back by themselves. Screenshots of the
// preview at 360 px, normal and 长者模式: test-results/screens/import-preview-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DESKTOP, launchBrowser, phoneContext, screenshot, signIn } from './support';

const DOC = [
  '苏州市吴中区人民政府文件',
  '吴政发〔2025〕77号',
  '苏州市吴中区2025年重点工作任务分解方案',
  '一、推进产业发展',
  '1、新建标准厂房20万平方米，上半年完成主体工程。[牵头单位:发改委;责任单位:工信局、商务局]',
  '2、推进重点项目上半年全[牵头单位:用直镇]',
  '3、面开工建设。[牵头单位:甪直镇]',
  '4、新增规上工业企业50家。[牵头单位:工信局;责任单位:各镇（街道）]',
  '二、增进民生福祉',
  '5、新增学位3000个，九月底前投入使用。[牵头单位:教育局;责任单位:财政局]',
  '6、建成社区养老服务中心12个。[牵头单位:区民政局;责任单位:卫健委]',
].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const items = (page: Page) => page.getByRole('list', { name: '识别出的任务' });
const item = (page: Page, label: string) => items(page).locator('li.pv-item').filter({ has: page.getByRole('button', { name: `修改${label}` }) });

async function previewText(page: Page) {
  await page.goto('/admin/import');
  await page.getByLabel('或粘贴文档内容').fill(DOC);
  await page.getByRole('button', { name: '预览识别结果' }).click();
  await items(page).waitFor();
}

/** One correction round trip: the server answers a new preview and the buttons come back. */
async function settled(page: Page) {
  await page.locator('.progress-indeterminate').waitFor({ state: 'detached' });
}

/** Elements that stick out to the right of the viewport (empty when nothing scrolls sideways). */
async function sticksOut(page: Page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= w) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 8);
  });
}

describe('import corrections', () => {
  it('fixes a unit and a text, merges two items, commits, and gets the fixes back on the next import', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, 'wuzhong-admin');
    await previewText(page);
    expect(await items(page).locator('li.pv-item').count()).toBe(6);
    await expect(items(page).textContent()).resolves.toContain('增进民生福祉');
    await expect(page.getByRole('button', { name: '将标题“增进民生福祉”设为任务' }).count()).resolves.toBe(1);

    // Fix item 1: its lead unit and its text.
    await page.getByRole('button', { name: '修改任务 1' }).click();
    const editor = page.getByRole('form', { name: '修改任务 1' });
    await editor.getByLabel('内容').fill('新建标准厂房25万平方米，上半年完成主体工程。');
    await editor.getByLabel('牵头单位（用“、”分隔）').fill('发改委、工信局');
    await editor.getByRole('button', { name: '保存修改' }).click();
    await settled(page);
    await expect.poll(() => item(page, '任务 1').textContent()).toContain('25万平方米');
    await expect(item(page, '任务 1').textContent()).resolves.toContain('★工信局');

    // Merge item 2 with item 3 (a task cut in two by a page break).
    await page.getByRole('button', { name: '修改任务 2' }).click();
    await page.getByRole('form', { name: '修改任务 2' }).getByRole('button', { name: '与下一项合并' }).click();
    await settled(page);
    await expect.poll(() => items(page).locator('li.pv-item').count()).toBe(5);
    await expect(item(page, '任务 2').textContent()).resolves.toContain('推进重点项目上半年全面开工建设。');

    // 区民政局 is the organisation's 民政局 spelled with its level: one unit, no new account.
    await page.getByRole('button', { name: '区民政局 是 民政局' }).click();
    await settled(page);
    await expect.poll(() => item(page, '任务 6').textContent()).not.toContain('区民政局');

    // Usable on a phone: no sideways scroll, every control of the preview at least 44 px high.
    expect(await sticksOut(page)).toEqual([]);
    const small = await page.locator('.pv button:visible, .pv input:visible, .pv select:visible').evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);

    // Screenshots at 360 px, normal and 长者模式.
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await sticksOut(page)).toEqual([]);
    await page.locator('.pv').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('.pv')!.scrollIntoView());
    await screenshot(page, 'import-preview-360-top');
    await items(page).evaluate((e) => e.scrollIntoView());
    await screenshot(page, 'import-preview-360');
    await page.getByRole('button', { name: '修改任务 5' }).click();
    await screenshot(page, 'import-preview-360-editor');
    await page.getByRole('form', { name: '修改任务 5' }).getByRole('button', { name: '取消' }).click();
    await page.evaluate(() => (document.documentElement.dataset.text = 'large'));
    expect(await sticksOut(page)).toEqual([]);
    await screenshot(page, 'import-preview-360-large');
    await page.evaluate(() => document.querySelector('.pv')!.scrollIntoView());
    await screenshot(page, 'import-preview-360-large-top');
    await page.evaluate(() => (document.documentElement.dataset.text = 'normal'));
    await page.setViewportSize(DESKTOP);
    expect(await sticksOut(page)).toEqual([]);
    await items(page).evaluate((e) => e.scrollIntoView());
    await screenshot(page, 'import-preview-desktop');
    await page.setViewportSize({ width: 390, height: 844 });

    await page.getByRole('button', { name: '确认导入 5 项' }).click();
    await page.getByRole('link', { name: '查看方案' }).click();
    await page.waitForURL(/\/plans\//);
    const planId = new URL(page.url()).pathname.split('/').pop()!;
    // The 督查室's plan page lists each task by label and short title (its first clause).
    const rows = page.locator('main ul.rows');
    await expect.poll(() => rows.allTextContents().then((t) => t.join('\n')), { timeout: 20_000 }).toContain('新建标准厂房25万平方米');
    await expect(rows.allTextContents().then((t) => t.join('\n'))).resolves.toContain('推进重点项目上半年全面开工建设');

    // The server holds what the clerk saw.
    const api = await apiAs('wuzhong-admin');
    const plan = (await api.get(`/api/plans/${planId}/tasks`)) as { items: Array<{ id: string; number: string; text: string; leadUnits: Array<{ name: string }> }> };
    expect(plan.items.map((i) => i.number)).toEqual(['1', '2', '4', '5', '6']);
    expect(plan.items[0]!.leadUnits.map((u) => u.name)).toEqual(['发改委', '工信局']);
    expect(plan.items[1]!.leadUnits.map((u) => u.name)).toEqual(['用直镇', '甪直镇']);
    expect(plan.items[4]!.leadUnits.map((u) => u.name)).toEqual(['民政局']);

    // The same document again: the three fixes are reapplied and nothing differs from the plan.
    await previewText(page);
    await expect.poll(() => page.locator('.pv-kept').textContent()).toContain('已重新应用上次导入该文档时的 3 处修改');
    await page.locator('.pv-kept summary').click();
    await expect(page.locator('.pv-kept').textContent()).resolves.toContain('第 2 项与第 3 项合并');
    await expect(page.locator('.pv-kept').textContent()).resolves.toContain('“区民政局”即“民政局”');
    expect(await items(page).locator('li.pv-item').count()).toBe(5);
    await expect(item(page, '任务 1').textContent()).resolves.toContain('25万平方米');
    await expect(page.locator('.pv').textContent()).resolves.toContain('修改 0 项，新增 0 项，删除 0 项');
    await screenshot(page, 'import-preview-reapplied');

    // 任务编辑 after import: the text and a target, checked on the server.
    const one = plan.items[0]!;
    await page.goto(`/overview/tasks/${one.id}/edit`);
    await page.getByLabel('任务内容').fill('新建标准厂房26万平方米，上半年完成主体工程。');
    await page.getByLabel('目标 1 内容').fill('新建标准厂房26万平方米');
    await page.getByLabel('目标 1 数值').fill('26');
    expect(await sticksOut(page)).toEqual([]);
    await screenshot(page, 'task-edit-text-targets');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/overview\/tasks\/[^/]+\?/);
    const after = (await api.get(`/api/plans/${planId}/tasks`)) as { items: Array<{ id: string; text: string; targets: Array<{ text: string; value: number }> }> };
    const edited = after.items.find((i) => i.id === one.id)!;
    expect(edited.text).toBe('新建标准厂房26万平方米，上半年完成主体工程。');
    expect(edited.targets.map((t) => [t.text, t.value])).toEqual([['新建标准厂房26万平方米', 26]]);
    await context.close();
  });
});
