// Sign-in and the signed-in user.
import { z } from 'zod';
import { ROLES } from '../labels';
import { Id } from './common';

export { ROLE_LABEL } from '../labels';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginBody = z
  .object({
    username: z.string().trim().min(1, '请输入用户名').max(100),
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
});
export type Me = z.infer<typeof Me>;
