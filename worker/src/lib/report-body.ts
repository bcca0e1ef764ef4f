// A report body in one canonical form (for the replay-or-conflict hash), and the evidence
// flags a reviewer should see: phone clocks off the server's, or captures "from the future".
import type { ReportBody, ReportFlag, StoredReportBody } from '../../../shared/schemas/report';
import { sha256Hex } from './crypto';

/** Phone clocks within this of the server's are fine; beyond it the report is flagged. */
export const CLOCK_TOLERANCE_MS = 10 * 60 * 1000;

const lf = (s: string) => s.replace(/\r\n?/g, '\n');
const iso = (s: string) => new Date(s).toISOString();

/** Defaults resolved, ids lower-cased, times in UTC, keys in a fixed order. */
export function normaliseBody(body: ReportBody, resolved: { unitId: string; period: string }): StoredReportBody {
  return {
    taskId: body.taskId.toLowerCase(),
    unitId: resolved.unitId.toLowerCase(),
    period: resolved.period,
    status: body.status,
    percent: body.percent,
    targetValues: body.targetValues.map((t) => ({ targetId: t.targetId.toLowerCase(), value: t.value })),
    progress: lf(body.progress),
    problems: lf(body.problems),
    nextSteps: lf(body.nextSteps),
    capturedAt: iso(body.capturedAt),
    location: body.location ? location(body.location) : null,
    photos: body.photos.map((p) => ({
      id: p.id.toLowerCase(),
      ...(p.takenAt ? { takenAt: iso(p.takenAt) } : {}),
      ...(p.location ? { location: location(p.location) } : {}),
    })),
  };
}

function location(l: { lat: number; lng: number; accuracy?: number | undefined }) {
  return l.accuracy === undefined ? { lat: l.lat, lng: l.lng } : { lat: l.lat, lng: l.lng, accuracy: l.accuracy };
}

export function bodyHash(body: StoredReportBody): Promise<string> {
  return sha256Hex(JSON.stringify(body));
}

/** The phone's clock from `x-client-time`: an ISO time or epoch milliseconds; null if absent or unreadable. */
export function parseClientTime(header: string | undefined | null): Date | null {
  if (!header) return null;
  const v = header.trim();
  const t = /^\d{10,16}$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(t) ? new Date(t) : null;
}

/** Server minus phone clock, in ms (positive: the phone is behind). */
export function skewOf(clientTime: Date | null, now: Date): number | null {
  return clientTime ? now.getTime() - clientTime.getTime() : null;
}

/** Flags of one upload (the report body or a photo): skewed clock, capture after receipt. */
export function uploadFlags(u: { skewMs: number | null; capturedAt: string | null; receivedAt: string }): ReportFlag[] {
  const flags: ReportFlag[] = [];
  if (u.skewMs !== null && Math.abs(u.skewMs) > CLOCK_TOLERANCE_MS) flags.push('clock_skew');
  if (u.capturedAt && Date.parse(u.capturedAt) > Date.parse(u.receivedAt) + CLOCK_TOLERANCE_MS) {
    flags.push('captured_after_received');
  }
  return flags;
}

export function mergeFlags(...lists: ReportFlag[][]): ReportFlag[] {
  // Sorted like the SQL union in db/photos.ts addReportFlagsStatement.
  return [...new Set(lists.flat())].sort();
}
