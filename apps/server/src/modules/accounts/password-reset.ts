import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, formatShanghai, PASSWORD_RESET_TTL_MINUTES, PASSWORD_RESETS_PER_HOUR, resetLinkBlocked, selfServiceReset, type FieldError, type Role } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { recordAudit, recordAuditAlone } from '../audit/service.ts';
import { queueDirect, recoveryAddresses } from '../notifications/outbox.ts';
import { insertNotifications } from '../notifications/repository.ts';
import { publicActor, type UserActor } from './actor.ts';
import { hashPassword, newSecret, passwordProblems, sha256, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import * as resets from './reset-repository.ts';
import { toActor } from './service.ts';

/**
 * Forgotten passwords (issue 16 point 8). An enterprise account (or an applicant) asks for a link by username; the
 * link goes through the outbox to the account's saved e-mail address and verified phone. Staff are reset by an
 * administrator with a temporary password instead.
 */

/** Every request answers after at least this long, sent or not, so the time does not tell which accounts exist. */
const EVEN_MS = 300;

/** The path of the web app's reset page; the link carries the token in its query. */
export const resetLinkOf = (origin: string, token: string) => `${origin}/reset-password?token=${encodeURIComponent(token)}`;

type RequestOutcome = 'sent' | 'unknown' | 'disabled' | 'staff' | 'limited' | 'no_address';

/**
 * `POST /auth/password-reset`: a link for the account, when it exists, may reset itself, has somewhere to receive
 * it and has had fewer than three links this hour. The caller learns none of that: every request gets the same
 * 202 after the same minimum time. Audited either way (the outcome is in the record, for administrators).
 */
export async function requestPasswordReset(ctx: AppContext, input: { username: string }, ip: string): Promise<void> {
  const started = Date.now();
  try {
    await requestReset(ctx, input.username.trim(), ip);
  } finally {
    const left = EVEN_MS - (Date.now() - started);
    if (left > 0) await sleep(left);
  }
}

async function requestReset(ctx: AppContext, username: string, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  const user = username ? await repo.findUserByUsername(db, username) : undefined;
  const refused: RequestOutcome | null = !user ? 'unknown' : user.disabled ? 'disabled' : !selfServiceReset(user.role as Role) ? 'staff' : null;
  if (!user || refused) {
    await recordAuditAlone(db, { actor: publicActor, action: 'password.reset.request', subject: user ? `user:${user.id}` : `user:${username.slice(0, 64)}`, detail: { outcome: refused }, ip, at: now });
    return;
  }
  await db.transaction(async (tx) => {
    await resets.lockUserResets(tx, user.id);
    const addresses = await recoveryAddresses(tx, user.id);
    const recent = await resets.resetsSince(tx, user.id, new Date(now.getTime() - 3600_000));
    const outcome: RequestOutcome = recent >= PASSWORD_RESETS_PER_HOUR ? 'limited' : addresses.length === 0 ? 'no_address' : 'sent';
    if (outcome === 'sent') {
      const token = newSecret();
      const id = randomUUID();
      await resets.voidOpenResets(tx, user.id, now);
      await resets.insertReset(tx, { id, userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000) });
      const link = resetLinkOf(ctx.config.publicOrigin, token);
      for (const a of addresses) {
        await queueDirect(tx, { userId: user.id, channel: a.channel, template: 'password_reset', recipient: a.recipient, locale: a.locale, params: { username: user.username, link }, key: `jqt-pr-${id}-${a.channel}`, now });
      }
    }
    await recordAudit(tx, { actor: publicActor, action: 'password.reset.request', subject: `user:${user.id}`, detail: { outcome, channels: outcome === 'sent' ? addresses.map((a) => a.channel) : [] }, ip, at: now });
  });
}

/**
 * `POST /auth/password-reset/confirm`: the link's token and the new password. The password meets the same policy as
 * a change and differs from the current one; the link must be the newest, unused and under 30 minutes old. Every bad
 * field in one 422, nothing saved then. Success ends every session of the user, is audited and notified.
 */
