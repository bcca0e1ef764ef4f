// docs/PERMISSIONS.md, the leader and supervision views in real Chromium at 390×844 and 1280×800: the
// dashboard's numbers against the API, the drill-down to a task's reports and photos, the photo
// wall, search, review and reminders, the print-ready circular (print CSS hides the app chrome)
// and its XLSX read back cell by cell. Screenshots: test-results/screens/overview-*.png.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemLabel } from '../../shared/labels';
import { splitLagging } from '../../shared/lagging';
import type { CircularResponse, DashboardResponse } from '../../shared/schemas/dashboard';
import { readXlsx, readXlsxLinks } from '../support/xlsx-read';
import { jpeg, upload } from './report-support';
import { apiAs, baseURL, DESKTOP, launchBrowser, phoneContext, screenshot, signIn, wuzhong2024, type SeedItem } from './support';

const PERIOD = '2024-12';
let browser: Browser;
let planId: string;
/** Reports this file created: task, unit, status, and the one with a photo. */
const created: Array<{ taskId: string; number: string; unitName: string; status: string; reportId: string }> = [];
let photoReport: { reportId: string; photoId: string; taskId: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const seed = await wuzhong2024();
  planId = seed.planId;
  const { items, accountOf } = seed;
  // Four tasks whose (first) lead unit has an account, each from a different unit. Other e2e
  // files share this database: a (task, unit) that already reported this period is skipped.
  const used = new Set<string>();
  const candidates: Array<{ item: SeedItem; unit: { id: string; name: string }; username: string }> = [];
  for (const item of items.filter((i) => i.kind === 'task')) {
    const unit = item.leadUnits.find((u) => accountOf.has(u.name) && !used.has(u.name));
    if (!unit) continue;
    used.add(unit.name);
    candidates.push({ item, unit, username: accountOf.get(unit.name)! });
  }
  const statuses = ['behind', 'done', 'on_track', 'blocked'] as const;
  const page = await browser.newPage();
  for (const p of candidates) {
    const i = created.length;
    if (i === 4) break;
    const api = await apiAs(p.username);
    const reportId = randomUUID();
    const photoId = randomUUID();
    const withPhoto = i === 1;
    const put = await api.send('PUT', `/api/reports/${reportId}`, {
      taskId: p.item.id,
      period: PERIOD,
      status: statuses[i],
      percent: [20, 100, 60, 35][i],
      targetValues: p.item.targets.slice(0, 1).map((t) => ({ targetId: t.id, value: Math.round(t.value * 0.6) })),
      progress: `${p.unit.name}报送：本月完成阶段性工作，推进会已召开。`,
      problems: statuses[i] === 'behind' ? '征地拆迁尚未完成，影响施工进度' : '',
      nextSteps: '加快推进，确保年底完成。',
      capturedAt: new Date().toISOString(),
      photos: withPhoto ? [{ id: photoId }] : [],
    });
    if (put.status === 409) continue;
    if (!put.ok) throw new Error(`PUT report: ${put.status} ${await put.text()}`);
    if (withPhoto) {
      await upload(api.cookie, `/api/reports/${reportId}/photos/${photoId}`, await jpeg(page, 1200, 900, '现场 1'));
      await upload(api.cookie, `/api/reports/${reportId}/photos/${photoId}/thumb`, await jpeg(page, 320, 240, '现场 1'));
      photoReport = { reportId, photoId, taskId: p.item.id };
    }
    const submit = await api.send('POST', `/api/reports/${reportId}/submit`);
    if (!submit.ok) throw new Error(`submit: ${submit.status} ${await submit.text()}`);
    created.push({ taskId: p.item.id, number: p.item.number, unitName: p.unit.name, status: statuses[i]!, reportId });
  }
  await page.close();
  expect(created).toHaveLength(4);
});

afterAll(async () => {
  await browser?.close();
});

