import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** Who uses the platform: units (the police tree and partner departments), enterprises, users, their sessions and API tokens. */

export const units = pgTable('units', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unitType: text('unit_type').notNull(),
  district: text('district'),
  parentId: text('parent_id'),
  /** The unit's duty phone: the work number an enterprise is given for its liaison officer (never a personal one). */
  phone: text('phone'),
  /** The item types whose answers a leader reviews (审核) before they go out, as the unit's leaders chose. */
  answerReviewTypes: text('answer_review_types').array().notNull().default(sql`'{}'::text[]`),
});

export const enterprises = pgTable('enterprises', {
  id: uuid('id').primaryKey(),
  uscc: text('uscc').notNull().unique(),
  name: text('name').notNull(),
  district: text('district').notNull(),
  address: text('address').notNull().default(''),
  /** The active liaison officer (一企一警), kept with `liaison_assignments`, which holds the history. */
  liaisonOfficerId: uuid('liaison_officer_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** 重点企业 (M1) and its tags (codes of `enterprise_tags`). */
  key: boolean('key').notNull().default(false),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  /** 国民经济行业分类 门类 (A–T, domain INDUSTRIES), given at registration; null for enterprises registered before. */
  industry: text('industry'),
  /** The day of the latest logged contact, so coverage reads one row per enterprise, not its visits. */
  lastVisitOn: date('last_visit_on', { mode: 'string' }),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    displayName: text('display_name').notNull(),
    unitId: text('unit_id').references(() => units.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    mobile: text('mobile'),
    idNumber: text('id_number'),
    totpSecret: text('totp_secret'),
    /** The last TOTP time step (Unix time / 30 s) accepted for this user: a code of that step or an earlier one is a replay. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    /** Set by an administrator's reset (a temporary password): the user must choose their own at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('users_unit_idx').on(t.unitId, t.role), index('users_role_idx').on(t.role)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha-256 of the cookie value: a stolen table gives no session
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});
