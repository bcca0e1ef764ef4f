// Report rows and the writes of the report protocol: SQL and row mappers.
import type { ReportFlag, ReportState, ReportStatus, StoredReportBody } from '../../../shared/schemas/report';
import { jsonList, stmt, type Db } from '../lib/d1';

// ---------------------------------------------------------------------------------------------
// Report rows.

export interface ReportRow {
  id: string;
  org_id: string;
  plan_id: string;
  item_id: string;
  unit_id: string;
  period: string;
  author_id: string;
  state: ReportState;
  status: ReportStatus;
  percent: number;
  target_values_json: string;
  progress: string;
  problems: string;
  next_steps: string;
  captured_at: string | null;
  client_sent_at: string | null;
  received_at: string;
  submitted_at: string | null;
  first_submitted_at: string | null;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  photos_json: string;
  verify_code: string;
  clock_skew_ms: number | null;
  flags_json: string;
  body_hash: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export async function getReportRow(db: Db, id: string): Promise<ReportRow | null> {
  return stmt(db, 'SELECT * FROM reports WHERE id = ?1', id).first<ReportRow>();
}

export async function getReportRowByCode(db: Db, code: string): Promise<ReportRow | null> {
  return stmt(db, 'SELECT * FROM reports WHERE verify_code = ?1', code).first<ReportRow>();
}

/** The report of a unit for a task and period (there is at most one). */
export async function findReportFor(db: Db, itemId: string, unitId: string, period: string): Promise<ReportRow | null> {
  return stmt(db, 'SELECT * FROM reports WHERE item_id = ?1 AND unit_id = ?2 AND period = ?3', itemId, unitId, period).first<ReportRow>();
}

/** The unit's latest report of a task: submitted ones first, then the latest period. */
export async function lastReportOf(db: Db, itemId: string, unitId: string): Promise<ReportRow | null> {
  return stmt(
    db,
    `SELECT * FROM reports WHERE item_id = ?1 AND unit_id = ?2
      ORDER BY (first_submitted_at IS NULL), period DESC, updated_at DESC LIMIT 1`,
    itemId,
    unitId,
  ).first<ReportRow>();
}

export async function revisionHashes(db: Db, reportId: string): Promise<string[]> {
  const { results } = await stmt(db, 'SELECT body_hash FROM report_revisions WHERE report_id = ?1 AND body_hash IS NOT NULL', reportId).all<{ body_hash: string }>();
  return results.map((r) => r.body_hash);
}

/** What the unit wrote, as the API spells it: the same in the stored body and the full report. */
export function reportContentOf(r: ReportRow): Pick<StoredReportBody, 'status' | 'percent' | 'targetValues' | 'progress' | 'problems' | 'nextSteps'> {
  return { status: r.status, percent: r.percent, targetValues: JSON.parse(r.target_values_json), ...reportTextsOf(r) };
}

/** A report's three texts: 进展情况, 存在问题, 下步计划. */
export function reportTextsOf(r: Pick<ReportRow, 'progress' | 'problems' | 'next_steps'>) {
  return { progress: r.progress, problems: r.problems, nextSteps: r.next_steps };
}

export function storedBodyOf(r: ReportRow): StoredReportBody {
  return {
    taskId: r.item_id,
    unitId: r.unit_id,
    period: r.period,
    ...reportContentOf(r),
    capturedAt: r.captured_at ?? r.received_at,
    location: locationOfRow(r),
    photos: JSON.parse(r.photos_json),
  };
}

function locationOf(lat: number, lng: number, accuracy: number | null) {
  return accuracy === null ? { lat, lng } : { lat, lng, accuracy };
}

export function locationOfRow(r: Pick<ReportRow, 'lat' | 'lng' | 'accuracy'>) {
  return r.lat !== null && r.lng !== null ? locationOf(r.lat, r.lng, r.accuracy) : null;
}

// ---------------------------------------------------------------------------------------------
// Writes. Each returns statements for the caller's batch (with its audit row).

export interface BodyWrite {
  id: string;
  body: StoredReportBody;
  hash: string;
  now: string;
  clientSentAt: string | null;
  skewMs: number | null;
  flags: ReportFlag[];
}

function bodyColumns(w: BodyWrite): unknown[] {
  const b = w.body;
  return [
    b.period,
    b.status,
    b.percent,
    JSON.stringify(b.targetValues),
    b.progress,
    b.problems,
    b.nextSteps,
    b.capturedAt,
    w.clientSentAt,
    b.location?.lat ?? null,
    b.location?.lng ?? null,
    b.location?.accuracy ?? null,
    JSON.stringify(b.photos),
    w.skewMs,
    JSON.stringify(w.flags),
    w.hash,
    w.now,
  ];
}

/** A new report (a replayed insert does nothing; the caller compares hashes afterwards). */
export function insertReport(
  db: Db,
  w: BodyWrite & { orgId: string; planId: string; authorId: string; verifyCode: string },
): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO reports (period, status, percent, target_values_json, progress, problems, next_steps, captured_at,
                          client_sent_at, lat, lng, accuracy, photos_json, clock_skew_ms, flags_json, body_hash, updated_at,
                          id, org_id, plan_id, item_id, unit_id, author_id, verify_code, received_at, created_at, state, revision)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?17, ?17, 'draft', 1)
     ON CONFLICT(id) DO NOTHING`,
    ...bodyColumns(w),
    w.id,
    w.orgId,
    w.planId,
    w.body.taskId,
    w.body.unitId,
    w.authorId,
    w.verifyCode,
  );
}

/** A new body for a draft, only if nobody changed it since `prevHash` was read. */
export function updateDraft(db: Db, w: BodyWrite & { prevHash: string; authorId: string }): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE reports SET period = ?1, status = ?2, percent = ?3, target_values_json = ?4, progress = ?5, problems = ?6,
            next_steps = ?7, captured_at = ?8, client_sent_at = ?9, lat = ?10, lng = ?11, accuracy = ?12,
            photos_json = ?13, clock_skew_ms = ?14, flags_json = ?15, body_hash = ?16, updated_at = ?17, author_id = ?20
      WHERE id = ?18 AND body_hash = ?19 AND state = 'draft'`,
    ...bodyColumns(w),
    w.id,
    w.prevHash,
    w.authorId,
  );
}

