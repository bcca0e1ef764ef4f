// Account management by the supervision office (督查室): bodies, queries and responses.
import { z } from 'zod';
import { Role } from './auth';
import { Id, IsoDateTime } from './common';

/** Control, format (RTL overrides, zero-width), surrogate and private-use characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;

/**
 * Usernames are typed on phones, often in Chinese (wuzhong-发改委): letters of any script,
 * digits and a few separators; no spaces, quotes or markup.
 */
export const USERNAME_PATTERN = /^[\p{L}\p{M}\p{N}._@\-（）()·]+$/u;
export const Username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(64, '用户名最多 64 个字符')
  .regex(USERNAME_PATTERN, '用户名只能包含文字、数字和 . _ - @ ( ) 等符号，不能有空格');

/** A person's or a unit's name as shown in lists: words, digits, spaces and gentle punctuation. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, '请填写名称')
  .max(60, '名称最多 60 个字符')
  .refine((s) => !INVISIBLE.test(s), '名称包含不可见的控制字符')
  .regex(/^[\p{L}\p{M}\p{N}\p{Zs}()（）·.．、\-_—]+$/u, '名称只能包含文字、数字、空格和 ( ) · . 、 - 等符号');

/** Roles an admin can give; the super-admin is created only by the local CLI. */
export const MANAGED_ROLES = ['admin', 'leader', 'unit'] as const;
export const ManagedRole = z.enum(MANAGED_ROLES);
export type ManagedRole = z.infer<typeof ManagedRole>;

export const CreateUserBody = z
  .object({
    username: Username,
    displayName: DisplayName,
    role: ManagedRole,
    /** Required for role 'unit': the unit this account reports for. */
    unitId: Id.optional(),
    /** Optional for role 'leader': the leader (牵头领导) this account belongs to. */
    leaderId: Id.optional(),
    /** Only the super-admin names an organisation; an admin always acts in their own. */
    orgId: Id.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.role === 'unit' && !b.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '责任单位账号须选择单位' });
    if (b.role !== 'unit' && b.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '只有责任单位账号可以选择单位' });
    if (b.role !== 'leader' && b.leaderId) ctx.addIssue({ code: 'custom', path: ['leaderId'], message: '只有区领导账号可以关联领导' });
  });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    displayName: DisplayName.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.displayName !== undefined || b.disabled !== undefined, '请至少修改一项');
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const BulkCreateBody = z
  .object({
    planId: Id,
    /** Username prefix (wuzhong → wuzhong-发改委); defaults to the organisation's short code. */
    prefix: z
      .string()
      .regex(/^[a-z][a-z0-9]{0,19}$/, '前缀只能是小写字母开头的字母和数字，最多 20 位')
      .optional(),
    /**
     * Also issue new one-time passwords to this plan's unit accounts that were never used
     * (initial password unchanged, never signed in): for a list that was lost before handing out.
     */
    reissuePending: z.boolean().optional(),
  })
  .strict();
export type BulkCreateBody = z.infer<typeof BulkCreateBody>;

export const EXPORT_FORMATS = ['json', 'xlsx', 'csv'] as const;
export const BulkCreateQuery = z.object({ format: z.enum(EXPORT_FORMATS).optional() }).strict();

export const UserListQuery = z.object({ orgId: Id.optional() }).strict();
export const UserParam = z.object({ id: Id });

export const UserSummary = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  orgId: Id.nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  leaderId: Id.nullable(),
  leaderName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: IsoDateTime,
  lastSignInAt: IsoDateTime.nullable(),
  activeSessions: z.number().int(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListResponse = z.object({ users: z.array(UserSummary) });

/** A new or re-issued account with its one-time password: shown once, never stored in clear. */
export const IssuedAccount = z.object({ user: UserSummary, initialPassword: z.string() });
export type IssuedAccount = z.infer<typeof IssuedAccount>;

export const BulkCreateResponse = z.object({
  created: z.array(IssuedAccount),
  reissued: z.array(IssuedAccount),
  /** Units of the plan that already have an account (or were taken meanwhile). */
  skipped: z.array(z.object({ unitId: Id, unitName: z.string(), reason: z.string() })),
});

export const ResetPasswordResponse = z.object({ initialPassword: z.string() });
export const RevokeSessionsResponse = z.object({ revoked: z.number().int() });

/** Choices for the create form: units (not placeholder groups) and leaders of the organisation. */
export const UserFormOptions = z.object({
  units: z.array(z.object({ id: Id, name: z.string(), accounts: z.number().int() })),
  leaders: z.array(z.object({ id: Id, name: z.string() })),
});
export type UserFormOptions = z.infer<typeof UserFormOptions>;
