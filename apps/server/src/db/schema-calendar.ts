import { bigserial, date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** The work calendar: published years, the days that differ from the weekday rule, and the changes to them. */

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  notice: text('notice').notNull(),
  title: text('title').notNull(),
  loadedAt: ts('loaded_at').notNull().defaultNow(),
  loadedBy: uuid('loaded_by'),
});

/** Days that differ from the weekday rule (holidays, make-up workdays, amended days), keyed by date. */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  name: text('name'),
  notice: text('notice').notNull(),
});

export const calendarChanges = pgTable('calendar_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  date: date('date', { mode: 'string' }).notNull(),
  oldKind: text('old_kind'),
  newKind: text('new_kind').notNull(),
  notice: text('notice').notNull(),
  reason: text('reason').notNull(),
  actorId: uuid('actor_id'),
  at: ts('at').notNull().defaultNow(),
});
