import { asc, desc, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { auditAnchors, auditLog, auditPending } from '../../db/schema.ts';
import { chainHash, GENESIS, type AuditFields } from './chain.ts';

/**
 * Appends rows in order. Must run inside a transaction: the advisory lock is held until it ends, so concurrent
 * writers queue and the chain stays one line.
 */
export async function appendAudit(tx: Queryable, ...rows: AuditFields[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(7301)`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
  let prevHash = last[0]?.hash ?? GENESIS;
  const values = rows.map((f) => {
    const hash = chainHash(prevHash, f);
    const row = { ...f, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // bigserial ids follow the order of a multi-row VALUES, which is the chain's order.
  await tx.insert(auditLog).values(values);
}

/** A record for the chainer to append later: no lock, so a busy read path does not queue on the chain. */
export async function insertPending(db: Queryable, f: AuditFields): Promise<void> {
  await db.insert(auditPending).values(f);
}

/** The oldest waiting records, locked for this transaction (two chainers never take the same ones). */
export async function claimPending(tx: Queryable, limit: number) {
  return tx.select().from(auditPending).orderBy(asc(auditPending.id)).limit(limit).for('update', { skipLocked: true });
}

export async function deletePending(tx: Queryable, ids: number[]) {
  if (ids.length) await tx.delete(auditPending).where(inArray(auditPending.id, ids));
}

export async function auditPage(tx: Queryable, afterId: number, limit: number) {
  return tx.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}

/** The newest row of the chain: its id and hash are the head an anchor records. */
export async function chainHead(tx: Queryable): Promise<{ seq: number; hash: string } | undefined> {
  const [r] = await tx.select({ seq: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return r;
}

export type AnchorRow = typeof auditAnchors.$inferSelect;

export async function latestAnchor(tx: Queryable): Promise<AnchorRow | undefined> {
  const [r] = await tx.select().from(auditAnchors).orderBy(desc(auditAnchors.seq)).limit(1);
  return r;
}

/** Appends an anchor; one per sequence number (a second instance anchoring the same head adds nothing). */
export async function insertAnchor(tx: Queryable, a: AnchorRow): Promise<void> {
  await tx.insert(auditAnchors).values(a).onConflictDoNothing();
}
