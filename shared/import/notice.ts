// The 印发 notice in front of a plan (主送 line, numbered requirements, signature and date) is not
// part of the plan: its `一、高度重视…` paragraphs are requirements, not tasks. Pasted pages often
// hold only the notice (the task table is an attachment that was not copied along). What the notice
// says about reporting (每月25日前…) is the plan's suggested cycle.
import type { ParsedPlanHeader } from '../schemas/import';
import { DUTY_BRACKET } from './inline-units';
import { cleanText } from './text';

/** A signature line: `2023年3月28日`, `二〇〇六年四月二十八日`, `(此件公开发布)`, `此通知`. */
const SIGNATURE =
  /^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|[(（]此件(?:公开发布|主动公开|不公开)[)）]|此通知|特此通知)$/;

/**
 * Where the plan's own content starts: a unit annotation (on its own line or in a bracket, or a
 * `（甲、乙等负责）` tail), a
 * table header, a table row, a task numbered 1. / 1、 (a notice numbers its paragraphs 一、二、).
 */
const CONTENT = /(?:牵头单位|责任单位|主办单位|配合单位|协办单位|责任领导|牵头领导)\s*[:：]|^序号(?:\s|\||$)|\t|^\d{1,3}\s*[.．、](?!\d)/;

/** A line that shows the document is (or starts with) a notice handing out a plan. */
const NOTICE_LINE =
  /关于(?:印发|分解|下达|做好).{2,}的通知|现将.{0,30}《.+》.{0,20}(?:印发|下达|分解)|《.+》.{0,40}现(?:予)?印发|印发给你们|现将有关事项通知如下/;

/**
 * Index of the notice's last signature line before the plan's content, or -1 when there is none.
 * Lines up to it are the notice.
 */
export function noticeEnd(lines: string[]): number {
  let end = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = cleanText(lines[i]!);
    if (CONTENT.test(lines[i]!.trim()) || CONTENT.test(t) || DUTY_BRACKET.test(t)) break;
    if (SIGNATURE.test(t)) end = i;
  }
  return end;
}

/** True when the document hands out a plan by a notice (its first 60 lines say so). */
export function looksLikeNotice(lines: string[]): boolean {
  return lines.slice(0, 60).some((l) => NOTICE_LINE.test(cleanText(l)));
}

// The reporting rule a notice states about itself: `每月25日前报送` → monthly, due day 25;
// `每季度末月20日前` / `每季度最后一个月的30日前` → quarterly; `每半年…` → half-yearly. The plan gets
// it as a suggestion (cycle, dueDay and the sentence) that the clerk confirms in the preview.

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
