// The one error shape of the API: { error: { code, message, fields?, details? } }, in Chinese.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody, ErrorCode } from '../../../shared/schemas/common';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new ApiError(400, 'bad_request', message, fields);
export const unauthorized = (message = '请先登录') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = '没有权限执行此操作') => new ApiError(403, 'forbidden', message);
export const notFound = (message = '未找到相应记录') => new ApiError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, undefined, details);
export const tooLarge = (message = '内容过大') => new ApiError(413, 'payload_too_large', message);

export function errorResponse(c: Context, err: ApiError): Response {
  const body: ApiErrorBody = { error: { code: err.code, message: err.message } };
  if (err.fields) body.error.fields = err.fields;
  if (err.details !== undefined) body.error.details = err.details;
  return c.json(body, err.status);
}

/** app.onError: known errors keep their status; anything else is a 500 without internals. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  // Hono's own HTTPExceptions (e.g. from bodyLimit) carry a status.
  const status = (err as { status?: number }).status;
  if (status === 413) return errorResponse(c, tooLarge('请求内容过大'));
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return errorResponse(c, new ApiError(status as ContentfulStatusCode, 'bad_request', '请求有误'));
  }
  console.error('unhandled error', err);
  return errorResponse(c, new ApiError(500, 'internal', '服务器内部错误，请稍后重试'));
}
