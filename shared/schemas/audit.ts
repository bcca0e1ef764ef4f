// The audit log as admins read it: who did what to which record, and when.
import { z } from 'zod';
import { Id, IsoDateTime } from './common';

export const AuditQuery = z
  .object({
    /** 'user', 'plan', 'item', 'report' … (lower case words). */
    entityType: z
      .string()
      .regex(/^[a-z][a-z_]{0,31}$/, '记录类型格式不正确')
      .optional(),
    entityId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\p{L}\p{N}._:@\-]+$/u, '记录编号格式不正确')
      .optional(),
    /** The super-admin picks an organisation; admins always read their own. */
    orgId: Id.optional(),
    /** Paging: entries older than this id. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict()
  .refine((q) => !q.entityId || q.entityType, { path: ['entityType'], message: '按记录查询时须指明记录类型' });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  userDisplayName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListResponse = z.object({ entries: z.array(AuditEntry) });
