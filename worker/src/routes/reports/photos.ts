// Photo bytes of a report: upload (raw body, checked while streaming) and download through the
// worker with the report's own visibility. Keys in R2 are made here, never from a client name:
// reports/<org>/<report>/<photo>/<sha256>[.thumb] — deterministic, so a retried upload whose
// D1 write failed overwrites the same object instead of leaving an orphan.
import { Hono, type Context } from 'hono';
import { CLIENT_TIME_HEADER, CONTENT_SHA256_HEADER, MAX_PHOTO_BYTES } from '../../../../shared/labels';
import { PhotoParam, type PhotoUploadResult } from '../../../../shared/schemas/report';
import type { AppEnv } from '../../env';
import { addReportFlagsStatement, getPhotoRow, photoArrivedStatement, storedOf, type PhotoKind, type PhotoRow } from '../../db/photos';
import { auditStatement } from '../../db/audit';
import { conflict, notFound } from '../../lib/errors';
import { readableReport, writableReport } from '../../lib/report-access';
import { parseClientTime, skewOf, uploadFlags } from '../../lib/report-body';
import { readPhotoUpload } from '../../lib/upload';
import { validate } from '../../lib/validate';
import { requireRole, requireUser } from '../../middleware/auth';

export const MAX_THUMB_BYTES = 512 * 1024;
const LIMIT: Record<PhotoKind, number> = { photo: MAX_PHOTO_BYTES, thumb: MAX_THUMB_BYTES };
const NAME: Record<PhotoKind, string> = { photo: '照片', thumb: '缩略图' };

function resultOf(row: PhotoRow, kind: PhotoKind): PhotoUploadResult | null {
  const s = storedOf(row, kind);
  return s
    ? { reportId: row.report_id, photoId: row.photo_id, kind, contentType: s.contentType, size: s.size, sha256: s.sha256, width: s.width, height: s.height, receivedAt: s.receivedAt }
    : null;
}

/** Answers with typed c.json(...), so the PWA's client knows what an upload returns. */
async function upload<E extends AppEnv>(c: Context<E>, kind: PhotoKind, reportId: string, photoId: string) {
  const user = c.var.user;
  const db = c.env.DB;
  const now = c.var.now();
  const { row: report } = await writableReport(db, user, reportId);
  const photo = await getPhotoRow(db, reportId, photoId);
  if (!photo || !photo.declared) throw notFound('该照片未在报告中声明，请先上传报告内容');

  // Already here: the same bytes (by checksum) answer as before; other bytes are a conflict.
  const arrived = resultOf(photo, kind);
  if (arrived) {
    const claimed = (c.req.header(CONTENT_SHA256_HEADER) ?? '').trim().toLowerCase();
    if (claimed === arrived.sha256) return c.json(arrived);
    throw conflict(`该${NAME[kind]}已上传，内容不同`, { sha256: arrived.sha256 });
  }
  // A thumbnail is only a derivative for lists: it may follow after the submit.
  if (kind === 'photo' && report.state !== 'draft') throw conflict('报告已报送，不能再添加照片', { state: report.state });

  const img = await readPhotoUpload(c.req.raw, LIMIT[kind]);
  const key = `reports/${report.org_id}/${reportId}/${photoId}/${img.sha256}${kind === 'thumb' ? '.thumb' : ''}`;
  const receivedAt = now.toISOString();
  const clientTime = parseClientTime(c.req.header(CLIENT_TIME_HEADER));
  await c.env.PHOTOS.put(key, img.bytes, {
    sha256: img.sha256,
    httpMetadata: { contentType: img.type },
    customMetadata: {
      reportId,
      photoId,
      kind,
      sha256: img.sha256,
      width: String(img.width),
      height: String(img.height),
      receivedAt,
      clientTime: clientTime?.toISOString() ?? '',
      uploadedBy: user.id,
    },
  });
  const flags = kind === 'photo' ? uploadFlags({ skewMs: skewOf(clientTime, now), capturedAt: photo.taken_at, receivedAt }) : [];
  const [updated] = await db.batch([
    photoArrivedStatement(db, kind, {
      reportId,
      photoId,
      key,
      contentType: img.type,
      size: img.size,
      sha256: img.sha256,
      width: img.width,
      height: img.height,
      receivedAt,
      clientSentAt: clientTime?.toISOString() ?? null,
    }),
    ...(flags.length ? [addReportFlagsStatement(db, reportId, flags)] : []),
    auditStatement(
      db,
      { orgId: report.org_id, userId: user.id, action: `report.${kind}`, entityType: 'report', entityId: reportId, summary: `${photoId} ${img.sha256} ${img.size}` },
      now,
    ),
  ]);
  if (!updated!.meta.changes) {
    // Another upload of this photo won the race (or the declaration changed meanwhile).
    const after = await getPhotoRow(db, reportId, photoId);
    const stored = after ? resultOf(after, kind) : null;
    if (stored?.sha256 === img.sha256) return c.json(stored);
    // Our object (its key holds our checksum) is referenced by nothing: remove it.
    await c.env.PHOTOS.delete(key);
    throw conflict(`该${NAME[kind]}已上传，内容不同`, stored ? { sha256: stored.sha256 } : undefined);
  }
  const after = await getPhotoRow(db, reportId, photoId);
  return c.json(resultOf(after!, kind)!);
}

/** A streamed body with its own headers: a plain Response, not JSON. */
async function download<E extends AppEnv>(c: Context<E>, kind: PhotoKind, reportId: string, photoId: string): Promise<Response> {
  await readableReport(c.env.DB, c.var.user, reportId);
  const photo = await getPhotoRow(c.env.DB, reportId, photoId);
  const stored = photo ? storedOf(photo, kind) : null;
  if (!stored) throw notFound(`${NAME[kind]}不存在或尚未上传`);
  const etag = `"${stored.sha256}"`;
  const headers = new Headers({
    'Content-Type': stored.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: etag,
    'Content-Disposition': 'inline',
  });
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers });
  }
  const object = await c.env.PHOTOS.get(stored.key);
  if (!object) throw notFound(`${NAME[kind]}文件缺失`);
  headers.set('Content-Length', String(object.size));
  return new Response(object.body, { status: 200, headers });
}

const ids = (c: { req: { valid(t: 'param'): { id: string; photoId: string } } }) => {
  const p = c.req.valid('param');
  return [p.id.toLowerCase(), p.photoId.toLowerCase()] as const;
};

export const photos = new Hono<AppEnv>()
  .use(requireUser)
  .put('/:id/photos/:photoId', requireRole('unit', 'admin'), validate('param', PhotoParam), (c) => upload(c, 'photo', ...ids(c)))
  .put('/:id/photos/:photoId/thumb', requireRole('unit', 'admin'), validate('param', PhotoParam), (c) => upload(c, 'thumb', ...ids(c)))
  .get('/:id/photos/:photoId', validate('param', PhotoParam), (c) => download(c, 'photo', ...ids(c)))
  .get('/:id/photos/:photoId/thumb', validate('param', PhotoParam), (c) => download(c, 'thumb', ...ids(c)));
