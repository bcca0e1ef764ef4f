// Writes a parsed plan document into D1: the organisation, its units (through aliases), leaders,
// headings, items and targets. One D1 batch per plan, so a plan lands whole or not at all.
import type { Cycle } from '../../../shared/schemas/common';
import type { ParsedPlan } from '../../../shared/schemas/import';
import { planItemLabels } from '../../../shared/item-labels';
import { auditStatement } from './audit';
import { insertRows, stmt, type Db } from '../lib/d1';
import { conflict } from '../lib/errors';

/** Abbreviations the plans use for the same unit; created per organisation, editable later. */
export const DEFAULT_ALIASES: ReadonlyArray<readonly [alias: string, name: string]> = [
  ['文体旅局', '文体旅游局'],
  ['交运局', '交通运输局'],
  ['资规局', '资规分局'],
  ['住建委', '住建局'],
  ['卫健局', '卫健委'],
];

/** Placeholders that name a set of units rather than one (各镇（街道）, 各相关单位 …). */
export function isGroupName(name: string): boolean {
  return /^(各|全区各|相关|有关|其他)/.test(name) || /等(部门|单位)$/.test(name);
}

/** The short name people use for an issuer: 苏州市吴中区人民政府 → 吴中区. */
export function shortOrgName(issuer: string): string {
  const m = /(?:.+?[省市])?(.+?[区县市])人民政府$/.exec(issuer);
  return m?.[1] ?? issuer.replace(/人民政府$/, '');
}

/** The organisation named `name` on this database, created (with `id`) when missing. */
export async function ensureOrg(db: Db, name: string, now: Date, id: string = crypto.randomUUID()): Promise<string> {
  await stmt(
    db,
    'INSERT INTO orgs (id, name, short_name, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(name) DO NOTHING',
    id,
    name,
    shortOrgName(name),
    now.toISOString(),
  ).run();
  return (await orgIdByName(db, name))!;
}

export async function orgIdByName(db: Db, name: string): Promise<string | null> {
  return (await stmt(db, 'SELECT id FROM orgs WHERE name = ?1', name).first<{ id: string }>())?.id ?? null;
}

export async function orgNameOf(db: Db, orgId: string): Promise<string | null> {
  return (await stmt(db, 'SELECT name FROM orgs WHERE id = ?1', orgId).first<{ name: string }>())?.name ?? null;
}

/** The plan of an organisation with this 文号, if one was imported. */
export async function planIdByDocNumber(db: Db, orgId: string, docNumber: string): Promise<string | null> {
  return (await stmt(db, 'SELECT id FROM plans WHERE org_id = ?1 AND doc_number = ?2', orgId, docNumber).first<{ id: string }>())?.id ?? null;
}

export interface CommitOptions {
  orgId: string;
  parsed: ParsedPlan;
  userId: string | null;
  now: Date;
  cycle?: Cycle;
  dueDay?: number;
  sourceName?: string | null;
  sourceSha256?: string | null;
  /** More writes for the same batch (the import's corrections), given the new plan's id. */
  extra?: (planId: string) => D1PreparedStatement[];
}

export interface CommitResult {
  planId: string;
  items: number;
  unitsCreated: number;
  leadersCreated: number;
}

const DEFAULT_ALIAS_MAP = new Map(DEFAULT_ALIASES);

/**
 * Resolves names to unit ids through the organisation's aliases and units, creating missing
 * units. A known abbreviation (交运局) lands on its full name's unit and is recorded as an alias.
 */
