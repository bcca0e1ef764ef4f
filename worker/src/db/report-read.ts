// Reports as readers get them (with photos, reviews and history), and which ones a user may read.
import type { Report, ReportPhoto, ReportRevision, Review } from '../../../shared/schemas/report';
import type { SessionUser } from '../env';
import { jsonList, stmt, type Db } from '../lib/d1';
import { locationOfRow, reportContentOf, type ReportRow } from './reports';

/** A report's photo as stored: what has arrived, no addresses (linkReport in lib/ adds them). */
export type StoredPhoto = Omit<ReportPhoto, 'url' | 'thumbUrl'>;
/** A report as a reader gets it, before the routes link its photos. */
export type StoredReport = Omit<Report, 'photos'> & { photos: StoredPhoto[] };

interface PhotoRow {
  report_id: string;
  photo_id: string;
  seq: number;
  taken_at: string | null;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
  received_at: string | null;
  thumb_sha256: string | null;
}

interface ReviewRow {
  id: string;
  report_id: string;
  revision: number;
  reviewer_name: string;
  decision: 'accepted' | 'returned';
  comment: string;
  created_at: string;
}

interface RevisionRow {
  report_id: string;
  revision: number;
  body_json: string;
  submitted_at: string | null;
  created_at: string;
}

function mapPhoto(p: PhotoRow): StoredPhoto {
  return {
    id: p.photo_id,
    seq: p.seq,
    takenAt: p.taken_at,
    location: locationOfRow(p),
    received: p.sha256 !== null,
    thumbReceived: p.thumb_sha256 !== null,
    contentType: p.content_type,
    size: p.size,
    sha256: p.sha256,
    width: p.width,
    height: p.height,
    receivedAt: p.received_at,
  };
}

