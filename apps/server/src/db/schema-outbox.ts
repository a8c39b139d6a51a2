import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** Notices that reach people off the site (issue 13 point 5): preferences, phone verification, the outbox. */

/** A user's off-site channels. SMS goes only to `verifiedPhone`, set by a confirmed code. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey(),
  email: boolean('email').notNull().default(false),
  sms: boolean('sms').notNull().default(false),
  emailAddress: text('email_address'),
  /** The language the user saved these in: e-mails are written in it (users have no locale of their own). */
  locale: text('locale').notNull().default('zh-CN'),
  verifiedPhone: text('verified_phone'),
  phoneVerifiedAt: ts('phone_verified_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The one pending code of a user: only its hash is kept, with the phone it was sent to. */
export const phoneVerifications = pgTable('phone_verifications', {
  userId: uuid('user_id').primaryKey(),
  phone: text('phone').notNull(),
  codeHash: text('code_hash').notNull(),
  sentAt: ts('sent_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  tries: integer('tries').notNull().default(0),
});

/**
 * One off-site delivery, written in the transaction of its event. `pending` rows are claimed by the delivery
 * worker (FOR UPDATE SKIP LOCKED) and become `sent` or, after the last retry, `failed`.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: bigint('notification_id', { mode: 'number' }),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    /** The SMS template / e-mail subject (an event such as `accepted`, or `phone_code`). */
    template: text('template').notNull(),
    /** The in-site notice kind whose text an e-mail carries; null for a phone code. */
    kind: text('kind'),
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    params: jsonb('params').notNull().default({}),
    /** Sent to the provider (e-mail Message-ID, SMS OutId), so a resend after a crash can be recognised. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('notification_outbox_due_idx').on(t.nextAttemptAt, t.id).where(sql`status = 'pending'`),
    index('notification_outbox_user_idx').on(t.userId, t.template, t.createdAt),
  ],
);

/** Every delivery attempt, kept: when, whether the provider accepted it, and its answer or error. */
export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    attempt: integer('attempt').notNull(),
    at: ts('at').notNull(),
    ok: boolean('ok').notNull(),
    error: text('error'),
    providerId: text('provider_id'),
  },
  (t) => [index('notification_attempts_outbox_idx').on(t.outboxId)],
);
