// docs/SYNC.md, the field app in real Chromium on a phone viewport: capture offline with photos and
// survive a reload and a browser restart; two changes in one tick both kept; retries after injected
// 500s without duplicates; a session revoked while offline; 20 queued reports draining in order. Screenshots of every
// screen go to test-results/screens/field-*.png.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitTasks, type UnitTask } from '../support/server';
import { apiAs, demoAccounts, demoPassword, launchBrowser, launchPersistent, phoneContext, screenshot, signIn, waitForServiceWorker } from './support';

type Api = Awaited<ReturnType<typeof apiAs>>;

let browser: Browser;
let photos: Array<{ name: string; mimeType: string; buffer: Buffer }>;
let unitUser: string; // 发改委: the drain test and the offline capture
let unitUser2: string; // 工信局: retries and the revoked session
let unitName2: string;
let tasks: UnitTask[];
let tasks2: UnitTask[];
const dirs: string[] = [];

/** Signs in and waits until the task list is cached and the service worker controls the page. */
async function signInReady(page: Page, username: string): Promise<void> {
  await signIn(page, username);
  await waitForTaskList(page);
  await waitForServiceWorker(page);
  await waitForTaskList(page);
}

/** How many of the matching images have actually been decoded (not broken, not pending). */
function loadedImages(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length);
}

