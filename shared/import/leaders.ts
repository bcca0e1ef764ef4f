// Leader names (牵头领导 / 分管区领导). PDF copies put spaces inside two-character names
// (`钱 宇`, `李 烨`) and also between names (`周学斌 李 烨`), so spaces alone cannot split them.
import { isNoneMark, stripMarkdown, stripTags } from './text';

const NOT_A_NAME = /[0-9a-zA-Z★、，,；;。（）()]/;

/**
 * Names in one leader cell, in order. Single characters are joined with the next word when the
 * two make a plausible name (`李 烨` → 李烨, `张 伟` → 张伟); a leftover single character stays
 * as it is (see {@link repairLeaderFragments}).
 */
export function splitLeaders(cell: string): string[] {
  const text = stripMarkdown(stripTags(cell)).replace(/[\u00a0\u3000]/g, ' ');
  const words = text
    .split(/[\s、，,；;/／]+/)
    .map((w) => w.trim())
    .filter((w) => w && !isNoneMark(w));
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w.length === 1 && next !== undefined && next.length <= 2) {
      names.push(w + next);
      i++;
    } else names.push(w);
  }
  return names.filter((n, i) => names.indexOf(n) === i);
}

/** A line that is a person's name: 2–4 Han characters, possibly spaced (`钱 宇`), not a unit. */
export function looksLikePersonName(line: string): boolean {
  const t = line.trim();
  if (NOT_A_NAME.test(t)) return false;
  const bare = t.replace(/\s+/g, '');
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(bare)) return false;
  return !/(局|委|办|区|镇|街道|中心|公司|集团|院|会|部|所|队|站|行|社|馆|团|厅|处|室|组|场|署|关|府|县|市|省|村)$/.test(bare);
}

/**
 * `陆 明俞 悦`: two names printed without a space between them came out as 陆明俞 + 悦. When the
 * whole cell ends (or starts) with a name the document prints alone elsewhere (俞悦) and the rest is
 * a name's length, the cell is those two names.
 */
function resplitByKnownName(names: string[], known: Set<string>): string[] {
  const joined = names.join('');
  for (const k of known) {
    const rest = joined.endsWith(k) ? joined.slice(0, -k.length) : joined.startsWith(k) ? joined.slice(k.length) : null;
    if (rest !== null && rest.length >= 2 && rest.length <= 3) return joined.endsWith(k) ? [rest, k] : [k, rest];
  }
  return names;
}

/**
 * OCR sometimes drops a surname (`张伟 烨` for 张伟 李烨). Replace a one-character name by the
 * one full name in the document that ends (or starts) with it; report the ones that stay unclear.
 */
export function repairLeaderFragments(
  items: Array<{ leaders: string[]; line?: number }>,
  warn: (line: number, message: string) => void,
): void {
  const full = new Set<string>();
  for (const item of items) for (const n of item.leaders) if (n.length >= 2) full.add(n);
  const whole = new Set<string>();
  for (const item of items) if (item.leaders.every((n) => n.length >= 2)) for (const n of item.leaders) whole.add(n);
  for (const item of items) {
    if (item.leaders.some((n) => n.length === 1)) item.leaders = resplitByKnownName(item.leaders, whole);
    item.leaders = item.leaders.map((name) => {
      if (name.length !== 1) return name;
      const candidates = [...full].filter((f) => f.endsWith(name) || f.startsWith(name));
      if (candidates.length === 1) return candidates[0]!;
      warn(item.line ?? 0, `领导姓名「${name}」不完整，无法确定是哪位领导`);
      return name;
    });
    item.leaders = item.leaders.filter((n, i) => item.leaders.indexOf(n) === i);
  }
}
