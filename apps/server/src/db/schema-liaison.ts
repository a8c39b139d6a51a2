import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** The liaison module's tables (M1): tags, major projects, assignments, visits and their problems, service centres. */

export const enterpriseTags = pgTable('enterprise_tags', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const majorProjects = pgTable(
  'major_projects',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    district: text('district').notNull(),
    address: text('address').notNull(),
    stage: text('stage').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    liaisonOfficerId: uuid('liaison_officer_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('major_projects_district_idx').on(t.district), index('major_projects_enterprise_idx').on(t.enterpriseId)],
);

/** 一企一警 with its history: one open row (to_at null) per enterprise or project; ending one keeps it. */
export const liaisonAssignments = pgTable(
  'liaison_assignments',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id'),
    projectId: uuid('project_id'),
    officerId: uuid('officer_id').notNull(),
    deputyId: uuid('deputy_id'),
    fromAt: ts('from_at').notNull(),
    toAt: ts('to_at'),
    assignedBy: uuid('assigned_by').notNull(),
    reason: text('reason').notNull(),
    endedBy: uuid('ended_by'),
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('liaison_assignments_enterprise_open_idx').on(t.enterpriseId).where(sql`to_at is null and enterprise_id is not null`),
    uniqueIndex('liaison_assignments_project_open_idx').on(t.projectId).where(sql`to_at is null and project_id is not null`),
    index('liaison_assignments_officer_idx').on(t.officerId).where(sql`to_at is null`),
    index('liaison_assignments_deputy_idx').on(t.deputyId).where(sql`to_at is null`),
    index('liaison_assignments_history_idx').on(t.enterpriseId, t.fromAt),
  ],
);

/** 一企一策 contact log: one row per contact, confirmed or disputed by the enterprise within 7 days. */
export const liaisonVisits = pgTable(
  'liaison_visits',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    projectId: uuid('project_id'),
    district: text('district').notNull(),
    officerId: uuid('officer_id').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    way: text('way').notNull(),
    centreId: uuid('centre_id'),
    met: text('met').notNull(),
    summary: text('summary').notNull().default(''),
    pledge: boolean('pledge').notNull(),
    createdAt: ts('created_at').notNull(),
    confirmDueAt: ts('confirm_due_at').notNull(),
    verdict: text('verdict'),
    verdictNote: text('verdict_note'),
    verdictAt: ts('verdict_at'),
    verdictBy: uuid('verdict_by'),
  },
  (t) => [
    index('liaison_visits_enterprise_idx').on(t.enterpriseId, t.visitedOn),
    index('liaison_visits_officer_idx').on(t.officerId, t.visitedOn),
    index('liaison_visits_month_idx').on(t.visitedOn, t.district),
  ],
);

/** Each problem raised in a contact: solved on the spot, turned into an item (tracked on its clock) or still open. */
export const visitProblems = pgTable(
  'visit_problems',
  {
    id: uuid('id').primaryKey(),
    visitId: uuid('visit_id').notNull(),
    position: integer('position').notNull(),
    district: text('district').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    outcome: text('outcome').notNull(),
    resolution: text('resolution'),
    itemId: uuid('item_id'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('visit_problems_visit_idx').on(t.visitId, t.position),
    index('visit_problems_month_idx').on(t.visitedOn, t.district),
    index('visit_problems_open_idx').on(t.district).where(sql`outcome = 'open'`),
  ],
);

/** 驻企服务中心 in industrial parks: public directory; its staff log contacts with way `service-centre`. */
export const serviceCentres = pgTable('service_centres', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  park: text('park').notNull(),
  district: text('district').notNull(),
  address: text('address').notNull(),
  hours: text('hours').notNull(),
  phone: text('phone').notNull(),
  services: text('services').array().notNull(),
  staffIds: uuid('staff_ids').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const serviceCentreBookings = pgTable(
  'service_centre_bookings',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    bookedBy: uuid('booked_by').notNull(),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    slot: text('slot').notNull(),
    purpose: text('purpose').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('service_centre_bookings_centre_idx').on(t.centreId, t.bookedOn), index('service_centre_bookings_enterprise_idx').on(t.enterpriseId)],
);
