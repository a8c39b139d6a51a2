import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { apiTokens, enterprises, sessions, units, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return u;
}

export async function findUser(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

/**
 * Counts one failed sign-in at `now`; the count restarts after an expired lock (so the next run of failures
 * locks again) and reaching `max` locks until `lockUntil`. One statement, so concurrent failures all count.
 */
export async function recordFailedLogin(db: Queryable, id: string, now: Date, max: number, lockUntil: Date) {
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const next = sql`(case when ${expired} then 1 else ${users.failedLogins} + 1 end)`;
  await db
    .update(users)
    .set({
      failedLogins: next,
      lockedUntil: sql`(case when ${next} >= ${max} then ${lockUntil.toISOString()}::timestamptz when ${expired} then null else ${users.lockedUntil} end)`,
    })
    .where(eq(users.id, id));
}

export async function resetFailedLogins(db: Queryable, id: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function insertSession(db: Queryable, s: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(s);
}

/** Ends every session of a user but one (the one that changed the password). */
export async function deleteOtherSessions(db: Queryable, userId: string, keepId: string | null) {
  await db.delete(sessions).where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId));
}

/** The user's own new password (changed, or set through a reset link): no longer one they must change. */
export async function updatePassword(db: Queryable, id: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: at, mustChangePassword: false }).where(eq(users.id, id));
}

export async function deleteSession(db: Queryable, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** The user behind a session, if the session is still valid at `now`. */
export async function userBySession(db: Queryable, sessionId: string, now: Date) {
  const [r] = await db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  return r;
}

export async function touchSession(db: Queryable, id: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function userByToken(db: Queryable, tokenHash: string, now: Date) {
  const [r] = await db
    .select({ user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), gt(apiTokens.expiresAt, now), isNull(apiTokens.revokedAt)))
    .limit(1);
  return r?.user;
}

export async function insertToken(db: Queryable, t: typeof apiTokens.$inferInsert) {
  await db.insert(apiTokens).values(t);
}

export async function insertUser(db: Queryable, u: typeof users.$inferInsert) {
  await db.insert(users).values(u);
}

export async function updateUserRole(db: Queryable, id: string, role: string, unitId: string | null, totpSecret?: string) {
  await db
    .update(users)
    .set({ role, unitId, ...(totpSecret ? { totpSecret } : {}) })
    .where(eq(users.id, id));
}

/**
 * Records `step` as the user's last accepted TOTP step, in one statement so two sign-ins racing with the same
 * code cannot both win. False when the step is not newer than the last one: the code is a replay.
 */
export async function claimTotpStep(db: Queryable, id: string, step: number): Promise<boolean> {
  const won = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return won.length === 1;
}

export async function insertEnterprise(db: Queryable, e: typeof enterprises.$inferInsert) {
  await db.insert(enterprises).values(e);
}

export async function findEnterpriseByUscc(db: Queryable, uscc: string) {
  const [e] = await db.select().from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1);
  return e;
}

/** Names of many enterprises in one statement (a queue page's company column). */
export async function enterpriseNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findEnterprise(db: Queryable, id: string) {
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, id)).limit(1);
  return e;
}

export async function listUnits(db: Queryable) {
  return db.select().from(units).orderBy(asc(units.id));
}

export async function findUnit(db: Queryable, id: string) {
  const [u] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return u;
}

export async function setUnitAnswerReviewTypes(db: Queryable, id: string, itemTypes: string[]) {
  await db.update(units).set({ answerReviewTypes: itemTypes }).where(eq(units.id, id));
}

export async function findUnitByRoute(db: Queryable, unitType: string, district: string | null) {
  const [u] = await db
    .select()
    .from(units)
    .where(and(eq(units.unitType, unitType), district ? eq(units.district, district) : isNull(units.district)))
    .orderBy(asc(units.id))
    .limit(1);
  return u;
}

export async function listUsers(db: Queryable, limit: number, afterUsername: string | null) {
  return db
    .select()
    .from(users)
    .where(afterUsername ? gt(users.username, afterUsername) : undefined)
    .orderBy(asc(users.username))
    .limit(limit);
}

/** Active users of a unit with one of the roles, by name. */
export async function staffOfUnit(db: Queryable, unitId: string, roles: string[]) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.disabled, false)))
    .orderBy(users.displayName);
  return rows.filter((r) => roles.includes(r.role));
}

/** Ids of users of a unit with one of the roles, for notices. */
export async function userIdsInUnit(db: Queryable, unitId: string, roles: string[]) {
  const rows = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.disabled, false)));
  return rows.filter((r) => roles.includes(r.role)).map((r) => r.id);
}

export async function userIdsWithRole(db: Queryable, role: string) {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.role, role), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Users of one enterprise, for notices to the submitting enterprise. */
export async function userIdsOfEnterprise(db: Queryable, enterpriseId: string) {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.enterpriseId, enterpriseId));
  return rows.map((r) => r.id);
}

/** The units below this one, at any depth (the unit tree by `parent_id`; a cycle in the data cannot loop). */
export async function unitsBelow(db: Queryable, unitId: string): Promise<string[]> {
  const r = (await db.execute(sql`
    with recursive below(id) as (
      select id from units where parent_id = ${unitId}
      union
      select u.id from units u join below b on u.parent_id = b.id
    )
    select id from below where id <> ${unitId} order by id`)) as unknown as { rows: { id: string }[] };
  return r.rows.map((x) => x.id);
}
