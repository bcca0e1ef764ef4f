// 批示: a leader's (or the office's) note on a task or on one report.
import type { Instruction } from '../../../shared/schemas/report';
import type { SessionUser } from '../env';
import { jsonList, stmt } from '../lib/d1';
import { VISIBLE_REPORT_SQL, viewerParams } from './report-read';

interface InstructionRow {
  id: string;
  org_id: string;
  item_id: string;
  report_id: string | null;
  author_id: string;
  author_name: string;
  text: string;
  created_at: string;
}

const SELECT = `SELECT n.id, n.org_id, n.item_id, n.report_id, n.author_id, u.display_name AS author_name, n.text, n.created_at
                  FROM instructions n JOIN users u ON u.id = n.author_id`;

/**
 * Binds ?1 org, ?2 role, ?3 unit (viewerParams). Admins and leaders see every instruction of
 * their organisation; a unit those on tasks it carries — on a report only if it may read it.
 */
const VISIBLE_INSTRUCTION_SQL = `n.org_id = ?1 AND (
    ?2 IN ('admin', 'superadmin', 'leader')
    OR (?2 = 'unit'
        AND EXISTS (SELECT 1 FROM item_units iu WHERE iu.item_id = n.item_id AND iu.unit_id = ?3)
        AND (n.report_id IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = n.report_id AND ${VISIBLE_REPORT_SQL}))))`;

export function mapInstruction(r: InstructionRow): Instruction {
  return { id: r.id, itemId: r.item_id, reportId: r.report_id, authorName: r.author_name, text: r.text, createdAt: r.created_at };
}

export async function getInstructionRow(db: D1Database, id: string): Promise<InstructionRow | null> {
  return stmt(db, `${SELECT} WHERE n.id = ?1`, id).first<InstructionRow>();
}

export function insertInstruction(
  db: D1Database,
  n: { id: string; orgId: string; itemId: string; reportId: string | null; authorId: string; text: string; now: string },
): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO instructions (id, org_id, item_id, report_id, author_id, text, created_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO NOTHING`,
    n.id,
    n.orgId,
    n.itemId,
    n.reportId,
    n.authorId,
    n.text,
    n.now,
  );
}

/** Instructions of a task the user may see, oldest first. */
export async function visibleInstructionsOfTask(db: D1Database, user: SessionUser, orgId: string, itemId: string): Promise<Instruction[]> {
  const { results } = await stmt(
    db,
    `${SELECT} WHERE ${VISIBLE_INSTRUCTION_SQL} AND n.item_id = ?4 ORDER BY n.created_at, n.rowid`,
    ...viewerParams(user, orgId),
    itemId,
  ).all<InstructionRow>();
  return results.map(mapInstruction);
}

/** What a report's reader sees with it: instructions on the report and on its task as a whole. */
export async function instructionsForReport(db: D1Database, user: SessionUser, orgId: string, itemId: string, reportId: string): Promise<Instruction[]> {
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
export async function visibleInstructionsByIds(db: D1Database, user: SessionUser, orgId: string, ids: readonly string[]): Promise<Instruction[]> {
  if (ids.length === 0) return [];
  const { results } = await stmt(
    db,
    `${SELECT} WHERE ${VISIBLE_INSTRUCTION_SQL} AND n.id IN (SELECT value FROM json_each(?4)) ORDER BY n.created_at, n.rowid`,
    ...viewerParams(user, orgId),
    jsonList(ids),
  ).all<InstructionRow>();
  return results.map(mapInstruction);
}
