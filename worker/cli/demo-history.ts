// A plausible year of history for the demo plan, up to `now`: monthly reports of most tasks with
// a realistic mix (on time, late, missing; 正常推进, 滞后, 存在困难, 已完成), the office's reviews
// (accepted, or returned and amended), photos through the app's real watermark pipeline,
// a co-unit's report under its lead unit, and 批示 with 落实情况 answers. All through the
// worker's routes (demo-client.ts). Deterministic: the same demo on every fresh machine.
import { itemLabel } from '../../shared/labels';
import { formatPeriod, periodOf } from '../../shared/period';
import { verifyUrl } from '../../shared/verify-code';
import type { DemoOp, RunOps } from './demo-client';
import type { DemoPlan } from './demo-plan';
import { renderDemoPhotos, type DemoPhoto, type DemoPhotoJob } from './demo-photos';
import { AMEND_NOTE, ANSWERS, INSTRUCTIONS, pick, reportTexts, RETURN_REASONS, seeded, type Rand } from './demo-texts';

interface Task {
  id: string;
  kind: string;
  number: string;
  text: string;
  leads: Array<{ unitId: string; name: string }>;
  cos: Array<{ unitId: string; name: string }>;
  targets: Array<{ id: string; value: number }>;
}

interface Planned {
  id: string;
  task: Task;
  unit: { unitId: string; name: string };
  userId: string;
  period: string;
  body: Record<string, unknown>;
  capturedAt: Date;
  submitAt: Date;
  photos: Array<{ id: string; job: DemoPhotoJob }>;
  review: { at: Date; decision: 'accepted' } | { at: Date; decision: 'returned'; reason: string; amendAt: Date | null; acceptAt: Date | null } | null;
}

export interface DemoHistorySummary {
  reports: number;
  photos: number;
  photoNote: string | null;
  instructions: number;
}

