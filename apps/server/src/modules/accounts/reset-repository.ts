import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { passwordResets, users } from '../../db/schema.ts';

export type PasswordResetRow = typeof passwordResets.$inferSelect;

/** Serializes the reset requests of one user, so the hourly count below is read and written under one lock. */
export async function lockUserResets(db: Queryable, userId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`password-reset:${userId}`}))`);
}

/** How many links the user was sent since a moment (the per-account limit). */
export async function resetsSince(db: Queryable, userId: string, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gte(passwordResets.createdAt, since)));
  return r.n;
}

/** A newer link voids every unused older one. */
export async function voidOpenResets(db: Queryable, userId: string, now: Date) {
  await db
    .update(passwordResets)
    .set({ usedAt: now, outcome: 'superseded' })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export async function insertReset(db: Queryable, r: typeof passwordResets.$inferInsert) {
  await db.insert(passwordResets).values(r);
}

/** The link of a token hash, locked for the transaction that may use it. */
export async function resetByTokenHash(db: Queryable, tokenHash: string, forUpdate = false): Promise<PasswordResetRow | undefined> {
  const q = db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).limit(1);
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

/** Marks a link used; false when another request used it first. */
export async function useReset(db: Queryable, id: string, now: Date): Promise<boolean> {
  const r = await db
    .update(passwordResets)
    .set({ usedAt: now, outcome: 'reset' })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  return r.length === 1;
}

/** An administrator's reset: a temporary password the user must replace at the next sign-in; the lockout lifted. */
export async function setTemporaryPassword(db: Queryable, id: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: at, mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}
