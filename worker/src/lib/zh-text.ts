// Dates and shares written the way a circular or a chat message says them, in China time.
import { chinaDate } from '../../../shared/period';

/** 2024-03-25 → 2024年3月25日 */
export function dateZh(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2024-03-25 → 3月25日 */
export function monthDayZh(isoDate: string): string {
  const [, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${m}月${d}日`;
}

/** An instant as a China date and time: 2024年3月25日 16:05 */
export function dateTimeZh(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString();
  return `${dateZh(chinaDate(new Date(iso)))} ${t.slice(11, 16)}`;
}

/** 0.845 → 84.5%; null → — */
export function percentZh(rate: number | null): string {
  if (rate === null) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}
