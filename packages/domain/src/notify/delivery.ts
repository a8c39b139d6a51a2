/** Retries of an off-site delivery: exponential backoff, then given up (issue 13 point 5). */
export const OUTBOX_MAX_ATTEMPTS = 6;
export const OUTBOX_FIRST_RETRY_SECONDS = 30;
export const OUTBOX_MAX_RETRY_SECONDS = 3600;

export type DeliveryOutcome = { status: 'sent'; sentAt: Date } | { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** After attempt number `attempts` (1-based): sent, retried at 30 s · 2^(n-1) (capped at 1 h), or failed after the last. */
export function afterAttempt(ok: boolean, attempts: number, now: Date, maxAttempts = OUTBOX_MAX_ATTEMPTS): DeliveryOutcome {
  if (ok) return { status: 'sent', sentAt: now };
  if (attempts >= maxAttempts) return { status: 'failed' };
  const seconds = Math.min(OUTBOX_FIRST_RETRY_SECONDS * 2 ** (attempts - 1), OUTBOX_MAX_RETRY_SECONDS);
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + seconds * 1000) };
}
