import { roles } from '@jqt/domain';
import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().min(1).max(64).describe('Username'),
  password: z.string().min(1).max(128).describe('Password'),
  totp: z.string().max(10).optional().describe('6-digit TOTP code; required for officer, unit-leader, supervisor and admin'),
  stepwise: z
    .boolean()
    .optional()
    .describe('A sign-in form asking for the TOTP only when needed: a right password of a TOTP role without a code answers 200 {totpRequired: true} (no session) instead of 401 totp_required'),
});

export const actorView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
});

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(128),
    newPassword: z.string().min(1).max(128).describe('At least 8 characters from three of: lower case, upper case, digits, symbols'),
  })
  .strict();

export const tokenBody = z.object({ name: z.string().min(1).max(100).describe('What the token is for') }).strict();

export const registerBody = z
  .object({
    uscc: z.string().max(40).describe('统一社会信用代码'),
    name: z.string().min(2).max(100).describe('Enterprise name'),
    district: z.string().max(20).describe('District code, e.g. zhangdian'),
    industry: z.string().max(10).describe('国民经济行业分类 门类 (GB/T 4754-2017), A–T'),
    address: z.string().max(200).optional(),
    username: z.string().max(64).describe('3–32 letters, digits, . _ -'),
    password: z.string().min(1).max(128).describe('At least 8 characters from three of: lower case, upper case, digits, symbols'),
    displayName: z.string().min(1).max(50),
    mobile: z.string().max(20).describe('11-digit mobile number'),
  })
  .strict();

export const createUserBody = z
  .object({
    username: z.string().max(64).describe('3–32 letters, digits, . _ -'),
    password: z.string().min(1).max(128),
    displayName: z.string().min(1).max(50),
    role: z.enum(roles),
    unitId: z.string().max(64).nullable().optional(),
    enterpriseId: z.uuid().nullable().optional(),
    mobile: z.string().max(20).nullable().optional().describe('11-digit mobile number'),
  })
  .strict();

export const changeRoleBody = z.object({ role: z.enum(roles), unitId: z.string().max(64).nullable() }).strict();
export const userIdParams = z.object({ id: z.uuid() });
export const listUsersQuery = z.object({ cursor: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const unitIdParams = z.object({ unitId: z.string().min(1).max(64) });
export const specialistsBody = z.object({ userIds: z.array(z.uuid()).max(20).describe('The unit\'s service specialists (服务专员), handling staff of that unit') }).strict();

export const passwordResetRequestBody = z
  .object({ username: z.string().min(1).max(64).describe('The account\'s username (登录名): the link goes to the e-mail address and verified phone saved in its notification settings') })
  .strict();

export const passwordResetConfirmBody = z
  .object({
    token: z.string().min(1).max(128).describe('The token of the reset link (its `token` query parameter)'),
    newPassword: z.string().min(1).max(128).describe('At least 8 characters from three of: lower case, upper case, digits, symbols'),
  })
  .strict();
