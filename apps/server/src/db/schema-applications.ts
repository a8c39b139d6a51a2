import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';
import { items } from './schema-items.ts';

/** Applications' outputs: residence-permit batches (M5) and the certificates issued, with their numbering. */

/**
 * 居住证集中申办 (M5): one spreadsheet uploaded by an enterprise coordinator; its valid rows are items with this
 * batch id, its rejected rows are kept in `report` for correction. The station works the batch as one and tracks
 * the delivery to the enterprise to the signature (零跑腿).
 */
export const residenceBatches = pgTable(
  'residence_batches',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    enterpriseId: uuid('enterprise_id').notNull(),
    submitterId: uuid('submitter_id').notNull(),
    unitId: text('unit_id').notNull(),
    /** submitted → accepted → produced → delivered */
    status: text('status').notNull(),
    filename: text('filename').notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    createdCount: integer('created_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    /** The rows not accepted: `[{row, errors: [{field, code, params?}]}]`. */
    report: jsonb('report').notNull().default([]),
    createdAt: ts('created_at').notNull(),
    acceptedAt: ts('accepted_at'),
    producedAt: ts('produced_at'),
    deliveredAt: ts('delivered_at'),
    deliveredBy: uuid('delivered_by'),
    signerName: text('signer_name'),
    deliveryNote: text('delivery_note'),
  },
  (t) => [index('residence_batches_enterprise_idx').on(t.enterpriseId, t.createdAt), index('residence_batches_unit_idx').on(t.unitId, t.status)],
);

/**
 * 证照编号 (issue 5, outputs): one row per certificate or permit a favourable decision issued, numbered in the
 * deciding transaction; `serial` runs per kind and Shanghai year without gaps (see `certificate_counters`).
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    /** The declaration's certificate kind (`residence-permit`, `work-permit` …). */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    number: text('number').notNull().unique(),
    issuedAt: ts('issued_at').notNull(),
    /** The issuing unit (the owning unit, or the partner department of a joint branch). */
    unitId: text('unit_id').notNull(),
    issuedBy: uuid('issued_by'),
  },
  (t) => [uniqueIndex('certificates_item_kind_idx').on(t.itemId, t.kind), uniqueIndex('certificates_kind_serial_idx').on(t.kind, t.year, t.serial)],
);

/** The last serial issued per certificate kind and year; its row lock serializes numbering across instances. */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);
