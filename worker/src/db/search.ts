// Search over items: FTS5 trigram (items_search) for words of three characters or more, LIKE for
// shorter ones (two-character Chinese words such as 教育 are common), plus filters by unit,
// leader, area, latest reported status and deadline. Its cost follows the caller's organisation,
// not the database: the index is matched only within the organisation's block of rowids
// (migration 0011), the rows come from the organisation's plans, and the latest status of a task
// is looked up through its lead units' reports, not by walking every unit's.
import { storedLabel } from './item-labels';
import type { ItemKind, ReportStatus } from '../../../shared/labels';
import type { SearchHit, SearchQuery, SearchResponse } from '../../../shared/schemas/dashboard';
import { stmt, type Db } from '../lib/d1';
import { titleOf } from '../lib/scope';

/** Trigram needs at least three characters to match anything. */
const TRIGRAM_MIN = 3;
const MAX_TERMS = 5;

export function termsOf(q: string): string[] {
  return [...new Set(q.split(/[\s,，、;；]+/).map((t) => t.trim()).filter(Boolean))].slice(0, MAX_TERMS);
}

/** An FTS5 phrase: the term in double quotes, inner quotes doubled, so no query syntax leaks in. */
export const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** A LIKE pattern matching the term literally anywhere (% _ and \ escaped). */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function snippetOf(text: string, terms: string[], width = 60): string {
  let at = -1;
  for (const t of terms) {
    const i = text.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0 || text.length <= width) return text.length > width ? `${text.slice(0, width)}…` : text;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

interface HitRow {
  id: string;
  plan_id: string;
  plan_title: string;
  kind: ItemKind;
  number: string;
  label: string | null;
  text: string;
  deadline: string | null;
  lead_names: string | null;
  leader_names: string | null;
  status: ReportStatus | null;
  percent: number | null;
  total: number;
}

/**
 * The caller's organisation's block of items_search rowids (org_key × 2^32 + n, migration 0011),
 * so the MATCH reads only its postings; every block for the super-admin (?1 null). An
 * organisation without items has no key and matches the whole index, filtered by p.org_id.
 */
const ORG_BLOCK = `f.rowid > COALESCE((SELECT org_key FROM search_orgs WHERE org_id = ?1), 0) * 4294967296
                   AND f.rowid < COALESCE((SELECT org_key + 1 FROM search_orgs WHERE org_id = ?1), 2147483647) * 4294967296`;

export async function searchItems(db: Db, orgId: string | null, q: SearchQuery): Promise<SearchResponse> {
  const terms = termsOf(q.q);
  const long = terms.filter((t) => [...t].length >= TRIGRAM_MIN);
  const short = terms.filter((t) => [...t].length < TRIGRAM_MIN);
  // Fixed parameters ?1–?9; text terms follow from ?10.
  const params: unknown[] = [
    orgId,
    q.plan ?? null,
    q.unit ?? null,
    q.leader ?? null,
    q.area ?? null,
    q.status ?? null,
    q.deadlineFrom ?? null,
    q.deadlineTo ?? null,
    q.limit,
  ];
  const textConditions: string[] = [];
  if (long.length) {
    params.push(long.map(ftsPhrase).join(' AND '));
    textConditions.push(`i.id IN (SELECT m.item_id FROM items_search f JOIN item_search_rows m ON m.row = f.rowid
                                   WHERE items_search MATCH ?${params.length} AND ${ORG_BLOCK})`);
  }
  for (const t of short) {
    params.push(likePattern(t));
    textConditions.push(`i.text LIKE ?${params.length} ESCAPE '\\'`);
  }
  // The latest status: CROSS JOIN walks from the task's lead units to their reports (a few per
  // unit); left alone SQLite walks down all the task's reports by period to spare a sort.
  const sql = `
    SELECT i.id, i.plan_id, p.title AS plan_title, i.kind, i.number, i.label, i.text, i.deadline,
           (SELECT group_concat(name, '、') FROM (SELECT u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id
              WHERE iu.item_id = i.id AND iu.role = 'lead' ORDER BY iu.seq)) AS lead_names,
           (SELECT group_concat(name, '、') FROM (SELECT l.name FROM item_leaders il JOIN leaders l ON l.id = il.leader_id
              WHERE il.item_id = i.id ORDER BY il.seq)) AS leader_names,
           lr.status, lr.percent, COUNT(*) OVER () AS total
      FROM items i
      JOIN plans p ON p.id = i.plan_id
      LEFT JOIN reports lr ON lr.id = (
             SELECT r.id FROM item_units lu CROSS JOIN reports r ON r.item_id = lu.item_id AND r.unit_id = lu.unit_id
              WHERE lu.item_id = i.id AND lu.role = 'lead' AND r.state <> 'draft' AND r.submitted_at IS NOT NULL
              ORDER BY r.period DESC, r.submitted_at DESC LIMIT 1)
     WHERE ${orgId === null ? '?1 IS NULL' : 'p.org_id = ?1'}
       AND (?2 IS NULL OR i.plan_id = ?2)
       AND (?3 IS NULL OR EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = i.id AND x.unit_id = ?3 AND x.role IN ('lead', 'co')))
       AND (?4 IS NULL OR EXISTS (SELECT 1 FROM item_leaders x WHERE x.item_id = i.id AND x.leader_id = ?4))
       AND (?5 IS NULL OR EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = i.id AND x.unit_id = ?5 AND x.role = 'area'))
       AND (?6 IS NULL OR (?6 = 'unreported' AND lr.id IS NULL) OR lr.status = ?6)
       AND (?7 IS NULL OR i.deadline >= ?7)
       AND (?8 IS NULL OR i.deadline <= ?8)
       ${textConditions.map((c) => `AND ${c}`).join('\n       ')}
     ORDER BY p.year DESC, p.created_at DESC, i.seq
     LIMIT ?9`;
  const { results } = await stmt(db, sql, ...params).all<HitRow>();
  const hits: SearchHit[] = results.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    kind: r.kind,
    number: r.number,
    label: storedLabel(r),
    title: titleOf(r.text),
    snippet: snippetOf(r.text, terms),
    leadUnits: r.lead_names ? r.lead_names.split('、') : [],
    leaders: r.leader_names ? r.leader_names.split('、') : [],
    deadline: r.deadline,
    status: r.status,
    percent: r.percent,
  }));
  const mode = long.length ? 'fts' : short.length ? 'like' : 'filter';
  return { total: results[0]?.total ?? 0, hits, mode };
}

/** Units and leaders of an organisation and the areas of a plan: the search and edit pickers. */
export async function directoryOf(db: Db, orgId: string, planId: string) {
  const [units, leaders, areas] = await db.batch<Record<string, unknown>>([
    stmt(db, 'SELECT id, name, kind FROM units WHERE org_id = ?1', orgId),
    stmt(db, 'SELECT id, name FROM leaders WHERE org_id = ?1', orgId),
    stmt(
      db,
      `SELECT DISTINCT u.id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.plan_id = ?1 AND iu.role = 'area'`,
      planId,
    ),
  ]);
  const zh = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
  return {
    units: (units!.results as Array<{ id: string; name: string; kind: 'unit' | 'group' }>).sort(zh),
    leaders: (leaders!.results as Array<{ id: string; name: string }>).sort(zh),
    areas: (areas!.results as Array<{ id: string; name: string }>).sort(zh),
  };
}
