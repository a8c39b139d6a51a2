import { date, index, jsonb, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** The cases module's tables (M10–M13, M17): what a case keeps beyond its item, and the losses recovered. */

/**
 * One row per crime report once registered: the 立案 decision, the recorded progress stage after it, the stage
 * dates, and the staff-only facts (grade, dedicated team, investigation notes). The item keeps the clocks.
 */
export const caseFiles = pgTable(
  'case_files',
  {
    itemId: uuid('item_id').primaryKey(),
    decision: text('decision'),
    decidedAt: ts('decided_at'),
    progress: text('progress'),
    /** [{stage, at, note, by}] in order; notes are staff-only. */
    stages: jsonb('stages').notNull().default([]),
    /** 重大 / 复杂 / 敏感, set by a leader (专案专办, M17). */
    tier: text('tier'),
    /** {leadId, memberIds, at, by}. */
    team: jsonb('team'),
    investigationNote: text('investigation_note'),
    reconsiderationItemId: uuid('reconsideration_item_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('case_files_tier_idx').on(t.tier)],
);

/** 止损 / 挽损: each amount a unit records on a case; the enterprise sees the amounts and their total. */
export const caseRecoveries = pgTable(
  'case_recoveries',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id').notNull(),
    kind: text('kind').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2, mode: 'string' }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('case_recoveries_item_idx').on(t.itemId)],
);
