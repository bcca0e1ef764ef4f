// docs/PLATFORM.md: the field round in every engine the staff's phones run — Chromium (Android Chrome,
// WeChat's XWeb), Firefox ESR (Gecko) and WebKitGTK (Safari's engine; WeChat on iOS) — through
// one scenario (engines/scenario.ts) over three drivers (engines/driver.ts). Offline is the
// engine's own switch in Chromium and Firefox, and a stopped loopback proxy in WebKit. Then the
// photo pipeline with each fallback forced: same size, same watermark on every path.
// E2E_ENGINES=firefox,webkit picks engines (default: the three above and `wpe`, WPE WebKit 2.38
// through cog: old WebKit, like iOS 15–16.3, where every photo fallback happens for real).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitTasks, type UnitTask } from '../support/server';
import { drivers, waitIn, type EngineName, type FieldDriver } from './engines/driver';
import { attachPhoto, expectWatermarkedPhoto, inspectJpeg, lastStoredPhoto, outboxState, serverReport, signIn, submit, waitServerState } from './engines/scenario';
import { apiAs, baseURL, demoAccounts, demoPassword } from './support';

const ENGINES = (process.env.E2E_ENGINES ?? 'chromium,firefox,webkit,wpe').split(',').filter(Boolean) as EngineName[];

/** One unit per engine, so the engines' reports never meet. */
function unitFor(engine: EngineName) {
  const units = demoAccounts().filter((a) => a.role === 'unit' && a.orgName.includes('吴中'));
  return units[(['chromium', 'firefox', 'webkit', 'wpe'] as const).indexOf(engine) + 2]!;
}

