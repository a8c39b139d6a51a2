import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { checkMobile, DomainError, phoneCodeBlocked, phoneCodeWait, wrongPhoneCode, PHONE_CODE_TTL_SECONDS, type FieldError, type Locale } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { notificationPreferences, phoneVerifications } from '../../db/schema.ts';
import { ensureSetting } from '../../db/settings.ts';
import { channelOn } from './channels.ts';
import { countSince, queueDirect } from './outbox.ts';

export interface PreferencesInput {
  email: boolean;
  sms: boolean;
  emailAddress?: string | null;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const invalid = (errors: FieldError[]) => new DomainError('validation_failed', { kind: 'invalid', errors });

async function prefsRow(db: Queryable, userId: string) {
  const [p] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return p ?? null;
}

/** `GET /me/notification-preferences`: the user's choices, the verified phone and which channels the platform offers. */
export async function preferencesOf(ctx: AppContext, userId: string) {
  const p = await prefsRow(ctx.database.db, userId);
  const [pending] = await ctx.database.db.select({ phone: phoneVerifications.phone, expiresAt: phoneVerifications.expiresAt }).from(phoneVerifications).where(eq(phoneVerifications.userId, userId));
  return {
    email: p?.email ?? false,
    sms: p?.sms ?? false,
    emailAddress: p?.emailAddress ?? null,
    phone: p?.verifiedPhone ?? null,
    phoneVerifiedAt: p?.phoneVerifiedAt?.toISOString() ?? null,
    pendingPhone: pending && pending.expiresAt > ctx.now() ? pending.phone : null,
    available: { email: channelOn('email'), sms: channelOn('sms') },
  };
}

/**
 * `PUT /me/notification-preferences`: every bad field in one 422, nothing saved then. E-mail needs an address and
 * the platform's SMTP; SMS needs a verified phone and a provider. The request's language becomes the e-mails'.
 */
export async function savePreferences(ctx: AppContext, userId: string, input: PreferencesInput, locale: Locale) {
  const db = ctx.database.db;
  const current = await prefsRow(db, userId);
  const address = input.emailAddress?.trim() || null;
  const errors: FieldError[] = [];
  if (input.email && !channelOn('email')) errors.push({ path: 'email', code: 'email_unavailable' });
  if (address && !EMAIL.test(address)) errors.push({ path: 'emailAddress', code: 'email_address_invalid' });
  else if (input.email && !address) errors.push({ path: 'emailAddress', code: 'email_address_required' });
  if (input.sms && !channelOn('sms')) errors.push({ path: 'sms', code: 'sms_unavailable' });
  else if (input.sms && !current?.verifiedPhone) errors.push({ path: 'sms', code: 'phone_not_verified' });
  if (errors.length) throw invalid(errors);
  const values = { email: input.email, sms: input.sms, emailAddress: address, locale, updatedAt: ctx.now() };
  await db.insert(notificationPreferences).values({ userId, ...values }).onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
  return preferencesOf(ctx, userId);
}

const keyOf = async (db: Queryable) => Buffer.from(await ensureSetting(db, 'phone-code-hmac-key', () => randomBytes(32).toString('hex')), 'hex');
/** Keyed by a server secret: six digits alone would fall to a million guesses from a stolen table. */
const hashCode = (key: Buffer, userId: string, phone: string, code: string) => createHmac('sha256', key).update(`${userId}:${phone}:${code}`).digest('hex');

/**
 * `POST /me/phone-verification`: a 6-digit code by SMS through the outbox, replacing any pending one. At most one a
 * minute and ten a day per user (kept in the database, so every instance counts the same).
 */
export async function requestPhoneCode(ctx: AppContext, userId: string, phone: string, locale: Locale): Promise<{ phone: string; expiresInSeconds: number }> {
  const checked = checkMobile(phone);
  if (!checked.valid) throw invalid(checked.errors.map((e) => ({ path: 'phone', code: e.code, ...(e.params ? { params: e.params } : {}) })));
  if (!channelOn('sms')) throw new DomainError('sms_unavailable', { kind: 'unavailable' });
  const db = ctx.database.db;
  const key = await keyOf(db);
  const now = ctx.now();
  const number = checked.normalized!;
  await db.transaction(async (tx) => {
    // One request per user at a time: the limit below is read and written under this lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`phone-code:${userId}`}))`);
    const [last] = await tx.select({ sentAt: phoneVerifications.sentAt }).from(phoneVerifications).where(eq(phoneVerifications.userId, userId));
    const wait = phoneCodeWait(last?.sentAt ?? null, await countSince(tx, userId, 'phone_code', new Date(now.getTime() - 86400_000)), now);
    if (wait.reason === 'daily_limit') throw new DomainError('phone_code_daily_limit', { kind: 'conflict' });
    if (wait.reason === 'too_soon') throw new DomainError('phone_code_too_soon', { kind: 'conflict', params: { seconds: wait.wait } });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const values = { phone: number, codeHash: hashCode(key, userId, number, code), sentAt: now, expiresAt: new Date(now.getTime() + PHONE_CODE_TTL_SECONDS * 1000), tries: 0 };
    await tx.insert(phoneVerifications).values({ userId, ...values }).onConflictDoUpdate({ target: phoneVerifications.userId, set: values });
    await queueDirect(tx, { userId, channel: 'sms', template: 'phone_code', recipient: number, locale, params: { code }, key: `jqt-pc-${randomUUID()}`, now });
  });
  return { phone: number, expiresInSeconds: PHONE_CODE_TTL_SECONDS };
}

/** `POST /me/phone-verification/confirm`: the right code verifies the phone; five wrong ones void it. */
export async function confirmPhoneCode(ctx: AppContext, userId: string, code: string) {
  const db = ctx.database.db;
  const key = await keyOf(db);
  const now = ctx.now();
  const outcome = await db.transaction(async (tx) => {
    const [pending] = await tx.select().from(phoneVerifications).where(eq(phoneVerifications.userId, userId)).for('update');
    const blocked = phoneCodeBlocked(pending ?? null, now);
    if (blocked) return blocked;
    const a = Buffer.from(hashCode(key, userId, pending.phone, code), 'hex');
    if (!timingSafeEqual(a, Buffer.from(pending.codeHash, 'hex'))) {
      // The try is counted even though the request fails: it commits here and the 422 is thrown outside.
      await tx.update(phoneVerifications).set({ tries: pending.tries + 1 }).where(eq(phoneVerifications.userId, userId));
      return wrongPhoneCode(pending.tries + 1);
    }
    await tx.delete(phoneVerifications).where(eq(phoneVerifications.userId, userId));
    const values = { verifiedPhone: pending.phone, phoneVerifiedAt: now, updatedAt: now };
    await tx.insert(notificationPreferences).values({ userId, ...values }).onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    return null;
  });
  if (outcome) throw invalid([outcome]);
  return preferencesOf(ctx, userId);
}
