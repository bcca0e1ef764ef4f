// Issue 14, item by item, in Chromium at 360×640 (长者模式 where text size matters): 我的 with long
// values, the 退回理由 first, one label per item, room to type under an in-app browser's keyboard,
// 进展滞后 apart from 逾期未报, the 督查室's work on top of 总览 and the plan as a list, and the small
// things (contrast, 与上期相同, the photo viewer, 催报 by unit, the ranking rule).
// Screenshots: test-results/screens/fix-*.png.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANKING_RULE } from '../../shared/labels';
import { splitLagging } from '../../shared/lagging';
import type { DashboardResponse, RemindersResponse, ReviewQueueResponse } from '../../shared/schemas/dashboard';
import { returnedReport } from './report-support';
import { NARROW } from './screen-audit';
import { apiAs, baseURL, demoPassword, launchBrowser, phoneContext, screenshot, signIn, wuzhong2024, type SeedItem } from './support';

const PERIOD = '2024-12';
const REASON = '请补充现场照片和具体完成数据，说明滞后原因。';
let browser: Browser;
let planId: string;
let task: SeedItem;
let indicator: SeedItem;
let unitUser: string;
let indicatorUser: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const seed = await wuzhong2024();
  planId = seed.planId;
  const withAccount = (i: SeedItem) => i.leadUnits.some((u) => seed.accountOf.has(u.name));
  task = seed.items.find((i) => i.kind === 'task' && withAccount(i))!;
  indicator = seed.items.find((i) => i.kind === 'indicator' && withAccount(i))!;
  unitUser = seed.accountOf.get(task.leadUnits.find((u) => seed.accountOf.has(u.name))!.name)!;
  indicatorUser = seed.accountOf.get(indicator.leadUnits.find((u) => seed.accountOf.has(u.name))!.name)!;
  const page = await browser.newPage();
  await returnedReport({ page, username: unitUser, taskId: task.id, period: PERIOD, photos: 2, reason: REASON });
  // Another unit reports 滞后 and is not returned: one 进展滞后 task, one report waiting for review.
  const other = seed.items.find((i) => i.kind === 'task' && i.id !== task.id && i.leadUnits.some((u) => seed.accountOf.has(u.name) && seed.accountOf.get(u.name) !== unitUser))!;
  const otherUser = seed.accountOf.get(other.leadUnits.find((u) => seed.accountOf.has(u.name) && seed.accountOf.get(u.name) !== unitUser)!.name)!;
  await returnedReport({ page, username: otherUser, taskId: other.id, period: PERIOD, photos: 0 });
  await page.close();
});

afterAll(async () => {
  await browser?.close();
});

async function phone(username: string, size: 'normal' | 'large' = 'normal'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { viewport: NARROW });
  await context.addInitScript((s) => localStorage.setItem('duban.textSize', s), size);
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}

