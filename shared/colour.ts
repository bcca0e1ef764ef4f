// The traffic light of a (task, unit, period): one rule shared by the worker, the dashboard
// and the phone, so a colour never means two things. Colour always comes with a word.
import { isOnTime, isPastDue } from './period';
import type { ReportState, ReportStatus } from './labels';

export type Colour = 'red' | 'amber' | 'green' | 'grey';

export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending';

export interface ColourInput {
  period: string;
  dueDay: number;
  now: Date;
  /** The unit's current report for the period, if any. A draft with a submittedAt is an
   *  amendment of a returned report and counts as returned. */
  report?: {
    status: ReportStatus;
    state: ReportState;
    /** Server time of the first submission (the one that counts for timeliness). */
    submittedAt: string | null;
  } | null;
}

export interface ColourResult {
  colour: Colour;
  /** Short Chinese word shown beside the colour. */
  label: string;
  timeliness: Timeliness;
}

export const COLOUR_LABEL: Record<Colour, string> = {
  red: '逾期/滞后',
  amber: '待报/存在困难',
  green: '正常/已完成',
  grey: '未启动',
};

/**
 * green: reported on time, 正常推进 or 已完成.
 * red: no report after the due day (逾期), or reported 滞后.
 * amber: not yet reported before the due day (待报), 存在困难, a returned report waiting for
 *        amendment before the due day, or caught up after being overdue (补报) in that period.
 * grey: reported 未启动.
 */
export function colourOf(input: ColourInput): ColourResult {
  const { period, dueDay, now } = input;
  // A draft that was submitted before is a returned report being amended: still 被退回.
  const report =
    input.report?.state === 'draft' && input.report.submittedAt ? { ...input.report, state: 'returned' as const } : input.report;
  const pastDue = isPastDue(period, dueDay, now);
  const counted = report && report.submittedAt && report.state !== 'draft';
  if (!counted) {
    return pastDue
      ? { colour: 'red', label: '逾期未报', timeliness: 'missing' }
      : { colour: 'amber', label: '待报', timeliness: 'pending' };
  }
  const timeliness: Timeliness = isOnTime(period, dueDay, new Date(report.submittedAt!)) ? 'on_time' : 'late';
  if (report.state === 'returned') {
    return pastDue
      ? { colour: 'red', label: '退回未改', timeliness }
      : { colour: 'amber', label: '被退回', timeliness };
  }
  switch (report.status) {
    case 'behind':
      return { colour: 'red', label: '滞后', timeliness };
    case 'blocked':
      return { colour: 'amber', label: '存在困难', timeliness };
    case 'not_started':
      return { colour: 'grey', label: '未启动', timeliness };
    case 'on_track':
    case 'done':
      if (timeliness === 'late') return { colour: 'amber', label: '补报', timeliness };
      return { colour: 'green', label: report.status === 'done' ? '已完成' : '正常', timeliness };
  }
}
