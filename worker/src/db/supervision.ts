// The supervision office's queue: submitted reports waiting for review, oldest first
// (index reports_org_state), with enough of each report to decide without opening it.
import type { QueueEntry } from '../../../shared/schemas/dashboard';
import type { ReportStatus } from '../../../shared/labels';
import { stmt, type Db } from '../lib/d1';
import type { ListedPhoto } from './photos';
import { reportTextsOf } from './reports';
import { taskWordsOf, type PlanFrame } from './plan-frame';

/** A queue entry before the route links its photos (withPhotoLinks in lib/). */
export type StoredQueueEntry = Omit<QueueEntry, 'photos'> & { photos: ListedPhoto[] };

interface QueueRow {
  id: string;
  item_id: string;
  unit_id: string;
  unit_name: string;
  author_name: string;
  period: string;
  status: ReportStatus;
  percent: number;
  progress: string;
  problems: string;
  next_steps: string;
  submitted_at: string;
  revision: number;
  flags_json: string;
  photos: string | null;
  total: number;
}

export async function reviewQueue(db: Db, frame: PlanFrame, period: string | null, limit: number): Promise<{ total: number; entries: StoredQueueEntry[] }> {
  const { results } = await stmt(
    db,
    `SELECT r.id, r.item_id, r.unit_id, u.name AS unit_name, COALESCE(a.display_name, '') AS author_name, r.period, r.status,
            r.percent, r.progress, r.problems, r.next_steps, r.submitted_at, r.revision, r.flags_json,
            (SELECT group_concat(photo_id || ':' || (thumb_sha256 IS NOT NULL), ',') FROM
              (SELECT photo_id, thumb_sha256 FROM report_photos WHERE report_id = r.id AND declared = 1 AND sha256 IS NOT NULL ORDER BY seq)) AS photos,
            COUNT(*) OVER () AS total
       FROM reports r
       JOIN units u ON u.id = r.unit_id
       LEFT JOIN users a ON a.id = r.author_id
      WHERE r.org_id = ?1 AND r.state = 'submitted' AND r.plan_id = ?2 AND (?3 IS NULL OR r.period = ?3)
      ORDER BY r.submitted_at, r.id
      LIMIT ?4`,
    frame.plan.orgId,
    frame.plan.id,
    period,
    limit,
  ).all<QueueRow>();
  const wordsOf = taskWordsOf(frame);
  const entries: StoredQueueEntry[] = results.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    ...wordsOf(r.item_id),
    unitId: r.unit_id,
    unitName: r.unit_name,
    authorName: r.author_name,
    period: r.period,
    status: r.status,
    percent: r.percent,
    ...reportTextsOf(r),
    submittedAt: r.submitted_at,
    revision: r.revision,
    flags: JSON.parse(r.flags_json) as string[],
    photos: (r.photos ? r.photos.split(',') : []).map((p) => {
      const [photoId, hasThumb] = p.split(':') as [string, string];
      return { reportId: r.id, photoId, hasThumb: hasThumb === '1', takenAt: null };
    }),
  }));
  return { total: results[0]?.total ?? 0, entries };
}
