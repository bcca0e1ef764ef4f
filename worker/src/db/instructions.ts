// 批示: a leader's (or the office's) note on a task or on one report, and the units' 落实情况
// answers: together the task's thread.
import type { Instruction, UnreadThreadsResponse } from '../../../shared/schemas/report';
import type { SessionUser } from '../env';
import { jsonList, stmt, type Db } from '../lib/d1';
import { VISIBLE_REPORT_SQL, viewerParams } from './report-read';
import { taskHeadOf, type TaskHeadRow } from './task-head';

interface InstructionRow {
  id: string;
  org_id: string;
  item_id: string;
  report_id: string | null;
  kind: 'instruction' | 'answer';
  unit_id: string | null;
  unit_name: string | null;
  author_id: string;
  author_name: string;
  text: string;
  created_at: string;
}

const SELECT = `SELECT n.id, n.org_id, n.item_id, n.report_id, n.kind, n.unit_id, un.name AS unit_name, n.author_id,
                       u.display_name AS author_name, n.text, n.created_at
                  FROM instructions n JOIN users u ON u.id = n.author_id LEFT JOIN units un ON un.id = n.unit_id`;

/**
 * Binds ?1 org, ?2 role, ?3 unit (viewerParams). Admins and leaders see every message of their
 * organisation; a unit the 批示 on tasks it carries — on a report only if it may read it — and
 * the answers as it would see reports (two-tier): its own, all of a task it leads, and the lead
 * units' of a task it co-carries.
 */
const VISIBLE_INSTRUCTION_SQL = `n.org_id = ?1 AND (
    ?2 IN ('admin', 'superadmin', 'leader')
    OR (?2 = 'unit'
        AND EXISTS (SELECT 1 FROM item_units iu WHERE iu.item_id = n.item_id AND iu.unit_id = ?3)
        AND (n.report_id IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = n.report_id AND ${VISIBLE_REPORT_SQL}))
        AND (n.kind = 'instruction' OR n.unit_id = ?3
             OR EXISTS (SELECT 1 FROM item_units a1 WHERE a1.item_id = n.item_id AND a1.unit_id = ?3 AND a1.role = 'lead')
             OR EXISTS (SELECT 1 FROM item_units a2 WHERE a2.item_id = n.item_id AND a2.unit_id = n.unit_id AND a2.role = 'lead'))))`;

export function mapInstruction(r: InstructionRow): Instruction {
  return {
    id: r.id,
    itemId: r.item_id,
    reportId: r.report_id,
    kind: r.kind,
    unitName: r.unit_name,
    authorName: r.author_name,
    text: r.text,
    createdAt: r.created_at,
  };
}

export async function getInstructionRow(db: Db, id: string): Promise<InstructionRow | null> {
  return stmt(db, `${SELECT} WHERE n.id = ?1`, id).first<InstructionRow>();
}

export function insertInstruction(
  db: Db,
  n: { id: string; orgId: string; itemId: string; reportId: string | null; authorId: string; text: string; now: string; unitId?: string | null },
): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO instructions (id, org_id, item_id, report_id, author_id, text, created_at, kind, unit_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO NOTHING`,
    n.id,
    n.orgId,
    n.itemId,
    n.reportId,
    n.authorId,
    n.text,
    n.now,
    n.unitId ? 'answer' : 'instruction',
    n.unitId ?? null,
  );
}

/** Instructions of a task the user may see, oldest first. */
export async function visibleInstructionsOfTask(db: Db, user: SessionUser, orgId: string, itemId: string): Promise<Instruction[]> {
  const { results } = await stmt(
    db,
    `${SELECT} WHERE ${VISIBLE_INSTRUCTION_SQL} AND n.item_id = ?4 ORDER BY n.created_at, n.rowid`,
    ...viewerParams(user, orgId),
    itemId,
  ).all<InstructionRow>();
  return results.map(mapInstruction);
}

/** What a report's reader sees with it: instructions on the report and on its task as a whole. */
export async function instructionsForReport(db: Db, user: SessionUser, orgId: string, itemId: string, reportId: string): Promise<Instruction[]> {
  const { results } = await stmt(
    db,
    `${SELECT} WHERE ${VISIBLE_INSTRUCTION_SQL} AND n.item_id = ?4 AND (n.report_id IS NULL OR n.report_id = ?5)
      ORDER BY n.created_at, n.rowid`,
    ...viewerParams(user, orgId),
    itemId,
    reportId,
  ).all<InstructionRow>();
  return results.map(mapInstruction);
}

/** The ones of these ids the user may see (one JSON parameter however many ids). */
export async function visibleInstructionsByIds(db: Db, user: SessionUser, orgId: string, ids: readonly string[]): Promise<Instruction[]> {
  if (ids.length === 0) return [];
  const { results } = await stmt(
    db,
    `${SELECT} WHERE ${VISIBLE_INSTRUCTION_SQL} AND n.id IN (SELECT value FROM json_each(?4)) ORDER BY n.created_at, n.rowid`,
    ...viewerParams(user, orgId),
    jsonList(ids),
  ).all<InstructionRow>();
  return results.map(mapInstruction);
}

/** Which of these instructions still exist, whoever may read them. */
export async function existingInstructionIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { results } = await stmt(db, 'SELECT id FROM instructions WHERE id IN (SELECT value FROM json_each(?1))', jsonList(ids)).all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}

/** Marks a task's thread as read by the user now. */
export function markThreadRead(db: Db, userId: string, itemId: string, now: string): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO thread_reads (user_id, item_id, read_at) VALUES (?1, ?2, ?3)
     ON CONFLICT(user_id, item_id) DO UPDATE SET read_at = excluded.read_at`,
    userId,
    itemId,
    now,
  );
}

export async function threadReadAt(db: Db, userId: string, itemId: string): Promise<string | null> {
  const row = await stmt(db, 'SELECT read_at FROM thread_reads WHERE user_id = ?1 AND item_id = ?2', userId, itemId).first<{ read_at: string }>();
  return row?.read_at ?? null;
}

/**
 * Tasks with messages the user may see, did not write and has not seen: 批示 for a unit, the
 * units' answers for leaders and the office. Newest first.
 */
export async function unreadThreads(db: Db, user: SessionUser, orgId: string): Promise<UnreadThreadsResponse['tasks']> {
  const { results } = await stmt(
    db,
    `SELECT n.item_id, i.plan_id, p.year, i.kind, i.number, i.label, i.text, COUNT(*) AS unread, MAX(n.created_at) AS last_at
       FROM instructions n JOIN items i ON i.id = n.item_id JOIN plans p ON p.id = i.plan_id
       LEFT JOIN thread_reads tr ON tr.user_id = ?4 AND tr.item_id = n.item_id
      WHERE ${VISIBLE_INSTRUCTION_SQL} AND n.kind = ?5 AND n.author_id != ?4 AND n.created_at > COALESCE(tr.read_at, '')
      GROUP BY n.item_id ORDER BY last_at DESC LIMIT 300`,
    ...viewerParams(user, orgId),
    user.id,
    user.role === 'unit' ? 'instruction' : 'answer',
  ).all<TaskHeadRow & { unread: number; last_at: string }>();
  return results.map((r) => ({ ...taskHeadOf(r), unread: r.unread, lastAt: r.last_at }));
}