async function resolveUnits(db: Db, orgId: string, names: Set<string>, nowIso: string) {
  const [units, aliases] = await db.batch<{ id: string; name: string; alias?: string; unit_id?: string }>([
    stmt(db, 'SELECT id, name FROM units WHERE org_id = ?1', orgId),
    stmt(db, 'SELECT alias, unit_id FROM unit_aliases WHERE org_id = ?1', orgId),
  ]);
  const byName = new Map<string, string>();
  for (const u of units!.results) byName.set(u.name, u.id);
  for (const a of aliases!.results) byName.set(a.alias!, a.unit_id!);
  const newUnits: unknown[][] = [];
  const newAliases: unknown[][] = [];
  for (const name of names) {
    if (byName.has(name)) continue;
    const canonical = DEFAULT_ALIAS_MAP.get(name);
    if (canonical) {
      let id = byName.get(canonical);
      if (!id) {
        id = crypto.randomUUID();
        byName.set(canonical, id);
        newUnits.push([id, orgId, canonical, 'unit', nowIso]);
      }
      byName.set(name, id);
      newAliases.push([orgId, name, id]);
      continue;
    }
    const id = crypto.randomUUID();
    byName.set(name, id);
    newUnits.push([id, orgId, name, isGroupName(name) ? 'group' : 'unit', nowIso]);
  }
  return { byName, newUnits, newAliases };
}

async function resolveLeaders(db: Db, orgId: string, names: Set<string>, nowIso: string) {
  const { results } = await stmt(db, 'SELECT id, name FROM leaders WHERE org_id = ?1', orgId).all<{ id: string; name: string }>();
  const byName = new Map(results.map((r) => [r.name, r.id]));
  const newLeaders: unknown[][] = [];
  for (const name of names) {
    if (byName.has(name)) continue;
    const id = crypto.randomUUID();
    byName.set(name, id);
    newLeaders.push([id, orgId, name, nowIso]);
  }
  return { byName, newLeaders };
}

/** Units and leaders of a set of items, resolved to ids; the statements create the missing ones. */
export async function resolveNames(db: Db, orgId: string, items: ParsedPlan['items'], nowIso: string) {
  const unitNames = new Set<string>();
  const leaderNames = new Set<string>();
  for (const it of items) {
    for (const n of [...it.leadUnits, ...it.coUnits, ...it.areas]) unitNames.add(n);
    for (const n of it.leaders) leaderNames.add(n);
  }
  const units = await resolveUnits(db, orgId, unitNames, nowIso);
  const leaders = await resolveLeaders(db, orgId, leaderNames, nowIso);
  return {
    unitId: (name: string) => units.byName.get(name)!,
    leaderId: (name: string) => leaders.byName.get(name)!,
    unitsCreated: units.newUnits.length,
    leadersCreated: leaders.newLeaders.length,
    statements: [
      ...insertRows(db, 'INSERT INTO units (id, org_id, name, kind, created_at)', 5, units.newUnits),
      ...insertRows(db, 'INSERT INTO leaders (id, org_id, name, created_at)', 4, leaders.newLeaders),
      ...insertRows(db, 'INSERT INTO unit_aliases (org_id, alias, unit_id)', 3, units.newAliases, 'ON CONFLICT DO NOTHING'),
    ],
  };
}
export type ResolvedNames = Awaited<ReturnType<typeof resolveNames>>;

/** Finds or creates the section rows of heading paths within one plan. */
export function sectionResolver(planId: string, existing: Array<{ id: string; path: string[] }> = []) {
  const ids = new Map<string, string>(existing.map((s) => [JSON.stringify(s.path), s.id]));
  const newRows: unknown[][] = [];
  let seq = existing.length;
  return {
    newRows,
    sectionOf(path: string[]): string | null {
      let parent: string | null = null;
      for (let depth = 0; depth < path.length; depth++) {
        const key = JSON.stringify(path.slice(0, depth + 1));
        let id = ids.get(key);
        if (!id) {
          id = crypto.randomUUID();
          ids.set(key, id);
          newRows.push([id, planId, parent, seq++, depth, path[depth]]);
        }
        parent = id;
      }
      return parent;
    },
  };
}

