// Counting traffic lights and reporting figures. The colours themselves always come from the
// shared rule colourOf (shared/colour.ts); this file only adds them up.
import type { Colour, Timeliness } from '../../../shared/colour';
import type { ColourCounts, Reporting, StatusCounts } from '../../../shared/schemas/dashboard';
import type { ReportStatus } from '../../../shared/labels';

/** Worst first: a task with one red lead unit is red. */
const SEVERITY: Record<Colour, number> = { red: 3, amber: 2, grey: 1, green: 0 };

export function worse(a: Colour, b: Colour): boolean {
  return SEVERITY[a] > SEVERITY[b];
}

export const noColours = (): ColourCounts => ({ red: 0, amber: 0, green: 0, grey: 0 });

export const noStatuses = (): StatusCounts => ({ not_started: 0, on_track: 0, behind: 0, done: 0, blocked: 0, unreported: 0 });

export function countColours(colours: Iterable<Colour | null>): ColourCounts {
  const out = noColours();
  for (const c of colours) if (c) out[c]++;
  return out;
}

export function addStatus(out: StatusCounts, status: ReportStatus | null, n = 1): void {
  out[status ?? 'unreported'] += n;
}

export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** Accumulates reporting figures one (task, lead unit) cell at a time. */
export class ReportingTally {
  pairs = 0;
  onTime = 0;
  late = 0;
  missing = 0;
  pending = 0;

  add(t: Timeliness, n = 1): this {
    this.pairs += n;
    if (t === 'on_time') this.onTime += n;
    else if (t === 'late') this.late += n;
    else if (t === 'missing') this.missing += n;
    else this.pending += n;
    return this;
  }

  result(): Reporting {
    const reported = this.onTime + this.late;
    return {
      pairs: this.pairs,
      reported,
      onTime: this.onTime,
      late: this.late,
      missing: this.missing,
      pending: this.pending,
      onTimeRate: rate(this.onTime, this.pairs),
      reportedRate: rate(reported, this.pairs),
    };
  }
}

export function reportingOf(timeliness: Iterable<Timeliness>): Reporting {
  const t = new ReportingTally();
  for (const x of timeliness) t.add(x);
  return t.result();
}

/** Chinese collation for unit and leader names (拼音 order). */
export const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
