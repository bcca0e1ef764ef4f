// Who leads: the unit lists of one item (牵头单位 / 责任单位 / 配合单位 values, from a table's columns
// or a task's annotations) → lead and co units, applying the phrases and rules plans use:
//   甲、乙分别牵头 / 甲、乙牵头，丙配合 / 甲牵头，各有关部门按职责分工负责  → 甲、乙 lead
//   ★甲、乙                                                               → ★ marks the leads
//   无牵头单位的，责任单位即为牵头单位 (a stated rule)                      → every 责任单位 leads
//   otherwise the first unit of the 责任单位 list leads.
import type { DocRules } from './doc-rules';
import { type UnitSplit, splitUnits, unitTokens } from './units';

/** `甲、乙分别牵头，丙、丁配合` → leads 甲、乙 and the rest. */
const LEAD_PHRASE = /^(.+?)(?:分别|共同|联合)?牵头(?:负责|抓总)?(?:[，,；;、]\s*(.*))?$/;
/** What follows the co units in a lead phrase: 配合 / 参与 / 按职责分工负责 / 协同落实. */
const CO_TAIL = /(?:按职责)?(?:分工)?(?:配合|参与|负责|落实|协同|协办)+(?:落实|推进)?[。；;]?$/;

export interface UnitValues {
  lead: string[];
  units: string[];
  co: string[];
}

const names = (v: string) => unitTokens(v).map((t) => t.name);

/** A value that says who leads in words (`甲、乙分别牵头，丙配合`), or null. */
export function leadPhrase(value: string): UnitSplit | null {
  const m = LEAD_PHRASE.exec(value.trim());
  if (!m || /[:：]/.test(m[1]!)) return null;
  const leadUnits = names(m[1]!);
  if (!leadUnits.length) return null;
  return { leadUnits, coUnits: names((m[2] ?? '').replace(CO_TAIL, '')) };
}

function unique(list: string[], not: string[] = []): string[] {
  return list.filter((n, i) => list.indexOf(n) === i && !not.includes(n));
}

export function assignUnits(v: UnitValues, rules: DocRules): UnitSplit {
  const lead: string[] = [];
  const co: string[] = [];
  for (const value of v.lead) {
    const phrase = leadPhrase(value);
    lead.push(...(phrase ? phrase.leadUnits : names(value)));
    if (phrase) co.push(...phrase.coUnits);
  }
  for (const value of v.units) {
    const phrase = leadPhrase(value);
    if (phrase) {
      (v.lead.length ? co : lead).push(...phrase.leadUnits);
      co.push(...phrase.coUnits);
    } else if (v.lead.length) co.push(...names(value));
    else if (rules.unitsLeadWithoutLead && !unitTokens(value).some((t) => t.star)) lead.push(...names(value));
    else {
      const split = splitUnits(value);
      lead.push(...split.leadUnits);
      co.push(...split.coUnits);
    }
  }
  for (const value of v.co) co.push(...names(value));
  const leadUnits = unique(lead);
  return { leadUnits, coUnits: unique(co, leadUnits) };
}
