import { and, asc, desc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { accessRuleSets, freightAccidents, nevFilings, passCodes, projectHazardInspections, roads } from '../../db/schema.ts';

export type RoadRow = typeof roads.$inferSelect;
export type RuleSetRow = typeof accessRuleSets.$inferSelect;
export type PassCodeRow = typeof passCodes.$inferSelect;
export type NevFilingRow = typeof nevFilings.$inferSelect;
export type AccidentRow = typeof freightAccidents.$inferSelect;

// Roads
export async function listRoads(db: Queryable): Promise<RoadRow[]> {
  return db.select().from(roads).orderBy(asc(roads.id));
}
export async function findRoad(db: Queryable, id: string): Promise<RoadRow | undefined> {
  return (await db.select().from(roads).where(eq(roads.id, id)).limit(1))[0];
}
export async function insertRoad(db: Queryable, r: typeof roads.$inferInsert): Promise<boolean> {
  const res = await db.insert(roads).values(r).onConflictDoNothing().returning({ id: roads.id });
  return res.length === 1;
}
export async function updateRoad(db: Queryable, id: string, r: Partial<typeof roads.$inferInsert>): Promise<RoadRow | undefined> {
  return (await db.update(roads).set(r).where(eq(roads.id, id)).returning())[0];
}

// Rule sets
export async function listRuleSets(db: Queryable): Promise<RuleSetRow[]> {
  return db.select().from(accessRuleSets).orderBy(desc(accessRuleSets.version));
}
export async function latestRuleSetVersion(db: Queryable): Promise<number> {
  const r = await db.select({ v: sql<number>`coalesce(max(${accessRuleSets.version}), 0)::int` }).from(accessRuleSets);
  return Number(r[0]?.v ?? 0);
}
export async function insertRuleSet(db: Queryable, r: typeof accessRuleSets.$inferInsert): Promise<void> {
  await db.insert(accessRuleSets).values(r);
}
export async function lockRuleSets(db: Queryable): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7306)`);
}

// Grants looked up by plate for the checker
export async function passCodesOfPlate(db: Queryable, plate: string, at: Date): Promise<PassCodeRow[]> {
  return db
    .select()
    .from(passCodes)
    .where(and(eq(passCodes.plate, plate), eq(passCodes.status, 'valid'), gt(passCodes.validTo, at)));
}
export async function filingsOfPlate(db: Queryable, plate: string, at: Date): Promise<NevFilingRow[]> {
  return db
    .select()
    .from(nevFilings)
    .where(and(eq(nevFilings.plate, plate), eq(nevFilings.status, 'approved'), gt(nevFilings.validTo, at)));
}

// Pass codes
export async function insertPassCode(db: Queryable, r: typeof passCodes.$inferInsert): Promise<void> {
  await db.insert(passCodes).values(r);
}
export async function findPassCodeByCode(db: Queryable, code: string): Promise<PassCodeRow | undefined> {
  return (await db.select().from(passCodes).where(eq(passCodes.code, code)).limit(1))[0];
}
export async function findPassCode(db: Queryable, id: string, forUpdate = false): Promise<PassCodeRow | undefined> {
  const q = db.select().from(passCodes).where(eq(passCodes.id, id)).limit(1);
  return (await (forUpdate ? q.for('update') : q))[0];
}
export async function passCodesOfItem(db: Queryable, itemId: string): Promise<PassCodeRow[]> {
  return db.select().from(passCodes).where(eq(passCodes.itemId, itemId)).orderBy(asc(passCodes.createdAt));
}
export async function revokePassCode(db: Queryable, id: string, at: Date, reason: string): Promise<void> {
  await db.update(passCodes).set({ status: 'revoked', revokedAt: at, revokeReason: reason }).where(eq(passCodes.id, id));
}

// NEV filings
export async function insertFiling(db: Queryable, r: typeof nevFilings.$inferInsert): Promise<void> {
  await db.insert(nevFilings).values(r);
}
export async function filingsOfItem(db: Queryable, itemId: string): Promise<NevFilingRow[]> {
  return db.select().from(nevFilings).where(eq(nevFilings.itemId, itemId));
}

// Freight accidents (M7)
export async function insertAccident(db: Queryable, r: typeof freightAccidents.$inferInsert): Promise<void> {
  await db.insert(freightAccidents).values(r);
}
export async function accidentsBetween(db: Queryable, from: Date, to: Date): Promise<AccidentRow[]> {
  return db
    .select()
    .from(freightAccidents)
    .where(and(gte(freightAccidents.occurredAt, from), lt(freightAccidents.occurredAt, to)))
    .orderBy(asc(freightAccidents.occurredAt));
}

/** Serializes the publication of TIA threshold versions across instances (one transaction numbers one version). */
export async function lockTiaThresholds(db: Queryable): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7307)`);
}
export async function listPassCodes(db: Queryable, f: { plate?: string; enterpriseId?: string }, limit = 200): Promise<PassCodeRow[]> {
  const conds = [f.plate ? eq(passCodes.plate, f.plate) : undefined, f.enterpriseId ? eq(passCodes.enterpriseId, f.enterpriseId) : undefined].filter(Boolean);
  return db
    .select()
    .from(passCodes)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(passCodes.createdAt))
    .limit(limit);
}

// Hazard inspections around major projects (M9)
export type HazardInspectionRow = typeof projectHazardInspections.$inferSelect;
export async function insertHazardInspection(db: Queryable, r: typeof projectHazardInspections.$inferInsert): Promise<void> {
  await db.insert(projectHazardInspections).values(r);
}
export async function findHazardInspection(db: Queryable, id: string, forUpdate = false): Promise<HazardInspectionRow | undefined> {
  const q = db.select().from(projectHazardInspections).where(eq(projectHazardInspections.id, id)).limit(1);
  return (await (forUpdate ? q.for('update') : q))[0];
}
export async function listHazardInspections(db: Queryable, openOnly: boolean): Promise<HazardInspectionRow[]> {
  return db
    .select()
    .from(projectHazardInspections)
    .where(openOnly ? and(sql`${projectHazardInspections.rectificationDueOn} is not null`, sql`${projectHazardInspections.rectifiedAt} is null`) : undefined)
    .orderBy(asc(projectHazardInspections.rectificationDueOn), desc(projectHazardInspections.inspectedOn))
    .limit(500);
}
export async function markRectified(db: Queryable, id: string, at: Date, note: string): Promise<void> {
  await db.update(projectHazardInspections).set({ rectifiedAt: at, rectificationNote: note }).where(eq(projectHazardInspections.id, id));
}
