import { lt, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { rateLimitCounters } from './schema.ts';

/**
 * Counts one hit of a key in its fixed window, for every instance at once: a window that ended starts again at 1.
 * Returns the count so far and the milliseconds left in the window.
 */
export async function countHit(db: Queryable, key: string, windowMs: number, now: Date): Promise<{ current: number; ttl: number }> {
  const resetAt = new Date(now.getTime() + windowMs);
  const expired = sql`${rateLimitCounters.resetAt} <= ${now}`;
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: { count: sql`case when ${expired} then 1 else ${rateLimitCounters.count} + 1 end`, resetAt: sql`case when ${expired} then excluded.reset_at else ${rateLimitCounters.resetAt} end` },
    })
    .returning({ count: rateLimitCounters.count, resetAt: rateLimitCounters.resetAt });
  return { current: row.count, ttl: Math.max(0, row.resetAt.getTime() - now.getTime()) };
}

/** Drops counters whose window ended: they would start again at 1 anyway. */
export async function dropEndedWindows(db: Queryable, now: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.resetAt, now));
}
