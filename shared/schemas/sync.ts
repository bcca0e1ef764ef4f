// The offline copy protocol (GET /api/sync) and the two "what do I owe" answers the phone
// needs to prefill and list reports: GET /api/tasks/:id/draft and GET /api/units/:id/due.
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Period } from './common';
import { Item, PlanSummary } from './plan';
import { Instruction, PhotoDecl, Report, ReportState, ReportStatus, TargetValue } from './report';

/**
 * `GET /api/sync?since=<cursor>`. Without `since` (or with a cursor of another user/scope) the
 * answer has `reset: true`: the client replaces its whole copy with what follows.
 * `orgId` only for the super-admin, who has no organisation of its own.
 */
export const SyncQuery = z.object({
  since: z.string().max(200).optional(),
  orgId: Id.optional(),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

/** Ids the client should drop: deleted, or no longer visible to this user. */
export const SyncRemoved = z.object({
  plans: z.array(Id),
  items: z.array(Id),
  reports: z.array(Id),
  instructions: z.array(Id),
});

/**
 * One page of changes. Apply it, store `cursor`, and call again with `since=cursor` while
 * `hasMore` is true. Records are whole (upsert them by id). Rules for the client copy:
 * - `reset: true` (first page of a full load): clear plans/items/reports/instructions first.
 * - an item arriving with `access: 'title'`, or listed in `removed.items`: also drop its
 *   reports and instructions (the unit no longer carries that task).
 * - `removed.plans`: drop the plan and its items.
 * The cursor is opaque; it never goes backwards, and nothing committed before it is missed.
 */
export const SyncResponse = z.object({
  cursor: z.string(),
  hasMore: z.boolean(),
  reset: z.boolean(),
  serverTime: IsoDateTime,
  plans: z.array(PlanSummary),
  /** Scoped like GET /api/plans/:id/tasks: a unit sees only titles of others' tasks. */
  items: z.array(Item),
  /** With photos (urls), reviews and history. For a unit: its own reports, and the reports of
   *  the tasks it leads (all units) or co-carries (the lead unit's). */
  reports: z.array(Report),
  instructions: z.array(Instruction),
  removed: SyncRemoved,
});
export type SyncResponse = z.infer<typeof SyncResponse>;

/**
 * A new report body prefilled from the unit's last report of the task (基层减负: a figure is
 * reported once). To send it: add a fresh UUID, `capturedAt`, `location?` and `photos`, then
 * `PUT /api/reports/:id`. `photos` is always empty here.
 */
export const ReportDraft = z.object({
  taskId: Id,
  unitId: Id,
  period: Period,
  status: ReportStatus,
  percent: z.number().int().min(0).max(100),
  targetValues: z.array(TargetValue),
  progress: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  photos: z.array(PhotoDecl),
});
export type ReportDraft = z.infer<typeof ReportDraft>;

/** `GET /api/tasks/:id/draft?unitId=` (unitId only for an admin; a unit user gets its own). */
export const TaskDraftQuery = z.object({ unitId: Id.optional() });

export const TaskDraftResponse = z.object({
  body: ReportDraft,
  periodLabel: z.string(),
  dueDate: IsoDate,
  /** The report the body was copied from, if any. */
  basedOn: z
    .object({ reportId: Id, period: Period, state: ReportState })
    .nullable(),
  /** This unit already has a report for this task and period: edit that one (a second id
   *  for the same task, unit and period is refused with 409). */
  existingReportId: Id.nullable(),
  /** Its 核验码: the photos of the edit must carry it (the server keeps a report's code). */
  existingVerifyCode: z.string().nullable().optional(),
});
export type TaskDraftResponse = z.infer<typeof TaskDraftResponse>;

export const Colour = z.enum(['red', 'amber', 'green', 'grey']);
export const Timeliness = z.enum(['on_time', 'late', 'missing', 'pending']);

/** One (task, period) the unit owes as lead unit, coloured by shared/colour.ts colourOf. */
export const DueEntry = z.object({
  planId: Id,
  planTitle: z.string(),
  taskId: Id,
  taskNumber: z.string(),
  /** The item's stored label (指标 3 / 任务 二.3; shared/item-labels.ts). */
  taskLabel: z.string().optional(),
  taskTitle: z.string(),
  period: Period,
  periodLabel: z.string(),
  dueDate: IsoDate,
  /** The period containing today (false: an earlier period still owed). */
  current: z.boolean(),
  colour: Colour,
  label: z.string(),
  timeliness: Timeliness,
  report: z
    .object({
      id: Id,
      state: ReportState,
      status: ReportStatus,
      submittedAt: IsoDateTime.nullable(),
      firstSubmittedAt: IsoDateTime.nullable(),
    })
    .nullable(),
});
export type DueEntry = z.infer<typeof DueEntry>;

/** `GET /api/units/:id/due`: the current period of every task the unit leads in this year's
 *  plans, plus earlier periods of the year still missing (or returned and not yet amended). */
export const UnitDueResponse = z.object({
  unitId: Id,
  today: IsoDate,
  entries: z.array(DueEntry),
});
export type UnitDueResponse = z.infer<typeof UnitDueResponse>;
