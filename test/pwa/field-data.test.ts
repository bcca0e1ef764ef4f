// Drafts → outbox, the synced copy (GET /api/sync pages), 我的任务 buckets, sign-out keeping the
// outbox, and reading JPEG headers for the photo pipeline.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Item, PlanSummary } from '../../shared/schemas/plan';
import type { Report } from '../../shared/schemas/report';
import type { SyncResponse } from '../../shared/schemas/sync';
import { itemLabel } from '../../shared/labels';
import { openDubanDB } from '../../pwa/src/db/schema';
import { draftFieldsOf, validateDraft } from '../../pwa/src/outbox/draft-fields';
import { addPhoto, bodyOf, getDraft, newDraft, saveDraft } from '../../pwa/src/outbox/drafts';
import { returnToDraft } from '../../pwa/src/outbox/store';
import { fitWithin, orientedSize, readImageInfo } from '../../pwa/src/photo/image-info';
import { chinaTimeText, watermarkLines } from '../../pwa/src/photo/watermark';
import { clearCachedData, replaceCachedPlan, replaceCachedPlans } from '../../pwa/src/sync/cache';
import { applySyncPage, CURSOR_KEY, pullSync } from '../../pwa/src/sync/pull';
import { badgeOf, myTasks, reportPeriod } from '../../pwa/src/sync/tasks';
import { freshDb, queueReport, USER } from './outbox-fixture';

beforeEach(freshDb);

const UNIT = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER_UNIT = 'aaaaaaaa-0000-4000-8000-000000000002';
const PLAN = 'bbbbbbbb-0000-4000-8000-000000000001';

function plan(over: Partial<PlanSummary> = {}): PlanSummary {
  return {
    id: PLAN, orgId: 'cccccccc-0000-4000-8000-000000000001', title: '2024年主要工作任务分解方案', issuer: '区政府',
    docNumber: '吴政发〔2024〕1号', year: 2024, cycle: 'monthly', dueDay: 25, itemCount: 3, taskCount: 3,
    indicatorCount: 0, draftCount: 0, createdAt: '2024-01-27T00:00:00.000Z', ...over,
  };
}

function item(n: number, over: Partial<Item> = {}): Item {
  return {
    id: `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`, planId: PLAN, seq: n, kind: 'task', number: String(n), label: `任务 ${n}`,
    path: ['二、工作任务分解', '（一）产业'], text: `任务 ${n} 的内容`, deadline: null,
    leadUnits: [{ id: UNIT, name: '发改委' }], coUnits: [], areas: [], leaders: [], targets: [], access: 'full', ...over,
  };
}

function report(it: Item, over: Partial<Report> = {}): Report {
  return {
    id: crypto.randomUUID(), taskId: it.id, planId: PLAN, unitId: UNIT, unitName: '发改委', period: '2024-03',
    authorId: USER, authorName: '张三', state: 'submitted', status: 'on_track', percent: 30, targetValues: [],
    progress: '推进中', problems: '', nextSteps: '', capturedAt: null, receivedAt: '2024-03-10T00:00:00.000Z',
    submittedAt: '2024-03-10T00:00:00.000Z', firstSubmittedAt: '2024-03-10T00:00:00.000Z', updatedAt: '2024-03-10T00:00:00.000Z',
    location: null, verifyCode: 'ABCDEFGH', clockSkewMs: null, flags: [], revision: 1, photos: [], reviews: [], history: [], ...over,
  };
}

function page(over: Partial<SyncResponse> = {}): SyncResponse {
  return {
    cursor: 'c1', hasMore: false, reset: false, serverTime: '2024-03-20T00:00:00.000Z', plans: [], items: [], reports: [],
    instructions: [], removed: { plans: [], items: [], reports: [], instructions: [] }, ...over,
  };
}