/** Whole reports by id (one JSON parameter however many), in the order given; unknown ids skipped. */
export async function loadReports(db: Db, ids: readonly string[]): Promise<StoredReport[]> {
  if (ids.length === 0) return [];
  const list = jsonList(ids);
  const [reports, photos, reviews, revisions] = await db.batch<unknown>([
    stmt(
      db,
      `SELECT r.*, u.name AS unit_name, us.display_name AS author_name
         FROM reports r JOIN units u ON u.id = r.unit_id JOIN users us ON us.id = r.author_id
        WHERE r.id IN (SELECT value FROM json_each(?1))`,
      list,
    ),
    stmt(
      db,
      `SELECT report_id, photo_id, seq, taken_at, lat, lng, accuracy, content_type, size, sha256, width, height,
              received_at, thumb_sha256
         FROM report_photos WHERE report_id IN (SELECT value FROM json_each(?1)) AND declared = 1
        ORDER BY report_id, seq`,
      list,
    ),
    stmt(
      db,
      `SELECT v.id, v.report_id, v.revision, u.display_name AS reviewer_name, v.decision, v.comment, v.created_at
         FROM reviews v JOIN users u ON u.id = v.reviewer_id
        WHERE v.report_id IN (SELECT value FROM json_each(?1)) ORDER BY v.report_id, v.created_at, v.rowid`,
      list,
    ),
    stmt(
      db,
      `SELECT report_id, revision, body_json, submitted_at, created_at FROM report_revisions
        WHERE report_id IN (SELECT value FROM json_each(?1)) ORDER BY report_id, revision`,
      list,
    ),
  ]);
  const group = <T extends { report_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.report_id, [...(m.get(r.report_id) ?? []), r]);
    return m;
  };
  const photosBy = group(photos!.results as PhotoRow[]);
  const reviewsBy = group(reviews!.results as ReviewRow[]);
  const revisionsBy = group(revisions!.results as RevisionRow[]);
  const byId = new Map<string, StoredReport>();
  for (const r of reports!.results as (ReportRow & { unit_name: string; author_name: string })[]) {
    byId.set(r.id, {
      id: r.id,
      taskId: r.item_id,
      planId: r.plan_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      period: r.period,
      authorId: r.author_id,
      authorName: r.author_name,
      state: r.state,
      ...reportContentOf(r),
      capturedAt: r.captured_at,
      receivedAt: r.received_at,
      submittedAt: r.submitted_at,
      firstSubmittedAt: r.first_submitted_at,
      updatedAt: r.updated_at,
      location: locationOfRow(r),
      verifyCode: r.verify_code,
      clockSkewMs: r.clock_skew_ms,
      flags: JSON.parse(r.flags_json),
      revision: r.revision,
      photos: (photosBy.get(r.id) ?? []).map(mapPhoto),
      reviews: (reviewsBy.get(r.id) ?? []).map(
        (v): Review => ({
          id: v.id,
          revision: v.revision,
          reviewerName: v.reviewer_name,
          decision: v.decision,
          comment: v.comment,
          createdAt: v.created_at,
        }),
      ),
      history: (revisionsBy.get(r.id) ?? []).map(
        (h): ReportRevision => ({
          revision: h.revision,
          body: JSON.parse(h.body_json),
          submittedAt: h.submitted_at,
          createdAt: h.created_at,
        }),
      ),
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadReport(db: Db, id: string): Promise<StoredReport | null> {
  return (await loadReports(db, [id]))[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The SQL twin of lib/report-access.ts canReadReport(), for lists. Binds ?1 = org id,
// ?2 = role, ?3 = unit id (or null); `r` is the reports alias.
export const VISIBLE_REPORT_SQL = `r.org_id = ?1 AND (
    ?2 IN ('admin', 'superadmin')
    OR (?2 = 'leader' AND r.first_submitted_at IS NOT NULL)
    OR (?2 = 'unit' AND (
      r.unit_id = ?3
      OR (r.first_submitted_at IS NOT NULL AND (
        EXISTS (SELECT 1 FROM item_units v1 WHERE v1.item_id = r.item_id AND v1.unit_id = ?3 AND v1.role = 'lead')
        OR (EXISTS (SELECT 1 FROM item_units v2 WHERE v2.item_id = r.item_id AND v2.unit_id = ?3)
            AND EXISTS (SELECT 1 FROM item_units v3 WHERE v3.item_id = r.item_id AND v3.unit_id = r.unit_id AND v3.role = 'lead')))))))`;

export function viewerParams(user: SessionUser, orgId: string): [string, string, string | null] {
  return [orgId, user.role, user.role === 'unit' ? user.unitId : null];
}

/** Ids of the reports of a task the user may read, optionally of one period; lead units first. */
export async function visibleReportIdsOfTask(db: Db, user: SessionUser, orgId: string, itemId: string, period: string | null): Promise<string[]> {
  const { results } = await stmt(
    db,
    `SELECT r.id FROM reports r
      WHERE ${VISIBLE_REPORT_SQL} AND r.item_id = ?4 AND (?5 IS NULL OR r.period = ?5)
      ORDER BY r.period DESC,
               (SELECT MIN(CASE iu.role WHEN 'lead' THEN 0 WHEN 'co' THEN 1 ELSE 2 END) FROM item_units iu
                 WHERE iu.item_id = r.item_id AND iu.unit_id = r.unit_id),
               r.unit_id`,
    ...viewerParams(user, orgId),
    itemId,
    period,
  ).all<{ id: string }>();
  return results.map((r) => r.id);
}

/** Which of these reports the user may read (one JSON parameter for the ids). */
export async function filterVisibleReports(db: Db, user: SessionUser, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { results } = await stmt(
    db,
    // CROSS JOIN keeps SQLite from walking the organisation's reports by org_id (without table
    // statistics it did, 0.3 s per 500 ids at 100k reports) instead of looking up each id.
    `SELECT r.id FROM json_each(?4) j CROSS JOIN reports r ON r.id = j.value WHERE ${VISIBLE_REPORT_SQL}`,
    ...viewerParams(user, orgId),
    jsonList(ids),
  ).all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}
