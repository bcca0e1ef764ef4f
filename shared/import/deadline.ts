// Deadlines (时限) from the time words of a task text: 一季度 → 03-31, 上半年 → 06-30,
// 九月底前 → 09-30, 年底 → 12-31, 5月20日前 → 05-20. The earliest one wins; a date that names
// another year than the plan's is ignored (it is not a deadline inside this plan).
import { numeralValue } from './text';

interface Hit {
  year?: number;
  month: number;
  /** Day of month; undefined = last day of the month. */
  day?: number;
}

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const YEAR = '(?:(\\d{4})年)?';

function lastDayOf(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function yearOf(s: string | undefined): number | undefined {
  return s ? Number(s) : undefined;
}

const RULES: Array<[RegExp, (m: RegExpExecArray) => Hit | null]> = [
  // 2024年5月20日前
  [
    new RegExp(`${YEAR}${MONTH}月(\\d{1,2})日(?:前|之前|以前)`, 'g'),
    (m) => ({ year: yearOf(m[1]), month: numeralValue(m[2]!), day: Number(m[3]) }),
  ],
  // 6月底前, 九月底, 3月末, 10月前, 6月份
  [
    new RegExp(`${YEAR}${MONTH}月(?:份|底|末|之前|前)`, 'g'),
    (m) => ({ year: yearOf(m[1]), month: numeralValue(m[2]!) }),
  ],
  // 5月上旬 / 中旬 / 下旬
  [
    new RegExp(`${YEAR}${MONTH}月([上中下])旬`, 'g'),
    (m) => {
      const month = numeralValue(m[2]!);
      return m[3] === '下' ? { year: yearOf(m[1]), month } : { year: yearOf(m[1]), month, day: m[3] === '上' ? 10 : 20 };
    },
  ],
  // 一季度, 第三季度, 2季度, 前三季度 (not 每季度)
  [/(?<!每)(?:第|前)?([一二三四1-4])季度/g, (m) => ({ month: numeralValue(m[1]!) * 3 })],
  // 上半年 (not 每半年), 年中
  [/(?<![每])上半年/g, () => ({ month: 6 })],
  [/(?<![\d〇一二三四五六七八九十])年中(?=前|期|[，。；、,;]|$)/g, () => ({ month: 6 })],
  // 下半年, 年底, 年末, 2024年底
  [/下半年/g, () => ({ month: 12 })],
  [/(?:(\d{4})年|(?<![\d〇一二三四五六七八九十两几多近每]))(?:年底|年末)/g, (m) => ({ year: yearOf(m[1]), month: 12 })],
  [/(?:(\d{4})年)(?:底|末)/g, (m) => ({ year: yearOf(m[1]), month: 12 })],
  // 年内, 全年, 今年 (not 三年内). 当年 / 年度 are not deadlines (`危桥当年处置率`, `年度投资`).
  [/(?<![\d〇一二三四五六七八九十两几多近每])年内|全年|今年/g, () => ({ month: 12 })],
];

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The earliest deadline named in `text` within `planYear`, as YYYY-MM-DD, or null. */
export function extractDeadline(text: string, planYear: number): string | null {
  if (!(planYear >= 1000 && planYear <= 9999)) return null; // no plan year known: no date to build
  let best: string | null = null;
  for (const [re, toHit] of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const hit = toHit(m);
      if (!hit || !(hit.month >= 1 && hit.month <= 12)) continue;
      if (hit.year !== undefined && hit.year !== planYear) continue;
      const last = lastDayOf(planYear, hit.month);
      const day = hit.day === undefined ? last : hit.day;
      if (!(day >= 1 && day <= last)) continue;
      const date = iso(planYear, hit.month, day);
      if (best === null || date < best) best = date;
    }
  }
  return best;
}
