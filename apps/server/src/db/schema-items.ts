import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts, bytea } from './schema-columns.ts';

/** The item engine: items, their timeline, idempotency keys and attachments. */

export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').notNull(),
    acceptInput: jsonb('accept_input').notNull().default({}),
    submitterId: uuid('submitter_id'),
    enterpriseId: uuid('enterprise_id'),
    unitId: text('unit_id').notNull(),
    firstUnitId: text('first_unit_id').notNull(),
    assigneeId: uuid('assignee_id'),
    submittedAt: ts('submitted_at').notNull(),
    acceptedAt: ts('accepted_at'),
    answeredAt: ts('answered_at'),
    closedAt: ts('closed_at'),
    acceptDueAt: ts('accept_due_at'),
    dueAt: ts('due_at'),
    /** The clock the unit works against now (accept or handle), null once its part is done: queues sort by it. */
    activeDueAt: ts('active_due_at'),
    handleRule: jsonb('handle_rule').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    pausedAt: ts('paused_at'),
    pausedFrom: text('paused_from'),
    pauses: jsonb('pauses').notNull().default([]),
    transferCount: integer('transfer_count').notNull().default(0),
    pendingTransfer: jsonb('pending_transfer'),
    pendingUnitId: text('pending_unit_id'),
    extension: jsonb('extension'),
    /** An answer waiting for a leader's review (审核), where the unit requires one. */
    pendingAnswer: jsonb('pending_answer'),
    supervision: jsonb('supervision'),
    supervised: boolean('supervised').notNull().default(false),
    listed: boolean('listed').notNull().default(false),
    rating: jsonb('rating'),
    ratingLevel: text('rating_level'),
    followUpRating: jsonb('follow_up_rating'),
    afterRating: jsonb('after_rating'),
    /** Due date of an open rectification (整改件), null when none is open. */
    rectificationDueAt: ts('rectification_due_at'),
    reopenedAt: ts('reopened_at'),
    branches: jsonb('branches').notNull().default([]),
    branchUnitIds: text('branch_unit_ids').array().notNull().default(sql`'{}'::text[]`),
    answer: text('answer'),
    escalationStage: integer('escalation_stage').notNull().default(0),
    nextEscalationAt: ts('next_escalation_at'),
    queryCodeHash: text('query_code_hash'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** 居住证集中申办: the enterprise upload this item came from (M5). */
    batchId: uuid('batch_id'),
    /** 打包办: items opened together by one submission share this id (M6). */
    packageId: uuid('package_id'),
    /** The submitting enterprise's district, copied at submission by a trigger (statistics by district need no join). */
    district: text('district'),
  },
  (t) => [
    index('items_unit_due_idx').on(t.unitId, t.activeDueAt),
    index('items_enterprise_due_idx').on(t.enterpriseId, t.activeDueAt),
    index('items_submitter_idx').on(t.submitterId),
    index('items_pending_unit_idx').on(t.pendingUnitId),
    index('items_branch_units_idx').using('gin', t.branchUnitIds),
    index('items_escalation_idx').on(t.nextEscalationAt).where(sql`next_escalation_at is not null`),
    index('items_provisional_idx').on(t.id).where(sql`provisional`),
    index('items_due_idx').on(t.activeDueAt),
    index('items_submitted_idx').on(t.submittedAt),
    index('items_answered_idx').on(t.answeredAt),
    // Statistics count by each of these instants and by "open and overdue now": each arm of their OR has an index.
    index('items_accepted_idx').on(t.acceptedAt),
    index('items_open_due_idx')
      .on(t.activeDueAt)
      .where(sql`status in ('submitted','accepted','in_progress','awaiting_supplement')`),
    index('items_rectification_idx').on(t.rectificationDueAt).where(sql`rectification_due_at is not null`),
    index('items_batch_idx').on(t.batchId, t.status).where(sql`batch_id is not null`),
    index('items_package_idx').on(t.packageId).where(sql`package_id is not null`),
    // 居住证: one open or issued application per enterprise and ID number (the batch import checks by this).
    index('items_residence_person_idx').on(t.enterpriseId, sql`(${t.data}->>'idNumber')`).where(sql`type = 'residence-permit'`),
  ],
);

/** The timeline: one row per change, never updated (a trigger refuses UPDATE and DELETE). */
export const itemEvents = pgTable(
  'item_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id').notNull().references(() => items.id),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('item_events_item_idx').on(t.itemId, t.id)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorKey: text('actor_key').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    itemId: uuid('item_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey(),
  uploaderId: uuid('uploader_id'),
  filename: text('filename').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
