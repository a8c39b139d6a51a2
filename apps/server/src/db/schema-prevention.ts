import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** The prevention services' tables (M15 risk warnings, M18 legal FAQ); lectures and legal questions are items. */

/** 公职律师: an answered legal question an officer marked reusable, and the FAQ publication it became (one per item). */
export const legalFaqs = pgTable('legal_faqs', {
  itemId: uuid('item_id').primaryKey(),
  publicationId: uuid('publication_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * 风险预警 (M15): drafted by an officer, approved by a leader of the unit, then delivered to every targeted enterprise.
 * `audience`: `{ districts, tags, enterpriseIds, industries, partnerUnitIds }` (string lists), an enterprise matching any;
 * partner departments named get a unit delivery (`risk_warning_unit_deliveries`).
 */
export const riskWarnings = pgTable(
  'risk_warnings',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    riskKind: text('risk_kind').notNull(),
    level: text('level').notNull(),
    audience: jsonb('audience').notNull(),
    /** Also shown on the portal (as a publication of kind `warning`); otherwise only the targets see it. */
    public: boolean('public').notNull().default(false),
    /** draft → submitted (for approval) → published; a leader may return it to draft with a note. */
    status: text('status').notNull(),
    unitId: text('unit_id').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: ts('created_at').notNull(),
    submittedAt: ts('submitted_at'),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    publishedAt: ts('published_at'),
    publicationId: uuid('publication_id'),
  },
  (t) => [index('risk_warnings_unit_idx').on(t.unitId, t.createdAt)],
);

/** One targeted enterprise of a published warning: delivered, acknowledged (已阅知), escalated to its liaison officer. */
export const riskWarningDeliveries = pgTable(
  'risk_warning_deliveries',
  {
    warningId: uuid('warning_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    deliveredAt: ts('delivered_at').notNull(),
    /** 3 working days after delivery. */
    dueAt: ts('due_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
    escalatedAt: ts('escalated_at'),
    escalatedTo: uuid('escalated_to'),
  },
  (t) => [
    primaryKey({ columns: [t.warningId, t.enterpriseId] }),
    index('risk_warning_deliveries_enterprise_idx').on(t.enterpriseId, t.deliveredAt),
    // The sweeper's look-up: unacknowledged, not yet escalated, past due.
    index('risk_warning_deliveries_due_idx').on(t.dueAt).where(sql`acknowledged_at is null and escalated_at is null`),
  ],
);

/** One targeted partner department (unit of type `partner`): every user of it is told, one acknowledges for it. No escalation. */
export const riskWarningUnitDeliveries = pgTable(
  'risk_warning_unit_deliveries',
  {
    warningId: uuid('warning_id').notNull(),
    unitId: text('unit_id').notNull(),
    deliveredAt: ts('delivered_at').notNull(),
    /** 3 working days after delivery, shown to the department; nothing happens when it passes. */
    dueAt: ts('due_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [primaryKey({ columns: [t.warningId, t.unitId] }), index('risk_warning_unit_deliveries_unit_idx').on(t.unitId, t.deliveredAt)],
);
