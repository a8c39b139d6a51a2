import { and, asc, desc, eq, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import { disputeFollowUps, disputes, enterprises, users } from '../../db/schema.ts';
import { liaisesWith } from '../liaison/repository.ts';

export type DisputeRow = typeof disputes.$inferSelect;

export async function insertDispute(db: Queryable, d: typeof disputes.$inferInsert) {
  await db.insert(disputes).values(d);
}

export async function findDispute(db: Queryable, id: string, forUpdate = false) {
  const q = db.select().from(disputes).where(eq(disputes.id, id)).limit(1);
  const [d] = forUpdate ? await q.for('update') : await q;
  return d;
}

export async function addFollowUp(db: Queryable, f: Omit<typeof disputeFollowUps.$inferInsert, 'seq'>, set: Partial<DisputeRow>) {
  const [{ seq }] = (await db.select({ seq: sql<number>`coalesce(max(${disputeFollowUps.seq}), 0)::int + 1` }).from(disputeFollowUps).where(eq(disputeFollowUps.disputeId, f.disputeId))) as [{ seq: number }];
  await db.insert(disputeFollowUps).values({ ...f, seq: Number(seq) });
  await db.update(disputes).set(set).where(eq(disputes.id, f.disputeId));
}

/** Who sees which disputes, as the registry scopes enterprises: a district (null: all), and/or those an officer liaises. */
export type DisputeScope = { district: string | null; liaisonOf?: string; orLiaisonOf?: string; enterpriseId?: string; id?: string };
export interface DisputeFilter {
  risk?: string;
  /** open: not resolved; due: a follow-up day today or before; resolved. */
  state?: 'open' | 'due' | 'resolved';
  today: string;
}

function where(scope: DisputeScope, f: DisputeFilter): SQL | undefined {
  const w: SQL[] = [];
  if (scope.id) w.push(eq(disputes.id, scope.id));
  if (scope.enterpriseId) w.push(eq(disputes.enterpriseId, scope.enterpriseId));
  if (scope.liaisonOf) w.push(liaisesWith(scope.liaisonOf));
  else if (scope.district && scope.orLiaisonOf) w.push(sql`(${disputes.district} = ${scope.district} or ${liaisesWith(scope.orLiaisonOf)})`);
  else if (scope.district) w.push(eq(disputes.district, scope.district));
  if (f.risk) w.push(eq(disputes.risk, f.risk));
  if (f.state === 'resolved') w.push(eq(disputes.resolved, true));
  if (f.state === 'open') w.push(eq(disputes.resolved, false));
  if (f.state === 'due') w.push(and(eq(disputes.resolved, false), lte(disputes.nextFollowUpOn, f.today))!);
  return w.length ? and(...w) : undefined;
}

const recorder = alias(users, 'recorder');

/** The disputes with their enterprise's name and the recording officer, the next follow-up first; resolved ones last. */
export async function listDisputes(db: Queryable, scope: DisputeScope, f: DisputeFilter, limit: number) {
  return db
    .select({ d: disputes, enterpriseName: enterprises.name, recordedByName: recorder.displayName })
    .from(disputes)
    .innerJoin(enterprises, eq(enterprises.id, disputes.enterpriseId))
    .leftJoin(recorder, eq(recorder.id, disputes.recordedBy))
    .where(where(scope, f))
    .orderBy(asc(disputes.resolved), asc(disputes.nextFollowUpOn), desc(disputes.updatedAt))
    .limit(limit);
}

export async function followUpsOf(db: Queryable, disputeIds: string[]) {
  if (!disputeIds.length) return [];
  return db
    .select({ f: disputeFollowUps, officerName: users.displayName })
    .from(disputeFollowUps)
    .leftJoin(users, eq(users.id, disputeFollowUps.officerId))
    .where(inArray(disputeFollowUps.disputeId, disputeIds))
    .orderBy(asc(disputeFollowUps.disputeId), asc(disputeFollowUps.seq));
}

/**
 * Open disputes whose follow-up day has come and was not reminded for that day, claimed so two sweepers never take
 * the same row; with the enterprise's liaison officer, who is reminded (else the officer who recorded it).
 */
export async function claimDueFollowUps(tx: Queryable, today: string, limit: number) {
  return tx
    .select({ id: disputes.id, nextFollowUpOn: disputes.nextFollowUpOn, enterpriseId: disputes.enterpriseId, enterpriseName: enterprises.name, to: sql<string>`coalesce(${enterprises.liaisonOfficerId}, ${disputes.recordedBy})` })
    .from(disputes)
    .innerJoin(enterprises, eq(enterprises.id, disputes.enterpriseId))
    .where(and(eq(disputes.resolved, false), isNotNull(disputes.nextFollowUpOn), lte(disputes.nextFollowUpOn, today), sql`${disputes.remindedFor} is distinct from ${disputes.nextFollowUpOn}`))
    .orderBy(asc(disputes.nextFollowUpOn))
    .limit(limit)
    .for('update', { of: disputes, skipLocked: true });
}

export async function markReminded(tx: Queryable, rows: { id: string; day: string }[]) {
  for (const r of rows) await tx.update(disputes).set({ remindedFor: r.day }).where(eq(disputes.id, r.id));
}

/** The dashboard's counts: open disputes by risk, and those past their follow-up day, of the units in scope. */
export async function disputeCounts(db: Queryable, units: readonly string[] | null, today: string) {
  const [r] = await db
    .select({
      open: sql<number>`count(*) filter (where not ${disputes.resolved})::int`,
      high: sql<number>`count(*) filter (where not ${disputes.resolved} and ${disputes.risk} = 'high')::int`,
      overdue: sql<number>`count(*) filter (where not ${disputes.resolved} and ${disputes.nextFollowUpOn} < ${today})::int`,
    })
    .from(disputes)
    .where(units ? inArray(disputes.unitId, [...units]) : undefined);
  return { open: Number(r?.open ?? 0), high: Number(r?.high ?? 0), overdue: Number(r?.overdue ?? 0) };
}
