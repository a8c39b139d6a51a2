import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { caseFiles, caseRecoveries, enterprises, items, units } from '../../db/schema.ts';
import type { UserActor } from '../accounts/actor.ts';
import { visibleTo } from '../items/policy.ts';

export type CaseFileRow = typeof caseFiles.$inferSelect;
export type RecoveryRow = typeof caseRecoveries.$inferSelect;
export const CASE_TYPE = 'crime-report';

export async function findCaseFile(db: Queryable, itemId: string, forUpdate = false): Promise<CaseFileRow | undefined> {
  const q = db.select().from(caseFiles).where(eq(caseFiles.itemId, itemId));
  return (forUpdate ? await q.for('update') : await q)[0];
}

/** The case file of an item, made on first need (registration or the decision). */
export async function ensureCaseFile(db: Queryable, itemId: string, now: Date): Promise<CaseFileRow> {
  await db.insert(caseFiles).values({ itemId, updatedAt: now }).onConflictDoNothing();
  return (await findCaseFile(db, itemId, true))!;
}

export async function updateCaseFile(db: Queryable, itemId: string, set: Partial<typeof caseFiles.$inferInsert>) {
  await db.update(caseFiles).set(set).where(eq(caseFiles.itemId, itemId));
}

export async function insertRecovery(db: Queryable, r: typeof caseRecoveries.$inferInsert) {
  await db.insert(caseRecoveries).values(r);
}

export async function recoveriesOf(db: Queryable, itemIds: string[]): Promise<RecoveryRow[]> {
  if (!itemIds.length) return [];
  return db.select().from(caseRecoveries).where(inArray(caseRecoveries.itemId, itemIds)).orderBy(asc(caseRecoveries.on), asc(caseRecoveries.recordedAt));
}

export async function caseFilesOf(db: Queryable, itemIds: string[]): Promise<CaseFileRow[]> {
  if (!itemIds.length) return [];
  return db.select().from(caseFiles).where(inArray(caseFiles.itemId, itemIds));
}

/** The enterprise's own reports, newest first. */
export async function enterpriseCases(db: Queryable, enterpriseId: string, limit = 200) {
  return db.select().from(items).where(and(eq(items.type, CASE_TYPE), eq(items.enterpriseId, enterpriseId))).orderBy(desc(items.submittedAt)).limit(limit);
}

/** The cases the staff member may see (the items' own visibility), newest first; optionally only graded ones. */
export async function staffCases(db: Queryable, actor: UserActor, f: { graded?: boolean; listed?: boolean }, limit = 200) {
  const conds: (SQL | undefined)[] = [eq(items.type, CASE_TYPE), visibleTo(actor)];
  if (f.listed) conds.push(eq(items.listed, true));
  if (f.graded) conds.push(sql`exists (select 1 from ${caseFiles} where ${caseFiles.itemId} = ${items.id} and ${caseFiles.tier} is not null)`);
  return db.select().from(items).where(and(...conds)).orderBy(desc(items.submittedAt)).limit(limit);
}

export async function unitsByIds(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(units).where(inArray(units.id, [...new Set(ids)]));
}

export async function enterpriseNames(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, [...new Set(ids)]));
}
