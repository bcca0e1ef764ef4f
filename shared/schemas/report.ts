// Progress reports (进展报告): the body the phone sends and the record the server returns.
//
// Upload protocol, every step idempotent and keyed by the client's report UUID:
//  1. PUT  /api/reports/:id                    ReportBody (declares photos) -> Report
//  2. PUT  /api/reports/:id/photos/:photoId    raw image/jpeg|image/webp, headers x-content-sha256
//          (hex SHA-256 of the body) and x-client-time (phone clock, ISO) -> PhotoUploadResult;
//     PUT  …/photos/:photoId/thumb             the same for the small one (≤ 512 KB, optional)
//  3. POST /api/reports/:id/submit             -> Report; 409 missing_photos {missing: [ids]}
// A replay answers as the first time. 409 conflict: a different body for a submitted report,
// different bytes for an arrived photo, a second report id for the same task/unit/period
// (details.reportId names the existing one). 400 checksum_mismatch: the bytes that arrived are
// not the ones hashed (a cut-off transfer) — nothing was stored, send the photo again.
import { z } from 'zod';
import { MAX_PHOTOS, PHOTO_TYPES, REPORT_STATES, REPORT_STATUSES } from '../labels';
import { isNewVerifyCode } from '../verify-code';
import { Id, IsoDateTime, Location, LongText, Period, Text } from './common';

export { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES, REPORT_STATE_LABEL, REPORT_STATUS_LABEL } from '../labels';

/** Path parameters: `:id` of a report, task or unit; a photo of a report; a verification code. */
export const IdParam = z.object({ id: Id });
export const PhotoParam = z.object({ id: Id, photoId: Id });
export const VerifyParam = z.object({ code: z.string().trim().min(1).max(40) });

export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const ReportState = z.enum(REPORT_STATES);
export type ReportState = z.infer<typeof ReportState>;

export const PhotoDecl = z.object({
  id: Id,
  takenAt: IsoDateTime.optional(),
  location: Location.optional(),
});

export const TargetValue = z.object({
  targetId: Id,
  value: z.number().finite().min(0).max(1e15),
});
export type TargetValue = z.infer<typeof TargetValue>;