export async function confirmPasswordReset(ctx: AppContext, input: { token: string; newPassword: string }, ip: string): Promise<{ username: string }> {
  const db = ctx.database.db;
  const now = ctx.now();
  const tokenHash = sha256(input.token);
  const link = await resets.resetByTokenHash(db, tokenHash);
  const user = link ? await repo.findUser(db, link.userId) : undefined;
  const errors: FieldError[] = [];
  const blocked = user && !user.disabled && selfServiceReset(user.role as Role) ? resetLinkBlocked(link ?? null, now) : { path: 'token', code: 'password_reset_invalid' };
  if (blocked) errors.push(blocked);
  errors.push(...passwordProblems(input.newPassword).map((code) => ({ path: 'newPassword', code })));
  if (!blocked && user && !errors.length && (await verifyPassword(user.passwordHash, input.newPassword))) errors.push({ path: 'newPassword', code: 'password_reused' });
  if (errors.length || !user || !link) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const hash = await hashPassword(input.newPassword);
  const used = await db.transaction(async (tx) => {
    // Two requests with one link: the second finds it used and changes nothing.
    if (!(await resets.useReset(tx, link.id, now))) return false;
    await repo.updatePassword(tx, user.id, hash, now);
    await repo.resetFailedLogins(tx, user.id);
    await repo.deleteOtherSessions(tx, user.id, null);
    await recordAudit(tx, { actor: toActor(user, 'session'), action: 'user.password.reset', subject: `user:${user.id}`, detail: { via: 'link', resetId: link.id }, ip, at: now });
    await notifyReset(tx, user, 'password_reset_done', now);
    return true;
  });
  if (!used) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'token', code: 'password_reset_invalid' }] });
  return { username: user.username };
}

/** The in-site notice, and the word by e-mail / SMS that the password was reset (whatever the user's preferences). */
async function notifyReset(tx: Queryable, user: repo.UserRow, kind: 'password_reset_done' | 'password_reset_by_admin', now: Date) {
  const at = formatShanghai(now);
  await insertNotifications(tx, [{ userId: user.id, kind, params: { at }, createdAt: now }]);
  const key = randomUUID();
  for (const a of await recoveryAddresses(tx, user.id)) {
    await queueDirect(tx, { userId: user.id, channel: a.channel, template: 'password_changed', recipient: a.recipient, locale: a.locale, params: { username: user.username, at }, key: `jqt-pc-${key}-${a.channel}`, now });
  }
}

/** Characters of a temporary password: no 0/O, 1/l/I, so it can be read out and typed. */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const pickFrom = (set: string, n: number) => Array.from({ length: n }, () => set[randomInt(set.length)]).join('');

/** A temporary password that meets the policy (all four classes), about 50 bits: `KQTW-rmkp-4827`. */
export function temporaryPassword(): string {
  return `${pickFrom(UPPER, 4)}-${pickFrom(LOWER, 4)}-${pickFrom(DIGITS, 4)}`;
}

/**
 * `POST /admin/users/:id/password-reset`: an administrator gives an account a temporary password, shown once. The
 * user must choose their own at the next sign-in (staff still need their TOTP); every session of the user ends and
 * a lockout is lifted. Not the administrator's own account (they change theirs). Audited and notified.
 */
export async function adminResetPassword(ctx: AppContext, actor: UserActor, userId: string, ip: string) {
  const db = ctx.database.db;
  const user = await repo.findUser(db, userId);
  if (!user) throw new DomainError('not_found', { kind: 'not-found' });
  if (user.id === actor.id) throw new DomainError('password_reset_self', { kind: 'conflict' });
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const now = ctx.now();
  await db.transaction(async (tx) => {
    await resets.setTemporaryPassword(tx, user.id, hash, now);
    await resets.voidOpenResets(tx, user.id, now);
    await repo.deleteOtherSessions(tx, user.id, null);
    await recordAudit(tx, { actor, action: 'user.password.reset', subject: `user:${user.id}`, detail: { via: 'admin', role: user.role }, ip, at: now });
    await notifyReset(tx, user, 'password_reset_by_admin', now);
  });
  return { id: user.id, username: user.username, temporaryPassword: password, mustChangePassword: true };
}