describe('drafts and queueing', () => {
  it('validates what the server would refuse, in Chinese', () => {
    const d = newDraft(USER, item(1).id, '2024-03-20T00:00:00.000Z');
    expect(validateDraft(d.fields)).toEqual({ progress: '请填写进展情况' });
    d.fields.progress = '完成选址';
    d.fields.targetValues = { t1: '-3', t2: '', t3: '12.5' };
    expect(validateDraft(d.fields)).toEqual({ 'targetValues.t1': '请填写不小于 0 的数字' });
  });

  it('builds the ReportBody the server expects from a draft', () => {
    const d = newDraft(USER, item(1).id, '2024-03-20T00:00:00.000Z');
    d.fields = { status: 'behind', percent: 40, targetValues: { 'eeeeeeee-0000-4000-8000-000000000001': '5500', x: '' }, progress: ' 进展 ', problems: '', nextSteps: '下月完工', };
    d.location = { lat: 31.2, lng: 120.6, accuracy: 12.4 };
    const body = bodyOf(d, { unitId: UNIT, period: '2024-03', title: { number: '1', text: 't', unitName: '发改委' } }, '2024-03-20T01:00:00.000Z');
    expect(body).toEqual({
      taskId: d.taskId, unitId: UNIT, period: '2024-03', status: 'behind', percent: 40,
      targetValues: [{ targetId: 'eeeeeeee-0000-4000-8000-000000000001', value: 5500 }],
      progress: '进展', problems: '', nextSteps: '下月完工', capturedAt: '2024-03-20T01:00:00.000Z',
      location: { lat: 31.2, lng: 120.6, accuracy: 12 }, photos: [], verifyCode: d.verifyCode,
    });
    // Random, not derived from the report id: two drafts of one task never share it.
    expect(d.verifyCode).not.toBe(newDraft(USER, item(1).id, 'now', d.reportId).verifyCode);
  });

  it('turns a report back into the fields the form holds, and the body it builds from them is the report\'s', () => {
    const r = report(item(1), { status: 'behind', percent: 45, targetValues: [{ targetId: 't1', value: 12.5 }, { targetId: 't2', value: 0 }], progress: '主体完工', problems: '资金缺口', nextSteps: '验收' });
    const fields = draftFieldsOf(r);
    expect(fields).toEqual({ status: 'behind', percent: 45, targetValues: { t1: '12.5', t2: '0' }, progress: '主体完工', problems: '资金缺口', nextSteps: '验收' });
    const body = bodyOf({ ...newDraft(USER, r.taskId, 'now'), fields }, { title: { number: '1', text: 't', unitName: '发改委' } }, 'now');
    expect(body).toMatchObject({ status: r.status, percent: r.percent, targetValues: r.targetValues, progress: r.progress, problems: r.problems, nextSteps: r.nextSteps });
    // A refused outbox item goes back into the form the same way (outbox/store.ts returnToDraft).
    expect(draftFieldsOf(body)).toEqual(fields);
  });

  it('autosaves text without losing photos, and queueing moves the draft to the outbox keyed by its UUID', async () => {
    let d = newDraft(USER, item(1).id, '2024-03-20T00:00:00.000Z');
    await saveDraft(d);
    d = await addPhoto(d, { id: crypto.randomUUID(), takenAt: '2024-03-20T00:00:00.000Z', width: 1, height: 1, size: 1, thumbSize: 1, sha256: 'a', thumbSha256: 'b' }, new ArrayBuffer(1), new ArrayBuffer(1));
    // The form saves its (older) in-memory copy: the photo stays.
    await saveDraft({ ...d, photos: [], fields: { ...d.fields, progress: '写了一半' } });
    const stored = (await getDraft(USER, d.taskId))!;
    expect(stored.photos).toHaveLength(1);
    expect(stored.fields.progress).toBe('写了一半');

    const q = await queueReport(2);
    // The code drawn when the draft was created travels with the report.
    expect(q.verifyCode).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(q.body.verifyCode).toBe(q.verifyCode);
    const db = await openDubanDB();
    expect(await db.get('drafts', `${USER}:${q.taskId}`)).toBeUndefined();
    expect(await db.count('photoBlobs')).toBe(3);
  });

  it('takes a refused item back into the form with its photos and the server message', async () => {
    const q = await queueReport(1);
    const db = await openDubanDB();
    await db.put('outbox', { ...q, state: 'needs_action', lastError: { status: 400, code: 'validation', message: '完成进度不合理', at: 'x' } });
    const d = (await returnToDraft(q.id, '2024-03-21T00:00:00.000Z'))!;
    expect(d.reportId).toBe(q.id);
    expect(d.photos.map((p) => p.id)).toEqual(q.photos.map((p) => p.id));
    expect(d.serverMessage).toBe('完成进度不合理');
    expect(await db.get('outbox', q.id)).toBeUndefined();
    expect(await db.get('photoBlobs', q.photos[0]!.id)).toBeTruthy();
  });
});

