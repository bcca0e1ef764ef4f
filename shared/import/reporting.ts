// The reporting rule a notice states about itself: `每月25日前报送` → monthly, due day 25;
// `每季度末月20日前` / `每季度最后一个月的30日前` → quarterly; `每半年…` → half-yearly. The plan gets
// it as a suggestion (cycle, dueDay and the sentence) that the clerk confirms in the preview.
import type { ParsedPlanHeader } from '../schemas/import';
import { cleanText } from './text';

type Rule = Pick<ParsedPlanHeader, 'cycle' | 'dueDay' | 'cycleSource'>;

const DAY = '(\\d{1,2})\\s*(?:日|号)\\s*(?:前|之前|以前)';
const RULES: Array<[RegExp, NonNullable<Rule['cycle']>]> = [
  // 每月25日前; 每月的28号前 (not 每月底: no day)
  [new RegExp(`每(?:个)?月(?:的)?${DAY}`), 'monthly'],
  // 每季度末月20日前, 每季度最后一个月的30日前, 每季度末20日前
  [new RegExp(`每(?:个)?季度(?:的)?(?:末月|最后一个月|末)(?:的)?${DAY}`), 'quarterly'],
  [new RegExp(`每半年(?:的)?(?:末月|最后一个月|末)?(?:的)?${DAY}`), 'half_yearly'],
];
/** `每季度末` / `每月底` / `每半年末` without a day: due at the end of the period's last month. */
const PERIOD_END: Array<[RegExp, NonNullable<Rule['cycle']>]> = [
  [/每(?:个)?季度(?:末|结束前)(?![\d])/, 'quarterly'],
  [/每半年(?:末|结束前)(?![\d])/, 'half_yearly'],
  [/每(?:个)?月(?:底|末)(?:前)?(?![\d])/, 'monthly'],
];
/** The same cycles without a day (`每季度报送一次`): the cycle is still a useful suggestion. */
const CYCLE_ONLY: Array<[RegExp, NonNullable<Rule['cycle']>]> = [
  [/每(?:个)?季度(?:末|结束前)?(?:报送|报告|上报)/, 'quarterly'],
  [/每半年(?:报送|报告|上报)/, 'half_yearly'],
  [/每(?:个)?月(?:底|末)?(?:报送|报告|上报)/, 'monthly'],
];

/**
 * Sentences of the notice, split at 。；; — a paragraph cut by a page break (`请各主要责任` /
 * `单位每月25日前报送…`) is joined back first; a short line (a heading) is not.
 */
function sentences(lines: string[]): string[] {
  let text = '';
  for (const raw of lines) {
    const t = cleanText(raw);
    if (!t) continue;
    const last = text.slice(text.lastIndexOf('\n') + 1);
    text += last.length >= 20 && !/[。；;！!？?：:]$/.test(last) ? t : `\n${t}`;
  }
  return text.split(/\n|(?<=[。；;])/).filter((s) => s.length > 0);
}

/** The first reporting rule in `lines` (the notice, before the plan's items), or {}. */
export function readReportingRule(lines: string[]): Rule {
  const all = sentences(lines);
  for (const s of all) {
    for (const [re, cycle] of RULES) {
      const m = re.exec(s);
      const day = m ? Number(m[1]) : 0;
      if (m && day >= 1 && day <= 31) return { cycle, dueDay: day, cycleSource: s };
    }
  }
  // The last day of the month: dueDateOf() clamps 31 to the month's length.
  for (const s of all) for (const [re, cycle] of PERIOD_END) if (re.test(s)) return { cycle, dueDay: 31, cycleSource: s };
  for (const s of all) for (const [re, cycle] of CYCLE_ONLY) if (re.test(s)) return { cycle, cycleSource: s };
  return {};
}
