// Rules a document states about its own unit lists, read and applied instead of being left in a
// unit's name or a task's text:
//   列第一位的(责任单位)为牵头单位 · 列第一位者为牵头单位 · 排名第一的为牵头单位    → the first unit listed leads
//   无牵头单位的，责任单位即为牵头单位                        → without a 牵头单位, every 责任单位 leads
//   ★为牵头单位 · 标★的为牵头单位 · 带*号的为牵头单位        → starred units lead
import { cleanText } from './text';

export interface DocRules {
  /** Without a 牵头单位, every unit of the 责任单位 list leads (parallel leads). */
  unitsLeadWithoutLead: boolean;
  /** The document says the first listed unit leads (the default reading as well). */
  firstListedLeads: boolean;
  /** The document says starred units lead (the default reading as well). */
  starLeads: boolean;
}

export const NO_RULES: DocRules = { unitsLeadWithoutLead: false, firstListedLeads: false, starLeads: false };

const FIRST_LEADS = /(?:列|排|排名|排在)第一(?:位|个)?[的者]?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)/;
const UNITS_LEAD = /(?:无|没有|未明确)牵头(?:单位|部门)的?[，,]?(?:责任(?:单位|部门))?即?(?:为|是)牵头(?:单位|部门)/;
const STAR_LEADS = /(?:标|带|加|注)?[★☆*＊](?:号|标注)?的?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)/;

/** A bracket or a note that only states one of the rules (`（列第一位的为牵头单位）`, `注：★为牵头单位`). */
const RULE_TEXT = new RegExp(
  `[(（][^()（）]*(?:${FIRST_LEADS.source}|${UNITS_LEAD.source}|${STAR_LEADS.source})[^()（）]*[)）]|^(?:注|说明|备注)?[:：]?\\s*(?:${FIRST_LEADS.source}|${UNITS_LEAD.source}|${STAR_LEADS.source})[^。]*。?$`,
  'g',
);

export function readDocRules(lines: string[]): DocRules {
  const text = lines.map(cleanText).join('\n');
  return {
    unitsLeadWithoutLead: UNITS_LEAD.test(text),
    firstListedLeads: FIRST_LEADS.test(text),
    starLeads: STAR_LEADS.test(text),
  };
}

/** The text without the rule statements in it (a header `责任单位（★为牵头单位）` → `责任单位`). */
export function stripRuleText(s: string): string {
  return s.replace(RULE_TEXT, '').trim();
}

/** True when the whole line only states a rule (a note under a table). */
export function isRuleLine(s: string): boolean {
  const t = cleanText(s);
  return t.length > 0 && stripRuleText(t) === '';
}