describe('the synced copy', () => {
  it('applies pages: reset, upserts, removals, and tasks that stopped being the unit\'s', async () => {
    const a = item(1);
    const b = item(2);
    const ra = report(a);
    const rb = report(b);
    await applySyncPage(page({ reset: true, plans: [plan()], items: [a, b], reports: [ra, rb], instructions: [{ id: crypto.randomUUID(), itemId: b.id, reportId: null, kind: 'instruction', unitName: null, authorName: '区长', text: '抓紧推进', createdAt: '2024-03-01T00:00:00.000Z' }] }), 'now');
    const db = await openDubanDB();
    expect(await db.count('items')).toBe(2);
    expect(await db.get('meta', CURSOR_KEY)).toBe('c1');

    // b becomes title-only for this unit: its reports and 批示 go.
    await applySyncPage(page({ cursor: 'c2', items: [{ ...b, access: 'title', leadUnits: [] }], removed: { plans: [], items: [], reports: [ra.id], instructions: [] } }), 'now');
    expect(await db.count('reports')).toBe(0);
    expect(await db.count('instructions')).toBe(0);
    expect((await db.get('items', b.id))!.access).toBe('title');

    await applySyncPage(page({ cursor: 'c3', removed: { plans: [PLAN], items: [], reports: [], instructions: [] } }), 'now');
    expect(await db.count('plans')).toBe(0);
    expect(await db.count('items')).toBe(0);
    expect(await db.get('meta', CURSOR_KEY)).toBe('c3');
  });

  it('pulls page after page with the stored cursor', async () => {
    const seen: Array<string | undefined> = [];
    const pages = [page({ cursor: 'p1', hasMore: true, reset: true, plans: [plan()] }), page({ cursor: 'p2', items: [item(1)] })];
    await pullSync(async (since) => {
      seen.push(since);
      return pages.shift()!;
    });
    expect(seen).toEqual([undefined, 'p1']);
    await pullSync(async (since) => {
      seen.push(since);
      return page({ cursor: 'p3' });
    });
    expect(seen).toEqual([undefined, 'p1', 'p2']);
  });

  it('a plan fetched by the office screens replaces exactly its own stored items and the plan list', async () => {
    const other = plan({ id: 'bbbbbbbb-0000-4000-8000-000000000002', year: 2023 });
    const kept = item(9, { planId: other.id });
    await applySyncPage(page({ reset: true, plans: [plan(), other], items: [item(1), item(2), kept] }), 'now');
    await replaceCachedPlan(plan({ itemCount: 2 }), [item(2, { text: '改过的内容' }), item(3)]);
    const db = await openDubanDB();
    expect((await db.getAll('items')).map((i) => i.id).sort()).toEqual([item(2).id, item(3).id, kept.id].sort());
    expect((await db.get('items', item(2).id))!.text).toBe('改过的内容');
    expect((await db.get('plans', PLAN))!.itemCount).toBe(2);

    await replaceCachedPlans([other]);
    expect((await db.getAll('plans')).map((p) => p.id)).toEqual([other.id]);
  });

  it('sign-out clears cached task data but never the outbox, its photos or drafts', async () => {
    await applySyncPage(page({ reset: true, plans: [plan()], items: [item(1)] }), 'now');
    const q = await queueReport(1);
    const d = newDraft(USER, item(2).id, 'now');
    await saveDraft(d);
    const db = await openDubanDB();
    await db.put('meta', { granted: true, askedAt: 'x' }, 'storagePersist');
    await clearCachedData();
    expect(await db.count('plans')).toBe(0);
    expect(await db.count('items')).toBe(0);
    expect(await db.get('meta', CURSOR_KEY)).toBeUndefined();
    expect(await db.get('meta', 'storagePersist')).toBeTruthy();
    expect(await db.get('outbox', q.id)).toBeTruthy();
    expect(await db.count('photoBlobs')).toBe(1);
    expect(await db.count('drafts')).toBe(1);
  });
});

