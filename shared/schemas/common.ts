// Building blocks of the API contract shared by the worker and the PWA.
import { z } from 'zod';
import { CYCLES } from '../labels';

export { CLIENT_TIME_HEADER, CONTENT_SHA256_HEADER } from '../labels';

/** Client- or server-generated UUID (v4 or v7). */
export const Id = z.uuid();

export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

/** A period a report belongs to: month 2024-03, quarter 2024-Q1, half-year 2024-H1. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|H[12])$/, '报送周期格式不正确');
export type Period = z.infer<typeof Period>;

export const Cycle = z.enum(CYCLES);
export type Cycle = z.infer<typeof Cycle>;

export const Location = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000).optional(),
});
export type Location = z.infer<typeof Location>;

/**
 * Every free-text field people type (report text, comments, 批示, documents, search words) starts
 * here: a lone surrogate ("a\ud800b", broken UTF-16) is refused with 400, because D1 would store it
 * as U+FFFD and the text read back would differ from the text sent. Names and passwords have their
 * own stricter schemas (users.ts, auth.ts) that refuse it as well.
 */
export const Text = () => z.string().refine((s) => !/\p{Cs}/u.test(s), '内容包含无法识别的字符（编码不完整），请删除后重新输入');

/** Limits on free text so a 1 MB string is a clear 400, not a row the database refuses. */
export const ShortText = Text().trim().max(200);
export const LongText = Text().max(5000);

export const ErrorCode = z.enum([
  'bad_request',
  'validation',
  'unauthorized',
  'password_change_required',
  'forbidden',
  'not_found',
  'conflict',
  'missing_photos',
  'checksum_mismatch',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  /** A new report's 核验码 is already in use: draw a new one and send again (nothing was stored). */
  'verify_code_taken',
  'locked',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Every error the API returns: `{ error: { code, message, fields? } }`, message in Chinese. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

