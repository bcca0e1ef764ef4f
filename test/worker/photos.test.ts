import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../shared/labels';
import { PhotoUploadResult, Report } from '../../shared/schemas/report';
import { isPixelFlood, readImageInfo, sniffPhotoType } from '../../worker/src/lib/image';
import { jpeg, REAL_JPEG, REAL_PNG, REAL_WEBP, sha256, simpleWebp, webp } from './images';
import { countRows, MARCH_20, putPhoto, putReport, r2Objects, reportBody, submit, uid } from './reports-support';
import { call, json, makeFixture, type Fixture } from './support';

/** A draft of unit A with `n` declared photos. */
async function draftWithPhotos(f: Fixture, n: number, takenAt?: string) {
  const id = uid();
  const photoIds = Array.from({ length: n }, () => uid());
  const res = await putReport(f.users.unitA.cookie, id, reportBody(f, { photos: photoIds.map((p) => ({ id: p, ...(takenAt ? { takenAt } : {}) })) }));
  expect(res.status).toBe(200);
  return { id, photoIds };
}

const photoRow = (reportId: string, photoId: string) =>
  env.DB.prepare('SELECT * FROM report_photos WHERE report_id = ?1 AND photo_id = ?2').bind(reportId, photoId).first<Record<string, unknown>>();