describe('我的任务', () => {
  const now = new Date('2024-03-20T04:00:00.000Z');

  it('reports for the period containing today; a closed plan year reports its last period', () => {
    expect(reportPeriod({ year: 2024, cycle: 'monthly' }, now)).toBe('2024-03');
    expect(reportPeriod({ year: 2024, cycle: 'quarterly' }, now)).toBe('2024-Q1');
    expect(reportPeriod({ year: 2023, cycle: 'monthly' }, now)).toBe('2023-12');
    expect(reportPeriod({ year: 2025, cycle: 'half_yearly' }, now)).toBe('2025-H1');
  });

  it('sorts the unit\'s tasks into 待报 / 逾期 / 被退回 / 已报 with a word beside the colour', () => {
    const items = [item(1), item(2), item(3), item(4), item(5, { leadUnits: [{ id: OTHER_UNIT, name: '财政局' }], coUnits: [{ id: UNIT, name: '发改委' }] }), item(6, { leadUnits: [{ id: OTHER_UNIT, name: '财政局' }] }), item(7, { access: 'title' })];
    const reports = [
      report(items[1]!),
      report(items[2]!, { state: 'returned' }),
      report(items[0]!, { period: '2024-02' }),
    ];
    const queued = { taskId: items[3]!.id, state: 'queued', body: { period: '2024-03' } } as never;
    const rows = myTasks({ plans: [plan()], items, reports, outbox: [queued], unitId: UNIT, now });
    const byNumber = Object.fromEntries(rows.map((r) => [r.item.number, r]));
    expect(Object.keys(byNumber).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(byNumber['1']!.bucket).toBe('due');
    expect(badgeOf(byNumber['1']!)).toEqual({ colour: 'amber', text: '本月待报' });
    expect(byNumber['2']!.bucket).toBe('reported');
    expect(badgeOf(byNumber['2']!)).toEqual({ colour: 'green', text: '已报·正常' });
    expect(byNumber['3']!.bucket).toBe('returned');
    expect(badgeOf(byNumber['3']!)).toEqual({ colour: 'amber', text: '被退回' });
    expect(byNumber['4']!.bucket).toBe('reported');
    expect(byNumber['4']!.pending).toBeTruthy();
    expect(byNumber['5']!.role).toBe('co');
    expect(rows[0]!.bucket).toBe('returned');

    const late = myTasks({ plans: [plan()], items, reports, outbox: [], unitId: UNIT, now: new Date('2024-03-26T04:00:00.000Z') });
    const one = late.find((r) => r.item.number === '1')!;
    expect(one.bucket).toBe('overdue');
    expect(badgeOf(one)).toEqual({ colour: 'red', text: '逾期未报' });
  });

  it('shows only the newest plan year the unit has tasks in', () => {
    const old = { ...plan({ id: 'bbbbbbbb-0000-4000-8000-000000000009', year: 2023 }) };
    const rows = myTasks({ plans: [plan(), old], items: [item(1), item(2, { planId: old.id })], reports: [], outbox: [], unitId: UNIT, now });
    expect(rows.map((r) => r.item.number)).toEqual(['1']);
  });
});

describe('photo pipeline helpers', () => {
  function jpegWithExif(width: number, height: number, orientation: number): Uint8Array {
    // SOI, APP1 Exif (big-endian TIFF, one IFD entry 0x0112), SOF0.
    const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
    const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    const sof = [8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, app1.length + 2, ...app1, 0xff, 0xc0, 0, sof.length + 2, ...sof, 0xff, 0xd9]);
  }

  it('reads size and EXIF orientation from a JPEG header and fits the long edge to 1600', () => {
    const info = readImageInfo(jpegWithExif(4000, 3000, 6))!;
    expect(info).toEqual({ width: 4000, height: 3000, orientation: 6 });
    expect(orientedSize(info)).toEqual({ width: 3000, height: 4000 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(readImageInfo(jpegWithExif(640, 480, 1))).toEqual({ width: 640, height: 480, orientation: 1 });
    expect(readImageInfo(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('writes the watermark in China time with the verification code, and says when there is no position', () => {
    expect(chinaTimeText(new Date('2024-03-20T17:05:00.000Z'))).toBe('2024-03-21 01:05');
    const lines = watermarkLines({ takenAt: new Date('2024-03-20T02:00:00.000Z'), location: null, taskNumber: itemLabel({ kind: 'task', number: '12' }), unitName: '发改委', verifyCode: 'ABCD2345' });
    expect(lines).toEqual({ time: '2024-03-20 10:00', lines: ['位置未获取', '任务 12 · 发改委', '核验码 ABCD2345'] });
    // An indicator is labelled as one: 指标 1 never reads as 任务 1 (docs/ARCHITECTURE.md).
    expect(watermarkLines({ takenAt: new Date(), location: null, taskNumber: itemLabel({ kind: 'indicator', number: '1' }), unitName: '发改委', verifyCode: 'y' }).lines[1]).toBe('指标 1 · 发改委');
    const withGps = watermarkLines({ takenAt: new Date(), location: { lat: 31.29876, lng: 120.61234, accuracy: 15 }, taskNumber: '1', unitName: 'x', verifyCode: 'y' });
    expect(withGps.lines[0]).toBe('位置 31.29876°N 120.61234°E（±15米）');
  });
});
