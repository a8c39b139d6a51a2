import type { CaseStageSelector } from '@jqt/domain';
import { and, asc, desc, eq, inArray, not, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { CursorKey } from '../../lib/cursor.ts';
import { caseFiles, caseRecoveries, enterprises, items, units } from '../../db/schema.ts';
import type { UserActor } from '../accounts/actor.ts';
import { visibleTo } from '../items/policy.ts';
import { filterConditions, type ItemFilter } from '../items/repository.ts';

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

/** The staff list's filter, read once from the query (`service.caseFilterOf`); the list and its ledger share it. */
export interface CaseFilter extends Pick<ItemFilter, 'listed' | 'unitId' | 'q' | 'submittedFrom' | 'submittedTo'> {
  category?: string;
  stage?: CaseStageSelector;
  graded?: boolean;
}

/** Cases in a stage: the declaration's inverse of `caseStageOf`, as SQL on the item and its case file. */
function stageCondition(sel: CaseStageSelector): SQL {
  const file = (cond: SQL) => sql`exists (select 1 from ${caseFiles} where ${caseFiles.itemId} = ${items.id} and ${cond})`;
  if ('progress' in sel) return file(sql`${caseFiles.progress} = ${sel.progress}`);
  if ('decision' in sel) return file(sql`${caseFiles.progress} is null and ${caseFiles.decision} = ${sel.decision}`);
  return and(inArray(items.status, [...sel.statuses]), sql`not exists (select 1 from ${caseFiles} where ${caseFiles.itemId} = ${items.id} and (${caseFiles.progress} is not null or ${caseFiles.decision} is not null))`)!;
}

const graded = sql`exists (select 1 from ${caseFiles} where ${caseFiles.itemId} = ${items.id} and ${caseFiles.tier} is not null)`;

/**
 * The cases the staff member may see (the items' own visibility, `visibleTo`), newest first, filtered as the list's
 * query says, a page after the cursor: the items' own conditions (挂牌督办, unit, period, search) and the case's (category, stage, 专案).
 */
export async function staffCases(db: Queryable, actor: UserActor, f: CaseFilter, now: Date, after: CursorKey | null, limit: number) {
  const conds: (SQL | undefined)[] = [eq(items.type, CASE_TYPE), visibleTo(actor), ...filterConditions(f, now)];
  if (after) conds.push(sql`(${items.submittedAt}, ${items.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`);
  if (f.category) conds.push(sql`${items.data}->>'category' = ${f.category}`);
  if (f.stage) conds.push(stageCondition(f.stage));
  if (f.graded !== undefined) conds.push(f.graded ? graded : not(graded));
  return db.select().from(items).where(and(...conds)).orderBy(desc(items.submittedAt), desc(items.id)).limit(limit);
}

export async function unitsByIds(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(units).where(inArray(units.id, [...new Set(ids)]));
}

export async function enterpriseNames(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, [...new Set(ids)]));
}
