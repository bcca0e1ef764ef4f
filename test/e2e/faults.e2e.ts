// docs/SYNC.md, the fault suite: "never loses a report", tested in real Chromium against the real
// worker bundle in workerd with local D1/R2 (local-worker.ts).
// - 50 reports with photos drain from the real PWA while the worker injects faults
//   (FAULT_RATE 0.1: 5 % of writes answer 500, 5 % drop the connection after the work is done;
//   its own server on its own copy of the seeded state) → 0 lost, 0 duplicated, counted as the
//   admin through the API.
// - The app killed mid-upload (after the server stored a photo, before the phone heard) and
//   reopened on the same profile → completes, no duplicate.
// - Two tabs draining at once → Web Locks let one send; every request goes out once.
// - The phone's clock a day behind → the report is accepted and flagged clock_skew.
// - IndexedDB refuses a photo (QuotaExceededError) → a clear message, the typed text survives.
// - The server refuses a queued report (its task was reassigned meanwhile: 403) → the item stays
//   in the outbox as 需处理 with the server's message.
// The other tests run on this file's own copy of the seeded state (per-file.ts), with 吴江 units.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outboxBadge, signInPage, waitForServiceWorker } from '../support/app';
import { openHarness, queueSpecs, type HarnessWindow } from '../support/harness';
import { reportSlots, signInApi, unitTasks, type Api, type UnitTask } from '../support/server';
import { recordTraffic } from '../support/traffic';
import { startLocalWorker, type LocalWorker } from './local-worker';
import { baseURL, demoAccounts, launchBrowser, launchPersistent, phoneContext } from './support';

let browser: Browser;
let sources: Array<{ name: string; mimeType: string; buffer: Buffer }>;
const dirs: string[] = [];

/** The 吴江 unit account of a unit name (seeded by worker/cli/seed.ts). */
function wujiangUnit(unitName: string): string {
  const a = demoAccounts().find((x) => x.role === 'unit' && x.orgName.includes('吴江') && x.unitName === unitName);
  if (!a) throw new Error(`no 吴江 account for ${unitName}`);
  return a.username;
}

function profileDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'duban-faults-'));
  dirs.push(d);
  return d;
}

interface OutboxRow {
  id: string;
  state: string;
  attempts: number;
  lastError: { status: number; code: string; message: string } | null;
}

/** The outbox as the app stored it (raw IndexedDB, no app code involved). */
function outboxOf(page: Page): Promise<OutboxRow[]> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('duban');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      return await new Promise<OutboxRow[]>((resolve, reject) => {
        const req = db.transaction('outbox').objectStore('outbox').getAll();
        req.onsuccess = () => resolve((req.result as OutboxRow[]).map(({ id, state, attempts, lastError }) => ({ id, state, attempts, lastError })));
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  });
}

async function waitForTaskList(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('list', { name: '任务列表' }).getByRole('link').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

/** Opens the report form of a task and fills the text; photos through the camera input. */
async function fillReport(page: Page, taskId: string, text: string, photos: typeof sources = []): Promise<void> {
  await page.goto(`/tasks/${taskId}/report`);
  await page.getByLabel('进展情况').waitFor();
  await page.getByLabel('进展情况').fill(text);
  await page.getByLabel('下步计划').fill('下月继续推进');
  for (const file of photos) {
    const before = await page.locator('.photo-cell img').count();
    await page.getByLabel('拍照', { exact: true }).setInputFiles(file);
    await expect.poll(() => page.locator('.photo-cell img').count(), { timeout: 30_000 }).toBe(before + 1);
  }
}

/** 提交 on the open form; returns the client UUID of the queued report. */
async function submitReport(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^提交/ }).click();
  await page.waitForURL('**/outbox');
  await page.locator('.outbox-item').first().waitFor();
  return (await page.locator('.outbox-item').last().getAttribute('data-report-id'))!;
}