/** The form reads the task from the phone's copy: let the first sync bring it, as a user would. */
async function openForm(page: Page, taskId: string): Promise<void> {
  await page.locator('.task-item').first().waitFor({ timeout: 30_000 });
  await page.goto(`/tasks/${taskId}/report`);
  await page.locator('form.report-form').waitFor({ timeout: 30_000 });
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
/** The element's box, or null when it is not shown. */
const box = (page: Page, selector: string) => page.locator(selector).first().boundingBox();

describe('1 · 我的 with 长者模式 and long values', () => {
  it('keeps device rows, 退出 and the tab bar on a 360 px screen', async () => {
    // Two more sign-ins: an IPv6 address and long in-app browser user agents.
    for (const [ua, ip] of [
      ['Mozilla/5.0 (Linux; Android 14; 23127PN0CC Build/UKQ1.230804.001; wv) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 XWEB/1200089 MicroMessenger/8.0.49.2600(0x2800313D) WeChat/arm64 Weixin NetType/WIFI', '2409:8a1e:6c3f:1a20:8d4c:9b7e:3f21:a0c4'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 AliApp(DingTalk/7.5.10) com.laiwang.DingTalk/31234567', '240e:0398:9f10:0b31:0000:0000:0000:0001'],
    ]) {
      const res = await fetch(`${baseURL()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseURL(), 'user-agent': ua!, 'cf-connecting-ip': ip! },
        body: JSON.stringify({ username: unitUser, password: demoPassword() }),
      });
      expect(res.ok).toBe(true);
    }
    for (const size of ['large', 'normal'] as const) {
      const { context, page } = await phone(unitUser, size);
      await page.goto('/me');
      await page.getByText('2409:8a1e:6c3f:1a20:8d4c:9b7e:3f21:a0c4').waitFor();
      await screenshot(page, `fix-1-me-${size}`);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
      const buttons = page.getByRole('button', { name: '退出该设备' });
      expect(await buttons.count()).toBeGreaterThanOrEqual(2);
      for (const b of await buttons.all()) {
        const r = (await b.boundingBox())!;
        expect(r.x + r.width).toBeLessThanOrEqual(360);
        expect(r.height).toBeGreaterThanOrEqual(44);
      }
      const tabs = (await box(page, '.tab-bar'))!;
      expect(tabs.x + tabs.width).toBeLessThanOrEqual(360);
      expect(tabs.y + tabs.height).toBeLessThanOrEqual(640.5);
      await context.close();
    }
  });
});

describe('2 · 退回理由 first', () => {
  it('shows the reason at the top of the task page and of the resubmit form', async () => {
    const { context, page } = await phone(unitUser);
    await page.goto(`/tasks/${task.id}`);
    const note = page.getByRole('note', { name: '退回理由' });
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toContain(REASON);
    // Above the fold, and above the 修改后重新报送 button.
    const noteBox = (await note.boundingBox())!;
    expect(noteBox.y + noteBox.height).toBeLessThan(640);
    const button = (await page.getByRole('link', { name: '修改后重新报送' }).boundingBox())!;
    expect(noteBox.y).toBeLessThan(button.y);
    await screenshot(page, 'fix-2-task');
    await page.getByRole('link', { name: '修改后重新报送' }).click();
    const formNote = page.getByRole('note', { name: '退回理由' });
    await formNote.waitFor();
    expect(await formNote.textContent()).toContain(REASON);
    const formBox = (await formNote.boundingBox())!;
    const status = (await page.getByRole('radiogroup', { name: '进展状态' }).boundingBox())!;
    expect(formBox.y).toBeLessThan(status.y);
    expect(formBox.y).toBeLessThan(300);
    await screenshot(page, 'fix-2-form');
    await context.close();
  });
});

describe('4 · one label per item', () => {
  it('says 指标 N for an indicator in the form header, the task page and the unit list; leader lists never print a bare "N."', async () => {
    const { context, page } = await phone(indicatorUser);
    await openForm(page, indicator.id);
    const header = await page.locator('.report-form > p.meta').first().textContent();
    expect(header).toContain(`指标 ${indicator.number} ·`);
    await page.goto(`/tasks/${indicator.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`指标 ${indicator.number}`);
    await context.close();

    const admin = await phone('wuzhong-admin');
    for (const path of [`/reminders?plan=${planId}&period=${PERIOD}`, `/overview/list?plan=${planId}&period=${PERIOD}&view=missing`]) {
      await admin.page.goto(path);
      await admin.page.locator('.card').nth(2).waitFor({ timeout: 20_000 });
      const links = await admin.page.locator('.plain a').allTextContents();
      expect(links.length).toBeGreaterThan(0);
      for (const t of links) expect(t).toMatch(/^(指标|任务) \S+ /);
    }
    await screenshot(admin.page, 'fix-4-missing');
    await admin.context.close();
  });
});

describe('5 · the keyboard of an in-app browser', () => {
  it('hides the tab bar and unsticks 提交 while typing, so the text keeps the room', async () => {
    const { context, page } = await phone(unitUser);
    await openForm(page, task.id);
    const text = page.locator('#f-problems');
    await text.waitFor({ timeout: 30_000 });
    await text.scrollIntoViewIfNeeded();
    expect(await page.locator('.tab-bar').isVisible()).toBe(true);
    await text.focus();
    // WeChat / DingTalk shrink the page to what the keyboard leaves.
    await page.setViewportSize({ width: 360, height: 300 });
    await text.pressSequentially('现场');
    await page.waitForTimeout(200);
    expect(await page.locator('.tab-bar').isVisible()).toBe(false);
    // The room left for the text: from under the header to the first thing stuck at the bottom.
    const header = (await box(page, '.app-header'))!;
    const submit = (await page.getByRole('button', { name: /^提交/ }).boundingBox())!;
    const room = Math.min(300, submit.y) - (header.y + header.height);
    expect(room).toBeGreaterThanOrEqual(200);
    await screenshot(page, 'fix-5-typing');
    await text.blur();
    await page.setViewportSize(NARROW);
    await expect.poll(() => page.locator('.tab-bar').isVisible()).toBe(true);
    await context.close();
  });
});

describe('6 · 进展滞后 apart from 逾期未报', () => {
  it('shows two numbers on 总览, each opening its own list', async () => {
    const leader = await apiAs('wuzhong-leader');
    const d = await leader.get<DashboardResponse>(`/api/plans/${planId}/dashboard?period=${PERIOD}`);
    const lag = splitLagging(d.tasks);
    expect(lag.behind.length).toBeGreaterThan(0);
    expect(lag.overdue.length).toBeGreaterThan(0);
    const { context, page } = await phone('wuzhong-leader', 'large');
    await page.goto(`/overview?plan=${planId}&period=${PERIOD}`);
    const behind = page.locator('.big-number').filter({ hasText: '进展滞后' });
    const overdue = page.locator('.big-number').filter({ hasText: '逾期未报' }).filter({ hasNotText: '个单位' });
    await behind.waitFor({ timeout: 20_000 });
    expect(await behind.textContent()).toContain(`${lag.behind.length}项`);
    expect(await overdue.textContent()).toContain(`${lag.overdue.length}项`);
    await screenshot(page, 'fix-6-overview');
    await behind.click();
    const rows = page.getByRole('list', { name: '任务列表' }).getByRole('link');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(lag.behind.length);
    expect(await page.locator('h1').textContent()).toContain('进展滞后');
    await page.goBack();
    await overdue.click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(lag.overdue.length);
    expect(await page.locator('h1').textContent()).toContain('逾期未报');
    await context.close();
  });
});

describe('9 · entry points', () => {
  it('puts 待审核 and 未报送 at the top of the 督查室 总览, and makes the plan a tappable list with lights', async () => {
    const admin = await apiAs('wuzhong-admin');
    const queue = await admin.get<ReviewQueueResponse>(`/api/plans/${planId}/review-queue?limit=1`);
    const d = await admin.get<DashboardResponse>(`/api/plans/${planId}/dashboard?period=${PERIOD}`);
    const { context, page } = await phone('wuzhong-admin');
    await page.goto(`/overview?plan=${planId}&period=${PERIOD}`);
    const work = page.locator('.work-card');
    await expect.poll(() => work.textContent(), { timeout: 20_000 }).toContain(`${queue.total}待审核`);
    expect(await work.textContent()).toContain(`${d.missingUnits.length}逾期未报送`);
    expect(((await work.boundingBox())!).y).toBeLessThan(640 - 60);
    await screenshot(page, 'fix-9-admin-overview');
    await work.getByRole('link', { name: /待审核/ }).click();
    await page.getByRole('heading', { name: '审核报告' }).waitFor();
    await page.goBack();
    await work.getByRole('link', { name: /催报提醒/ }).click();
    await page.getByRole('heading', { name: '催报提醒' }).waitFor();

    await page.goto(`/plans/${planId}`);
    const rows = page.locator('.rows .row-link');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(d.tasks.length);
    for (const t of (await rows.allTextContents()).slice(0, 10)) expect(t).toMatch(/^(指标|任务) .+(逾期未报|待报|滞后|正常|已完成|困难|补报|未启动|退回)/);
    await screenshot(page, 'fix-9-plan');
    await page.getByRole('link', { name: new RegExp(`^任务 ${task.number} `) }).click();
    await page.getByRole('heading', { name: /进展报告/ }).waitFor();
    expect(page.url()).toContain(`/overview/tasks/${task.id}`);
    await context.close();
  });
});

describe('11 · the smaller things', () => {
  it('amber and green words reach 4.5:1 on their tints', async () => {
    const { context, page } = await phone('wuzhong-leader');
    await page.goto(`/overview?plan=${planId}&period=${PERIOD}`);
    await page.locator('.big-number').first().waitFor({ timeout: 20_000 });
    const ratios = await page.evaluate(() => {
      const lum = (c: string) => {
        const [r, g, b] = c.match(/\d+/g)!.slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const out: Record<string, number> = {};
      for (const k of ['amber', 'green', 'red', 'grey']) {
        const el = document.createElement('span');
        el.className = `light light-${k}`;
        el.textContent = '正常';
        document.body.appendChild(el);
        const s = getComputedStyle(el);
        const [a, b] = [lum(s.color), lum(s.backgroundColor)];
        out[k] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        el.remove();
      }
      return out;
    });
    for (const [k, r] of Object.entries(ratios)) expect(r, k).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('says 与上期相同 has nothing to copy right where the button is', async () => {
    const { context, page } = await phone(indicatorUser);
    await openForm(page, indicator.id);
    const button = page.getByRole('button', { name: /与上期相同/ });
    await button.waitFor({ timeout: 30_000 });
    await button.click();
    const note = page.locator('.copy-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('没有这项任务的往期报告');
    const r = (await note.boundingBox())!;
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.y + r.height).toBeLessThanOrEqual(640);
    await screenshot(page, 'fix-11-same-as-last');
    await context.close();
  });

  it('opens photos in an in-app viewer with swipe and a way back', async () => {
    const { context, page } = await phone(unitUser, 'large');
    await page.goto(`/tasks/${task.id}`);
    const thumb = page.getByRole('button', { name: /查看照片 1/ });
    await thumb.waitFor({ timeout: 30_000 });
    const url = page.url();
    await thumb.click();
    const viewer = page.getByRole('dialog', { name: /照片 1\/2/ });
    await viewer.waitFor();
    await expect.poll(() => viewer.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
    const firstSrc = await viewer.locator('img').getAttribute('src');
    // Swipe left → the next photo.
    const v = (await viewer.boundingBox())!;
    await page.evaluate(([x, y]) => {
      const el = document.querySelector('.viewer')!;
      const t = (cx: number) => new Touch({ identifier: 1, target: el, clientX: cx, clientY: y! });
      el.dispatchEvent(new TouchEvent('touchstart', { touches: [t(x! * 0.8)], changedTouches: [t(x! * 0.8)], bubbles: true }));
      el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [t(x! * 0.2)], bubbles: true }));
    }, [v.width, v.height / 2]);
    await page.getByRole('dialog', { name: /照片 2\/2/ }).waitFor();
    const second = page.getByRole('dialog', { name: /照片 2\/2/ }).locator('img');
    await expect.poll(() => second.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
    expect(await second.getAttribute('src')).not.toBe(firstSrc);
    await screenshot(page, 'fix-11-viewer');
    // The phone's back gesture closes the viewer and stays on the task.
    await page.goBack();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(page.url()).toBe(url);
    // And the 返回 button does too.
    await thumb.click();
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(page.url()).toBe(url);
    await context.close();
  });

  it('groups the 催报 message by unit with a link each, and prints the ranking rule on the circular', async () => {
    const admin = await apiAs('wuzhong-admin');
    const r = await admin.get<RemindersResponse>(`/api/plans/${planId}/reminders?period=${PERIOD}`);
    const lines = r.message.split('\n');
    expect(lines).toHaveLength(1 + r.units.length * 2);
    r.units.forEach((u, i) => {
      expect(lines[1 + i * 2]).toBe(`${i + 1}. ${u.name}（${u.tasks.length}项）：${u.tasks.map((t) => t.label).join('、')}`);
      expect(lines[2 + i * 2]).toMatch(u.tasks.length === 1 ? new RegExp(`/tasks/${u.tasks[0]!.id}$`) : /\/$/);
    });
    const { context, page } = await phone('wuzhong-admin');
    await page.goto(`/circular/${planId}/${PERIOD}`);
    await page.locator('.ranking-rule').waitFor({ timeout: 20_000 });
    expect(await page.locator('.ranking-rule').textContent()).toBe(RANKING_RULE);
    await context.close();
  });
});
