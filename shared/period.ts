// Reporting periods (报送周期) and their due dates, in China time (UTC+8, no DST).
// Pure functions: the caller passes `now`, nothing here reads the clock.
import type { Cycle } from './labels';

export { CYCLE_LABEL } from './labels';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const QUARTER_NAMES = ['一', '二', '三', '四'];

/** The calendar date in China for an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface ParsedPeriod {
  year: number;
  cycle: Cycle;
  /** 1-based index: month 1–12, quarter 1–4, half 1–2. */
  index: number;
  /** First and last month (1–12) covered. */
  firstMonth: number;
  lastMonth: number;
}

export function parsePeriod(period: string): ParsedPeriod {
  const m = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12]))$/.exec(period);
  if (!m) throw new Error(`bad period: ${period}`);
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return { year, cycle: 'monthly', index: month, firstMonth: month, lastMonth: month };
  }
  if (m[3]) {
    const q = Number(m[3]);
    return { year, cycle: 'quarterly', index: q, firstMonth: q * 3 - 2, lastMonth: q * 3 };
  }
  const h = Number(m[4]);
  return { year, cycle: 'half_yearly', index: h, firstMonth: h * 6 - 5, lastMonth: h * 6 };
}

export function formatPeriod(year: number, cycle: Cycle, index: number): string {
  if (cycle === 'monthly') return `${year}-${pad2(index)}`;
  if (cycle === 'quarterly') return `${year}-Q${index}`;
  return `${year}-H${index}`;
}

/** The period of `cycle` that contains the China date of `at`. */
export function periodOf(at: Date, cycle: Cycle): string {
  const [y, mo] = chinaDate(at).split('-').map(Number) as [number, number];
  if (cycle === 'monthly') return formatPeriod(y, cycle, mo);
  if (cycle === 'quarterly') return formatPeriod(y, cycle, Math.ceil(mo / 3));
  return formatPeriod(y, cycle, mo <= 6 ? 1 : 2);
}

/** First and last calendar day of a period. */
export function periodRange(period: string): { start: string; end: string } {
  const p = parsePeriod(period);
  return {
    start: `${p.year}-${pad2(p.firstMonth)}-01`,
    end: `${p.year}-${pad2(p.lastMonth)}-${pad2(daysInMonth(p.year, p.lastMonth))}`,
  };
}

/**
 * The due date of a period: day `dueDay` of its last month (clamped to the month's length).
 * Monthly reports of the Wuzhong plans are due on the 25th of the same month.
 */
export function dueDateOf(period: string, dueDay: number): string {
  const p = parsePeriod(period);
  const day = Math.min(Math.max(1, dueDay), daysInMonth(p.year, p.lastMonth));
  return `${p.year}-${pad2(p.lastMonth)}-${pad2(day)}`;
}

/** True once the whole due day has passed in China. */
export function isPastDue(period: string, dueDay: number, now: Date): boolean {
  return chinaDate(now) > dueDateOf(period, dueDay);
}

/** True when an instant (a submit time) falls on or before the due day in China. */
export function isOnTime(period: string, dueDay: number, at: Date): boolean {
  return chinaDate(at) <= dueDateOf(period, dueDay);
}

/** All periods of a plan year, in order. */
export function periodsOfYear(year: number, cycle: Cycle): string[] {
  const n = cycle === 'monthly' ? 12 : cycle === 'quarterly' ? 4 : 2;
  return Array.from({ length: n }, (_, i) => formatPeriod(year, cycle, i + 1));
}

/** The previous period of the same cycle. */
export function previousPeriod(period: string): string {
  const p = parsePeriod(period);
  if (p.index > 1) return formatPeriod(p.year, p.cycle, p.index - 1);
  const last = p.cycle === 'monthly' ? 12 : p.cycle === 'quarterly' ? 4 : 2;
  return formatPeriod(p.year - 1, p.cycle, last);
}

/** As people say it: 2024年3月, 2024年一季度, 2024年上半年. */
export function periodLabel(period: string, withYear = true): string {
  const p = parsePeriod(period);
  const y = withYear ? `${p.year}年` : '';
  if (p.cycle === 'monthly') return `${y}${p.index}月`;
  if (p.cycle === 'quarterly') return `${y}${QUARTER_NAMES[p.index - 1]}季度`;
  return `${y}${p.index === 1 ? '上半年' : '下半年'}`;
}

