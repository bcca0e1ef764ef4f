// Units of an organisation and their other spellings (文体旅局 = 文体旅游局), editable by the admin.
import { auditStatement } from './audit';
import { stmt, type Db } from '../lib/d1';
import { badRequest, conflict, notFound } from '../lib/errors';

export interface UnitWithAliases {
  id: string;
  name: string;
  kind: 'unit' | 'group';
  aliases: string[];
  items: number;
}

export async function listUnitsWithAliases(db: Db, orgId: string): Promise<UnitWithAliases[]> {
  const [units, aliases] = await db.batch<Record<string, unknown>>([
    stmt(
      db,
      `SELECT u.id, u.name, u.kind, (SELECT COUNT(DISTINCT item_id) FROM item_units iu WHERE iu.unit_id = u.id) AS items
         FROM units u WHERE u.org_id = ?1 ORDER BY u.kind, u.name`,
      orgId,
    ),
    stmt(db, 'SELECT alias, unit_id FROM unit_aliases WHERE org_id = ?1 ORDER BY alias', orgId),
  ]);
  const byUnit = new Map<string, string[]>();
  for (const a of aliases!.results) {
    const list = byUnit.get(a.unit_id as string) ?? [];
    list.push(a.alias as string);
    byUnit.set(a.unit_id as string, list);
  }
  return units!.results.map((u) => ({
    id: u.id as string,
    name: u.name as string,
    kind: u.kind as 'unit' | 'group',
    aliases: byUnit.get(u.id as string) ?? [],
    items: u.items as number,
  }));
}

/** Name → unit id through units and aliases of the organisation. */
export async function unitNameIndex(db: Db, orgId: string): Promise<Map<string, { id: string; name: string; alias: boolean }>> {
  return indexUnits(await listUnitsWithAliases(db, orgId));
}

export function indexUnits(units: UnitWithAliases[]): Map<string, { id: string; name: string; alias: boolean }> {
  const index = new Map<string, { id: string; name: string; alias: boolean }>();
  for (const u of units) {
    index.set(u.name, { id: u.id, name: u.name, alias: false });
    for (const a of u.aliases) index.set(a, { id: u.id, name: u.name, alias: true });
  }
  return index;
}

export function aliasStatements(
  db: Db,
  o: { orgId: string; alias: string; unitId: string; userId: string; now: Date },
): D1PreparedStatement[] {
  return [
    stmt(db, 'INSERT INTO unit_aliases (org_id, alias, unit_id) VALUES (?1, ?2, ?3)', o.orgId, o.alias, o.unitId),
    auditStatement(db, { orgId: o.orgId, userId: o.userId, action: 'alias.add', entityType: 'unit', entityId: o.unitId, summary: `别名：${o.alias}` }, o.now),
  ];
}

/** Adds an alias after checking that the unit is the organisation's and the name is free. */
export async function addAlias(db: Db, o: { orgId: string; alias: string; unitId: string; userId: string; now: Date }): Promise<void> {
  const unit = await stmt(db, 'SELECT id FROM units WHERE id = ?1 AND org_id = ?2', o.unitId, o.orgId).first();
  if (!unit) throw notFound('未找到该单位');
  const taken = await stmt(
    db,
    'SELECT 1 FROM units WHERE org_id = ?1 AND name = ?2 UNION ALL SELECT 1 FROM unit_aliases WHERE org_id = ?1 AND alias = ?2',
    o.orgId,
    o.alias,
  ).first();
  if (taken) throw conflict(`“${o.alias}”已是一个单位名称或别名`);
  await db.batch(aliasStatements(db, o));
}

export async function removeAlias(db: Db, o: { orgId: string; alias: string; userId: string; now: Date }): Promise<void> {
  const row = await stmt(db, 'SELECT unit_id FROM unit_aliases WHERE org_id = ?1 AND alias = ?2', o.orgId, o.alias).first<{ unit_id: string }>();
  if (!row) throw notFound('未找到该别名');
  await db.batch([
    stmt(db, 'DELETE FROM unit_aliases WHERE org_id = ?1 AND alias = ?2', o.orgId, o.alias),
    auditStatement(db, { orgId: o.orgId, userId: o.userId, action: 'alias.remove', entityType: 'unit', entityId: row.unit_id, summary: `删除别名：${o.alias}` }, o.now),
  ]);
}

export function assertAliasable(name: string): void {
  if (/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/.test(name)) throw badRequest('名称含有不可见字符');
}
