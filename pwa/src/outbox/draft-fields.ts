// The report form's fields (DraftFields): empty, taken from a report, checked before 提交.
// Pure functions, shared by the form, the drafts and the outbox (a refused item goes back into
// the form), so a report becomes draft fields in one way only.
import type { ReportBody, TargetValue } from '../../../shared/schemas/report';
import type { DraftFields } from '../db/schema';

export const EMPTY_FIELDS: DraftFields = {
  status: 'on_track',
  percent: 0,
  targetValues: {},
  progress: '',
  problems: '',
  nextSteps: '',
};

/** The parts of a report the form edits: a server Report, a queued ReportBody, a draft answer. */
export type ReportFields = Pick<ReportBody, 'status' | 'percent' | 'progress' | 'problems' | 'nextSteps'> & {
  targetValues: TargetValue[];
};

/** Target values as the form holds them: targetId → the number as text. */
export function targetTextsOf(values: TargetValue[]): Record<string, string> {
  return Object.fromEntries(values.map((t) => [t.targetId, String(t.value)]));
}

/** A report's content as form fields (to amend it, fix it, or start from the last period's). */
export function draftFieldsOf(r: ReportFields): DraftFields {
  return {
    status: r.status,
    percent: r.percent,
    targetValues: targetTextsOf(r.targetValues),
    progress: r.progress,
    problems: r.problems,
    nextSteps: r.nextSteps,
  };
}

/** Field errors in Chinese, keyed like the ReportBody (progress, percent, targetValues.<id>). */
export function validateDraft(fields: DraftFields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!fields.progress.trim()) errors.progress = '请填写进展情况';
  if (fields.progress.length > 5000) errors.progress = '进展情况不能超过 5000 字';
  if (fields.problems.length > 5000) errors.problems = '存在问题不能超过 5000 字';
  if (fields.nextSteps.length > 5000) errors.nextSteps = '下步计划不能超过 5000 字';
  if (!Number.isInteger(fields.percent) || fields.percent < 0 || fields.percent > 100) errors.percent = '完成进度应在 0–100 之间';
  for (const [id, raw] of Object.entries(fields.targetValues)) {
    if (raw.trim() === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) errors[`targetValues.${id}`] = '请填写不小于 0 的数字';
  }
  return errors;
}