const MAX_PHOTOS = 30;
const day = (y: number, m: number, d: number, h = 2, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
const addMin = (t: Date, m: number) => new Date(t.getTime() + m * 60_000);

async function loadTasks(db: D1Database, planId: string): Promise<Task[]> {
  const [items, units, targets] = await db.batch<Record<string, unknown>>([
    db.prepare(`SELECT id, kind, number, text FROM items WHERE plan_id = ?1 AND kind IN ('task', 'indicator') ORDER BY seq`).bind(planId),
    db
      .prepare(
        `SELECT iu.item_id, iu.unit_id, iu.role, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id
          WHERE iu.plan_id = ?1 AND u.kind = 'unit' AND iu.role IN ('lead', 'co')
            AND EXISTS (SELECT 1 FROM users a WHERE a.unit_id = iu.unit_id AND a.role = 'unit') ORDER BY iu.seq`,
      )
      .bind(planId),
    db.prepare('SELECT t.id, t.item_id, t.value FROM targets t JOIN items i ON i.id = t.item_id WHERE i.plan_id = ?1 ORDER BY t.seq').bind(planId),
  ]);
  const tasks = new Map<string, Task>();
  for (const r of items!.results) tasks.set(String(r.id), { id: String(r.id), kind: String(r.kind), number: String(r.number), text: String(r.text), leads: [], cos: [], targets: [] });
  for (const r of units!.results) {
    const unit = { unitId: String(r.unit_id), name: String(r.name) };
    tasks.get(String(r.item_id))?.[r.role === 'lead' ? 'leads' : 'cos'].push(unit);
  }
  for (const r of targets!.results) tasks.get(String(r.item_id))?.targets.push({ id: String(r.id), value: Number(r.value) });
  return [...tasks.values()].filter((t) => t.leads.length > 0);
}

async function usersOf(db: D1Database, orgId: string) {
  const { results } = await db.prepare('SELECT id, role, unit_id FROM users WHERE org_id = ?1 ORDER BY created_at, rowid').bind(orgId).all<{ id: string; role: string; unit_id: string | null }>();
  const unitUser = new Map<string, string>();
  for (const u of results) if (u.role === 'unit' && u.unit_id && !unitUser.has(u.unit_id)) unitUser.set(u.unit_id, u.id);
  const admin = results.find((u) => u.role === 'admin')?.id;
  const leader = results.find((u) => u.role === 'leader')?.id;
  if (!admin || !leader) throw new Error('demo seeding: the demo organisation needs its 督查室 and 区领导 accounts first');
  return { unitUser, admin, leader };
}

/** One unit's report of one month, as the rules of the demo decide it (or null: not reported). */
function planReport(r: Rand, o: { task: Task; unit: Task['leads'][number]; userId: string; year: number; month: number; current: number; now: Date; photoOdds: number; note?: string }): Planned | null {
  const { task, year, month, current, now } = o;
  if (r() < (month === current ? 0.12 : 0.05)) return null; // 逾期未报
  const late = r() < 0.1;
  let submitAt = late ? (month === 12 ? day(year + 1, 1, 3) : day(year, month + 1, 2 + Math.floor(r() * 6), 3)) : day(year, month, 15 + Math.floor(r() * 10), 1 + Math.floor(r() * 8));
  if (submitAt > now) submitAt = addMin(now, -90 - Math.floor(r() * 600));
  const roll = r();
  const status = month >= 10 && roll < 0.12 ? 'done' : roll < 0.2 ? 'behind' : roll < 0.25 ? 'blocked' : month <= 2 && roll < 0.35 ? 'not_started' : 'on_track';
  const base = Math.round((month / 12) * 100 + (r() - 0.6) * 12);
  const percent = status === 'done' ? 100 : Math.max(0, Math.min(95, status === 'behind' ? base - 15 : status === 'not_started' ? 0 : base));
  const texts = reportTexts(r, { taskText: task.text, month, percent, status });
  if (o.note) texts.progress += o.note;
  const capturedAt = addMin(submitAt, -40 - Math.floor(r() * 60));
  const location = { lat: 31.2 + r() * 0.12, lng: 120.45 + r() * 0.3, accuracy: 8 + Math.floor(r() * 20) };
  const photos = r() < o.photoOdds ? Array.from({ length: 1 + Math.floor(r() * 2) }, (_, i) => ({ id: crypto.randomUUID(), takenAt: addMin(capturedAt, -20 + i * 3) })) : [];
  const scene = pick(r, ['build', 'build', 'road', 'park', 'meeting'] as const);
  const id = crypto.randomUUID();
  const reviewAt = addMin(submitAt, 60 * 24 * (1 + Math.floor(r() * 4)));
  const returned = r() < 0.07;
  const amendAt = addMin(reviewAt, 60 * 24 * (2 + Math.floor(r() * 3)));
  const review: Planned['review'] =
    reviewAt > now
      ? null
      : returned
        ? { at: reviewAt, decision: 'returned', reason: pick(r, RETURN_REASONS), amendAt: amendAt < now ? amendAt : null, acceptAt: addMin(amendAt, 60 * 24 * 2) < now ? addMin(amendAt, 60 * 24 * 2) : null }
        : r() < 0.9
          ? { at: reviewAt, decision: 'accepted' }
          : null;
  return {
    id,
    task,
    unit: o.unit,
    userId: o.userId,
    period: formatPeriod(year, 'monthly', month),
    capturedAt,
    submitAt,
    review,
    body: {
      taskId: task.id,
      period: formatPeriod(year, 'monthly', month),
      status,
      percent,
      targetValues: task.targets.map((t) => ({ targetId: t.id, value: Math.round((t.value * percent) / 100) })),
      ...texts,
      capturedAt: capturedAt.toISOString(),
      location,
      photos: photos.map((p) => ({ id: p.id, takenAt: p.takenAt.toISOString(), location })),
    },
    photos: photos.map((p, i) => ({
      id: p.id,
      job: { seed: Math.floor(r() * 1e9) + i, scene, wm: { takenAt: p.takenAt.toISOString(), location, taskNumber: itemLabel(task), unitName: o.unit.name, verifyCode: '' } },
    })),
  };
}

export interface DemoWorld {
  plan: DemoPlan;
  tasks: Task[];
  users: Awaited<ReturnType<typeof usersOf>>;
}

/** What the history needs from the database (read while the seeding holds it). */
export async function loadDemoWorld(db: D1Database, plan: DemoPlan): Promise<DemoWorld> {
  return { plan, tasks: await loadTasks(db, plan.planId), users: await usersOf(db, plan.orgId) };
}

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

export async function seedDemoHistory(run: RunOps, world: DemoWorld, now: Date): Promise<DemoHistorySummary> {
  const { plan, tasks } = world;
  const { unitUser, admin, leader } = world.users;
  const r = seeded(plan.year);
  const current = Number(periodOf(now, 'monthly').slice(5));
  const planned: Planned[] = [];
  let photoCount = 0;
  // Every task reports the last two months; one in four has its whole year. Photos on about one
  // report in eight of the last two months (fewer before), at most MAX_PHOTOS: each costs a
  // render in Chromium and the seeding must stay quick.
  tasks.forEach((task, i) => {
    const lead = task.leads[0]!;
    const first = i % 4 === 0 ? 1 : Math.max(1, current - 1);
    for (let m = first; m <= current; m++) {
      const p = planReport(r, { task, unit: lead, userId: unitUser.get(lead.unitId)!, year: plan.year, month: m, current, now, photoOdds: m >= current - 1 ? 0.14 : 0.04 });
      if (p && photoCount + p.photos.length > MAX_PHOTOS) {
        p.photos = [];
        (p.body as { photos: unknown[] }).photos = [];
      }
      if (p) photoCount += p.photos.length;
      if (p) planned.push(p);
    }
  });
  // Two-tier: a co-unit reports first, the lead unit's report consolidates it.
  const shared = tasks.find((t) => t.cos.length > 0 && t.leads.length > 0);
  if (shared) {
    const co = shared.cos[0]!;
    const p = planReport(seeded(7), { task: shared, unit: co, userId: unitUser.get(co.unitId)!, year: plan.year, month: current, current: 0, now, photoOdds: 1 });
    if (p) {
      p.submitAt = addMin(now, -60 * 24 * 4);
      p.capturedAt = addMin(p.submitAt, -45);
      p.review = null;
      planned.push(p);
      const lead = planned.find((q) => q.task === shared && q.unit === shared.leads[0] && q.period === p.period);
      if (lead) {
        (lead.body as { progress: string }).progress += `（已汇总配合单位${co.name}本月报送情况。）`;
        if (lead.submitAt < p.submitAt) lead.submitAt = addMin(p.submitAt, 60 * 26);
        if (lead.submitAt > now) lead.submitAt = addMin(now, -30);
        lead.capturedAt = addMin(lead.submitAt, -45);
        lead.review = null;
      }
    }
  }

  const op = (userId: string, at: Date, method: string, path: string, json?: unknown, extra: Partial<DemoOp> = {}): DemoOp => ({
    userId,
    at: at.toISOString(),
    method,
    path,
    json,
    ...extra,
  });
  // 1. Drafts with their photos declared: the server gives each its 核验码.
  const saved = (await run(planned.map((p) => op(p.userId, addMin(p.capturedAt, 5), 'PUT', `/api/reports/${p.id}`, p.body)))) as Array<{ verifyCode: string }>;
  // The watermark carries the code the server kept and the QR of its page on the local demo site.
  const origin = `http://localhost:${process.env.PORT ?? '8787'}`;
  planned.forEach((p, i) =>
    p.photos.forEach((ph) => {
      ph.job.wm.verifyCode = saved[i]!.verifyCode;
      ph.job.wm.verifyUrl = verifyUrl(origin, saved[i]!.verifyCode);
    }),
  );
  // 2. Upload, submit, review; returned ones amended and sent again. Reports without photos go
  // to the worker while Chromium renders the photos of the others (step 3): two processes, two cores.
  const reportOps = (p: Planned, images: DemoPhoto[] | null): DemoOp[] => {
    const out: DemoOp[] = [];
    const at = addMin(p.capturedAt, 8);
    p.photos.forEach((ph, i) => {
      const img = images?.[i];
      if (!img) return;
      out.push(op(p.userId, at, 'PUT', `/api/reports/${p.id}/photos/${ph.id}`, undefined, { b64: b64(img.full), headers: { 'content-type': 'image/jpeg', 'x-content-sha256': img.sha256 } }));
      out.push(op(p.userId, at, 'PUT', `/api/reports/${p.id}/photos/${ph.id}/thumb`, undefined, { b64: b64(img.thumb), headers: { 'content-type': 'image/jpeg', 'x-content-sha256': img.thumbSha256 } }));
    });
    if (p.photos.length && !images) out.push(op(p.userId, at, 'PUT', `/api/reports/${p.id}`, { ...p.body, photos: [] }));
    out.push(op(p.userId, p.submitAt, 'POST', `/api/reports/${p.id}/submit`));
    const rv = p.review;
    if (!rv) return out;
    if (rv.decision === 'accepted') return [...out, op(admin, rv.at, 'POST', `/api/reports/${p.id}/review`, { decision: 'accepted', comment: '' })];
    out.push(op(admin, rv.at, 'POST', `/api/reports/${p.id}/review`, { decision: 'returned', comment: rv.reason }));
    if (!rv.amendAt) return out;
    const body = p.body as { progress: string; photos: unknown[] };
    out.push(op(p.userId, rv.amendAt, 'PUT', `/api/reports/${p.id}`, { ...p.body, photos: images ? body.photos : [], progress: body.progress + AMEND_NOTE }));
    out.push(op(p.userId, addMin(rv.amendAt, 10), 'POST', `/api/reports/${p.id}/submit`));
    if (rv.acceptAt) out.push(op(admin, rv.acceptAt, 'POST', `/api/reports/${p.id}/review`, { decision: 'accepted', comment: '修改后符合要求' }));
    return out;
  };
  const withPhotos = planned.filter((p) => p.photos.length > 0);
  const jobs = withPhotos.flatMap((p) => p.photos.map((ph) => ph.job));
  // 3. The photos, through the PWA's pipeline in Chromium (or none, said so).
  const [rendered] = await Promise.all([renderDemoPhotos(jobs), run(planned.filter((p) => p.photos.length === 0).flatMap((p) => reportOps(p, [])))]);
  let k = 0;
  const ops: DemoOp[] = withPhotos.flatMap((p) => {
    const images = rendered.photos ? rendered.photos.slice(k, (k += p.photos.length)) : null;
    return reportOps(p, images);
  });
  // 4. 批示 on a few tasks (one on a report that is behind); most answered with 落实情况.
  const behind = planned.filter((p) => p.body.status === 'behind' && p.review?.decision !== 'returned').slice(0, 2);
  const noted = [...behind.map((p) => ({ task: p.task, reportId: p.id as string | null })), ...tasks.filter((_, i) => i % 17 === 5).slice(0, 4).map((t) => ({ task: t, reportId: null }))];
  let instructions = 0;
  for (const [i, n] of noted.entries()) {
    const at = addMin(now, -60 * 24 * (12 - i * 2));
    ops.push(op(leader, at, 'POST', '/api/instructions', { itemId: n.task.id, ...(n.reportId ? { reportId: n.reportId } : {}), text: INSTRUCTIONS[i % INSTRUCTIONS.length] }));
    instructions++;
    // The last one stays unanswered (and unread by the unit): the 新批示 marker is live.
    if (i < noted.length - 1) {
      const answerAt = new Date(Math.min(addMin(at, 60 * 24 * (1 + (i % 3))).getTime(), addMin(now, -60).getTime()));
      ops.push(op(unitUser.get(n.task.leads[0]!.unitId)!, answerAt, 'POST', '/api/instructions/answers', { itemId: n.task.id, text: ANSWERS[i % ANSWERS.length] }));
      instructions++;
    }
  }
  await run(ops);
  return { reports: planned.length, photos: rendered.photos ? jobs.length : 0, photoNote: rendered.photos ? null : rendered.reason, instructions };
}
