import { bigint, bigserial, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** The audit trail: the hash-chained log, records waiting to join it, and the anchors of its head. */

/** What one audit record says: who did what to which subject, when and from where (both audit tables hold it). */
const auditRecordColumns = () => ({
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  subject: text('subject').notNull(),
  detail: jsonb('detail').notNull().default({}),
  ip: text('ip'),
});

/**
 * Audit records waiting to join the chain: high-volume reads (a staff member viewing personal data) are written
 * here without the chain's lock and moved into `audit_log` in bulk by the audit chainer job.
 */
export const auditPending = pgTable('audit_pending', auditRecordColumns());

/** Append-only, hash-chained (SPEC §8). */
export const auditLog = pgTable('audit_log', {
  ...auditRecordColumns(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/**
 * The audit chain's head, written periodically and on every verification (issue 16 point 7): append-only, owned by
 * another database role than the application's where the operator set it up so, and signed when a key is configured,
 * so deleting the newest audit rows is found.
 */
export const auditAnchors = pgTable('audit_anchors', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  at: ts('at').notNull(),
  signature: text('signature'),
});
