// Rows for the leader-view tests, written straight into D1 so each test controls submit times,
// states and periods exactly (the reports API would stamp the server clock).
import { env } from 'cloudflare:workers';
import { makeFixture, type Fixture } from './support';

const uid = () => crypto.randomUUID();

export interface ReportSeed {
  itemId: string;
  unitId: string;
  period: string;
  authorId: string;
  status?: 'not_started' | 'on_track' | 'behind' | 'done' | 'blocked';
  state?: 'draft' | 'submitted' | 'returned' | 'accepted';
  percent?: number;
  /** First submission (timeliness); defaults to submittedAt. */
  firstSubmittedAt?: string | null;
  submittedAt?: string | null;
  targetValues?: Array<{ targetId: string; value: number }>;
  progress?: string;
  problems?: string;
  photos?: Array<{ id: string; thumb?: boolean }>;
}

export async function insertReport(f: Fixture, r: ReportSeed): Promise<string> {
  const id = uid();
  const submittedAt = r.submittedAt === undefined ? null : r.submittedAt;
  const first = r.firstSubmittedAt === undefined ? submittedAt : r.firstSubmittedAt;
  const received = first ?? submittedAt ?? '2024-01-01T00:00:00.000Z';
  const db = env.DB;
  await db
    .prepare(
      `INSERT INTO reports (id, org_id, plan_id, item_id, unit_id, period, author_id, state, status, percent,
                            target_values_json, progress, problems, received_at, submitted_at, first_submitted_at,
                            verify_code, body_hash, created_at, updated_at, photos_json)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?14, ?14, ?19)`,
    )
    .bind(
      id,
      f.orgId,
      f.planId,
      r.itemId,
      r.unitId,
      r.period,
      r.authorId,
      r.state ?? (submittedAt ? 'submitted' : 'draft'),
      r.status ?? 'on_track',
      r.percent ?? 0,
      JSON.stringify(r.targetValues ?? []),
      r.progress ?? '按计划推进',
      r.problems ?? '',
      received,
      submittedAt,
      first,
      id.replace(/-/g, '').slice(0, 12).toUpperCase(),
      id,
      JSON.stringify((r.photos ?? []).map((p) => ({ id: p.id }))),
    )
    .run();
  for (const [seq, p] of (r.photos ?? []).entries()) {
    await db
      .prepare(
        `INSERT INTO report_photos (report_id, photo_id, seq, taken_at, r2_key, content_type, size, sha256, received_at, thumb_key, thumb_sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, 'image/jpeg', 1000, ?6, ?4, ?7, ?8)`,
      )
      .bind(id, p.id, seq, received, `photos/${id}/${p.id}`, 'a'.repeat(64), p.thumb === false ? null : `thumbs/${id}/${p.id}`, p.thumb === false ? null : 'b'.repeat(64))
      .run();
  }
  return id;
}

export interface ExtraItem {
  /** Default: a fresh uid. */
  id?: string;
  kind?: 'indicator' | 'task' | 'draft';
  number: string;
  path: string[];
  text: string;
  leads?: string[];
  cos?: string[];
  areas?: string[];
  leaders?: string[];
  deadline?: string | null;
  seq: number;
}

export async function insertItem(f: Fixture, it: ExtraItem): Promise<string> {
  const id = it.id ?? uid();
  const db = env.DB;
  const now = new Date().toISOString();
  await db
    .prepare(
      `INSERT INTO items (id, plan_id, seq, kind, number, path_json, text, deadline, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)`,
    )
    .bind(id, f.planId, it.seq, it.kind ?? 'task', it.number, JSON.stringify(it.path), it.text, it.deadline ?? null, now)
    .run();
  const rows: Array<[string, string, number]> = [
    ...(it.leads ?? []).map((u, i): [string, string, number] => [u, 'lead', i]),
    ...(it.cos ?? []).map((u, i): [string, string, number] => [u, 'co', 10 + i]),
    ...(it.areas ?? []).map((u, i): [string, string, number] => [u, 'area', 20 + i]),
  ];
  for (const [unit, role, seq] of rows) {
    await db
      .prepare('INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, ?4, ?5)')
      .bind(id, unit, f.planId, role, seq)
      .run();
  }
  for (const [seq, leader] of (it.leaders ?? []).entries()) {
    await db.prepare('INSERT INTO item_leaders (item_id, leader_id, plan_id, seq) VALUES (?1, ?2, ?3, ?4)').bind(id, leader, f.planId, seq).run();
  }
  return id;
}

/** A task after the fixture's three items: number seq − 1, path 工作任务分解 › chapter. */
export function insertTask(f: Fixture, seq: number, chapter: string, text: string, more: Partial<ExtraItem> = {}): Promise<string> {
  return insertItem(f, { seq, number: String(seq - 1), path: ['工作任务分解', chapter], text, ...more });
}

