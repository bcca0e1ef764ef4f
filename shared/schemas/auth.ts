// Sign-in and the signed-in user.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '../labels';
import { Id, IsoDateTime, Text } from './common';

export { ROLE_LABEL } from '../labels';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginBody = z
  .object({
    username: Text().trim().min(1, '请输入用户名').max(100),
    password: z.string().min(1, '请输入密码').max(200),
  })
  .strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  orgId: Id.nullable(),
  orgName: z.string().nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  leaderId: Id.nullable(),
  mustChangePassword: z.boolean(),
  /** When this session ends whatever its use (90 days after sign-in): sign in again before. */
  sessionEndsAt: IsoDateTime.optional(),
});
export type Me = z.infer<typeof Me>;

/**
 * A new password: length only (no composition rules). Control characters and broken UTF-16
 * (lone surrogates) are refused because they cannot be typed and would hash ambiguously.
 * The server also refuses common passwords and the username itself.
 */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  .max(PASSWORD_MAX_LENGTH, `密码最多 ${PASSWORD_MAX_LENGTH} 位`)
  .refine((s) => !/[\p{Cc}\p{Cs}]/u.test(s), '密码包含无法输入的字符');

export const PasswordChangeBody = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(200),
    newPassword: NewPassword,
  })
  .strict();
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

/** One signed-in device of the current user (GET /api/me/sessions). */
export const SessionInfo = z.object({
  id: Id,
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionListResponse = z.object({ sessions: z.array(SessionInfo) });

export const SessionParam = z.object({ id: Id });