/** Body of `PUT /api/reports/:id` (the id is the client's UUID). */
export const ReportBody = z
  .object({
    taskId: Id,
    unitId: Id.optional(),
    period: Period.optional(),
    status: ReportStatus,
    percent: z.number().int().min(0).max(100),
    targetValues: z.array(TargetValue).max(50).default([]),
    progress: Text().trim().min(1, '请填写进展情况').max(5000),
    problems: LongText.default(''),
    nextSteps: LongText.default(''),
    capturedAt: IsoDateTime,
    location: Location.optional(),
    photos: z.array(PhotoDecl).max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`).default([]),
    /**
     * The 核验码 the phone drew when the draft was created (shared/verify-code.ts); used when the
     * report is first stored, then fixed. Absent (an older app): the server draws one.
     */
    verifyCode: z.string().refine(isNewVerifyCode, '核验码格式不正确').optional(),
  })
  .strict();
export type ReportBody = z.infer<typeof ReportBody>;
export type ReportBodyInput = z.input<typeof ReportBody>;

export const ReportPhoto = z.object({
  id: Id,
  seq: z.number().int(),
  takenAt: IsoDateTime.nullable(),
  location: Location.nullable(),
  received: z.boolean(),
  thumbReceived: z.boolean(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  receivedAt: IsoDateTime.nullable(),
  url: z.string().nullable(),
  thumbUrl: z.string().nullable(),
});
export type ReportPhoto = z.infer<typeof ReportPhoto>;

export const Review = z.object({
  id: Id,
  revision: z.number().int(),
  reviewerName: z.string(),
  decision: z.enum(['accepted', 'returned']),
  comment: z.string(),
  createdAt: IsoDateTime,
});
export type Review = z.infer<typeof Review>;

export const ReviewBody = z
  .object({
    decision: z.enum(['accepted', 'returned']),
    comment: Text().trim().max(2000).default(''),
  })
  .strict()
  .refine((b) => b.decision !== 'returned' || b.comment.length > 0, {
    message: '退回时请填写退回理由',
    path: ['comment'],
  });
export type ReviewBody = z.infer<typeof ReviewBody>;

export const Instruction = z.object({
  id: Id,
  itemId: Id,
  reportId: Id.nullable(),
  /** A leader's (or the office's) 批示, or a unit's 落实情况 answer in the task's thread. */
  kind: z.enum(['instruction', 'answer']),
  /** The answering unit (answers only). */
  unitName: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  createdAt: IsoDateTime,
});
export type Instruction = z.infer<typeof Instruction>;

export const InstructionBody = z
  .object({
    /** Optional client UUID so a retried POST never creates a second instruction. */
    id: Id.optional(),
    itemId: Id,
    reportId: Id.optional(),
    text: Text().trim().min(1, '请填写批示内容').max(2000),
  })
  .strict();
export type InstructionBody = z.infer<typeof InstructionBody>;

/** A unit's 落实情况 answer in a task's thread (client UUID for safe retries). */
export const AnswerBody = z
  .object({
    id: Id.optional(),
    itemId: Id,
    text: Text().trim().min(1, '请填写落实情况').max(2000),
  })
  .strict();
export type AnswerBody = z.infer<typeof AnswerBody>;

export const ThreadReadBody = z.object({ itemId: Id }).strict();

/** A task as lists across plans name it: its plan and year, kind and number, text. */
export const TaskHead = z.object({
  itemId: Id,
  planId: Id,
  year: z.number().int(),
  kind: z.enum(['indicator', 'task', 'draft']),
  number: z.string(),
  /** The item's stored label (指标 3 / 任务 二.3; shared/item-labels.ts). */
  label: z.string().optional(),
  text: z.string(),
});
export type TaskHead = z.infer<typeof TaskHead>;

/** Tasks whose thread holds something the caller has not seen: 批示 for units, answers for leaders. */
export const UnreadThreadsResponse = z.object({
  tasks: z.array(TaskHead.extend({ unread: z.number().int(), lastAt: IsoDateTime })),
});
export type UnreadThreadsResponse = z.infer<typeof UnreadThreadsResponse>;

/** Why a reviewer should look twice at a report's evidence. */
export const ReportFlag = z.enum(['clock_skew', 'captured_after_received']);
export type ReportFlag = z.infer<typeof ReportFlag>;

/** What the unit wrote, as stored: the same fields in the stored body and the full report. */
const ReportContent = {
  status: ReportStatus,
  percent: z.number().int(),
  targetValues: z.array(TargetValue),
  progress: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
};

/** A report body as the server stored it: defaults resolved (unit, period), times in UTC. */
export const StoredReportBody = z.object({
  taskId: Id,
  unitId: Id,
  period: Period,
  ...ReportContent,
  capturedAt: IsoDateTime,
  location: Location.nullable(),
  photos: z.array(PhotoDecl),
});
export type StoredReportBody = z.infer<typeof StoredReportBody>;

/** An earlier revision of a returned-and-amended report (history is kept, oldest first). */
export const ReportRevision = z.object({
  revision: z.number().int(),
  body: StoredReportBody,
  submittedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type ReportRevision = z.infer<typeof ReportRevision>;

export const Report = z.object({
  id: Id,
  taskId: Id,
  planId: Id,
  unitId: Id,
  unitName: z.string(),
  period: Period,
  authorId: Id,
  authorName: z.string(),
  state: ReportState,
  ...ReportContent,
  capturedAt: IsoDateTime.nullable(),
  receivedAt: IsoDateTime,
  /** Server time of the latest submission. */
  submittedAt: IsoDateTime.nullable(),
  /** Server time of the first submission: the one timeliness (按时/逾期) is judged on. */
  firstSubmittedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
  location: Location.nullable(),
  verifyCode: z.string(),
  clockSkewMs: z.number().int().nullable(),
  flags: z.array(ReportFlag),
  revision: z.number().int(),
  photos: z.array(ReportPhoto),
  reviews: z.array(Review),
  history: z.array(ReportRevision),
});
export type Report = z.infer<typeof Report>;

/** `GET /api/reports/:id`: the report plus the instructions (批示) on it and on its task. */
export const ReportDetail = Report.extend({ instructions: z.array(Instruction) });
export type ReportDetail = z.infer<typeof ReportDetail>;

/** Answer of `PUT /api/reports/:id/photos/:photoId` and `…/thumb` (same on every replay). */
export const PhotoUploadResult = z.object({
  reportId: Id,
  photoId: Id,
  kind: z.enum(['photo', 'thumb']),
  contentType: z.enum(PHOTO_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  receivedAt: IsoDateTime,
});
export type PhotoUploadResult = z.infer<typeof PhotoUploadResult>;

export const TaskReportsQuery = z.object({ period: Period.optional() });

/** `GET /api/tasks/:id/reports?period=`: the lead unit's report is the consolidated one. */
export const TaskReportsResponse = z.object({
  taskId: Id,
  period: Period.nullable(),
  units: z.array(z.object({ id: Id, name: z.string(), role: z.enum(['lead', 'co', 'area']) })),
  reports: z.array(Report),
});
export type TaskReportsResponse = z.infer<typeof TaskReportsResponse>;

/** A task's thread; `lastReadAt` is when the caller last opened it (null: never). */
export const InstructionListResponse = z.object({ instructions: z.array(Instruction), lastReadAt: IsoDateTime.nullable() });

/** One photo of a verified report: what it proves, and its thumbnail through the code's own route. */
export const VerifyPhoto = z.object({
  seq: z.number().int(),
  /** Phone clock when taken. */
  takenAt: IsoDateTime.nullable(),
  /** Server clock when the bytes arrived. */
  receivedAt: IsoDateTime.nullable(),
  sha256: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** `/api/verify/:code/photos/:seq/thumb`, or null when no thumbnail arrived. */
  thumbUrl: z.string().nullable(),
});

/**
 * `GET /api/verify/:code`: what a photo with this 核验码 proves — open to anyone holding the code
 * unless the organisation turned the anonymous page off. Never the report's text, location or
 * reviews; `reportId` only for a signed-in caller who may read the report.
 */
export const VerifyResponse = z.object({
  verifyCode: z.string(),
  orgName: z.string(),
  unitName: z.string(),
  /** 指标 3 / 任务 12 */
  taskLabel: z.string(),
  taskTitle: z.string(),
  /** Phone clock when the report was captured. */
  capturedAt: IsoDateTime.nullable(),
  /** Server clock at first receipt and at first submission. */
  receivedAt: IsoDateTime,
  submittedAt: IsoDateTime.nullable(),
  /** The phone's clock disagreed with the server's (clock_skew, captured_after_received). */
  clockFlagged: z.boolean(),
  review: z.enum(['accepted', 'returned', 'pending']),
  photos: z.array(VerifyPhoto),
  reportId: Id.nullable(),
  taskId: Id.nullable(),
});
export type VerifyResponse = z.infer<typeof VerifyResponse>;

/** `GET|PUT /api/verify-settings` (admin): may anyone holding a code open its page? */
export const VerifySettings = z.object({ publicVerify: z.boolean() }).strict();
export type VerifySettings = z.infer<typeof VerifySettings>;