export async function insertUnit(f: Fixture, name: string, kind: 'unit' | 'group' = 'unit'): Promise<string> {
  const id = uid();
  await env.DB.prepare('INSERT INTO units (id, org_id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(id, f.orgId, name, kind, new Date().toISOString())
    .run();
  return id;
}

export async function insertLeader(f: Fixture, name: string): Promise<string> {
  const id = uid();
  await env.DB.prepare('INSERT INTO leaders (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(id, f.orgId, name, new Date().toISOString()).run();
  return id;
}

/**
 * Plan (monthly, due on the 25th, 2024):
 *   indicator  lead A                      chapter 经济社会发展主要预期目标
 *   taskA      lead A, co C, leader L      chapter 教育
 *   taskB      lead B                      chapter 交通
 *   taskC      leads B and C, leader L     chapter 教育
 *   taskD      lead 各镇（街道） (a group)   chapter 交通 — nobody can report: unassigned
 *   draft      lead A                      not tracked
 * March 2024 (now = 28 March, past the due day):
 *   indicator·A  first 24 Mar, resubmitted 27 Mar, 正常推进  → on time (first submission) → green 正常
 *   taskA·A      first 27 Mar, 正常推进                        → late → amber 补报
 *   taskA·C      co-unit report                                → not a lead: ignored
 *   taskB·B      nothing                                       → red 逾期未报
 *   taskC·B      24 Mar, 滞后                                   → on time → red 滞后
 *   taskC·C      a draft only                                  → red 逾期未报
 * February: indicator·A 25 Feb 23:59 China (15:59Z) → on time green; taskB·B 26 Feb 00:00 China
 *   (25 Feb 16:00Z) 已完成 → late amber 补报; three missing → red.
 * January: nothing → five red.
 */
export async function scenario() {
  const f = await makeFixture();
  const group = await insertUnit(f, `各镇（街道）${uid().slice(0, 4)}`, 'group');
  const taskC = await insertTask(f, 4, '教育', '推进教育集团化办学，新增集团5个', { leads: [f.units.b, f.units.c], leaders: [f.leaderId] });
  const taskD = await insertTask(f, 5, '交通', '各镇道路整治', { leads: [group] });
  await insertItem(f, { seq: 6, kind: 'draft', number: '1', path: ['草案'], text: '草案事项', leads: [f.units.a] });
  const { a, b, c } = f.units;
  const photoA1 = uid();
  const photoA2 = uid();
  const author = f.users.unitA.id;
  const r = {
    indicatorA: await insertReport(f, { itemId: f.items.indicator, unitId: a, period: '2024-03', authorId: author, status: 'on_track', percent: 30, firstSubmittedAt: '2024-03-24T02:00:00.000Z', submittedAt: '2024-03-27T02:00:00.000Z' }),
    taskAA: await insertReport(f, { itemId: f.items.taskA, unitId: a, period: '2024-03', authorId: author, status: 'on_track', percent: 50, submittedAt: '2024-03-27T02:00:00.000Z', photos: [{ id: photoA1 }, { id: photoA2, thumb: false }] }),
    taskAC: await insertReport(f, { itemId: f.items.taskA, unitId: c, period: '2024-03', authorId: f.users.unitC.id, status: 'done', percent: 100, submittedAt: '2024-03-20T02:00:00.000Z' }),
    taskCB: await insertReport(f, { itemId: taskC, unitId: b, period: '2024-03', authorId: f.users.unitB.id, status: 'behind', percent: 10, problems: '征地拆迁未完成', submittedAt: '2024-03-24T02:00:00.000Z' }),
    taskCCdraft: await insertReport(f, { itemId: taskC, unitId: c, period: '2024-03', authorId: f.users.unitC.id, status: 'on_track', percent: 80, submittedAt: null }),
    febIndicator: await insertReport(f, { itemId: f.items.indicator, unitId: a, period: '2024-02', authorId: author, status: 'on_track', submittedAt: '2024-02-25T15:59:00.000Z' }),
    febTaskB: await insertReport(f, { itemId: f.items.taskB, unitId: b, period: '2024-02', authorId: f.users.unitB.id, status: 'done', percent: 100, submittedAt: '2024-02-25T16:00:00.000Z' }),
  };
  return { f, taskC, taskD, reports: r, photos: { a1: photoA1, a2: photoA2 } };
}

export const MARCH_28 = new Date('2024-03-28T04:00:00.000Z');
export const MARCH_20 = new Date('2024-03-20T04:00:00.000Z');

export { uid };
