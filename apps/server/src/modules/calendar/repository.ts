import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { calendarChanges, calendarDays, calendarYears } from '../../db/schema.ts';

export async function loadCalendarRows(db: Queryable) {
  const [years, days] = await Promise.all([
    db.select({ year: calendarYears.year }).from(calendarYears),
    db.select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays),
  ]);
  return { years: years.map((y) => y.year), days };
}

export async function listYears(db: Queryable) {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function findDay(db: Queryable, date: string) {
  const [d] = await db.select().from(calendarDays).where(eq(calendarDays.date, date)).limit(1);
  return d;
}

export async function upsertYear(db: Queryable, y: typeof calendarYears.$inferInsert) {
  await db
    .insert(calendarYears)
    .values(y)
    .onConflictDoUpdate({ target: calendarYears.year, set: { notice: y.notice, title: y.title, loadedAt: y.loadedAt, loadedBy: y.loadedBy } });
}

/** Replaces the overrides a year's notice had laid within [from, to] with the new ones. */
export async function replaceDays(db: Queryable, from: string, to: string, days: (typeof calendarDays.$inferInsert)[]) {
  await db.delete(calendarDays).where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)));
  if (days.length) {
    await db
      .insert(calendarDays)
      .values(days)
      .onConflictDoUpdate({ target: calendarDays.date, set: { kind: sql`excluded.kind`, name: sql`excluded.name`, notice: sql`excluded.notice` } });
  }
}

export async function upsertDay(db: Queryable, d: typeof calendarDays.$inferInsert) {
  await db.insert(calendarDays).values(d).onConflictDoUpdate({ target: calendarDays.date, set: { kind: d.kind, name: d.name, notice: d.notice } });
}

export async function insertChanges(db: Queryable, rows: (typeof calendarChanges.$inferInsert)[]) {
  if (rows.length) await db.insert(calendarChanges).values(rows);
}

export async function listChanges(db: Queryable, limit: number) {
  return db.select().from(calendarChanges).orderBy(sql`${calendarChanges.id} desc`).limit(limit);
}
