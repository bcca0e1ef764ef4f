// Photo rows of a report (declared by the report body, filled in when the bytes arrive).
import type { ReportFlag } from '../../../shared/schemas/report';
import { stmt, type Db } from '../lib/d1';
import type { PhotoType } from '../lib/image';

export type PhotoKind = 'photo' | 'thumb';

/** An arrived photo in a list (wall, review queue, task overview), as plain data: the routes
 *  turn it into addresses (photoLink in lib/), db/ never spells a URL. */
export interface ListedPhoto {
  reportId: string;
  photoId: string;
  hasThumb: boolean;
  takenAt: string | null;
}

export interface PhotoRow {
  report_id: string;
  photo_id: string;
  seq: number;
  declared: number;
  taken_at: string | null;
  r2_key: string | null;
  content_type: PhotoType | null;
  size: number | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
  received_at: string | null;
  client_sent_at: string | null;
  thumb_key: string | null;
  thumb_content_type: PhotoType | null;
  thumb_size: number | null;
  thumb_sha256: string | null;
  thumb_width: number | null;
  thumb_height: number | null;
  thumb_received_at: string | null;
}

export async function getPhotoRow(db: Db, reportId: string, photoId: string): Promise<PhotoRow | null> {
  return stmt(db, 'SELECT * FROM report_photos WHERE report_id = ?1 AND photo_id = ?2', reportId, photoId).first<PhotoRow>();
}

export async function declaredPhotoRows(db: Db, reportId: string): Promise<PhotoRow[]> {
  const { results } = await stmt(db, 'SELECT * FROM report_photos WHERE report_id = ?1 AND declared = 1 ORDER BY seq', reportId).all<PhotoRow>();
  return results;
}

/** The stored facts of one kind (photo or thumbnail) of a photo row; null when not arrived. */
export function storedOf(row: PhotoRow, kind: PhotoKind) {
  const f =
    kind === 'photo'
      ? { key: row.r2_key, type: row.content_type, size: row.size, sha: row.sha256, w: row.width, h: row.height, at: row.received_at }
      : { key: row.thumb_key, type: row.thumb_content_type, size: row.thumb_size, sha: row.thumb_sha256, w: row.thumb_width, h: row.thumb_height, at: row.thumb_received_at };
  if (!f.key || !f.type || f.sha === null || f.size === null || f.w === null || f.h === null || !f.at) return null;
  return { key: f.key, contentType: f.type, size: f.size, sha256: f.sha, width: f.w, height: f.h, receivedAt: f.at };
}

export interface ArrivedPhoto {
  reportId: string;
  photoId: string;
  key: string;
  contentType: PhotoType;
  size: number;
  sha256: string;
  width: number;
  height: number;
  receivedAt: string;
  clientSentAt: string | null;
}

/** Records an arrived photo, only if it is declared and nothing else arrived for it first. */
export function photoArrivedStatement(db: Db, kind: PhotoKind, p: ArrivedPhoto): D1PreparedStatement {
  const facts = [p.reportId, p.photoId, p.key, p.contentType, p.size, p.sha256, p.width, p.height, p.receivedAt];
  if (kind === 'thumb') {
    return stmt(
      db,
      `UPDATE report_photos SET thumb_key = ?3, thumb_content_type = ?4, thumb_size = ?5, thumb_sha256 = ?6,
              thumb_width = ?7, thumb_height = ?8, thumb_received_at = ?9
        WHERE report_id = ?1 AND photo_id = ?2 AND declared = 1 AND thumb_sha256 IS NULL`,
      ...facts,
    );
  }
  return stmt(
    db,
    `UPDATE report_photos SET r2_key = ?3, content_type = ?4, size = ?5, sha256 = ?6, width = ?7, height = ?8,
            received_at = ?9, client_sent_at = ?10
      WHERE report_id = ?1 AND photo_id = ?2 AND declared = 1 AND sha256 IS NULL`,
    ...facts,
    p.clientSentAt,
  );
}

/** Adds evidence flags to a report (a set union in SQL, so concurrent uploads lose none). */
export function addReportFlagsStatement(db: Db, reportId: string, flags: ReportFlag[]): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE reports SET flags_json = (
        SELECT json_group_array(value) FROM (
          SELECT value FROM json_each(reports.flags_json) UNION SELECT value FROM json_each(?2) ORDER BY value))
      WHERE id = ?1 AND EXISTS (SELECT 1 FROM json_each(?2) n WHERE n.value NOT IN (SELECT value FROM json_each(reports.flags_json)))`,
    reportId,
    JSON.stringify(flags),
  );
}
