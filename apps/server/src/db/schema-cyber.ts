import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** 网络安全检查 (M16): inspections by the cyber security unit, their findings, and the yearly 护网演练 list. */

/** One inspection of an enterprise (or a major project of it): planned, then completed with its result. */
export const cyberInspections = pgTable(
  'cyber_inspections',
  {
    id: uuid('id').primaryKey(),
    unitId: text('unit_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    projectName: text('project_name'),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    scope: text('scope').notNull(),
    inspectors: text('inspectors').array().notNull(),
    /** planned → completed (result recorded, notice issued when there are findings). */
    status: text('status').notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }),
    summary: text('summary'),
    /** 整改通知书 number (WAZG + year + serial), set when the result with findings is recorded. */
    noticeNumber: text('notice_number').unique(),
    noticeIssuedAt: ts('notice_issued_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    completedBy: uuid('completed_by'),
    completedAt: ts('completed_at'),
  },
  (t) => [index('cyber_inspections_unit_idx').on(t.unitId, t.plannedDate), index('cyber_inspections_enterprise_idx').on(t.enterpriseId, t.plannedDate)],
);

/** One finding of an inspection, with its rectification deadline by severity and the enterprise's answer. */
export const cyberFindings = pgTable(
  'cyber_findings',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => cyberInspections.id),
    seq: integer('seq').notNull(),
    severity: text('severity').notNull(),
    description: text('description').notNull(),
    dueAt: ts('due_at').notNull(),
    /** open → answered → closed, or answered → reopened → answered. */
    status: text('status').notNull(),
    answerText: text('answer_text'),
    answerAttachmentIds: uuid('answer_attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at'),
    verifyNote: text('verify_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull(),
    /** Told to the unit's leaders once the deadline passed unanswered; cleared when reopened with a new deadline. */
    escalatedAt: ts('escalated_at'),
  },
  (t) => [
    uniqueIndex('cyber_findings_inspection_seq_idx').on(t.inspectionId, t.seq),
    // The sweeper's look-up: waiting for the enterprise, not yet escalated.
    index('cyber_findings_due_idx').on(t.dueAt).where(sql`status in ('open', 'reopened') and escalated_at is null`),
  ],
);

/** 护网演练: the enterprises taking part in a year's drill. */
export const cyberDrillParticipants = pgTable(
  'cyber_drill_participants',
  {
    year: integer('year').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    markedBy: uuid('marked_by').notNull(),
    markedAt: ts('marked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.enterpriseId] })],
);