function stateOf(page: Page, id: string) {
  return page.locator(`.outbox-item[data-report-id="${id}"] .state`).textContent({ timeout: 5_000 }).catch(() => null);
}

/** Which photos and thumbnails of an outbox item the app has recorded as acknowledged. */
function photoProgressOf(page: Page, id: string): Promise<Array<{ id: string; sent: boolean; thumbSent: boolean }>> {
  return page.evaluate(async (itemId) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('duban');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      return await new Promise((resolve, reject) => {
        const req = db.transaction('outbox').objectStore('outbox').get(itemId);
        req.onsuccess = () => resolve(((req.result?.photos ?? []) as Array<{ id: string; sent: boolean; thumbSent: boolean }>).map(({ id, sent, thumbSent }) => ({ id, sent, thumbSent })));
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  }, id);
}

interface ServerReport {
  id: string;
  unitId: string;
  period: string;
  state: string;
  flags: string[];
  progress: string;
  photos: Array<{ id: string; received: boolean; thumbReceived: boolean }>;
}

async function reportsOf(api: Api, taskId: string, unitId: string): Promise<ServerReport[]> {
  const res = await api.get<{ reports: ServerReport[] }>(`/api/tasks/${taskId}/reports`);
  return res.reports.filter((r) => r.unitId === unitId);
}

beforeAll(async () => {
  browser = await launchBrowser();
  // Three camera-like sources (2000×1500 JPEG with sensor noise) made by Chromium.
  const context = await browser.newContext();
  const harness = await openHarness(context, baseURL());
  const b64 = await harness.evaluate(async () => {
    const out: string[] = [];
    for (let seed = 0; seed < 3; seed++) {
      const blob = await (window as unknown as HarnessWindow).harness.makeSourceJpeg({ width: 2000, height: 1500, seed, noise: 16 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out.push(btoa(bin));
    }
    return out;
  });
  sources = b64.map((b, i) => ({ name: `IMG_${2000 + i}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(b, 'base64') }));
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('injected server faults (FAULT_RATE 0.1, own worker)', () => {
  const REPORTS = 50;
  const PHOTOS = 2;
  // Its own copy of the seeded template, served by its own fault-injecting worker.
  const persistTo = `${inject('templateDir')}-faults-${process.pid}`;
  let server: LocalWorker;

  beforeAll(async () => {
    cpSync(inject('templateDir'), persistTo, { recursive: true });
    server = await startLocalWorker({ bundleDir: inject('workerBundle'), persistTo, vars: { FAULT_RATE: '0.1' } });
  });

  afterAll(async () => {
    await server?.stop();
    if (!process.env.KEEP_E2E_STATE) rmSync(persistTo, { recursive: true, force: true });
  });

  it(`drains ${REPORTS} reports with ${PHOTOS} photos each: 0 lost, 0 duplicated`, async () => {
    const username = demoAccounts().find((a) => a.role === 'unit' && a.orgName.includes('吴中') && a.unitName === '发改委')!.username;
    const unit = await signInApi(server.url, username);
    const { me, tasks } = await unitTasks(unit);
    const slots = reportSlots(tasks, REPORTS);
    expect(slots).toHaveLength(REPORTS);

    const context = await phoneContext(browser, { baseURL: server.url });
    const app = await context.newPage();
    await signInPage(app, server.url, username);
    await waitForServiceWorker(app);
    // Queue the reports offline through the app's own draft → outbox code, photos from its pipeline.
    const harness = await openHarness(context, server.url);
    await harness.evaluate((n) => (window as unknown as HarnessWindow).harness.preparePhotos(n), PHOTOS);
    await context.setOffline(true);
    const specs = queueSpecs(me, slots, (i) => `故障注入下的第 ${i + 1} 份报告`);
    const ids = await harness.evaluate(([s, n]) => (window as unknown as HarnessWindow).harness.queueReports(s, n), [specs, PHOTOS] as const);
    await harness.close();
    await app.goto(`${server.url}/outbox`);
    await expect.poll(() => outboxBadge(app)).toBe(REPORTS);

    // On top of the worker's faults, 5 % of writes lose their answer on the way back: the server
    // did the work, the phone sees a reset connection (the worker's own "drop" fault already
    // sent a 200 status line, which the phone takes as done).
    let seed = 20240325;
    const roll = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    let lost = 0;
    await context.route(/\/api\/reports\//, async (route: Route) => {
      if (route.request().method() === 'GET' || roll() >= 0.05) return route.continue();
      lost++;
      await route.fetch().catch(() => null);
      await route.abort('connectionreset');
    });
    const traffic = recordTraffic(context);
    const started = Date.now();
    await context.setOffline(false);
    await expect.poll(() => outboxBadge(app), { timeout: 360_000, interval: 1_000 }).toBe(0);
    traffic.stop();
    const seconds = (Date.now() - started) / 1000;
    const t = traffic.summary();
    console.log(
      `faults: ${REPORTS} reports × ${PHOTOS} photos drained in ${seconds.toFixed(1)} s; ${t.requests} writes ` +
        `(minimum ${REPORTS * (2 + 2 * PHOTOS)}), ${t.http5xx} answered 500, ${t.cut} cut off by the worker after the work, ${lost} answers lost on the way back, ${t.repeats} repeats`,
    );
    // The faults really happened, of every kind.
    expect(t.http5xx).toBeGreaterThan(0);
    expect(t.cut).toBeGreaterThan(0);
    expect(lost).toBeGreaterThan(0);
    const local = await outboxOf(app);
    expect(local.filter((i) => ids.includes(i.id) && i.state !== 'submitted')).toEqual([]);

    // The server, as the 督查室 sees it: exactly one report per (task, period), each one ours,
    // submitted with every photo and thumbnail.
    const admin = await signInApi(server.url, 'wuzhong-admin');
    const byTask = new Map<string, UnitTask>(slots.map((s) => [s.task.id, s.task]));
    const found: ServerReport[] = [];
    for (const taskId of byTask.keys()) found.push(...(await reportsOf(admin, taskId, me.unitId)));
    const expected = new Map(slots.map((s, i) => [ids[i]!, s]));
    expect(found.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const r of found) {
      expect(r.state).toBe('submitted');
      expect(r.period).toBe(expected.get(r.id)!.period);
      expect(r.photos).toHaveLength(PHOTOS);
      expect(r.photos.every((p) => p.received && p.thumbReceived)).toBe(true);
    }
    const keys = found.map((r) => `${expected.get(r.id)!.task.id}|${r.period}`);
    expect(new Set(keys).size).toBe(REPORTS);
    await context.close();
  }, 480_000);
});

describe('the phone misbehaves (shared e2e server)', () => {
  it('killed mid-upload after the server stored a photo, reopened on the same profile: completes, no duplicate', async () => {
    const username = wujiangUnit('区发改委');
    const api = await signInApi(baseURL(), username);
    const { me, tasks } = await unitTasks(api);
    const task = tasks[0]!;
    const dir = profileDir();
    let context: BrowserContext = await launchPersistent(dir);
    let page = context.pages()[0] ?? (await context.newPage());
    await signInPage(page, baseURL(), username);
    await waitForTaskList(page);
    await waitForServiceWorker(page);

    // The second photo's PUT reaches the server (and is stored); the app is killed before it hears.
    let photoPuts = 0;
    let killedPath = '';
    let markKilled!: () => void;
    const killed = new Promise<void>((r) => (markKilled = r));
    await context.route(/\/api\/reports\/[^/]+\/photos\/[^/]+$/, async (route: Route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      photoPuts++;
      if (photoPuts !== 2) return route.continue();
      const res = await route.fetch();
      expect(res.status()).toBe(200);
      killedPath = new URL(route.request().url()).pathname;
      markKilled();
      // Never answered: the context closes under it.
    });
    await fillReport(page, task.id, '上传到一半应用被关闭，重新打开后继续。', sources);
    const id = await submitReport(page);
    await killed;
    await context.close().catch(() => {});

    // Meanwhile the server has the report as a draft with the killed photo stored, not submitted.
    const mid = await api.get<ServerReport>(`/api/reports/${id}`);
    expect(mid.state).toBe('draft');
    const killedPhoto = killedPath.split('/').pop()!;
    expect(mid.photos.find((p) => p.id === killedPhoto)?.received).toBe(true);

    context = await launchPersistent(dir);
    page = context.pages()[0] ?? (await context.newPage());
    // What the app had recorded as acknowledged when it was killed, read on a same-origin page
    // where the app does not run (photos go up to three at a time, so more than one may be open).
    await page.goto('/api/health');
    const progress = await photoProgressOf(page, id);
    expect(progress).toHaveLength(3);
    expect(progress.find((p) => p.id === killedPhoto)?.sent).toBe(false);
    const photoPath = (p: string) => `/api/reports/${id}/photos/${p}`;
    const expectFull = progress.filter((p) => !p.sent).map((p) => photoPath(p.id)).sort();
    const expectThumb = progress.filter((p) => !p.thumbSent).map((p) => `${photoPath(p.id)}/thumb`).sort();

    const traffic = recordTraffic(context);
    await page.goto('/outbox');
    await expect.poll(() => stateOf(page, id), { timeout: 60_000 }).toBe('已提交');
    traffic.stop();
    // After the restart the app re-sent the photo the server already had (answered as a replay)
    // and exactly what it had not heard back about; nothing it had recorded was sent again.
    const sentAfter = (kind: string) => traffic.records.filter((r) => r.kind === kind).map((r) => r.path).sort();
    expect(sentAfter('photo')).toEqual(expectFull);
    expect(sentAfter('thumb')).toEqual(expectThumb);
    expect(sentAfter('photo')).toContain(killedPath);
    expect(traffic.records.every((r) => r.status === 200 && !r.failed)).toBe(true);
    expect(traffic.summary().byKind).toMatchObject({ report: 0, submit: 1 });

    const after = await reportsOf(api, task.id, me.unitId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id, state: 'submitted' });
    expect(after[0]!.photos).toHaveLength(3);
    expect(after[0]!.photos.every((p) => p.received && p.thumbReceived)).toBe(true);
    await context.close();
  });

  it('two tabs draining at once: Web Locks let one tab send, every request goes out once', async () => {
    const username = wujiangUnit('区文体广电和旅游局');
    const api = await signInApi(baseURL(), username);
    const { me, tasks } = await unitTasks(api);
    const slots = reportSlots(tasks, 5);
    const context = await phoneContext(browser);
    const tabA = await context.newPage();
    await signInPage(tabA, baseURL(), username);
    await waitForServiceWorker(tabA);
    const harness = await openHarness(context, baseURL());
    await harness.evaluate(() => (window as unknown as HarnessWindow).harness.preparePhotos(2));
    await context.setOffline(true);
    const ids = await harness.evaluate(
      ([s]) => (window as unknown as HarnessWindow).harness.queueReports(s, 2),
      [slots.map((s, i) => ({ userId: me.id, unitId: me.unitId, unitName: me.unitName, taskId: s.task.id, taskNumber: s.task.number, taskText: s.task.text.slice(0, 40), period: s.period, progress: `两个标签页同时上传 ${i + 1}` }))] as const,
    );
    await harness.close();
    await tabA.goto('/outbox');
    const tabB = await context.newPage();
    await tabB.goto('/outbox');
    for (const tab of [tabA, tabB]) await expect.poll(() => outboxBadge(tab)).toBe(ids.length);

    const traffic = recordTraffic(context);
    // Watch the lock from tab A: while one tab drains, the other tab's request waits.
    const sawWaiter = tabA.evaluate(async () => {
      const until = Date.now() + 20_000;
      while (Date.now() < until) {
        const q = await navigator.locks.query();
        const held = (q.held ?? []).filter((l) => l.name === 'duban-outbox').length;
        const pending = (q.pending ?? []).filter((l) => l.name === 'duban-outbox').length;
        if (held === 1 && pending >= 1) return true;
        await new Promise((r) => setTimeout(r, 10));
      }
      return false;
    });
    await context.setOffline(false);
    for (const tab of [tabA, tabB]) await expect.poll(() => outboxBadge(tab), { timeout: 60_000 }).toBe(0);
    traffic.stop();
    expect(await sawWaiter).toBe(true);
    const t = traffic.summary();
    expect(t.repeats).toBe(0);
    expect(t.byKind).toEqual({ report: 5, photo: 10, thumb: 10, submit: 5 });
    for (const [i, s] of slots.entries()) {
      const found = (await reportsOf(api, s.task.id, me.unitId)).filter((r) => r.period === s.period);
      expect(found.map((r) => r.id)).toEqual([ids[i]]);
      expect(found[0]!.state).toBe('submitted');
    }
    await context.close();
  });

  it('phone clock a day behind: the report is accepted and flagged clock_skew', async () => {
    const username = wujiangUnit('生态环境局');
    const api = await signInApi(baseURL(), username);
    const { me, tasks } = await unitTasks(api);
    const task = tasks[0]!;
    const context = await phoneContext(browser);
    // Every Date in the page (new Date(), Date.now()) runs 24 h behind the server's clock.
    await context.addInitScript(() => {
      const OFFSET = -24 * 3600 * 1000;
      const RealDate = Date;
      class PhoneDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(RealDate.now() + OFFSET);
          else super(...(args as [string]));
        }
        static override now() {
          return RealDate.now() + OFFSET;
        }
      }
      (globalThis as { Date: DateConstructor }).Date = PhoneDate as DateConstructor;
    });
    const page = await context.newPage();
    await signInPage(page, baseURL(), username);
    await waitForTaskList(page);
    expect(await page.evaluate(() => Math.round((Date.now() - performance.timeOrigin - performance.now()) / 3600_000))).toBe(-24);
    await fillReport(page, task.id, '手机时间比服务器慢一天。', sources.slice(0, 1));
    const id = await submitReport(page);
    await expect.poll(() => stateOf(page, id), { timeout: 60_000 }).toBe('已提交');
    const report = await api.get<ServerReport & { capturedAt: string; receivedAt: string }>(`/api/reports/${id}`);
    expect(report.state).toBe('submitted');
    expect(report.flags).toContain('clock_skew');
    const behind = Date.parse(report.receivedAt) - Date.parse(report.capturedAt);
    expect(behind).toBeGreaterThan(23 * 3600_000);
    expect(await reportsOf(api, task.id, me.unitId)).toHaveLength(1);
    await context.close();
  });

  it('storage full when saving a photo: a clear message, the typed text is kept', async () => {
    const username = wujiangUnit('区工信局');
    const api = await signInApi(baseURL(), username);
    const { me, tasks } = await unitTasks(api);
    const task = tasks[0]!;
    const context = await phoneContext(browser);
    // IndexedDB refuses photo bytes as a full disk does, until the test says there is room again.
    await context.addInitScript(() => {
      const w = window as unknown as { storageFull: boolean };
      try {
        w.storageFull = sessionStorage.getItem('storageFull') !== 'no';
      } catch {
        w.storageFull = true; // about:blank and other opaque origins have no sessionStorage
      }
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.storageFull && this.name === 'photoBlobs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    await signInPage(page, baseURL(), username);
    await waitForTaskList(page);
    const text = '存储空间不足时，已填写的文字不能丢。';
    await fillReport(page, task.id, text);
    await page.getByLabel('拍照', { exact: true }).setInputFiles(sources[0]!);
    const alert = page.locator('.form-error, [role="alert"]').filter({ hasText: '存储空间不足' });
    await alert.first().waitFor({ timeout: 30_000 });
    expect(await alert.first().textContent()).toContain('已填写的文字都已保留');
    expect(await page.getByLabel('进展情况').inputValue()).toBe(text);
    expect(await page.locator('.photo-cell img').count()).toBe(0);
    // The text really is saved: a reload brings it back.
    await page.reload();
    await page.getByLabel('进展情况').waitFor();
    await expect.poll(() => page.getByLabel('进展情况').inputValue()).toBe(text);
    // Room again: the photo goes in and the report reaches the server with the text.
    await page.evaluate(() => {
      sessionStorage.setItem('storageFull', 'no');
      (window as unknown as { storageFull: boolean }).storageFull = false;
    });
    await page.getByLabel('拍照', { exact: true }).setInputFiles(sources[0]!);
    await expect.poll(() => page.locator('.photo-cell img').count(), { timeout: 30_000 }).toBe(1);
    const id = await submitReport(page);
    await expect.poll(() => stateOf(page, id), { timeout: 60_000 }).toBe('已提交');
    const [report] = await reportsOf(api, task.id, me.unitId);
    expect(report).toMatchObject({ id, state: 'submitted', progress: text });
    await context.close();
  });

  it('server refuses a queued report (task reassigned meanwhile): stays in the outbox as 需处理 with the message', async () => {
    const username = wujiangUnit('工信局');
    const api = await signInApi(baseURL(), username);
    const { me } = await unitTasks(api);
    const admin = await signInApi(baseURL(), 'wujiang-admin');
    // A task where the unit is a cooperating unit, so the office can take it off the task.
    const { plans } = await admin.get<{ plans: Array<{ id: string }> }>('/api/plans');
    type PlanItem = { id: string; kind: string; leadUnits: Array<{ id: string }>; coUnits: Array<{ id: string }> };
    let item: PlanItem | undefined;
    for (const p of plans) {
      const { items } = await admin.get<{ items: PlanItem[] }>(`/api/plans/${p.id}/tasks`);
      item = items.find((i) => i.kind === 'task' && i.coUnits.some((u) => u.id === me.unitId) && !i.leadUnits.some((u) => u.id === me.unitId));
      if (item) break;
    }
    expect(item).toBeTruthy();
    const coUnitIds = item!.coUnits.map((u) => u.id);

    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInPage(page, baseURL(), username);
    await waitForTaskList(page);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await fillReport(page, item!.id, '离线填写，上传前任务已调整。', sources.slice(0, 1));
    const id = await submitReport(page);
    await expect.poll(() => stateOf(page, id)).toBe('等待网络');

    const patch = await admin.send('PATCH', `/api/tasks/${item!.id}`, { coUnitIds: coUnitIds.filter((u) => u !== me.unitId) });
    expect(patch.status).toBe(200);
    try {
      await context.setOffline(false);
      await expect.poll(() => stateOf(page, id), { timeout: 60_000 }).toBe('需处理');
      const row = page.locator(`.outbox-item[data-report-id="${id}"]`);
      const [stored] = (await outboxOf(page)).filter((i) => i.id === id);
      expect(stored!.state).toBe('needs_action');
      expect(stored!.lastError!.status).toBe(403);
      expect(stored!.lastError!.message).toContain('本单位不承担该任务');
      await expect(row.textContent()).resolves.toContain(stored!.lastError!.message);
      // Still there after a reload, photo and all; nothing reached the server.
      await page.reload();
      await expect.poll(() => stateOf(page, id), { timeout: 20_000 }).toBe('需处理');
      expect(await outboxBadge(page)).toBe(1);
      const res = await admin.send('GET', `/api/reports/${id}`);
      expect(res.status).toBe(404);
    } finally {
      await admin.send('PATCH', `/api/tasks/${item!.id}`, { coUnitIds });
      await context.close();
    }
  });
});
