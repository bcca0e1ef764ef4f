// Unit (单位) names as printed in a plan: split a cell into names, mark the leads (★), normalise.
// Aliases (区发改委 vs 发改委) are NOT resolved here; that happens when a plan is committed.
import { isNoneMark, stripMarkdown, stripTags } from './text';

export interface UnitSplit {
  leadUnits: string[];
  coUnits: string[];
}

const STAR = /[★☆*＊]/g;
const SEPARATOR = new Set(['、', '，', ',', '；', ';']);
const OPEN = new Set(['(', '（', '[', '【', '《']);
const CLOSE = new Set([')', '）', ']', '】', '》']);

/** `★ 住建局(农房办)、` → `住建局（农房办）`: no whitespace or ★, full-width brackets, no edge punctuation. */
export function normaliseUnitName(name: string): string {
  return name
    .replace(/[\s\u00a0\u3000★☆]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^[、，,；;：:。.·]+/, '')
    .replace(/[、，,；;：:。.·]+$/, '');
}

/** A name that stands for a set of units (各镇（街道）, 各相关单位, 各板块, 安委会成员单位 …). */
export function isPlaceholderUnit(name: string): boolean {
  const n = normaliseUnitName(name);
  return (
    /^(各|全区各|全市各|全县各|区各|市各|县各|相关|有关|其他|其它|其余)/.test(n) ||
    /(等|等相关|其他|有关|相关)(部门|单位|板块)$/.test(n) ||
    /成员单位$/.test(n) ||
    /^(部门|单位|板块)$/.test(n)
  );
}

/** Split on 、，,；; outside brackets, so `各镇（街道、场）` stays one name. */
function splitOutsideBrackets(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch) && depth > 0) depth--;
    if (depth === 0 && SEPARATOR.has(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/**
 * Spaces inside a list are noise (`人社局、 农业农村局`, `各 部门`, `★ 司法局`) unless they separate
 * two whole names (`★卫健委 ★教育局`): split only where both sides have at least two characters.
 */
function splitOnNameSpaces(token: string): string[] {
  const words = token.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const bare = (x: string) => x.replace(STAR, '');
    if (prev !== undefined && (bare(prev).length < 2 || bare(w).length < 2)) out[out.length - 1] = prev + w;
    else out.push(w);
  }
  return out;
}

/**
 * Kinds a placeholder lists after its first one: `各区、县级市`, `各部门、单位` are one group, not a
 * group and a unit named 县级市 / 单位.
 */
const PLACEHOLDER_KIND =
  /^(?:县级市|县（市、区）|县（市）|县市区|市|区|县|镇|乡|乡镇|街道|园区|开发区|管委会|单位|部门|板块|直属单位|直属机构|企业|事业单位|驻区单位|驻县单位)$/;

/** Names in a unit cell with their ★ marks, in printed order. */
export function unitTokens(cell: string): Array<{ name: string; star: boolean }> {
  const text = stripMarkdown(stripTags(cell));
  const out: Array<{ name: string; star: boolean }> = [];
  for (const part of splitOutsideBrackets(text)) {
    for (const word of splitOnNameSpaces(part)) {
      if (isNoneMark(word.replace(STAR, ''))) continue;
      // Names stay as printed: `交运局等安委会成员单位`.
      const name = normaliseUnitName(word.replace(/[*＊]/g, ''));
      if (!name || isNoneMark(name)) continue;
      const prev = out[out.length - 1];
      if (prev && prev.name.startsWith('各') && isPlaceholderUnit(prev.name) && PLACEHOLDER_KIND.test(name)) {
        prev.name += `、${name}`;
      } else out.push({ name, star: /[★☆]/.test(word) });
    }
  }
  return out;
}

/**
 * A unit cell → leads and co-units. ★ marks leads (several ★ = parallel leads); a cell without
 * any ★ has its first unit as lead.
 */
export function splitUnits(cell: string): UnitSplit {
  const tokens = unitTokens(cell);
  const anyStar = tokens.some((t) => t.star);
  const lead: string[] = [];
  const co: string[] = [];
  tokens.forEach((t, i) => {
    const isLead = anyStar ? t.star : i === 0;
    const list = isLead ? lead : co;
    if (!list.includes(t.name)) list.push(t.name);
  });
  return { leadUnits: lead, coUnits: co.filter((n) => !lead.includes(n)) };
}

/** Names of a cell without lead/co distinction (areas, 主要责任板块). */
export function splitNames(cell: string): string[] {
  const names: string[] = [];
  for (const t of unitTokens(cell)) if (!names.includes(t.name)) names.push(t.name);
  return names;
}

/**
 * A cell that holds one group of names per task, in task order: `<p>…</p> <p>…</p>`, or groups
 * separated by spaces (`★卫健委 ★教育局`, `—— ——`). A space after `、` or before a lone ★
 * does not start a group.
 */
export function splitCellGroups(cell: string): string[] {
  if (/<p[\s>]/i.test(cell)) {
    const groups: string[] = [];
    for (const m of cell.matchAll(/<p[^>]*>([\s\S]*?)(?:<\/p>|(?=<p[\s>])|$)/gi)) groups.push((m[1] ?? '').trim());
    return groups;
  }
  const words = stripMarkdown(stripTags(cell)).trim().split(/\s+/).filter(Boolean);
  const groups: string[] = [];
  for (const w of words) {
    const prev = groups[groups.length - 1];
    const joins =
      prev !== undefined && (/^[★☆]$/.test(prev) || /[、，,；;（(]$/.test(prev) || /^[、，,；;）)]/.test(w));
    if (joins) groups[groups.length - 1] = prev + w;
    else groups.push(w);
  }
  return groups;
}
