// docs/PERMISSIONS.md, evidence anyone can verify, in real Chromium against the real worker: a unit captures
// a photo through the app; the photo the 督查室 downloads from the server carries a QR code that a
// decoder (jsQR) reads back from the 1600 px JPEG; that URL opens the verification page without a
// session, which shows only what the photo proves; the forwarded file says 与服务器原件一致,
// a re-encoded or a cropped copy says 不一致. Screenshots: test-results/screens/verify-*.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitTasks } from '../support/server';
import { apiAs, baseURL, demoAccounts, launchBrowser, phoneContext, screenshot, signIn } from './support';

const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const PROGRESS = '核验测试：完成桩基施工，进入主体结构阶段。';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A camera-like 4000×3000 JPEG made by Chromium. */
async function sourcePhoto(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 4000;
    c.height = 3000;
    const g = c.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, 3000);
    sky.addColorStop(0, '#7fb2e5');
    sky.addColorStop(1, '#3d5a2a');
    g.fillStyle = sky;
    g.fillRect(0, 0, 4000, 3000);
    for (let k = 0; k < 300; k++) {
      g.fillStyle = `hsl(${(k * 47) % 360},50%,${30 + (k % 40)}%)`;
      g.fillRect((k * 997) % 4000, 1200 + ((k * 613) % 1800), 40 + (k % 200), 30 + (k % 90));
    }
    const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let j = 0; j < bytes.length; j += 0x8000) bin += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
    return btoa(bin);
  });
  return Buffer.from(b64, 'base64');
}

/** Decodes a JPEG in the page and scans the whole image with jsQR; also makes the altered copies. */
async function inspect(page: Page, jpeg: Buffer) {
  await page.addScriptTag({ path: JSQR });
  return page.evaluate(async (b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const img = g.getImageData(0, 0, bmp.width, bmp.height);
    const jsQR = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    const qr = jsQR(img.data, img.width, img.height)?.data ?? null;
    const toB64 = async (blob: Blob) => {
      const u = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let j = 0; j < u.length; j += 0x8000) s += String.fromCharCode(...u.subarray(j, j + 0x8000));
      return btoa(s);
    };
    // What a chat app does to a forwarded photo: decode and encode again, or crop the band off.
    const reencoded = await toB64(await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 }));
    const crop = new OffscreenCanvas(bmp.width - 40, bmp.height - 40);
    crop.getContext('2d')!.drawImage(bmp, -20, -20);
    const cropped = await toB64(await crop.convertToBlob({ type: 'image/jpeg', quality: 0.92 }));
    return { width: bmp.width, height: bmp.height, qr, reencoded, cropped };
  }, jpeg.toString('base64'));
}

