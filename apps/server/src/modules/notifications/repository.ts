import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';
import { offSiteOn, queueOffSite } from './outbox.ts';

/**
 * Every in-site notice is written here, in chunks that keep each statement under PostgreSQL's 65,535 parameters;
 * with an off-site channel on, the outbox rows of the recipients who chose it go into the same transaction.
 */
export async function insertNotifications(db: Queryable, rows: (typeof notifications.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    if (!offSiteOn()) {
      await db.insert(notifications).values(chunk);
      continue;
    }
    const written = await db
      .insert(notifications)
      .values(chunk)
      .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind, params: notifications.params, createdAt: notifications.createdAt });
    await queueOffSite(db, written);
  }
}

export async function listNotifications(db: Queryable, userId: string, beforeId: number | null, limit: number) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), beforeId ? lt(notifications.id, beforeId) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(db: Queryable, userId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r.n;
}

export async function markRead(db: Queryable, userId: string, id: number, now: Date) {
  const r = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return r.length === 1;
}

/** Marks every unread notice of the user read; how many were. */
export async function markAllRead(db: Queryable, userId: string, now: Date) {
  const r = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return r.length;
}
