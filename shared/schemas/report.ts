// Progress reports (进展报告): the body the phone sends and the record the server returns.
import { z } from 'zod';
import { MAX_PHOTOS, REPORT_STATES, REPORT_STATUSES } from '../labels';
import { Id, IsoDateTime, Location, LongText, Period } from './common';

export { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES, REPORT_STATE_LABEL, REPORT_STATUS_LABEL } from '../labels';

export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const ReportState = z.enum(REPORT_STATES);
export type ReportState = z.infer<typeof ReportState>;

export const PhotoDecl = z.object({
  id: Id,
  takenAt: IsoDateTime.optional(),
  location: Location.optional(),
});
export type PhotoDecl = z.infer<typeof PhotoDecl>;

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
    progress: z.string().trim().min(1, '请填写进展情况').max(5000),
    problems: LongText.default(''),
    nextSteps: LongText.default(''),
    capturedAt: IsoDateTime,
    location: Location.optional(),
    photos: z.array(PhotoDecl).max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`).default([]),
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
    comment: z.string().trim().max(2000).default(''),
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
  authorName: z.string(),
  text: z.string(),
  createdAt: IsoDateTime,
});
export type Instruction = z.infer<typeof Instruction>;

export const InstructionBody = z
  .object({
    itemId: Id,
    reportId: Id.optional(),
    text: z.string().trim().min(1, '请填写批示内容').max(2000),
  })
  .strict();
export type InstructionBody = z.infer<typeof InstructionBody>;

/** Why a reviewer should look twice at a report's evidence. */
export const ReportFlag = z.enum(['clock_skew', 'captured_after_received']);
export type ReportFlag = z.infer<typeof ReportFlag>;

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
  status: ReportStatus,
  percent: z.number().int(),
  targetValues: z.array(TargetValue),
  progress: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  capturedAt: IsoDateTime.nullable(),
  receivedAt: IsoDateTime,
  submittedAt: IsoDateTime.nullable(),
  location: Location.nullable(),
  verifyCode: z.string(),
  clockSkewMs: z.number().int().nullable(),
  flags: z.array(ReportFlag),
  revision: z.number().int(),
  photos: z.array(ReportPhoto),
  reviews: z.array(Review),
});
export type Report = z.infer<typeof Report>;
