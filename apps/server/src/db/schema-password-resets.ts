import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** Forgotten passwords (issue 16 point 8): one row per reset link sent; only the token's SHA-256 is kept. */

/**
 * A reset link: valid until `expiresAt` (30 minutes) and only while `usedAt` is null. A newer link of the same user
 * voids the older ones (their `usedAt` set, `outcome` 'superseded').
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    /** Hex SHA-256 of the 32 random bytes the link carries. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    /** `reset` when the link set a password, `superseded` when a newer link voided it. */
    outcome: text('outcome'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId, t.createdAt)],
);
