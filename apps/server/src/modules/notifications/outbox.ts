import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { afterAttempt, noticeEventOf, SECRET_TEMPLATES, type OffSiteTemplate } from '@jqt/domain';
import type { Queryable } from '../../db/client.ts';
import { notificationAttempts, notificationOutbox, notificationPreferences } from '../../db/schema.ts';
import { channelOn, senderOf } from './channels.ts';

type Written = { id: number; userId: string; kind: string; params: unknown; createdAt: Date };
type OutboxInsert = typeof notificationOutbox.$inferInsert;

/** Whether any off-site channel is on: otherwise the notice writers skip the outbox entirely. */
export function offSiteOn(): boolean {
  return channelOn('email') || channelOn('sms');
}

/**
 * The off-site copies of freshly written in-site notices, in the same transaction: one row per channel the
 * recipient turned on, for kinds with a template. SMS only to a verified phone, e-mail only to a given address.
 */
export async function queueOffSite(db: Queryable, written: Written[]): Promise<void> {
  const withEvent = written.filter((w) => noticeEventOf(w.kind));
  if (!withEvent.length) return;
  const prefs = await db
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, [...new Set(withEvent.map((w) => w.userId))]), or(eq(notificationPreferences.email, true), eq(notificationPreferences.sms, true))));
  const byUser = new Map(prefs.map((p) => [p.userId, p]));
  const rows: OutboxInsert[] = [];
  for (const w of withEvent) {
    const p = byUser.get(w.userId);
    if (!p) continue;
    const base = { notificationId: w.id, userId: w.userId, template: noticeEventOf(w.kind)!, kind: w.kind, locale: p.locale, params: w.params as Record<string, unknown>, nextAttemptAt: w.createdAt, createdAt: w.createdAt };
    if (channelOn('email') && p.email && p.emailAddress) rows.push({ ...base, channel: 'email', recipient: p.emailAddress, idempotencyKey: `jqt-n${w.id}-email` });
    if (channelOn('sms') && p.sms && p.verifiedPhone) rows.push({ ...base, channel: 'sms', recipient: p.verifiedPhone, idempotencyKey: `jqt-n${w.id}-sms` });
  }
  for (let i = 0; i < rows.length; i += 2000) await db.insert(notificationOutbox).values(rows.slice(i, i + 2000));
}

/** A message that belongs to no in-site notice (a phone code, a reset link), queued in the caller's transaction. */
export async function queueDirect(db: Queryable, row: { userId: string; channel: 'sms' | 'email'; template: OffSiteTemplate; recipient: string; locale: string; params: Record<string, unknown>; key: string; now: Date }) {
  await db.insert(notificationOutbox).values({ userId: row.userId, channel: row.channel, template: row.template, recipient: row.recipient, locale: row.locale, params: row.params, idempotencyKey: row.key, nextAttemptAt: row.now, createdAt: row.now });
}

/**
 * Where the account's own recovery messages go, whatever the user chose for ordinary notices: the e-mail address
 * they saved (while a mail channel is configured) and their verified phone (while SMS is), in their saved language.
 */
export async function recoveryAddresses(db: Queryable, userId: string): Promise<{ channel: 'email' | 'sms'; recipient: string; locale: string }[]> {
  const [p] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  if (!p) return [];
  return [
    ...(channelOn('email') && p.emailAddress ? [{ channel: 'email' as const, recipient: p.emailAddress, locale: p.locale }] : []),
    ...(channelOn('sms') && p.verifiedPhone ? [{ channel: 'sms' as const, recipient: p.verifiedPhone, locale: p.locale }] : []),
  ];
}

/** How many messages of a template a user was sent since a moment (phone codes per day). */
export async function countSince(db: Queryable, userId: string, template: string, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.userId, userId), eq(notificationOutbox.template, template), sql`${notificationOutbox.createdAt} >= ${since}`));
  return r.n;
}

/**
 * Claims the next due row and delivers it inside the claiming transaction: it is marked sent only after the
 * channel accepted it, and the mark commits with the claim. A crash before the commit leaves the row pending
 * (another worker takes it); a crash between the provider's acceptance and the commit sends it twice, with the
 * same key. Returns false when nothing was due.
 */
export async function deliverNext(db: Queryable, now: Date): Promise<'none' | 'sent' | 'retry' | 'failed'> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)))
      .orderBy(asc(notificationOutbox.nextAttemptAt), asc(notificationOutbox.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!row) return 'none';
    const attempt = row.attempts + 1;
    let providerId: string | null = null;
    let error: string | null = null;
    try {
      const sender = senderOf(row.channel);
      if (!sender) throw new Error(`channel ${row.channel} is not configured`);
      providerId = (await sender.send({ ...row, params: row.params as Record<string, unknown> })).providerId;
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    }
    const outcome = afterAttempt(error === null, attempt, now);
    // A phone code's digits and a reset link's token are kept only until delivery is decided.
    const params = SECRET_TEMPLATES.includes(row.template as OffSiteTemplate) && outcome.status !== 'pending' ? {} : row.params;
    await tx
      .update(notificationOutbox)
      .set({ attempts: attempt, status: outcome.status, lastError: error, providerId, params, ...(outcome.status === 'sent' ? { sentAt: outcome.sentAt } : {}), ...(outcome.status === 'pending' ? { nextAttemptAt: outcome.nextAttemptAt } : {}) })
      .where(eq(notificationOutbox.id, row.id));
    await tx.insert(notificationAttempts).values({ outboxId: row.id, attempt, at: now, ok: error === null, error, providerId });
    return outcome.status === 'sent' ? 'sent' : outcome.status === 'pending' ? 'retry' : 'failed';
  });
}
