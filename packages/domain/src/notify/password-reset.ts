import type { FieldError } from '../errors.ts';
import { staffRoles, type Role } from '../org/roles.ts';

/**
 * Forgotten passwords (issue 16 point 8): a reset link by e-mail or SMS, valid 30 minutes, once; at most three
 * links an hour per account (more requests get the same answer and send nothing).
 */
export const PASSWORD_RESET_TTL_MINUTES = 30;
export const PASSWORD_RESETS_PER_HOUR = 3;

/** Staff sign in with TOTP and are reset by an administrator; the self-service link is for the other accounts. */
export function selfServiceReset(role: Role): boolean {
  return !staffRoles.includes(role);
}

export interface ResetLink {
  expiresAt: Date;
  usedAt: Date | null;
}

/** Whether a link may still set a password: unknown, used, voided and expired links are one field error on `token`. */
export function resetLinkBlocked(link: ResetLink | null, now: Date): FieldError | null {
  if (!link || link.usedAt) return { path: 'token', code: 'password_reset_invalid' };
  if (now.getTime() >= link.expiresAt.getTime()) return { path: 'token', code: 'password_reset_expired' };
  return null;
}