describe('总览 on a phone (390×844)', () => {
  it('shows the numbers first, and every count opens the list behind it', async () => {
    const leader = await apiAs('wuzhong-leader');
    const d = await leader.get<DashboardResponse>(`/api/plans/${planId}/dashboard?period=${PERIOD}`);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, 'wuzhong-leader');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总览' }).click();
    await page.getByRole('heading', { level: 1, name: /总览/ }).waitFor();
    await expect.poll(() => page.locator('.headline').textContent(), { timeout: 20_000 }).toContain(`${d.missingUnits.length}个单位`);
    const headline = await page.locator('.headline').textContent();
    expect(headline).toContain(`逾期未报送${d.missingUnits.length}个单位`);
    // Two facts, two numbers (docs/ARCHITECTURE.md): reported and behind, and nothing by the due date.
    const lag = splitLagging(d.tasks);
    expect(lag.behind.length).toBeGreaterThan(0);
    expect(headline).toContain(`进展滞后${lag.behind.length}项`);
    expect(headline).toContain(`逾期未报${lag.overdue.length}项`);
    expect(headline).not.toContain('滞后/逾期');
    const rate = d.reporting.onTimeRate === null ? '—' : `${Math.round(d.reporting.onTimeRate * 1000) / 10}%`;
    expect(headline).toContain(rate);
    // The leader's own tasks come first, and every colour carries a word.
    if (d.mine?.taskIds.length) await expect(page.locator('.mine-card').textContent()).resolves.toContain(`我分管的任务 ${d.mine.taskIds.length} 项`);
    const tiles = page.getByRole('list', { name: '红绿灯' }).getByRole('link');
    await expect(tiles.count()).resolves.toBe(4);
    for (const text of await tiles.allTextContents()) expect(text).toMatch(/滞后|待报|正常|未启动/);
    await screenshot(page, 'overview-phone-dashboard');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await screenshot(page, 'overview-phone-dashboard-middle');

    // 未报送 N 个单位 → the units.
    await page.locator('.big-number').filter({ hasText: '个单位' }).click();
    await page.getByRole('heading', { level: 1, name: /未报送单位/ }).waitFor();
    await expect(page.locator('.card').count()).resolves.toBe(d.missingUnits.length);
    await screenshot(page, 'overview-phone-missing-units');
    await page.goBack();

    // 红灯 tile → the red tasks.
    await page.getByRole('list', { name: '红绿灯' }).getByRole('link').first().click();
    const rows = page.getByRole('list', { name: '任务列表' }).getByRole('link');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(d.taskColours.red);
    await screenshot(page, 'overview-phone-red-list');

    // Drill down: the task with the photo → its reports → the photo.
    const photoTask = created.find((c) => c.reportId === photoReport.reportId)!;
    await page.goto(`/overview/tasks/${photoTask.taskId}?plan=${planId}&period=${PERIOD}`);
    await page.getByRole('heading', { name: /进展报告/ }).waitFor();
    await expect(page.locator('.report-card').first().textContent()).resolves.toContain(photoTask.unitName);
    const thumb = page.locator('.report-card .thumb img').first();
    await thumb.waitFor();
    await screenshot(page, 'overview-phone-task');
    // Thumbnails load lazily, when they come into view.
    await page.locator('.report-card').first().scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(320);
    await screenshot(page, 'overview-phone-task-reports');
    await context.close();
  });

  it('shows the photo wall, targets and search (two-character 教育 included)', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, 'wuzhong-leader');
    await page.goto(`/photos?plan=${planId}`);
    const wall = page.getByRole('list', { name: '现场照片' }).locator('img');
    await expect.poll(() => wall.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => wall.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'overview-phone-photos');

    await page.goto(`/targets?plan=${planId}`);
    await expect.poll(() => page.locator('.target').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await screenshot(page, 'overview-phone-targets');

    await page.goto(`/search?plan=${planId}`);
    await page.getByRole('searchbox', { name: '关键词' }).fill('教育');
    const hits = page.getByRole('list', { name: '搜索结果' }).getByRole('link');
    await expect.poll(() => hits.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const text of (await hits.allTextContents()).slice(0, 5)) expect(text).toContain('教育');
    await expect(page.locator('mark').first().textContent()).resolves.toBe('教育');
    await screenshot(page, 'overview-phone-search');
    await context.close();
  });
});

describe('supervision office', () => {
  it('reviews the queue (accept, return with a reason) and copies a reminder for the work group', async () => {
    const context = await phoneContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await signIn(page, 'wuzhong-admin');
    await page.goto(`/review?plan=${planId}&period=${PERIOD}`);
    const [accept, ret] = [created[2]!, created[3]!];
    const card = (c: (typeof created)[number]) => page.locator('.queue-card').filter({ hasText: c.unitName }).filter({ hasText: itemLabel({ kind: 'task', number: c.number }) });
    await card(accept).waitFor({ timeout: 20_000 });
    await screenshot(page, 'overview-phone-review');
    await card(accept).getByRole('button', { name: '审核通过' }).click();
    await card(accept).waitFor({ state: 'detached' });
    await card(ret).getByRole('button', { name: '退回' }).click();
    await card(ret).getByRole('textbox').fill('请补充现场照片和具体完成数量');
    await card(ret).getByRole('button', { name: '确认退回' }).click();
    await card(ret).waitFor({ state: 'detached' });
    const admin = await apiAs('wuzhong-admin');
    await expect(admin.get(`/api/reports/${accept.reportId}`)).resolves.toMatchObject({ state: 'accepted' });
    await expect(admin.get(`/api/reports/${ret.reportId}`)).resolves.toMatchObject({ state: 'returned' });

    // Edit a task after import: add a co-unit and set the deadline; the server has it.
    const edited = created[0]!;
    await page.goto(`/overview/tasks/${edited.taskId}?plan=${planId}&period=${PERIOD}`);
    await page.getByRole('link', { name: /编辑任务/ }).click();
    const coPicker = page.getByRole('combobox', { name: '添加责任单位' });
    await coPicker.waitFor({ timeout: 20_000 });
    const option = (await coPicker.locator('option').allTextContents()).find((t) => t.includes('教育局')) ?? (await coPicker.locator('option').nth(1).textContent())!;
    await coPicker.selectOption({ label: option });
    await page.getByLabel('时限').fill('2024-10-31');
    await screenshot(page, 'overview-phone-task-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: /进展报告/ }).waitFor();
    const { items } = await admin.get<{ items: Array<{ id: string; deadline: string | null; coUnits: Array<{ name: string }> }> }>(`/api/plans/${planId}/tasks`);
    const after = items.find((i) => i.id === edited.taskId)!;
    expect(after.deadline).toBe('2024-10-31');
    expect(after.coUnits.map((u) => u.name)).toContain(option.replace('（统称）', ''));

    await page.goto(`/reminders?plan=${planId}&period=${PERIOD}`);
    const box = page.getByRole('textbox', { name: '发到工作群的消息' });
    await expect.poll(() => box.inputValue(), { timeout: 20_000 }).toMatch(/^【督办提醒】2024年12月工作进展已于12月25日截止报送，以下\d+个单位尚未报送，请尽快补报：\n1\. .+（\d+项）：(任务|指标) /);
    await page.getByRole('button', { name: '复制消息' }).click();
    await page.getByText('已复制，可粘贴到工作群').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await box.inputValue());
    await screenshot(page, 'overview-phone-reminders');
    await context.close();
  });
});

