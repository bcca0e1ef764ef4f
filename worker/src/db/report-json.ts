// Whole reports as JSON text written by SQLite, for the sync's bulk pages (issue 16): a unit's
// first sync carries ~10 000 reports, and building them as rows → objects → JSON in the Worker
// cost more than the queries. Here each report leaves D1 as one string in exactly the shape of
// `linkReport(loadReports(…))` (db/report-read.ts, lib/photo-links.ts); the sync route splices the
// strings into its answer without parsing them. The two are twins:
// test/worker/report-json-twins.test.ts compares them on every report of a seeded world.
import type { SessionUser } from '../env';
import { jsonList, stmt, type Db } from '../lib/d1';
import { VISIBLE_REPORT_SQL, viewerParams } from './report-read';

/** How photo addresses are spelled (lib/photo-links.ts passes its own, so URLs live in one place). */
export interface PhotoUrlParts {
  /** Before the report id: `/api/reports/`. */
  head: string;
  /** Between the report id and the photo id: `/photos/`. */
  middle: string;
  /** After the photo id for the thumbnail: `/thumb`. */
  thumb: string;
}

// A REAL column as a JSON number that parses back to the very same double: SQLite's JSON writes
// 15 significant digits (31.298912345678912 came back as 31.2989123456789), '%!.17g' writes 17.
const real = (col: string) => `json(printf('%!.17g', ${col}))`;

// A location object as locationOfRow() builds it: null unless both coordinates, accuracy only
// when known. `json()` keeps nested objects JSON (a CASE or a subquery drops SQLite's JSON tag).
const location = (t: string) => `json(CASE WHEN ${t}.lat IS NOT NULL AND ${t}.lng IS NOT NULL THEN
    CASE WHEN ${t}.accuracy IS NULL THEN json_object('lat', ${real(`${t}.lat`)}, 'lng', ${real(`${t}.lng`)})
         ELSE json_object('lat', ${real(`${t}.lat`)}, 'lng', ${real(`${t}.lng`)}, 'accuracy', ${real(`${t}.accuracy`)}) END END)`;

const bool = (expr: string) => `json(CASE WHEN ${expr} THEN 'true' ELSE 'false' END)`;

// ?1 ?2 ?3 the reader (VISIBLE_REPORT_SQL), ?4 the report ids (JSON array), ?5 ?6 ?7 the photo URL parts.
const REPORTS_JSON = `
SELECT r.id, json_object(
  'id', r.id, 'taskId', r.item_id, 'planId', r.plan_id, 'unitId', r.unit_id, 'unitName', u.name,
  'period', r.period, 'authorId', r.author_id, 'authorName', us.display_name, 'state', r.state,
  'status', r.status, 'percent', r.percent, 'targetValues', json(r.target_values_json),
  'progress', r.progress, 'problems', r.problems, 'nextSteps', r.next_steps,
  'capturedAt', r.captured_at, 'receivedAt', r.received_at, 'submittedAt', r.submitted_at,
  'firstSubmittedAt', r.first_submitted_at, 'updatedAt', r.updated_at,
  'location', ${location('r')},
  'verifyCode', r.verify_code, 'clockSkewMs', r.clock_skew_ms, 'flags', json(r.flags_json), 'revision', r.revision,
  'photos', json((SELECT json_group_array(json_object(
      'id', p.photo_id, 'seq', p.seq, 'takenAt', p.taken_at, 'location', ${location('p')},
      'received', ${bool('p.sha256 IS NOT NULL')}, 'thumbReceived', ${bool('p.thumb_sha256 IS NOT NULL')},
      'contentType', p.content_type, 'size', p.size, 'sha256', p.sha256, 'width', p.width, 'height', p.height,
      'receivedAt', p.received_at,
      'url', CASE WHEN p.sha256 IS NOT NULL THEN ?5 || r.id || ?6 || p.photo_id END,
      'thumbUrl', CASE WHEN p.thumb_sha256 IS NOT NULL THEN ?5 || r.id || ?6 || p.photo_id || ?7 END))
    FROM (SELECT * FROM report_photos WHERE report_id = r.id AND declared = 1 ORDER BY seq) p)),
  'reviews', json((SELECT json_group_array(json_object(
      'id', v.id, 'revision', v.revision, 'reviewerName', v.reviewer_name, 'decision', v.decision,
      'comment', v.comment, 'createdAt', v.created_at))
    FROM (SELECT v.id, v.revision, ru.display_name AS reviewer_name, v.decision, v.comment, v.created_at
            FROM reviews v JOIN users ru ON ru.id = v.reviewer_id
           WHERE v.report_id = r.id ORDER BY v.created_at, v.rowid) v)),
  'history', json((SELECT json_group_array(json_object(
      'revision', h.revision, 'body', json(h.body_json), 'submittedAt', h.submitted_at, 'createdAt', h.created_at))
    FROM (SELECT * FROM report_revisions WHERE report_id = r.id ORDER BY revision) h))
) AS json
  FROM json_each(?4) k CROSS JOIN reports r ON r.id = k.value
  JOIN units u ON u.id = r.unit_id JOIN users us ON us.id = r.author_id
 WHERE ${VISIBLE_REPORT_SQL}`;

/**
 * Of these reports, those the user may read, whole, as JSON text (the `Report` shape with photo
 * links) by id; unknown and unreadable ids are left out. One statement (CROSS JOIN: each id is
 * looked up, the organisation is never walked), one parameter for the ids however many.
 */
export async function readableReportsJson(
  db: Db,
  user: SessionUser,
  orgId: string,
  ids: readonly string[],
  urls: PhotoUrlParts,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { results } = await stmt(db, REPORTS_JSON, ...viewerParams(user, orgId), jsonList(ids), urls.head, urls.middle, urls.thumb).all<{
    id: string;
    json: string;
  }>();
  return new Map(results.map((r) => [r.id, r.json]));
}
