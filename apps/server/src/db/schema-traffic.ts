import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** Trucks and roads (M7–M9): roads, access rule sets, pass codes, NEV filings, freight accidents, hazard inspections. */

/** Road segments the truck access checker knows by id (M8). */
export const roads = pgTable('roads', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  roadClass: text('road_class').notNull(),
  inRestrictedZone: boolean('in_restricted_zone').notNull(),
  nightCorridor: boolean('night_corridor').notNull(),
  district: text('district'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Every version of the access rules is kept; the one in force is the latest effective at the checked time. */
export const accessRuleSets = pgTable('access_rule_sets', {
  version: integer('version').primaryKey(),
  effectiveFrom: ts('effective_from').notNull(),
  rules: jsonb('rules').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 货车通行码: temporary ones issued instantly, short- and long-term ones after review. */
export const passCodes = pgTable(
  'pass_codes',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    itemId: uuid('item_id'),
    enterpriseId: uuid('enterprise_id'),
    plate: text('plate').notNull(),
    kind: text('kind').notNull(),
    roadClasses: text('road_classes').array().notNull(),
    roadIds: text('road_ids').array(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to').notNull(),
    status: text('status').notNull(),
    signature: text('signature').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('pass_codes_plate_idx').on(t.plate, t.validTo)],
);

/** NEV sanitation / muck / concrete route and time filings (M8, SPEC §5 rule 3). */
export const nevFilings = pgTable(
  'nev_filings',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id'),
    enterpriseId: uuid('enterprise_id'),
    plate: text('plate').notNull(),
    use: text('use').notNull(),
    roadIds: text('road_ids').array().notNull(),
    windows: jsonb('windows').notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to').notNull(),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('nev_filings_plate_idx').on(t.plate, t.validTo)],
);

/** M7: freight-vehicle accidents handled by the simple procedure, with time from accident to release. */
export const freightAccidents = pgTable('freight_accidents', {
  id: uuid('id').primaryKey(),
  plate: text('plate').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  releasedAt: ts('released_at').notNull(),
  simpleProcedure: boolean('simple_procedure').notNull(),
  vehicleDetained: boolean('vehicle_detained').notNull().default(false),
  licenceDetained: boolean('licence_detained').notNull().default(false),
  unitId: text('unit_id').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** M9: periodic hazard inspections around major projects, with findings and a rectification deadline. */
export const projectHazardInspections = pgTable(
  'project_hazard_inspections',
  {
    id: uuid('id').primaryKey(),
    project: text('project').notNull(),
    location: text('location').notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    findings: text('findings').notNull(),
    hazardCount: integer('hazard_count').notNull(),
    rectificationDueOn: date('rectification_due_on', { mode: 'string' }),
    rectifiedAt: ts('rectified_at'),
    rectificationNote: text('rectification_note'),
    unitId: text('unit_id').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_hazard_inspections_due_idx').on(t.rectificationDueOn)],
);
