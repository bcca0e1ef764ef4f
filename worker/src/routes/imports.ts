// In-app import of a plan document: preview (items, units, warnings, differences from a plan with
// the same document number), then commit with the admin's unit mappings and corrections. The
// corrections are applied by the server to its own parse — the client's item list is never taken.
import { Hono } from 'hono';
import { parsePlanDocument } from '../../../shared/import';
import { applyCorrections } from '../../../shared/import/corrections';
import { suggestSameUnits } from '../../../shared/import/near-duplicates';
import type { Correction, CorrectionOutcome } from '../../../shared/schemas/import-corrections';
import { ImportCommitBody, ImportDocumentBody, type ParsedPlan, type UnitResolution } from '../../../shared/schemas/import';
import type { AppEnv, SessionUser } from '../env';
import { aliasStatements, assertAliasable, indexUnits, listUnitsWithAliases, unitNameIndex, type UnitWithAliases } from '../db/aliases';
import { commitPlan, isGroupName, orgNameOf, planIdByDocNumber, shortOrgName } from '../db/import';
import type { Databases } from '../lib/databases';
import { importOrgOf } from '../lib/placement';
import { confirmedAliasStatements, documentKey, forgetCorrectionsStatement, loadCorrections, saveCorrectionsStatements } from '../db/import-corrections';
import { diffPlan } from '../db/import-diff';
import { applyPlanUpdate } from '../db/import-update';
import { listItems } from '../db/plans';
import { sha256Hex } from '../lib/crypto';
import { badRequest, conflict } from '../lib/errors';
import { validate } from '../lib/validate';
import { orgOf, requireRole } from '../middleware/auth';
import type { Db } from '../lib/d1';

function parseOrReject(text: string, fileName?: string): ParsedPlan {
  const parsed = parsePlanDocument(text, { fileName });
  if (parsed.items.length === 0) throw badRequest('未能从文档中识别出任何任务或指标，请检查文档内容');
  return parsed;
}

/**
 * The organisation an import belongs to: the admin's own; a super-admin's follows the issuer, on
 * the database the directory places it (lib/placement.ts).
 */
async function importOrg(dbs: Databases, user: SessionUser, issuer: string, now: Date, create: boolean): Promise<string | null> {
  if (user.role !== 'superadmin') return orgOf(user);
  return importOrgOf(dbs, issuer, now, create);
}

async function existingPlanId(db: Db, orgId: string | null, docNumber: string | null): Promise<string | null> {
  if (!orgId || !docNumber) return null;
  return planIdByDocNumber(db, orgId, docNumber);
}

function resolveUnits(parsed: ParsedPlan, index: Map<string, { id: string; name: string; alias: boolean }>): UnitResolution[] {
  const counts = new Map<string, number>();
  for (const it of parsed.items) {
    for (const n of new Set([...it.leadUnits, ...it.coUnits, ...it.areas])) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts].map(([name, items]) => {
    const hit = index.get(name);
    if (hit) return { name, status: hit.alias ? 'alias' : 'existing', unitId: hit.id, unitName: hit.name, items } as const;
    return { name, status: isGroupName(name) ? 'group' : 'new', unitId: null, unitName: null, items } as const;
  });
}

/** Applies the corrections to the server's own parse; with `strict`, one that fails is a 400. */
function corrected(raw: ParsedPlan, corrections: Correction[], text: string, strict: boolean) {
  const result = applyCorrections(raw, corrections, text);
  const stale: CorrectionOutcome[] = result.outcomes.flatMap((reason, index) => (reason ? [{ index, correction: corrections[index]!, reason }] : []));
  if (strict && stale.length) {
    throw badRequest(`有 ${stale.length} 处修改已不适用：${stale.map((s) => s.reason).join('；')}`, { corrections: stale.map((s) => s.index).join(',') });
  }
  if (result.parsed.items.length === 0) throw badRequest('修改后没有任何任务或指标');
  return { ...result, stale, applied: corrections.filter((_, i) => result.outcomes[i] === null) };
}

/** Near-duplicates among the names this document uses and the organisation's units. */
function sameUnitSuggestions(units: UnitResolution[], orgUnits: UnitWithAliases[], corrections: Correction[], org: string | null) {
  return suggestSameUnits({
    used: new Map(units.filter((u) => u.status === 'new' || u.status === 'existing').map((u) => [u.name, u.items])),
    existing: new Map(orgUnits.filter((u) => u.kind === 'unit').map((u) => [u.name, u.items])),
    rejected: corrections.flatMap((c) => (c.op === 'distinct-units' ? [c.names] : [])),
    place: org ? shortOrgName(org).replace(/[区县市]$/, '') : '',
    isGroup: isGroupName,
  });
}