describe('on a desktop (1280×800)', () => {
  it('lays the dashboard out wide, prints the circular on A4 without the app chrome, and exports XLSX', async () => {
    const admin = await apiAs('wuzhong-admin');
    const circular = await admin.get<CircularResponse>(`/api/plans/${planId}/circular?period=${PERIOD}`);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: baseURL(), acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'wuzhong-admin');
    await page.goto(`/overview?plan=${planId}&period=${PERIOD}`);
    await page.locator('.headline').waitFor({ timeout: 20_000 });
    await screenshot(page, 'overview-desktop-dashboard');

    await page.getByRole('link', { name: '本期通报' }).click();
    const paper = page.getByRole('article', { name: '通报正文' });
    await paper.waitFor({ timeout: 20_000 });
    await expect(paper.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('关于2024年12月');
    await expect(paper.textContent()).resolves.toContain(circular.summary);
    const tables = paper.locator('table');
    await expect(tables.first().locator('tbody tr').count()).resolves.toBe(circular.units.length);
    await expect(tables.nth(1).locator('tbody tr').count()).resolves.toBe(circular.lagging.length);
    const fonts = await paper.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fonts).toMatch(/FangSong|仿宋/);
    await screenshot(page, 'overview-desktop-circular');

    // Print: the chrome disappears, the page is A4.
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.app-header', '.tab-bar', '.circular-toolbar']) {
      await expect(page.locator(selector).evaluate((el) => getComputedStyle(el).display)).resolves.toBe('none');
    }
    await screenshot(page, 'overview-desktop-circular-print');
    mkdirSync('test-results', { recursive: true });
    const pdf = await page.pdf({ path: 'test-results/overview-circular.pdf', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595×842 pt.
    expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    await page.emulateMedia({ media: 'screen' });

    // The XLSX: same tables plus every report of the period with photo links.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/2024年12月工作进展通报.*\.xlsx$/);
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const book = readXlsx(bytes);
    expect(Object.keys(book)).toEqual(['通报', '单位排名', '滞后任务', '未报送单位', '本期报告']);
    expect(book['单位排名']!.length - 1).toBe(circular.units.length);
    expect(book['单位排名']!.slice(1).map((r) => r[1])).toEqual(circular.units.map((u) => u.name));
    expect(book['滞后任务']!.length - 1).toBe(circular.lagging.length);
    expect(book['未报送单位']!.length - 1).toBe(circular.missing.length);
    const reports = book['本期报告']!.slice(1);
    for (const c of created) {
      const row = reports.find((r) => r[0] === itemLabel({ kind: 'task', number: c.number }) && r[2] === c.unitName);
      expect(row, `${c.number} ${c.unitName}`).toBeTruthy();
    }
    // The photo is a link in the report's 照片1 cell that opens the picture for a signed-in user.
    const links = readXlsxLinks(bytes)['本期报告']!;
    const photoUrl = `${baseURL()}/api/reports/${photoReport.reportId}/photos/${photoReport.photoId}`;
    const cell = Object.keys(links).find((ref) => links[ref] === photoUrl);
    expect(cell, 'hyperlink to the photo').toMatch(/^P\d+$/);
    expect(book['本期报告']![Number(cell!.replace(/^[A-Z]+/, '')) - 1]![15]).toBe('照片1');
    const photo = await context.request.get(photoUrl);
    expect(photo.status()).toBe(200);
    expect(photo.headers()['content-type']).toMatch(/^image\//);
    await context.close();
  });
});
