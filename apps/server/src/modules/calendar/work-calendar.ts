import { WorkCalendar, type DayKind } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/client.ts';
import * as repo from './repository.ts';

/**
 * The calendar is read on every deadline computation, so each process keeps it for a few seconds.
 * Changes made here drop the cache at once; another instance sees them within CACHE_MS.
 */
const CACHE_MS = 10_000;
const cache = new WeakMap<Database, { at: number; calendar: WorkCalendar }>();

export async function calendarOf(ctx: AppContext, on?: Queryable): Promise<WorkCalendar> {
  const hit = cache.get(ctx.database);
  if (hit && Date.now() - hit.at < CACHE_MS && !on) return hit.calendar;
  const rows = await repo.loadCalendarRows(on ?? ctx.database.db);
  const calendar = new WorkCalendar({ loadedYears: rows.years, days: rows.days as { date: string; kind: DayKind; name: string | null }[] });
  if (!on) cache.set(ctx.database, { at: Date.now(), calendar });
  return calendar;
}

export function dropCalendarCache(ctx: AppContext) {
  cache.delete(ctx.database);
}