describe('verification page', () => {
  it('a photo downloaded from the server verifies by its QR and hash; altered copies do not', async () => {
    const unit = demoAccounts().find((a) => a.role === 'unit' && a.unitName === '发改委' && a.orgName.includes('吴中'))!;
    const admin = demoAccounts().find((a) => a.role === 'admin' && a.orgName.includes('吴中'))!;
    const { tasks } = await unitTasks(await apiAs(unit.username));
    const year = Math.max(...tasks.map((t) => t.year));
    const task = tasks.filter((t) => t.year === year)[3]!;

    // 1. The unit captures one photo through the app and sends the report.
    const phone = await phoneContext(browser);
    const page = await phone.newPage();
    await signIn(page, unit.username);
    // The form reads the task from the phone's copy: wait until the first sync filled it.
    await expect.poll(() => page.getByRole('list', { name: '任务列表' }).getByRole('link').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.goto(`/tasks/${task.id}/report`);
    await page.getByLabel('进展情况').fill(PROGRESS);
    await page.getByLabel('拍照', { exact: true }).setInputFiles({ name: 'IMG_2001.jpg', mimeType: 'image/jpeg', buffer: await sourcePhoto(page) });
    await expect.poll(() => page.locator('.photo-cell img').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: /^提交/ }).click();
    await page.waitForURL('**/outbox');
    const id = (await page.locator('.outbox-item').last().getAttribute('data-report-id'))!;
    await expect.poll(() => page.locator(`.outbox-item[data-report-id="${id}"] .state`).textContent(), { timeout: 60_000 }).toBe('已提交');

    // 2. The 督查室 downloads the photo from the server and forwards it as a file.
    const office = await apiAs(admin.username);
    const report = await office.get<{ verifyCode: string; photos: Array<{ url: string; sha256: string }> }>(`/api/reports/${id}`);
    expect(report.verifyCode).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    const res = await fetch(new URL(report.photos[0]!.url, baseURL()), { headers: { cookie: office.cookie } });
    const forwarded = Buffer.from(await res.arrayBuffer());
    expect(forwarded.length).toBeLessThanOrEqual(400 * 1024);
    mkdirSync('test-results/screens', { recursive: true });
    writeFileSync('test-results/screens/verify-photo.jpg', forwarded);

    // 3. Anyone who receives it, without an account: the QR code leads to the page.
    const stranger = await phoneContext(browser);
    const anon = await stranger.newPage();
    // (The decoder runs in a blank page of its own: the app's CSP rightly refuses injected scripts.)
    const lab = await browser.newPage();
    const seen = await inspect(lab, forwarded);
    await lab.close();
    expect({ width: seen.width, height: seen.height }).toEqual({ width: 1600, height: 1200 });
    expect(seen.qr).toBe(`${new URL(baseURL()).origin}/v/${report.verifyCode}`);
    await anon.goto(seen.qr!);
    const evidence = anon.getByTestId('verify-evidence');
    await evidence.waitFor({ timeout: 20_000 });
    const shown = (await evidence.textContent())!;
    expect(shown).toContain('发改委');
    expect(shown).toMatch(new RegExp(`(任务|指标) ${task.number}`));
    expect(shown).toContain('已报送，待审核');
    expect(await anon.locator('body').textContent()).not.toContain('核验测试');
    expect(await anon.getByRole('link', { name: '查看报告' }).count()).toBe(0);
    await expect.poll(() => anon.locator('.verify-photo img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    const check = async (name: string, buffer: Buffer) => {
      await anon.getByTestId('verify-file').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
      await expect.poll(() => anon.getByTestId('verify-result').textContent()).toContain(name);
      return (await anon.getByTestId('verify-result').textContent())!;
    };
    expect(await check('forwarded.jpg', forwarded)).toContain('与服务器原件一致');
    await screenshot(anon, 'verify-match');
    expect(await check('reencoded.jpg', Buffer.from(seen.reencoded, 'base64'))).toContain('不一致');
    expect(await check('cropped.jpg', Buffer.from(seen.cropped, 'base64'))).toContain('不一致');
    await screenshot(anon, 'verify-mismatch');

    // 4. Signed in as someone who may read the report: a link to it.
    await anon.goto('/');
    await signIn(anon, admin.username);
    await anon.goto(`/v/${report.verifyCode}`);
    await anon.getByRole('link', { name: '查看报告' }).waitFor({ timeout: 20_000 });
    await screenshot(anon, 'verify-signed-in');

    // 5. The admin turns the anonymous page off in 我的: a stranger now gets the same 404 as for
    //    an unknown code; typing the code in the app (我的 → 核验照片) still works for the admin.
    await anon.goto('/me');
    const publicSwitch = anon.getByRole('switch', { name: '允许任何人凭照片核验码查看核验页' });
    await expect.poll(() => publicSwitch.isChecked(), { timeout: 20_000 }).toBe(true);
    await screenshot(anon, 'verify-me-admin');
    await publicSwitch.click();
    await expect.poll(() => publicSwitch.isChecked()).toBe(false);
    const stranger2 = await phoneContext(browser);
    const anon2 = await stranger2.newPage();
    await anon2.goto(`/v/${report.verifyCode}`);
    await expect.poll(() => anon2.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('未找到该核验码');
    await anon.getByRole('link', { name: '核验照片' }).click();
    await anon.getByLabel(/核验码/).fill(report.verifyCode.toLowerCase());
    await anon.getByRole('button', { name: '核验', exact: true }).click();
    await anon.getByTestId('verify-evidence').waitFor({ timeout: 20_000 });
    await stranger2.close();
    await phone.close();
    await stranger.close();
  });
});