export const imports = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .post('/preview', validate('json', ImportDocumentBody), async (c) => {
    const { text, fileName, corrections: sent } = c.req.valid('json');
    const db = c.env.DB;
    const user = c.var.user;
    const raw = parseOrReject(text, fileName);
    // Corrections kept from an earlier import of this document, unless the clerk sent a list.
    const rawOrg = await importOrg(c.var.databases, user, raw.plan.issuer, c.var.now(), false);
    const stored = sent === undefined && rawOrg ? await loadCorrections(db, rawOrg, await documentKey(raw, text)) : [];
    const fix = corrected(raw, sent ?? stored, text, false);
    const parsed = fix.parsed;
    const orgId = parsed.plan.issuer === raw.plan.issuer ? rawOrg : await importOrg(c.var.databases, user, parsed.plan.issuer, c.var.now(), false);
    const orgUnits = orgId ? await listUnitsWithAliases(db, orgId) : [];
    const index = indexUnits(orgUnits);
    const planId = await existingPlanId(db, orgId, parsed.plan.docNumber);
    let existing = null;
    if (planId) {
      const items = await listItems(db, planId);
      const diff = diffPlan(items, parsed.items, (n) => index.get(n)?.name ?? n);
      existing = { planId, diff };
    }
    const name = orgId ? await orgNameOf(db, orgId) : null;
    const units = resolveUnits(parsed, index);
    return c.json({
      parsed,
      units,
      existing,
      issuerMatches: !name || name === parsed.plan.issuer,
      corrections: fix.applied,
      reapplied: sent === undefined ? fix.applied.length : 0,
      stale: fix.stale,
      settings: { cycle: fix.cycle ?? null, dueDay: fix.dueDay ?? null },
      sameUnits: sameUnitSuggestions(units, orgUnits, fix.applied, name),
    });
  })
  .post('/commit', validate('json', ImportCommitBody), async (c) => {
    const body = c.req.valid('json');
    const db = c.env.DB;
    const user = c.var.user;
    const now = c.var.now();
    const raw = parseOrReject(body.text, body.fileName);
    const fix = corrected(raw, body.corrections, body.text, true);
    const parsed = fix.parsed;
    const orgId = (await importOrg(c.var.databases, user, parsed.plan.issuer, now, true))!;
    const docKey = await documentKey(raw, body.text);
    const index = await unitNameIndex(db, orgId);
    for (const a of body.aliases) {
      assertAliasable(a.name);
      const target = [...index.values()].find((u) => u.id === a.unitId);
      if (!target) throw badRequest(`“${a.name}”对应的单位不存在`, { aliases: a.name });
      if (index.has(a.name)) throw conflict(`“${a.name}”已是一个单位名称或别名`);
    }
    const planId = await existingPlanId(db, orgId, parsed.plan.docNumber);
    if (planId && body.mode !== 'update') {
      throw conflict(`文号为 ${parsed.plan.docNumber} 的工作方案已导入，请确认差异后选择更新`, { planId });
    }
    // Aliases first, so the plan's names resolve to the units the admin chose.
    const aliasWrites = body.aliases.flatMap((a) => aliasStatements(db, { orgId, alias: a.name, unitId: a.unitId, userId: user.id, now }));
    if (aliasWrites.length) await db.batch(aliasWrites);
    // The corrections are kept for the next import of this document, and confirmed spellings
    // become aliases once their units exist.
    const keep = (id: string) => [
      ...(body.corrections.length
        ? saveCorrectionsStatements(db, { orgId, docKey, corrections: body.corrections, userId: user.id, now, planId: id })
        : [forgetCorrectionsStatement(db, orgId, docKey)]),
      ...confirmedAliasStatements(db, { orgId, corrections: body.corrections, userId: user.id, now, planId: id }),
    ];
    if (planId) {
      const items = await listItems(db, planId);
      const fresh = await unitNameIndex(db, orgId);
      const diff = diffPlan(items, parsed.items, (n) => fresh.get(n)?.name ?? n);
      const result = await applyPlanUpdate(db, { planId, orgId, parsed, diff, userId: user.id, now });
      await db.batch(keep(planId));
      return c.json({ mode: 'update' as const, planId, ...result });
    }
    const result = await commitPlan(db, {
      orgId,
      parsed,
      userId: user.id,
      now,
      cycle: body.cycle ?? fix.cycle,
      dueDay: body.dueDay ?? fix.dueDay,
      sourceName: body.fileName ?? null,
      sourceSha256: await sha256Hex(body.text),
      extra: keep,
    });
    return c.json({ mode: 'create' as const, ...result, warnings: parsed.warnings.length, corrections: body.corrections.length }, 201);
  });
