// Near-duplicate unit names: OCR look-alikes (用直镇 / 甪直镇), a level prefix (区发改委 / 发改委)
// and abbreviations (污防攻坚办 / 污染防治攻坚办). Each is only a suggestion: the clerk confirms
// or rejects it before any unit (and account) is created. Plain one-character differences are
// offered only for long names — 税务局 / 商务局 / 水务局 are three different offices.
import type { SameUnitSuggestion } from '../schemas/import-corrections';

/** Characters OCR confuses with each other in unit names. */
const LOOK_ALIKE_GROUPS = ['用甪', '己已巳', '未末', '土士', '日曰', '人入八', '大太犬', '干千于', '天夭', '刀力', '王玉', '候侯', '戊戌戍', '拨拔', '折析', '杨扬', '汆氽', '另叧', '口囗', '兔免', '准淮', '治冶', '圳川'];
const LOOK_ALIKE = new Map<string, string>();
LOOK_ALIKE_GROUPS.forEach((g, i) => [...g].forEach((ch) => LOOK_ALIKE.set(ch, String(i))));

const LEVEL_PREFIXES = ['区', '市', '县', '区委', '市委', '县委'];

type Reason = SameUnitSuggestion['reason'];

function isSubsequence(short: string[], long: string[]): boolean {
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length;
}

/** Why two names may be one unit, or null. `place` is the organisation's short name (吴中). */
export function sameUnitReason(a: string, b: string, place = ''): Reason | null {
  if (a === b || /[（()）]/.test(a + b)) return null;
  const [x, y] = [[...a], [...b]];
  if (x.length === y.length && x.length >= 3) {
    const diff = x.flatMap((ch, i) => (ch === y[i] ? [] : [i]));
    if (diff.length !== 1) return null;
    const [p, q] = [x[diff[0]!]!, y[diff[0]!]!];
    if (LOOK_ALIKE.get(p) !== undefined && LOOK_ALIKE.get(p) === LOOK_ALIKE.get(q)) return 'ocr';
    return x.length >= 5 && !/[0-9一二三四五六七八九十东南西北]/.test(p + q) ? 'one-char' : null;
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  const [s, l] = [short.join(''), long.join('')];
  const prefixes = place ? [...LEVEL_PREFIXES, place] : LEVEL_PREFIXES;
  if (prefixes.some((p) => l === p + s) && short.length >= 2) return 'prefix';
  if (
    short.length >= 3 && long.length - short.length <= 3 &&
    short[0] === long[0] && short.at(-1) === long.at(-1) && isSubsequence(short, long)
  ) return 'abbr';
  return null;
}

export interface SuggestInput {
  /** Unit names this document uses (after the clerk's corrections), with item counts. */
  used: Map<string, number>;
  /** The organisation's units, with the number of items they carry. */
  existing: Map<string, number>;
  /** Pairs the clerk said are different units. */
  rejected: Array<[string, string]>;
  place?: string;
  isGroup: (name: string) => boolean;
}

/**
 * Groups the document's names with each other and with existing units (union of the pairs
 * above) and offers every name the document uses as another spelling of the group's one name:
 * an existing unit if there is one, else — and among existing ones — the name most items carry
 * (the longer on a tie). Two existing units are grouped only when the document uses one of them,
 * so an OCR spelling that already became a unit is still caught in the next document.
 */
export function suggestSameUnits(o: SuggestInput): SameUnitSuggestion[] {
  const rejected = new Set(o.rejected.flatMap(([a, b]) => [`${a}\n${b}`, `${b}\n${a}`]));
  const names = [...new Set([...o.used.keys(), ...o.existing.keys()])].filter((n) => !o.isGroup(n));
  const parent = new Map(names.map((n) => [n, n]));
  const root = (n: string): string => (parent.get(n) === n ? n : root(parent.get(n)!));
  const reasons = new Map<string, Reason>();
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i]!, names[j]!];
      if (!o.used.has(a) && !o.used.has(b)) continue;
      if (rejected.has(`${a}\n${b}`)) continue;
      const why = sameUnitReason(a, b, o.place);
      if (!why) continue;
      reasons.set(a, reasons.get(a) ?? why);
      reasons.set(b, reasons.get(b) ?? why);
      parent.set(root(a), root(b));
    }
  }
  const groups = new Map<string, string[]>();
  for (const n of names) if (reasons.has(n)) groups.set(root(n), [...(groups.get(root(n)) ?? []), n]);
  const out: SameUnitSuggestion[] = [];
  for (const members of groups.values()) {
    const rank = (n: string) => [o.existing.has(n) ? 1 : 0, (o.existing.get(n) ?? 0) + (o.used.get(n) ?? 0), [...n].length];
    const best = [...members].sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return rb[0]! - ra[0]! || rb[1]! - ra[1]! || rb[2]! - ra[2]! || a.localeCompare(b);
    })[0]!;
    for (const n of members) {
      if (n === best || !o.used.has(n) || rejected.has(`${n}\n${best}`)) continue;
      out.push({ name: n, as: best, existing: o.existing.has(best), reason: sameUnitReason(n, best, o.place) ?? reasons.get(n)! });
    }
  }
  return out.sort((a, b) => a.as.localeCompare(b.as) || a.name.localeCompare(b.name));
}
