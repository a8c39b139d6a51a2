import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** 公开宣讲 (M19): lectures the lecture team schedules on the portal, and the enterprises' sign-ups. */

export const openLectures = pgTable(
  'open_lectures',
  {
    id: uuid('id').primaryKey(),
    unitId: text('unit_id').notNull(),
    title: text('title').notNull(),
    /** Values of the domain's LECTURE_TOPICS. */
    topics: text('topics').array().notNull(),
    /** Shanghai calendar day `YYYY-MM-DD` and start time `HH:mm`. */
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull(),
    speaker: text('speaker').notNull(),
    /** In people (the sum of the confirmed sign-ups' attendees). */
    capacity: integer('capacity').notNull(),
    /** published | cancelled */
    status: text('status').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [index('open_lectures_date_idx').on(t.date)],
);

export const openLectureSignups = pgTable(
  'open_lecture_signups',
  {
    id: uuid('id').primaryKey(),
    lectureId: uuid('lecture_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    userId: uuid('user_id').notNull(),
    attendees: integer('attendees').notNull(),
    /** confirmed | waitlisted | cancelled */
    status: text('status').notNull(),
    /** Order of arrival within the lecture; the waitlist is served in it. */
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // One active sign-up per enterprise and lecture; a cancelled one may be followed by a new one.
    uniqueIndex('open_lecture_signups_active_uq').on(t.lectureId, t.enterpriseId).where(sql`status <> 'cancelled'`),
    index('open_lecture_signups_enterprise_idx').on(t.enterpriseId),
  ],
);
