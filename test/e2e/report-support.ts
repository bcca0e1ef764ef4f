// Reports made through the API for the e2e tests: camera-like JPEGs drawn in the page, photo
// uploads, and a submitted report that the 督查室 returned with a reason (issue 14 screens).
import { createHash, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiAs, baseURL } from './support';

export async function jpeg(page: Page, width: number, height: number, label: string): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ([w, h, text]) => {
      const c = document.createElement('canvas');
      c.width = w as number;
      c.height = h as number;
      const g = c.getContext('2d')!;
      const grad = g.createLinearGradient(0, 0, 0, h as number);
      grad.addColorStop(0, '#8bb8e8');
      grad.addColorStop(0.6, '#e4ecf2');
      grad.addColorStop(0.61, '#6d8f4f');
      grad.addColorStop(1, '#41602c');
      g.fillStyle = grad;
      g.fillRect(0, 0, w as number, h as number);
      g.fillStyle = '#8a6d4b';
      g.fillRect((w as number) * 0.2, (h as number) * 0.35, (w as number) * 0.45, (h as number) * 0.3);
      g.fillStyle = '#222';
      g.font = `bold ${Math.round((h as number) / 8)}px sans-serif`;
      g.fillText(text as string, (w as number) * 0.22, (h as number) * 0.52);
      const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.85));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let j = 0; j < bytes.length; j += 0x8000) bin += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
      return btoa(bin);
    },
    [width, height, label] as const,
  );
  return Buffer.from(b64, 'base64');
}

export async function upload(cookie: string, path: string, body: Buffer): Promise<void> {
  const res = await fetch(`${baseURL()}${path}`, {
    method: 'PUT',
    headers: { cookie, origin: baseURL(), 'content-type': 'image/jpeg', 'x-content-sha256': createHash('sha256').update(body).digest('hex') },
    body: new Uint8Array(body),
  });
  if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
}

/** A 滞后 report of `period` by `username` with `photos` photos, submitted, and returned by the 督查室 when a reason is given. */
export async function returnedReport(opts: { page: Page; username: string; taskId: string; period: string; photos: number; reason?: string }): Promise<string> {
  const api = await apiAs(opts.username);
  const admin = await apiAs('wuzhong-admin');
  const reportId = randomUUID();
  const photoIds = Array.from({ length: opts.photos }, () => randomUUID());
  const put = await api.send('PUT', `/api/reports/${reportId}`, {
    taskId: opts.taskId,
    period: opts.period,
    status: 'behind',
    percent: 40,
    targetValues: [],
    progress: '本月完成阶段性工作，推进会已召开。',
    problems: '征地拆迁尚未完成',
    nextSteps: '加快推进。',
    capturedAt: new Date().toISOString(),
    photos: photoIds.map((id) => ({ id })),
  });
  if (!put.ok) throw new Error(`PUT report: ${put.status} ${await put.text()}`);
  for (const [i, id] of photoIds.entries()) {
    await upload(api.cookie, `/api/reports/${reportId}/photos/${id}`, await jpeg(opts.page, 1200, 900, `现场 ${i + 1}`));
    await upload(api.cookie, `/api/reports/${reportId}/photos/${id}/thumb`, await jpeg(opts.page, 320, 240, `现场 ${i + 1}`));
  }
  const submit = await api.send('POST', `/api/reports/${reportId}/submit`);
  if (!submit.ok) throw new Error(`submit: ${submit.status}`);
  if (!opts.reason) return reportId;
  const review = await admin.send('POST', `/api/reports/${reportId}/review`, { decision: 'returned', comment: opts.reason });
  if (!review.ok) throw new Error(`review: ${review.status} ${await review.text()}`);
  return reportId;
}
