// docs/ARCHITECTURE.md (phone first): every screen of each role (unit reporter, leader, 督查室) at 360×640, in
// normal text and 长者模式, with long values in place (an IPv6 sign-in, several devices, a returned
// report with a photo). Fails on sideways scroll, tap targets under 44 px, text under 16 px in the
// field screens, and console errors. Screenshots: test-results/screens/walk-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnedReport } from './report-support';
import { auditScreen, NARROW, watchConsole } from './screen-audit';
import { apiAs, baseURL, demoPassword, launchBrowser, phoneContext, screenshot, signIn, wuzhong2024 } from './support';

const PERIOD = '2024-12';
let browser: Browser;
let planId: string;
let taskId: string;
let indicatorId: string;
let unitUser: string;

/** Extra sessions with long values for 我的 · 登录设备: IPv6 and long user agents. */
async function extraSessions(username: string): Promise<void> {
  const agents = [
    'Mozilla/5.0 (Linux; Android 14; 23127PN0CC Build/UKQ1.230804.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.193 Mobile Safari/537.36 XWEB/1200089 MMWEBSDK/20240404 MMWEBID/2307 MicroMessenger/8.0.49.2600(0x2800313D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.5.10) com.laiwang.DingTalk/31234567 Channel/201200 language/zh-Hans-CN',
  ];
  const ips = ['2409:8a1e:6c3f:1a20:8d4c:9b7e:3f21:a0c4', '240e:0398:9f10:0b31:0000:0000:0000:0001'];
  for (let i = 0; i < agents.length; i++) {
    const res = await fetch(`${baseURL()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseURL(), 'user-agent': agents[i]!, 'cf-connecting-ip': ips[i]! },
      body: JSON.stringify({ username, password: demoPassword() }),
    });
    if (!res.ok) throw new Error(`login: ${res.status}`);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  const seed = await wuzhong2024();
  const { items, accountOf: accounts } = seed;
  planId = seed.planId;
  const task = items.find((i) => i.kind === 'task' && i.leadUnits.some((u) => accounts.has(u.name)))!;
  indicatorId = items.find((i) => i.kind === 'indicator')!.id;
  taskId = task.id;
  const unit = task.leadUnits.find((u) => accounts.has(u.name))!;
  unitUser = accounts.get(unit.name)!;
  // A report with a photo, returned with a reason: the resubmit path and the photo viewer.
  const page = await browser.newPage();
  await returnedReport({ page, username: unitUser, taskId, period: PERIOD, photos: 1, reason: '请补充现场照片和具体完成数据，说明滞后原因。' });
  await page.close();
  await extraSessions(unitUser);
  await extraSessions('wuzhong-leader');
});

afterAll(async () => {
  await browser?.close();
});

type Screen = { name: string; path: () => string; ready: (page: Page) => Promise<unknown> };
const h1 = (page: Page) => page.locator('h1').first().waitFor({ timeout: 20_000 });
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 20_000 });
const screen = (name: string, path: () => string, ready: Screen['ready'] = async (p) => (await h1(p), await settled(p))): Screen => ({ name, path, ready });

const q = () => `plan=${planId}&period=${PERIOD}`;
const leaderScreens: Screen[] = [
  screen('plans', () => '/'),
  screen('plan', () => `/plans/${planId}`),
  screen('overview', () => `/overview?${q()}`, (p) => p.locator('.big-number').first().waitFor()),
  screen('list-red', () => `/overview/list?${q()}&colour=red`),
  screen('list-missing', () => `/overview/list?${q()}&view=missing`),
  screen('task-overview', () => `/overview/tasks/${taskId}?${q()}`),
  screen('indicator-overview', () => `/overview/tasks/${indicatorId}?${q()}`),
  screen('photos', () => `/photos?plan=${planId}`),
  screen('targets', () => `/targets?plan=${planId}`),
  screen('search', () => `/search?plan=${planId}`),
  screen('circular', () => `/circular/${planId}/${PERIOD}`),
  screen('me', () => '/me', (p) => p.getByRole('list', { name: '登录设备' }).waitFor()),
];
const adminScreens: Screen[] = [
  ...leaderScreens,
  screen('review', () => `/review?plan=${planId}`),
  screen('reminders', () => `/reminders?${q()}`),
  screen('plan-settings', () => `/plans/${planId}/settings`),
  screen('task-edit', () => `/overview/tasks/${taskId}/edit?plan=${planId}`),
  screen('import', () => '/admin/import'),
  screen('accounts', () => '/admin/accounts'),
  screen('password', () => '/me/password'),
];
const unitScreens: Screen[] = [
  screen('my-tasks', () => '/', (p) => p.locator('.task-item').first().waitFor({ timeout: 30_000 })),
  screen('task', () => `/tasks/${taskId}`, (p) => p.locator('.report-card').first().waitFor({ timeout: 30_000 })),
  screen('report-form', () => `/tasks/${taskId}/report`, (p) => p.locator('form').first().waitFor({ timeout: 30_000 })),
  screen('outbox', () => '/outbox'),
  screen('me', () => '/me', (p) => p.getByRole('list', { name: '登录设备' }).waitFor()),
  screen('password', () => '/me/password'),
];

const roles = [
  { role: 'unit', user: () => unitUser, screens: unitScreens, field: true },
  { role: 'leader', user: () => 'wuzhong-leader', screens: leaderScreens, field: false },
  { role: 'admin', user: () => 'wuzhong-admin', screens: adminScreens, field: false },
] as const;

describe('every screen at 360 px, in both text sizes', () => {
  for (const r of roles) {
    for (const size of ['normal', 'large'] as const) {
      it(`${r.role} · ${size === 'large' ? '长者模式' : '标准字号'}`, async () => {
        const context = await phoneContext(browser, { viewport: NARROW });
        await context.addInitScript((s) => localStorage.setItem('duban.textSize', s), size);
        const page = await context.newPage();
        const errors = watchConsole(page);
        await signIn(page, r.user());
        const problems: string[] = [];
        for (const s of r.screens) {
          await page.goto(s.path());
          await s.ready(page);
          await page.waitForTimeout(150);
          await screenshot(page, `walk-${r.role}-${size}-${s.name}`);
          for (const p of await auditScreen(page, { field: r.field })) problems.push(`${s.name}: ${p}`);
        }
        await context.close();
        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
});