/** The unit, leader and target rows that hang off one item. */
export function itemChildRows(itemId: string, planId: string, it: ParsedPlan['items'][number], names: ResolvedNames) {
  const units: unknown[][] = [];
  const seen = new Set<string>();
  const add = (name: string, role: 'lead' | 'co' | 'area') => {
    const unitId = names.unitId(name);
    const key = `${unitId}:${role === 'area' ? 'area' : 'carry'}`;
    if (seen.has(key)) return; // a unit listed twice (or as lead and co) keeps its first role
    seen.add(key);
    units.push([itemId, unitId, planId, role, units.length]);
  };
  it.leadUnits.forEach((n) => add(n, 'lead'));
  it.coUnits.forEach((n) => add(n, 'co'));
  it.areas.forEach((n) => add(n, 'area'));
  const leaders = [...new Set(it.leaders)].map((n, i) => [itemId, names.leaderId(n), planId, i]);
  const targets = it.targets.map((t, i) => [crypto.randomUUID(), itemId, i, t.text, t.value, t.unit]);
  return { units, leaders, targets };
}

export const ITEM_INSERT = 'INSERT INTO items (id, plan_id, section_id, seq, kind, number, path_json, text, deadline, source_line, created_at, updated_at, label)';
export const ITEM_UNIT_INSERT = 'INSERT INTO item_units (item_id, unit_id, plan_id, role, seq)';
export const ITEM_LEADER_INSERT = 'INSERT INTO item_leaders (item_id, leader_id, plan_id, seq)';
export const TARGET_INSERT = 'INSERT INTO targets (id, item_id, seq, text, value, unit)';
export const SECTION_INSERT = 'INSERT INTO sections (id, plan_id, parent_id, seq, depth, title)';

export async function commitPlan(db: Db, o: CommitOptions): Promise<CommitResult> {
  const { parsed, orgId, now } = o;
  const nowIso = now.toISOString();
  if (parsed.plan.docNumber) {
    const existing = await planIdByDocNumber(db, orgId, parsed.plan.docNumber);
    if (existing) throw conflict(`文号为 ${parsed.plan.docNumber} 的工作方案已导入`, { planId: existing });
  }
  const names = await resolveNames(db, orgId, parsed.items, nowIso);
  const planId = crypto.randomUUID();
  const sections = sectionResolver(planId);
  const itemRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  const leaderRows: unknown[][] = [];
  const targetRows: unknown[][] = [];
  const labels = planItemLabels(parsed.items);
  parsed.items.forEach((it, seq) => {
    const itemId = crypto.randomUUID();
    itemRows.push([itemId, planId, sections.sectionOf(it.path), seq, it.kind, it.number, JSON.stringify(it.path), it.text, it.deadline, it.line ?? null, nowIso, nowIso, labels[seq]]);
    const rows = itemChildRows(itemId, planId, it, names);
    unitRows.push(...rows.units);
    leaderRows.push(...rows.leaders);
    targetRows.push(...rows.targets);
  });

  const statements: D1PreparedStatement[] = [
    ...names.statements,
    stmt(
      db,
      `INSERT INTO plans (id, org_id, title, issuer, doc_number, year, cycle, due_day, source_name, source_sha256, created_by, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)`,
      planId, orgId, parsed.plan.title, parsed.plan.issuer, parsed.plan.docNumber, parsed.plan.year,
      o.cycle ?? 'monthly', o.dueDay ?? 25, o.sourceName ?? null, o.sourceSha256 ?? null, o.userId, nowIso,
    ),
    ...insertRows(db, SECTION_INSERT, 6, sections.newRows),
    ...insertRows(db, ITEM_INSERT, 13, itemRows),
    ...insertRows(db, ITEM_UNIT_INSERT, 5, unitRows),
    ...insertRows(db, ITEM_LEADER_INSERT, 4, leaderRows),
    ...insertRows(db, TARGET_INSERT, 6, targetRows),
    auditStatement(db, { orgId, userId: o.userId, action: 'plan.import', entityType: 'plan', entityId: planId, summary: `导入《${parsed.plan.title}》${parsed.items.length} 项` }, now),
    ...(o.extra?.(planId) ?? []),
  ];
  // One batch = one transaction: the plan appears whole or not at all.
  await db.batch(statements);
  return { planId, items: itemRows.length, unitsCreated: names.unitsCreated, leadersCreated: names.leadersCreated };
}