describe('image headers', () => {
  it('reads type and size from real JPEG and WebP files', () => {
    expect(readImageInfo(REAL_JPEG)).toEqual({ type: 'image/jpeg', width: 16, height: 16 });
    expect(readImageInfo(REAL_WEBP)).toEqual({ type: 'image/webp', width: 16, height: 16 });
    expect(readImageInfo(jpeg({ width: 4032, height: 3024 }))).toEqual({ type: 'image/jpeg', width: 4032, height: 3024 });
    expect(readImageInfo(webp({ width: 3000, height: 4000 }))).toEqual({ type: 'image/webp', width: 3000, height: 4000 });
    expect(readImageInfo(simpleWebp('VP8 ', 640, 480))).toEqual({ type: 'image/webp', width: 640, height: 480 });
    expect(readImageInfo(simpleWebp('VP8L', 1024, 768))).toEqual({ type: 'image/webp', width: 1024, height: 768 });
  });

  it('refuses what is not a JPEG or WebP, and truncated headers', () => {
    expect(sniffPhotoType(REAL_PNG)).toBeNull();
    expect(readImageInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(readImageInfo(REAL_JPEG.slice(0, 100))).toBeNull();
    expect(readImageInfo(REAL_WEBP.slice(0, 20))).toBeNull();
  });

  it('calls more than 40 megapixels (or a side over 20 000) a pixel flood', () => {
    expect(isPixelFlood({ width: 8000, height: 6000 })).toBe(true);
    expect(isPixelFlood({ width: 7000, height: 5000 })).toBe(false);
    expect(isPixelFlood({ width: 30000, height: 10 })).toBe(true);
  });
});

describe('PUT /api/reports/:id/photos/:photoId', () => {
  it('stores each photo once however often the steps are replayed, then serves it', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 2, '2024-03-20T03:50:00Z');
    const [p1, p2] = photoIds as [string, string];
    const one = jpeg({ width: 4032, height: 3024 });
    const two = webp({ width: 1600, height: 1200 });
    const thumb = jpeg({ width: 320, height: 240 });
    const results = [];
    for (let round = 0; round < 2; round++) {
      results.push(await json(await putPhoto(f.users.unitA.cookie, id, p1, one, { headers: { 'x-client-time': MARCH_20.toISOString() } })));
      results.push(await json(await putPhoto(f.users.unitA.cookie, id, p2, two, { type: 'image/webp' })));
      results.push(await json(await putPhoto(f.users.unitA.cookie, id, p1, thumb, { thumb: true })));
      expect((await submit(f.users.unitA.cookie, id)).status).toBe(200);
    }
    expect(results.slice(3)).toEqual(results.slice(0, 3));
    expect(PhotoUploadResult.parse(results[0])).toMatchObject({
      reportId: id,
      photoId: p1,
      kind: 'photo',
      contentType: 'image/jpeg',
      size: one.length,
      sha256: await sha256(one),
      width: 4032,
      height: 3024,
      receivedAt: MARCH_20.toISOString(),
    });
    expect(results[1]).toMatchObject({ contentType: 'image/webp', width: 1600, height: 1200 });
    expect(results[2]).toMatchObject({ kind: 'thumb', width: 320, height: 240 });

    expect(await countRows('SELECT COUNT(*) AS n FROM reports WHERE id = ?1', id)).toBe(1);
    expect(await countRows('SELECT COUNT(*) AS n FROM report_photos WHERE report_id = ?1', id)).toBe(2);
    const keys = await r2Objects(f.orgId, id);
    expect(keys).toHaveLength(3);
    for (const k of keys) expect(k).toMatch(new RegExp(`^reports/${f.orgId}/${id}/(${p1}|${p2})/[0-9a-f]{64}(\\.thumb)?$`));

    const report = Report.parse(await json(await call('GET', `/api/reports/${id}`, { cookie: f.users.leader.cookie })));
    expect(report.state).toBe('submitted');
    expect(report.photos.map((p) => [p.id, p.received, p.thumbReceived, p.takenAt])).toEqual([
      [p1, true, true, '2024-03-20T03:50:00.000Z'],
      [p2, true, false, '2024-03-20T03:50:00.000Z'],
    ]);

    const get = await call('GET', report.photos[0]!.url!, { cookie: f.users.unitC.cookie });
    expect(get.status).toBe(200);
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(one);
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    expect(get.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(get.headers.get('etag')).toBe(`"${await sha256(one)}"`);
    const cached = await call('GET', report.photos[0]!.url!, { cookie: f.users.unitC.cookie, headers: { 'if-none-match': `"${await sha256(one)}"` } });
    expect(cached.status).toBe(304);
    const t = await call('GET', report.photos[0]!.thumbUrl!, { cookie: f.users.admin.cookie });
    expect(new Uint8Array(await t.arrayBuffer())).toEqual(thumb);
    expect((await call('GET', `/api/reports/${id}/photos/${p2}/thumb`, { cookie: f.users.admin.cookie })).status).toBe(404);
  });

  it('refuses a wrong checksum, storing nothing; the retry completes', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    const bytes = jpeg();
    const wrong = await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, bytes, { sha: await sha256(jpeg()) });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error.code).toBe('checksum_mismatch');
    expect(await r2Objects(f.orgId, id)).toEqual([]);
    expect((await photoRow(id, photoIds[0]!))!.sha256).toBeNull();
    const missingHeader = await call('PUT', `/api/reports/${id}/photos/${photoIds[0]}`, { cookie: f.users.unitA.cookie, body: bytes, headers: { 'content-type': 'image/jpeg' } });
    expect(missingHeader.status).toBe(400);
    expect((await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, bytes)).status).toBe(200);
    expect(await r2Objects(f.orgId, id)).toHaveLength(1);
  });

  it('survives an upload cut off midway: an error, nothing half-stored, and the retry completes', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 2);
    const [p1, p2] = photoIds as [string, string];
    const bytes = jpeg({ size: 300_000 });
    // The connection breaks: the body stream errors after some bytes.
    const broken = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(bytes.slice(0, 65536));
        c.error(new Error('connection reset'));
      },
    });
    const cut = await putPhoto(f.users.unitA.cookie, id, p1, bytes, { body: broken });
    expect(cut.status).toBe(400);
    expect((await json(cut)).error).toMatchObject({ code: 'checksum_mismatch', message: '上传中断，请重试' });
    // The body simply ends early: the checksum of the whole photo no longer matches.
    const short = await putPhoto(f.users.unitA.cookie, id, p2, bytes.slice(0, 150_000), { sha: await sha256(bytes) });
    expect(short.status).toBe(400);
    expect((await json(short)).error).toMatchObject({ code: 'checksum_mismatch', details: { size: 150_000 } });
    expect(await r2Objects(f.orgId, id)).toEqual([]);
    expect((await json(await submit(f.users.unitA.cookie, id))).error.details.missing).toEqual([p1, p2]);

    expect((await putPhoto(f.users.unitA.cookie, id, p1, bytes)).status).toBe(200);
    expect((await putPhoto(f.users.unitA.cookie, id, p2, bytes)).status).toBe(200);
    expect((await submit(f.users.unitA.cookie, id)).status).toBe(200);
  });

  it('stops reading an oversize body as soon as it passes 10 MB, whatever Content-Length says', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    const head = jpeg();
    const chunk = 1024 * 1024;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(pulled === 1 ? head : new Uint8Array(chunk));
        if (pulled > 40) c.close();
      },
    });
    const res = await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, head, { body: endless });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('payload_too_large');
    expect(pulled).toBeLessThanOrEqual(13);

    const exact = jpeg({ size: MAX_PHOTO_BYTES + 1 });
    const declared = await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, exact);
    expect(declared.status).toBe(413);
    const lying = await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, exact, { headers: { 'content-length': '1000' } });
    expect(lying.status).toBe(413);
    expect(await r2Objects(f.orgId, id)).toEqual([]);
    const max = jpeg({ size: MAX_PHOTO_BYTES });
    expect((await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, max)).status).toBe(200);
  });

  it('checks the bytes, not the label: non-images, other types and pixel floods are refused', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    const p = photoIds[0]!;
    const cookie = f.users.unitA.cookie;
    const text = new TextEncoder().encode('#!/bin/sh\necho not a photo\n');
    const cases: [Uint8Array<ArrayBuffer>, string, number][] = [
      [text, 'image/jpeg', 415],
      [REAL_PNG.slice(), 'image/jpeg', 415],
      [jpeg(), 'image/webp', 415],
      [webp(), 'image/jpeg', 415],
      [jpeg(), 'image/png', 415],
      [jpeg(), 'text/html', 415],
      [jpeg({ width: 10000, height: 10000 }), 'image/jpeg', 413],
      [webp({ width: 16384, height: 16384 }), 'image/webp', 413],
    ];
    for (const [bytes, type, status] of cases) {
      const res = await putPhoto(cookie, id, p, bytes, { type });
      expect([type, res.status]).toEqual([type, status]);
      expect((await json(res)).error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await r2Objects(f.orgId, id)).toEqual([]);
  });

  it('accepts only declared photos; an arrived photo cannot be replaced', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    expect((await putPhoto(f.users.unitA.cookie, id, uid(), jpeg())).status).toBe(404);
    expect((await putPhoto(f.users.unitA.cookie, uid(), photoIds[0]!, jpeg())).status).toBe(404);
    const first = jpeg();
    expect((await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, first)).status).toBe(200);
    const other = await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg());
    expect(other.status).toBe(409);
    expect((await json(other)).error.details).toEqual({ sha256: await sha256(first) });
    expect(await r2Objects(f.orgId, id)).toHaveLength(1);
  });

  it('limits thumbnails to 512 KB', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    expect((await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg({ size: 600_000 }), { thumb: true })).status).toBe(413);
    expect((await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg({ size: 500_000 }), { thumb: true })).status).toBe(200);
  });

  it('takes a thumbnail that follows the submit, but no new photo', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg());
    expect((await submit(f.users.unitA.cookie, id)).status).toBe(200);
    expect((await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg({ width: 256, height: 192 }), { thumb: true })).status).toBe(200);
    expect((await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg())).status).toBe(409);
  });

  it('stores one copy when the same upload arrives twice at once', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    const bytes = jpeg({ size: 200_000 });
    const [a, b] = await Promise.all([putPhoto(f.users.unitA.cookie, id, photoIds[0]!, bytes), putPhoto(f.users.unitA.cookie, id, photoIds[0]!, bytes)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await json(a)).toEqual(await json(b));
    expect(await r2Objects(f.orgId, id)).toHaveLength(1);
    // Two different photos racing for one id: one wins, the loser leaves nothing behind.
    const g = await makeFixture();
    const race = await draftWithPhotos(g, 1);
    const results = await Promise.all([jpeg(), jpeg()].map((x) => putPhoto(g.users.unitA.cookie, race.id, race.photoIds[0]!, x)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await r2Objects(g.orgId, race.id)).toHaveLength(1);
  });

  it('keeps unit B away from unit A’s photos, before and after submit', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 1);
    const p = photoIds[0]!;
    expect((await putPhoto(f.users.unitB.cookie, id, p, jpeg())).status).toBe(404);
    expect((await putPhoto(f.users.leader.cookie, id, p, jpeg())).status).toBe(403);
    expect((await putPhoto(f.users.unitA.cookie, id, p, jpeg())).status).toBe(200);
    expect((await call('GET', `/api/reports/${id}/photos/${p}`, { cookie: f.users.unitC.cookie })).status).toBe(404);
    await submit(f.users.unitA.cookie, id);
    expect((await call('GET', `/api/reports/${id}/photos/${p}`, { cookie: f.users.unitB.cookie })).status).toBe(404);
    expect((await call('GET', `/api/reports/${id}/photos/${p}`)).status).toBe(401);
    const other = await makeFixture();
    expect((await call('GET', `/api/reports/${id}/photos/${p}`, { cookie: other.users.admin.cookie })).status).toBe(404);
    expect((await call('GET', `/api/reports/${id}/photos/${p}`, { cookie: f.users.unitC.cookie })).status).toBe(200);
  });

  it('flags a photo uploaded from a skewed clock or taken after it was received', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 2, '2024-03-20T03:00:00Z');
    await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg(), { headers: { 'x-client-time': '2024-03-20T05:00:00Z' } });
    let r = await json(await call('GET', `/api/reports/${id}`, { cookie: f.users.unitA.cookie }));
    expect(r.flags).toEqual(['clock_skew']);
    const g = await makeFixture();
    const later = await draftWithPhotos(g, 1, '2024-03-20T06:00:00Z');
    await putPhoto(g.users.unitA.cookie, later.id, later.photoIds[0]!, jpeg());
    r = await json(await call('GET', `/api/reports/${later.id}`, { cookie: g.users.unitA.cookie }));
    expect(r.flags).toEqual(['captured_after_received']);
    expect(r.photos[0]).toMatchObject({ takenAt: '2024-03-20T06:00:00.000Z', receivedAt: MARCH_20.toISOString() });
  });

  it('keeps a photo dropped from an amended declaration as evidence, and forgets undelivered ones', async () => {
    const f = await makeFixture();
    const { id, photoIds } = await draftWithPhotos(f, 2);
    await putPhoto(f.users.unitA.cookie, id, photoIds[0]!, jpeg());
    const res = await putReport(f.users.unitA.cookie, id, reportBody(f, { photos: [] }));
    expect((await json(res)).photos).toEqual([]);
    expect(await countRows('SELECT COUNT(*) AS n FROM report_photos WHERE report_id = ?1', id)).toBe(1);
    expect((await call('GET', `/api/reports/${id}/photos/${photoIds[0]}`, { cookie: f.users.unitA.cookie })).status).toBe(200);
    expect((await submit(f.users.unitA.cookie, id)).status).toBe(200);
  });
});