/** Photo-like 4000×3000 JPEGs made by Chromium itself (gradients, shapes, fine texture). */
async function makePhotos(n: number): Promise<Array<{ name: string; mimeType: string; buffer: Buffer }>> {
  const page = await browser.newPage();
  const out = [];
  for (let i = 0; i < n; i++) {
    const b64 = await page.evaluate(async (seed) => {
      const c = document.createElement('canvas');
      c.width = 4000;
      c.height = 3000;
      const g = c.getContext('2d')!;
      let s = seed * 9301 + 49297;
      const rnd = () => ((s = (s * 9301 + 49297) % 233280) / 233280);
      const sky = g.createLinearGradient(0, 0, 0, 3000);
      sky.addColorStop(0, '#7fb2e5');
      sky.addColorStop(0.55, '#dfe9f1');
      sky.addColorStop(0.56, '#6b8f4e');
      sky.addColorStop(1, '#3d5a2a');
      g.fillStyle = sky;
      g.fillRect(0, 0, 4000, 3000);
      for (let k = 0; k < 400; k++) {
        g.fillStyle = `hsla(${Math.floor(rnd() * 360)},${30 + rnd() * 40}%,${30 + rnd() * 40}%,${0.3 + rnd() * 0.6})`;
        const x = rnd() * 4000, y = 1500 + rnd() * 1500, r = 20 + rnd() * 160;
        g.beginPath();
        g.ellipse(x, y, r, r * (0.3 + rnd()), rnd() * 3, 0, Math.PI * 2);
        g.fill();
      }
      g.fillStyle = '#8a6d4b';
      g.fillRect(600 + seed * 300, 1100, 1400, 700);
      g.fillStyle = '#333';
      g.font = 'bold 160px sans-serif';
      g.fillText(`现场 ${seed + 1}`, 800 + seed * 300, 1500);
      const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let j = 0; j < bytes.length; j += 0x8000) bin += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
      return btoa(bin);
    }, i);
    out.push({ name: `IMG_${1000 + i}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') });
  }
  await page.close();
  return out;
}

function profileDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
  dirs.push(d);
  return d;
}

async function unitApi(username = unitUser): Promise<Api> {
  return apiAs(username);
}

/** The unit's tasks from the server's sync answer (newest plan year, in document order). */
async function loadTasks(api: Api): Promise<UnitTask[]> {
  const { tasks } = await unitTasks(api);
  const year = Math.max(...tasks.map((t) => t.year));
  return tasks.filter((t) => t.year === year);
}

async function waitForTaskList(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('list', { name: '任务列表' }).getByRole('link').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

/** A fresh phone signed in as 工信局 with the report form of `taskId` open. */
async function openFormOnline(taskId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await signIn(page, unitUser2);
  await waitForTaskList(page);
  await page.goto(`/tasks/${taskId}/report`);
  await page.getByLabel('进展情况').waitFor();
  return { context, page };
}

/** Fills the report form currently open; attaches `files` through the camera input. */
async function fillReport(page: Page, text: string, files: typeof photos = []): Promise<string> {
  await page.getByLabel('进展情况').fill(text);
  await page.getByLabel('存在问题').fill('征迁进度偏慢');
  await page.getByLabel('下步计划').fill('下月完成主体结构');
  for (const file of files) {
    const before = await page.locator('.photo-cell').count();
    await page.getByLabel('拍照', { exact: true }).setInputFiles(file);
    await expect.poll(() => page.locator('.photo-cell img').count(), { timeout: 20_000 }).toBe(before + 1);
  }
  // Shown in groups of four (ABCD-EFGH-JKMN); the report carries it without dashes.
  const shown = (await page.locator('text=/核验码 [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/').first().textContent())!;
  return shown.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0].replaceAll('-', '');
}

async function submitReport(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^提交/ }).click();
  await page.waitForURL('**/outbox');
  const row = page.locator('.outbox-item').first();
  await row.waitFor();
  return (await page.locator('.outbox-item').last().getAttribute('data-report-id'))!;
}

async function waitSubmitted(api: Api, id: string, photoCount: number, timeout = 60_000) {
  let report: any;
  await expect
    .poll(
      async () => {
        try {
          report = await api.get(`/api/reports/${id}`);
        } catch {
          return 'absent';
        }
        return `${report.state}:${report.photos.filter((p: any) => p.received && p.thumbReceived).length}`;
      },
      { timeout, interval: 500 },
    )
    .toBe(`submitted:${photoCount}`);
  return report;
}

async function reportsOfTask(api: Api, taskId: string, unitName: string): Promise<any[]> {
  const res = await api.get<{ reports: any[] }>(`/api/tasks/${taskId}/reports`);
  return res.reports.filter((r) => r.unitName === unitName);
}

/** Decodes a server photo in the page and checks the watermark band's red accent bar. */
async function watermarkCheck(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const bin = atob(b64);
    const arr = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
    const bmp = await createImageBitmap(new Blob([arr], { type: 'image/jpeg' }));
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const g = c.getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const fs = Math.max(12, Math.round(Math.min(bmp.width, bmp.height) / 34));
    const pad = Math.round(fs * 0.7);
    const px = (x: number, y: number) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
    return { width: bmp.width, height: bmp.height, bar: px(pad + 2, bmp.height - pad - 10), band: px(Math.round(bmp.width * 0.75), bmp.height - 6) };
  }, bytes.toString('base64'));
}

beforeAll(async () => {
  browser = await launchBrowser();
  photos = await makePhotos(3);
  const wuzhongUnit = (name: string) => demoAccounts().find((a) => a.role === 'unit' && a.unitName === name && a.orgName.includes('吴中'))!;
  unitUser = wuzhongUnit('发改委').username;
  unitName2 = '工信局';
  unitUser2 = wuzhongUnit(unitName2).username;
  tasks = await loadTasks(await unitApi());
  tasks2 = await loadTasks(await unitApi(unitUser2));
  expect(tasks.length).toBeGreaterThanOrEqual(21);
  expect(tasks2.length).toBeGreaterThanOrEqual(4);
});

afterAll(async () => {
  await browser?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('field app', () => {
  it('captures offline with 3 photos, survives a reload and a browser restart, arrives once', async () => {
    const dir = profileDir();
    const geo = { geolocation: { latitude: 31.2699, longitude: 120.6287, accuracy: 12 }, permissions: ['geolocation'] };
    let context: BrowserContext = await launchPersistent(dir, geo);
    let page = context.pages()[0] ?? (await context.newPage());
    await signInReady(page, unitUser);
    await screenshot(page, 'field-my-tasks');
    // Search narrows the list.
    const list = page.getByRole('list', { name: '任务列表' });
    const all = await list.getByRole('link').count();
    await page.getByLabel('搜索任务').fill('地区生产总值');
    await expect.poll(() => list.getByRole('link').count()).toBe(1);
    await page.getByLabel('搜索任务').fill('');
    await expect.poll(() => list.getByRole('link').count()).toBe(all);

    const task = tasks[20]!;
    await context.setOffline(true);
    await page.locator(`a[href="/tasks/${task.id}"]`).first().click();
    await page.getByRole('link', { name: '填报进展' }).click();
    await page.getByLabel('进展情况').waitFor();
    await page.getByLabel('进展状态').getByText('滞后').click();
    const code = await fillReport(page, '完成项目立项，正在开展施工图设计。', photos);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'field-report-form');
    await page.getByRole('list', { name: '已添加的照片' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'field-report-photos');
    const perf = await page.evaluate(() => performance.getEntriesByName('duban:photo').map((e) => ({ ms: Math.round(e.duration), ...(e as PerformanceMeasure).detail })));
    console.log('photo pipeline (4000×3000 JPEG):', perf);
    expect(perf).toHaveLength(3);
    for (const p of perf) {
      expect(p.bytes).toBeLessThanOrEqual(400 * 1024);
      expect(p.width).toBe(1600);
      expect(p.height).toBe(1200);
    }

    // The draft autosaved: a reload (offline) brings back the text and the photos.
    await page.reload();
    await page.getByLabel('进展情况').waitFor();
    await expect.poll(() => page.getByLabel('进展情况').inputValue()).toBe('完成项目立项，正在开展施工图设计。');
    await expect(page.getByLabel('下步计划').inputValue()).resolves.toBe('下月完成主体结构');
    await expect.poll(() => page.locator('.photo-cell img').count()).toBe(3);
    await expect(page.getByLabel('进展状态').getByRole('radio', { name: '滞后' }).isChecked()).resolves.toBe(true);
    const id = await submitReport(page);
    await expect.poll(() => page.locator('.outbox-item .state').first().textContent()).toBe('等待网络');
    await expect.poll(() => page.locator('.tab-badge').textContent()).toBe('1');
    await screenshot(page, 'field-outbox-offline');

    // Reload offline: still there.
    await page.reload();
    await page.locator(`.outbox-item[data-report-id="${id}"]`).waitFor();
    // Close the browser and start it again on the same profile, still offline.
    await context.close();
    context = await launchPersistent(dir, geo);
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/outbox');
    await page.locator(`.outbox-item[data-report-id="${id}"]`).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.tab-badge').textContent()).toBe('1');

    // Back online: the queue drains by itself.
    await context.setOffline(false);
    await expect.poll(() => page.locator(`.outbox-item[data-report-id="${id}"] .state`).textContent(), { timeout: 60_000 }).toBe('已提交');
    await expect.poll(() => page.locator('.tab-badge').count()).toBe(0);
    await screenshot(page, 'field-outbox-submitted');

    const api = await unitApi();
    const report = await waitSubmitted(api, id, 3);
    expect(report.verifyCode).toBe(code);
    expect(report.status).toBe('behind');
    expect(await reportsOfTask(api, task.id, '发改委')).toHaveLength(1);
    for (const p of report.photos) {
      const res = await fetch(new URL(p.url, (await page.evaluate(() => location.origin))), { headers: { cookie: api.cookie } });
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeLessThanOrEqual(400 * 1024);
      if (p === report.photos[0]) writeFileSync('test-results/screens/field-watermark.jpg', bytes);
      const wm = await watermarkCheck(page, bytes);
      expect(wm).toMatchObject({ width: 1600, height: 1200 });
      // The red accent bar of the band, and the darkened band itself.
      expect(wm.bar[0]).toBeGreaterThan(140);
      expect(wm.bar[1]).toBeLessThan(90);
      expect(wm.bar[2]).toBeLessThan(90);
    }

    // The task screen shows the report with its photos.
    await page.goto(`/tasks/${task.id}`);
    await page.locator('.report-card').first().waitFor();
    await expect.poll(() => page.locator('.report-card img').count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => loadedImages(page, '.report-card img'), { timeout: 20_000 }).toBe(3);
    await screenshot(page, 'field-task');
    // Photos seen once stay viewable offline (the server marks them immutable).
    await context.setOffline(true);
    await page.reload();
    await page.locator('.report-card').first().waitFor();
    await expect.poll(() => loadedImages(page, '.report-card img'), { timeout: 20_000 }).toBe(3);
    await context.setOffline(false);
    await page.goto('/me');
    await page.getByText('本机存储').waitFor();
    await screenshot(page, 'field-settings');
    await context.close();

    // Another phone of the same unit has the task and the report from sync but has never loaded
    // these photos: offline it says so in words, and shows them once the network is back.
    const other = await phoneContext(browser);
    const phone = await other.newPage();
    await signInReady(phone, unitUser);
    await other.setOffline(true);
    await phone.goto(`/tasks/${task.id}`);
    await phone.locator('.report-card').first().waitFor({ timeout: 20_000 });
    const unavailable = phone.locator('.report-card .photo-unavailable');
    await expect.poll(() => unavailable.count(), { timeout: 20_000 }).toBe(3);
    expect(await unavailable.first().textContent()).toBe('联网后可查看');
    expect(await unavailable.first().getAttribute('aria-label')).toBe('照片 1');
    await unavailable.first().scrollIntoViewIfNeeded();
    await screenshot(phone, 'field-task-offline-photos');
    await other.setOffline(false);
    await expect.poll(() => loadedImages(phone, '.report-card img'), { timeout: 20_000 }).toBe(3);
    expect(await unavailable.count()).toBe(0);
    await other.close();
  });

  it('photo pipeline: honours EXIF orientation and handles a source above 16.7 MP', async () => {
    const { context, page } = await openFormOnline(tasks2[3]!.id);
    // A 400×300 JPEG (left half red, right half blue) tagged EXIF orientation 6 (rotate 90° CW),
    // and a 6000×4500 (27 MP) JPEG.
    const made = await page.evaluate(async () => {
      const jpeg = async (w: number, h: number, draw: (g: CanvasRenderingContext2D) => void) => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        draw(c.getContext('2d')!);
        const b: Blob = await new Promise((r) => c.toBlob((x) => r(x!), 'image/jpeg', 0.9));
        c.width = 0;
        return new Uint8Array(await b.arrayBuffer());
      };
      const small = await jpeg(400, 300, (g) => {
        g.fillStyle = '#f00';
        g.fillRect(0, 0, 200, 300);
        g.fillStyle = '#00f';
        g.fillRect(200, 0, 200, 300);
      });
      const tagged = (jpg: Uint8Array, orientation: number) => {
        const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
        const app1 = [0xff, 0xe1, 0, tiff.length + 8, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
        return new Uint8Array([0xff, 0xd8, ...app1, ...jpg.subarray(2)]);
      };
      const rotated = tagged(small, 6);
      // 12 MP: decoded at a reduced scale where the engine can (ImageDecoder), rotation applied.
      const halves = await jpeg(4000, 3000, (g) => {
        g.fillStyle = '#f00';
        g.fillRect(0, 0, 2000, 3000);
        g.fillStyle = '#00f';
        g.fillRect(2000, 0, 2000, 3000);
      });
      const big = await jpeg(6000, 4500, (g) => {
        const grad = g.createLinearGradient(0, 0, 6000, 4500);
        grad.addColorStop(0, '#3a7');
        grad.addColorStop(1, '#a73');
        g.fillStyle = grad;
        g.fillRect(0, 0, 6000, 4500);
      });
      const b64 = (u: Uint8Array) => {
        let s = '';
        for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
        return btoa(s);
      };
      return { rotated: b64(rotated), big: b64(big), cw: b64(tagged(halves, 6)), ccw: b64(tagged(halves, 8)) };
    });
    await page.getByLabel('从相册选择').setInputFiles([
      { name: 'rotated.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(made.rotated, 'base64') },
      { name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(made.big, 'base64') },
      { name: 'cw.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(made.cw, 'base64') },
      { name: 'ccw.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(made.ccw, 'base64') },
    ]);
    await expect.poll(() => page.locator('.photo-cell img').count(), { timeout: 30_000 }).toBe(4);
    const stored = await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((r) => {
        const req = indexedDB.open('duban');
        req.onsuccess = () => r(req.result);
      });
      const all: Array<{ id: string; full: ArrayBuffer }> = await new Promise((r) => {
        const req = db.transaction('photoBlobs').objectStore('photoBlobs').getAll();
        req.onsuccess = () => r(req.result);
      });
      const drafts: Array<{ photos: Array<{ id: string }> }> = await new Promise((r) => {
        const req = db.transaction('drafts').objectStore('drafts').getAll();
        req.onsuccess = () => r(req.result);
      });
      const order = drafts[0]!.photos.map((p) => p.id);
      const out = [];
      for (const id of order) {
        const rec = all.find((x) => x.id === id)!;
        const blob = new Blob([rec.full], { type: 'image/jpeg' });
        const bmp = await createImageBitmap(blob, { imageOrientation: 'none' } as ImageBitmapOptions);
        const c = document.createElement('canvas');
        c.width = bmp.width;
        c.height = bmp.height;
        const g = c.getContext('2d')!;
        g.drawImage(bmp, 0, 0);
        const px = (x: number, y: number) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
        out.push({ width: bmp.width, height: bmp.height, bytes: rec.full.byteLength, top: px(bmp.width / 2, 20), bottom: px(bmp.width / 2, bmp.height * 0.6), middle: px(bmp.width / 2, bmp.height / 3) });
      }
      return out;
    });
    const [rot, big, cw, ccw] = stored;
    // Displayed upright: 300 wide, 400 tall, the stored left (red) half on top.
    expect(rot).toMatchObject({ width: 300, height: 400 });
    expect(rot!.top[0]).toBeGreaterThan(200);
    expect(rot!.top[2]).toBeLessThan(60);
    expect(rot!.bottom[2]).toBeGreaterThan(200);
    expect(rot!.bottom[0]).toBeLessThan(60);
    // 12 MP tagged 6 (90° clockwise): red on top; tagged 8 (90° counter-clockwise): blue on top.
    expect(cw).toMatchObject({ width: 1200, height: 1600 });
    expect(ccw).toMatchObject({ width: 1200, height: 1600 });
    for (const [up, down] of [[cw!.top, cw!.bottom], [ccw!.bottom, ccw!.top]] as const) {
      expect(up[0]).toBeGreaterThan(200);
      expect(up[2]).toBeLessThan(60);
      expect(down[2]).toBeGreaterThan(200);
      expect(down[0]).toBeLessThan(60);
    }
    // 27 MP in, 1600×1200 out, not black.
    expect(big).toMatchObject({ width: 1600, height: 1200 });
    expect(big!.bytes).toBeLessThanOrEqual(400 * 1024);
    expect(Math.max(...big!.middle)).toBeGreaterThan(60);
    const perf = await page.evaluate(() => (performance.getEntriesByName('duban:photo') as PerformanceMeasure[]).map((e) => ({ ms: Math.round(e.duration), decoder: e.detail.decoder as string })));
    console.log('photo pipeline (rotated 400×300, 6000×4500, 4000×3000 tagged 6 and 8):', JSON.stringify(perf));
    // Chromium decodes the large ones at a reduced JPEG scale (ImageDecoder), rotated ones included.
    expect(perf.map((p) => p.decoder)).toEqual(['bitmap', 'scaled', 'scaled', 'scaled']);
    await context.close();
  });

  it('keeps two changes typed in the same tick, on screen and in the autosaved draft', async () => {
    const { context, page } = await openFormOnline(tasks2[3]!.id);
    // Two input events in one task, with no render between them (as a fast IME or an autofill
    // does): each change must build on the other, not on the draft of the last render.
    await page.evaluate(() => {
      for (const [name, value] of [['progress', '主体结构完工'], ['problems', '资金到位偏慢']]) {
        const el = document.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)!;
        el.value = value!;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    const savedFields = () =>
      page.evaluate(async () => {
        const db: IDBDatabase = await new Promise((ok, fail) => {
          const req = indexedDB.open('duban');
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        const drafts: Array<{ fields: { progress: string; problems: string } }> = await new Promise((ok, fail) => {
          const req = db.transaction('drafts').objectStore('drafts').getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        db.close();
        return drafts.map((d) => `${d.fields.progress}|${d.fields.problems}`);
      });
    await expect.poll(savedFields, { timeout: 10_000 }).toEqual(['主体结构完工|资金到位偏慢']);
    expect(await page.getByLabel('进展情况').inputValue()).toBe('主体结构完工');
    expect(await page.getByLabel('存在问题').inputValue()).toBe('资金到位偏慢');
    await context.close();
  });

  it('retries when the worker answers 500 to the second photo twice, completes without a duplicate', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, unitUser2);
    await waitForTaskList(page);
    const seen: string[] = [];
    const attempts = new Map<string, number>();
    await page.route(/\/api\/reports\/[^/]+\/photos\/[^/]+$/, async (route) => {
      const photoId = route.request().url().split('/').pop()!;
      if (!seen.includes(photoId)) seen.push(photoId);
      const n = (attempts.get(photoId) ?? 0) + 1;
      attempts.set(photoId, n);
      // Slow enough to see 上传中 n/3 on the screen.
      await new Promise((r) => setTimeout(r, 300));
      if (seen.indexOf(photoId) === 1 && n <= 2) {
        await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }) });
      } else {
        await route.continue();
      }
    });
    const task = tasks2[0]!;
    await page.goto(`/tasks/${task.id}/report`);
    await page.getByLabel('进展情况').waitFor();
    await fillReport(page, '第二个任务的进展。', photos);
    const id = await submitReport(page);
    await expect.poll(() => page.locator(`.outbox-item[data-report-id="${id}"] .state`).textContent(), { timeout: 15_000, interval: 50 }).toMatch(/上传中 [01]\/3/);
    await screenshot(page, 'field-outbox-uploading');
    await expect.poll(() => page.locator(`.outbox-item[data-report-id="${id}"] .state`).textContent(), { timeout: 15_000 }).toBe('等待重试');
    await screenshot(page, 'field-outbox-retry');
    await expect.poll(() => page.locator(`.outbox-item[data-report-id="${id}"] .state`).textContent(), { timeout: 60_000 }).toBe('已提交');
    expect(attempts.get(seen[1]!)).toBe(3);
    expect(attempts.get(seen[0]!)).toBe(1);
    expect(attempts.get(seen[2]!)).toBe(1);
    const api = await unitApi(unitUser2);
    await waitSubmitted(api, id, 3);
    expect(await reportsOfTask(api, task.id, unitName2)).toHaveLength(1);
    await context.close();
  });

  it('pauses when the session is revoked while offline, and resumes after signing in again', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInReady(page, unitUser2);
    await context.setOffline(true);
    const task = tasks2[1]!;
    await page.goto(`/tasks/${task.id}/report`);
    await page.getByLabel('进展情况').waitFor();
    await fillReport(page, '离线时填写，登录失效后再上传。', photos.slice(0, 1));
    const id = await submitReport(page);

    // The office signs this account out everywhere (a lost phone, say) while the phone is offline.
    const admin = await apiAs('wuzhong-admin');
    const me = await (await unitApi(unitUser2)).get<{ id: string }>('/api/me');
    const revoked = await admin.send('POST', `/api/users/${me.id}/revoke-sessions`);
    expect(revoked.status).toBe(200);

    await context.setOffline(false);
    await page.getByLabel('用户名').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('登录');
    await screenshot(page, 'field-login-resume');
    await page.getByLabel('用户名').fill(unitUser2);
    await page.getByLabel('密码').fill(demoPassword());
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    const api = await unitApi(unitUser2);
    await waitSubmitted(api, id, 1);
    expect(await reportsOfTask(api, task.id, unitName2)).toHaveLength(1);
    await context.close();
  });

  it('keeps a report the server refuses (4xx) as 需处理 with its message, lets the user fix and resend it', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, unitUser2);
    await waitForTaskList(page);
    let refuse = true;
    await page.route(/\/api\/reports\/[^/]+$/, async (route) => {
      if (refuse && route.request().method() === 'PUT') {
        await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'validation', message: '完成进度与状态不符，请核对后重新提交' } }) });
      } else await route.continue();
    });
    const task = tasks2[2]!;
    await page.goto(`/tasks/${task.id}/report`);
    await page.getByLabel('进展情况').waitFor();
    await fillReport(page, '这份报告先被服务器退回。', photos.slice(0, 1));
    const id = await submitReport(page);
    const row = page.locator(`.outbox-item[data-report-id="${id}"]`);
    await expect.poll(() => row.locator('.state').textContent(), { timeout: 20_000 }).toBe('需处理');
    await expect(row.textContent()).resolves.toContain('完成进度与状态不符');
    await screenshot(page, 'field-outbox-needs-action');
    refuse = false;
    await row.getByRole('button', { name: '修改' }).click();
    await page.getByLabel('进展情况').waitFor();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('完成进度与状态不符');
    await expect.poll(() => page.locator('.photo-cell img').count()).toBe(1);
    await page.getByLabel('进展情况').fill('已核对，重新提交。');
    await page.getByRole('button', { name: /^提交/ }).click();
    await page.waitForURL('**/outbox');
    await expect.poll(() => page.locator(`.outbox-item[data-report-id="${id}"] .state`).textContent(), { timeout: 30_000 }).toBe('已提交');
    const api = await unitApi(unitUser2);
    const report = await waitSubmitted(api, id, 1);
    expect(report.progress).toBe('已核对，重新提交。');
    await context.close();
  });

  it('drains 20 queued reports in order, the badge counting down', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInReady(page, unitUser);
    await context.setOffline(true);
    const chosen = tasks.slice(0, 20);
    for (const [n, task] of chosen.entries()) {
      // In-app navigation, as a user taps through: 20 full offline page loads only test the
      // service worker's speed on a busy machine, which the first test already covers.
      await page.evaluate((path) => {
        history.pushState(null, '', path);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, `/tasks/${task.id}/report`);
      await page.getByLabel('进展情况').waitFor();
      await page.getByLabel('进展情况').fill(`第 ${n + 1} 份离线报告`);
      await page.getByRole('button', { name: /^提交/ }).click();
      await page.waitForURL('**/outbox');
    }
    await expect.poll(() => page.locator('.tab-badge').textContent()).toBe('20');
        const queued = await page.locator('.outbox-list').first().locator('.outbox-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-report-id')!));
    expect(queued).toHaveLength(20);
    await screenshot(page, 'field-outbox-20');
    await page.screenshot({ path: 'test-results/screens/field-outbox-20-full.png', fullPage: true });
    // Signing out now would say what is unsent and keep it.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('alertdialog').waitFor();
    await expect(page.getByRole('alertdialog').textContent()).resolves.toContain('20 份报告还没有上传');
    await screenshot(page, 'field-sign-out-warning');
    await page.getByRole('button', { name: '查看待上传' }).click();
    await page.waitForURL('**/outbox');

    const submits: string[] = [];
    page.on('request', (req) => {
      const m = /\/api\/reports\/([^/]+)\/submit$/.exec(new URL(req.url()).pathname);
      if (m && req.method() === 'POST') submits.push(m[1]!);
    });
    // Record every badge value the user sees while the queue drains.
    await page.evaluate(() => {
      const w = window as unknown as { badgeSeen: string[] };
      w.badgeSeen = [];
      const read = () => document.querySelector('.tab-badge')?.textContent ?? '0';
      new MutationObserver(() => {
        const v = read();
        if (w.badgeSeen[w.badgeSeen.length - 1] !== v) w.badgeSeen.push(v);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await context.setOffline(false);
    await expect.poll(() => page.locator('.tab-badge').count(), { timeout: 120_000, interval: 500 }).toBe(0);
    const seen = await page.evaluate(() => (window as unknown as { badgeSeen: string[] }).badgeSeen.map(Number));
    console.log('badge while draining:', seen.join(' '));
    expect(seen[seen.length - 1]).toBe(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeLessThanOrEqual(seen[i - 1]!);
    // Counting down, not jumping from 20 to 0: intermediate values are shown (how many depends
    // on the drain's speed — photos go three at a time — and the badge's 250 ms coalescing).
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect([...new Set(submits)]).toEqual(queued);
    const api = await unitApi();
    for (const id of queued) await waitSubmitted(api, id, 0, 10_000);
    await screenshot(page, 'field-outbox-drained');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '任务' }).click();
    await page.getByRole('button', { name: /已报/ }).click();
    // The 20 drained here and the one sent in the first test: every task of the unit.
    await expect.poll(() => page.getByRole('list', { name: '任务列表' }).getByRole('link').count()).toBe(tasks.length);
    await screenshot(page, 'field-my-tasks-reported');
    // Usable on a desktop browser in the office too.
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'field-my-tasks-desktop');
    await context.close();
  });
});
