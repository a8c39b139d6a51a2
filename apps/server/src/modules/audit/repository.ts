import { asc, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import { chainHash, GENESIS, type AuditFields } from './chain.ts';

/** Appends one row; the advisory lock orders concurrent writers so the chain stays one line. */
export async function appendAudit(tx: Queryable, f: AuditFields): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301)`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS;
  await tx.insert(auditLog).values({ ...f, prevHash, hash: chainHash(prevHash, f) });
}

export async function auditPage(tx: Queryable, afterId: number, limit: number) {
  return tx.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}
