import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** The platform's own state: generated settings and the shared rate-limit counters. */

/** Values the server generates once and keeps (e.g. the pass-code signing key): never a secret in the repository. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * Rate-limit counters shared by every instance (issue 18 point 3): one fixed window per key. UNLOGGED (see the
 * migration): counters need no crash safety, and skipping the WAL keeps a login's count cheap.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: ts('reset_at').notNull(),
});
