import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/**
 * 矛盾纠纷排查 (M15): a dispute an officer screens at an enterprise, with its risk and the day of the next
 * follow-up; each follow-up is kept. `unitId` is the recording officer's unit (the dashboard's scope), `district`
 * the enterprise's (the registry's scope).
 */
export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    district: text('district').notNull(),
    unitId: text('unit_id').notNull(),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    risk: text('risk').notNull(),
    resolved: boolean('resolved').notNull().default(false),
    nextFollowUpOn: date('next_follow_up_on', { mode: 'string' }),
    /** The follow-up day a reminder was sent for: once per day set. */
    remindedFor: date('reminded_for', { mode: 'string' }),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [
    index('disputes_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('disputes_district_idx').on(t.district, t.nextFollowUpOn),
    // The sweeper's look-up: open disputes whose follow-up day came and was not yet reminded.
    index('disputes_follow_up_idx').on(t.nextFollowUpOn).where(sql`not resolved`),
  ],
);

/** One follow-up of a dispute: what was found, the risk then, and what was set next. */
export const disputeFollowUps = pgTable(
  'dispute_follow_ups',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    seq: integer('seq').notNull(),
    note: text('note').notNull(),
    risk: text('risk').notNull(),
    resolved: boolean('resolved').notNull(),
    nextFollowUpOn: date('next_follow_up_on', { mode: 'string' }),
    officerId: uuid('officer_id').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('dispute_follow_ups_dispute_idx').on(t.disputeId, t.seq)],
);
