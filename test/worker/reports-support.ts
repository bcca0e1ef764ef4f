// Helpers for report, photo, review, sync and due tests: a valid report body and the protocol
// steps as the phone performs them.
import { env } from 'cloudflare:workers';
import type { ReportBodyInput } from '../../shared/schemas/report';
import { sha256 } from './images';
import { call, type Fixture } from './support';

export const uid = () => crypto.randomUUID();

/** 2024-03-20 12:00 China time: March is the current period, due on the 25th. */
export const MARCH_20 = new Date('2024-03-20T04:00:00Z');

export function reportBody(f: Fixture, over: Partial<ReportBodyInput> = {}): ReportBodyInput {
  return {
    taskId: f.items.taskA,
    status: 'on_track',
    percent: 40,
    targetValues: [{ targetId: f.targetA, value: 6200 }],
    progress: '已开工建设学校6所，新增学位6200个。',
    problems: '部分地块拆迁进度偏慢。',
    nextSteps: '加快推进剩余4所学校建设。',
    capturedAt: '2024-03-20T03:55:00.000Z',
    location: { lat: 31.26, lng: 120.63, accuracy: 12 },
    photos: [],
    ...over,
  };
}

export interface StepOptions {
  now?: Date;
  headers?: Record<string, string>;
}

export function putReport(cookie: string, id: string, body: unknown, opts: StepOptions = {}) {
  return call('PUT', `/api/reports/${id}`, { cookie, json: body, now: opts.now ?? MARCH_20, headers: opts.headers });
}

export async function putPhoto(
  cookie: string,
  reportId: string,
  photoId: string,
  bytes: Uint8Array<ArrayBuffer>,
  opts: StepOptions & { type?: string; sha?: string; thumb?: boolean; body?: BodyInit } = {},
) {
  return call('PUT', `/api/reports/${reportId}/photos/${photoId}${opts.thumb ? '/thumb' : ''}`, {
    cookie,
    body: opts.body ?? bytes,
    now: opts.now ?? MARCH_20,
    headers: {
      'content-type': opts.type ?? 'image/jpeg',
      'x-content-sha256': opts.sha ?? (await sha256(bytes)),
      ...opts.headers,
    },
  });
}

export function submit(cookie: string, reportId: string, opts: StepOptions = {}) {
  return call('POST', `/api/reports/${reportId}/submit`, { cookie, now: opts.now ?? MARCH_20 });
}

export function review(cookie: string, reportId: string, decision: 'accepted' | 'returned', comment = '', opts: StepOptions = {}) {
  return call('POST', `/api/reports/${reportId}/review`, { cookie, json: { decision, comment }, now: opts.now ?? MARCH_20 });
}

/** PUT + submit, asserting both worked; returns the report id. */
export async function reportAndSubmit(cookie: string, body: unknown, opts: StepOptions = {}): Promise<string> {
  const id = uid();
  const put = await putReport(cookie, id, body, opts);
  if (put.status !== 200) throw new Error(`PUT ${put.status}: ${await put.text()}`);
  const sub = await submit(cookie, id, opts);
  if (sub.status !== 200) throw new Error(`submit ${sub.status}: ${await sub.text()}`);
  return id;
}

export async function countRows(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql).bind(...params).first<{ n: number }>();
  return row?.n ?? 0;
}

/** R2 objects stored for one report. */
export async function r2Objects(orgId: string, reportId: string): Promise<string[]> {
  const list = await env.PHOTOS.list({ prefix: `reports/${orgId}/${reportId}/` });
  return list.objects.map((o) => o.key).sort();
}