describe.each(ENGINES)('%s', (engine) => {
  let d: FieldDriver;
  let tasks: UnitTask[];
  let user: ReturnType<typeof unitFor>;
  let started = 0;

  beforeAll(async () => {
    started = Date.now();
    user = unitFor(engine);
    const { tasks: all } = await unitTasks(await apiAs(user.username));
    const year = Math.max(...all.map((t) => t.year));
    tasks = all.filter((t) => t.year === year);
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    d = await drivers[engine](baseURL());
  });

  afterAll(async () => {
    await d?.close();
    console.log(`${engine}: ${((Date.now() - started) / 1000).toFixed(1)} s for this engine`);
  });

  it('offline capture with 3 photos, reload offline, back online: one report with 3 photos; one amendment after 退回', async () => {
    const task = tasks[0]!;
    await signIn(d, user.username, demoPassword());
    await d.setOffline(true);
    await d.run((tid, H) => H.click(`a[href="/tasks/${tid}"]`), task.id);
    await waitIn(d, '填报进展', (tid, H) => !!H.q(`a[href="/tasks/${tid}/report"]`), task.id);
    await d.run((tid, H) => H.click(`a[href="/tasks/${tid}/report"]`), task.id);
    await waitIn(d, 'the report form', (_a, H) => !!H.q('#f-progress'));
    const text = `${engine} 离线填报：完成项目立项，正在开展施工图设计。`;
    // One field per call, as a person types: the form re-renders between the two.
    await d.run((t, H) => H.fill('#f-progress', t), text);
    await d.run((_a, H) => H.fill('#f-nextSteps', '下月完成主体结构'));
    for (let i = 0; i < 3; i++) await attachPhoto(d, i);
    const paths = await d.run(() => (performance.getEntriesByName('duban:photo') as PerformanceMeasure[]).map((e) => ({ ms: Math.round(e.duration), ...e.detail })));
    console.log(`${engine}: photos`, JSON.stringify(paths));
    expect(paths).toHaveLength(3);
    await d.screenshot('report-form');

    // The draft survives a reload without network (text and photos from IndexedDB).
    await d.reload();
    await waitIn(d, 'the restored draft', (t, H) => (H.q('#f-progress') as HTMLTextAreaElement | null)?.value === t, text);
    await waitIn(d, '3 restored photos', (_a, H) => H.count('.photo-cell img') === 3);
    const id = await submit(d, task.id);
    const offlineState = await outboxState(d, id);
    expect(offlineState).not.toBe('已提交');
    await d.reload();
    await waitIn(d, 'the queued item after a reload', (rid, H) => !!H.q(`.outbox-item[data-report-id="${rid}"]`), id);
    await d.screenshot('outbox-offline');

    const back = Date.now();
    await d.setOffline(false);
    await waitIn(d, '已提交', async (rid, H) => H.text(`.outbox-item[data-report-id="${rid}"] .state`) === '已提交', id, 120_000);
    console.log(`${engine}: offline state ${offlineState}; drained ${((Date.now() - back) / 1000).toFixed(1)} s after the network came back (${d.offlineBy})`);
    await d.screenshot('outbox-submitted');

    const api = await apiAs(user.username);
    const report = await waitServerState(api, id, 'submitted:3');
    expect(report.progress).toBe(text);
    const mine = (await api.get<{ reports: any[] }>(`/api/tasks/${task.id}/reports`)).reports.filter((r) => r.unitName === user.unitName);
    expect(mine.map((r) => r.id)).toEqual([id]);
    for (const p of report.photos) {
      const res = await fetch(new URL(p.url, baseURL()), { headers: { cookie: api.cookie } });
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expectWatermarkedPhoto(inspectJpeg(new Uint8Array(await res.arrayBuffer())));
    }

    // The 督查室 returns it; the phone learns on its next pull and the unit amends it once.
    const admin = await apiAs('wuzhong-admin');
    const returned = await admin.send('POST', `/api/reports/${id}/review`, { decision: 'returned', comment: '请补充施工图设计进度' });
    expect(returned.status).toBe(200);
    await d.goto(`/tasks/${task.id}`);
    await waitIn(d, '修改后重新报送', async (tid, H) => {
      if (H.text(`a[href="/tasks/${tid}/report"]`) === '修改后重新报送') return true;
      await new Promise((r) => setTimeout(r, 2000));
      if (H.text(`a[href="/tasks/${tid}/report"]`) !== '修改后重新报送') location.reload();
      return false;
    }, task.id, 60_000);
    await d.run((tid, H) => H.click(`a[href="/tasks/${tid}/report"]`), task.id);
    await waitIn(d, 'the returned report in the form', (t, H) => (H.q('#f-progress') as HTMLTextAreaElement | null)?.value === t, text);
    await waitIn(d, 'its 3 photos', (_a, H) => H.count('.photo-cell img') === 3);
    const amended = `${engine} 已补充：施工图设计完成 60%。`;
    await d.run((t, H) => H.fill('#f-progress', t), amended);
    expect(await submit(d, task.id)).toBe(id);
    await waitIn(d, 'the amendment 已提交', (rid, H) => {
      const states = [...document.querySelectorAll(`.outbox-item[data-report-id="${rid}"] .state`)].map((e) => e.textContent);
      return states.length > 0 && states.every((s) => s === '已提交');
    }, id, 60_000);
    const after = await waitServerState(api, id, 'submitted:3');
    expect(after.progress).toBe(amended);
    expect(after.revision).toBeGreaterThan(report.revision);
    expect((await api.get<{ reports: any[] }>(`/api/tasks/${task.id}/reports`)).reports.filter((r) => r.unitName === user.unitName)).toHaveLength(1);
    expect((await serverReport(api, id)).photos).toHaveLength(3);
  });

  it('photo pipeline with each fallback forced: 1600 px, ≤ 400 KB, watermark on every path', async () => {
    const task = tasks[1]!;
    await d.goto(`/tasks/${task.id}/report`);
    await waitIn(d, 'the report form', (_a, H) => !!H.q('#f-progress'));
    const cases: Array<{ hide: string; path: string; encoder: string }> = [
      { hide: '', path: 'worker', encoder: 'canvas' },
      { hide: 'offscreen', path: 'bitmap', encoder: 'canvas' },
      { hide: 'offscreen,resize', path: 'img', encoder: 'canvas' },
      { hide: 'offscreen,resize,jpeg', path: 'img', encoder: 'js' },
    ];
    // Old WebKit has none of the three: every case ends on the last path.
    if (engine === 'wpe') for (const c of cases) Object.assign(c, { path: 'img', encoder: 'js' });
    const seen = [];
    for (const [n, c] of cases.entries()) {
      await d.run((hide) => localStorage.setItem('duban.photo.hide', hide), c.hide);
      await attachPhoto(d, 10 + n);
      const got = await lastStoredPhoto(d);
      seen.push({ hide: c.hide || '-', path: got.path, encoder: got.encoder, ms: got.ms, kb: Math.round(got.photo.bytes / 1024) });
      expect({ path: got.path, encoder: got.encoder }).toEqual({ path: c.path, encoder: c.encoder });
      expectWatermarkedPhoto(got.photo);
    }
    await d.run(() => localStorage.removeItem('duban.photo.hide'));
    console.log(`${engine}: photo paths (3000×2250 source)\n${seen.map((s) => `  hide ${s.hide}: ${s.path}/${s.encoder} ${s.ms} ms ${s.kb} KB`).join('\n')}`);
    await d.screenshot('photo-fallbacks');
  });
});
