// zValidator with the API's error shape: a failed schema is a 400 listing each bad field.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z, type ZodType } from 'zod';
import { ApiError } from './errors';

z.config(z.locales.zhCN());

export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.core.$ZodError): ApiError {
  return new ApiError(400, 'validation', '提交的内容不符合要求', fieldErrors(error));
}

export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error);
  });