/**
 * Amending a returned report: the current body goes to report_revisions, the new body becomes
 * revision + 1, back to draft until submitted again. Both conditional on the state read.
 */
export function amendReturned(db: Db, w: BodyWrite & { prevHash: string; authorId: string }, prevBodyJson: string): D1PreparedStatement[] {
  return [
    stmt(
      db,
      `INSERT INTO report_revisions (report_id, revision, body_json, submitted_at, created_at, body_hash)
       SELECT id, revision, ?3, submitted_at, ?4, body_hash FROM reports
        WHERE id = ?1 AND body_hash = ?2 AND state = 'returned'`,
      w.id,
      w.prevHash,
      prevBodyJson,
      w.now,
    ),
    stmt(
      db,
      `UPDATE reports SET period = ?1, status = ?2, percent = ?3, target_values_json = ?4, progress = ?5, problems = ?6,
              next_steps = ?7, captured_at = ?8, client_sent_at = ?9, lat = ?10, lng = ?11, accuracy = ?12,
              photos_json = ?13, clock_skew_ms = ?14, flags_json = ?15, body_hash = ?16, updated_at = ?17,
              author_id = ?20, state = 'draft', revision = revision + 1
        WHERE id = ?18 AND body_hash = ?19 AND state = 'returned'`,
      ...bodyColumns(w),
      w.id,
      w.prevHash,
      w.authorId,
    ),
  ];
}

