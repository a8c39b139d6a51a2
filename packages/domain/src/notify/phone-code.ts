import type { FieldError } from '../errors.ts';

/** Phone verification by SMS code: 6 digits, 10 minutes, 5 tries; one code a minute and 10 a day per user. */
export const PHONE_CODE_TTL_SECONDS = 600;
export const PHONE_CODE_MAX_TRIES = 5;
export const PHONE_CODE_RESEND_SECONDS = 60;
export const PHONE_CODES_PER_DAY = 10;

export interface PendingPhoneCode {
  expiresAt: Date;
  tries: number;
}

/**
 * Whether a typed code may still be checked against the pending one: nothing pending, expired or out of tries is a
 * field error on `code` (the caller then compares hashes). `null` means go ahead.
 */
export function phoneCodeBlocked(pending: PendingPhoneCode | null, now: Date): FieldError | null {
  if (!pending) return { path: 'code', code: 'phone_code_not_requested' };
  if (pending.tries >= PHONE_CODE_MAX_TRIES) return { path: 'code', code: 'phone_code_too_many_tries', params: { max: PHONE_CODE_MAX_TRIES } };
  if (now.getTime() >= pending.expiresAt.getTime()) return { path: 'code', code: 'phone_code_expired' };
  return null;
}

/** A wrong code: how many tries are left, as the field error's param. */
export function wrongPhoneCode(triesAfter: number): FieldError {
  return { path: 'code', code: 'phone_code_wrong', params: { left: Math.max(0, PHONE_CODE_MAX_TRIES - triesAfter) } };
}

/** Seconds until another code may be sent, given the last one's time and today's count; 0 = now. */
export function phoneCodeWait(lastSentAt: Date | null, sentLastDay: number, now: Date): { wait: number; reason: 'too_soon' | 'daily_limit' | null } {
  if (sentLastDay >= PHONE_CODES_PER_DAY) return { wait: 86400, reason: 'daily_limit' };
  if (!lastSentAt) return { wait: 0, reason: null };
  const wait = Math.ceil(PHONE_CODE_RESEND_SECONDS - (now.getTime() - lastSentAt.getTime()) / 1000);
  return wait > 0 ? { wait, reason: 'too_soon' } : { wait: 0, reason: null };
}