/**
 * Makes report_photos match the declaration of the body that now has `hash` (only then, so a
 * losing concurrent write changes nothing). Undeclared photos that arrived stay as evidence of an
 * earlier revision (declared = 0); undeclared ones that never arrived are dropped.
 */
export function declarePhotos(db: Db, reportId: string, hash: string, photos: StoredReportBody['photos']): D1PreparedStatement[] {
  const guard = 'EXISTS (SELECT 1 FROM reports WHERE id = ?1 AND body_hash = ?2)';
  return [
    ...photos.map((p, seq) =>
      stmt(
        db,
        `INSERT INTO report_photos (report_id, photo_id, seq, taken_at, lat, lng, accuracy, declared)
         SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?8, 1 WHERE ${guard}
         ON CONFLICT(report_id, photo_id) DO UPDATE SET seq = excluded.seq, taken_at = excluded.taken_at,
            lat = excluded.lat, lng = excluded.lng, accuracy = excluded.accuracy, declared = 1`,
        reportId,
        hash,
        p.id,
        seq,
        p.takenAt ?? null,
        p.location?.lat ?? null,
        p.location?.lng ?? null,
        p.location?.accuracy ?? null,
      ),
    ),
    stmt(
      db,
      `UPDATE report_photos SET declared = 0
        WHERE report_id = ?1 AND declared = 1 AND photo_id NOT IN (SELECT value FROM json_each(?3)) AND ${guard}`,
      reportId,
      hash,
      jsonList(photos.map((p) => p.id)),
    ),
    stmt(
      db,
      `DELETE FROM report_photos WHERE report_id = ?1 AND declared = 0 AND sha256 IS NULL AND thumb_sha256 IS NULL AND ${guard}`,
      reportId,
      hash,
    ),
  ];
}

/** Submits a draft whose declared photos have all arrived; first_submitted_at is kept once set. */
export function submitStatement(db: Db, id: string, now: string): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE reports SET state = 'submitted', submitted_at = ?2, first_submitted_at = COALESCE(first_submitted_at, ?2), updated_at = ?2
      WHERE id = ?1 AND state = 'draft'
        AND NOT EXISTS (SELECT 1 FROM report_photos WHERE report_id = ?1 AND declared = 1 AND sha256 IS NULL)`,
    id,
    now,
  );
}

export async function missingPhotoIds(db: Db, reportId: string): Promise<string[]> {
  const { results } = await stmt(
    db,
    'SELECT photo_id FROM report_photos WHERE report_id = ?1 AND declared = 1 AND sha256 IS NULL ORDER BY seq',
    reportId,
  ).all<{ photo_id: string }>();
  return results.map((r) => r.photo_id);
}

/** A review of the current revision, only while the report waits for review. */
export function reviewStatements(
  db: Db,
  r: { reviewId: string; reportId: string; revision: number; reviewerId: string; decision: 'accepted' | 'returned'; comment: string; now: string },
): D1PreparedStatement[] {
  return [
    stmt(
      db,
      `INSERT INTO reviews (id, report_id, revision, reviewer_id, decision, comment, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM reports WHERE id = ?2 AND state = 'submitted' AND revision = ?3)`,
      r.reviewId,
      r.reportId,
      r.revision,
      r.reviewerId,
      r.decision,
      r.comment,
      r.now,
    ),
    stmt(
      db,
      `UPDATE reports SET state = ?3, updated_at = ?4 WHERE id = ?1 AND state = 'submitted' AND revision = ?2`,
      r.reportId,
      r.revision,
      r.decision,
      r.now,
    ),
  ];
}

export async function lastReviewOf(db: Db, reportId: string, revision: number): Promise<{ decision: string; comment: string } | null> {
  return stmt(
    db,
    'SELECT decision, comment FROM reviews WHERE report_id = ?1 AND revision = ?2 ORDER BY created_at DESC, rowid DESC LIMIT 1',
    reportId,
    revision,
  ).first();
}
