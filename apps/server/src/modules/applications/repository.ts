import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.ts';
import type { Queryable } from '../../db/client.ts';
import { certificateCounters, certificates, itemEvents, items, residenceBatches } from '../../db/schema.ts';

export type BatchRow = typeof residenceBatches.$inferSelect;

export async function insertBatch(db: Queryable, row: typeof residenceBatches.$inferInsert) {
  await db.insert(residenceBatches).values(row);
}

export async function findBatch(db: Queryable, id: string, forUpdate = false) {
  const q = db.select().from(residenceBatches).where(eq(residenceBatches.id, id)).limit(1);
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function updateBatch(db: Queryable, id: string, set: Partial<typeof residenceBatches.$inferInsert>) {
  await db.update(residenceBatches).set(set).where(eq(residenceBatches.id, id));
}

/** The newest batches inside `visible` (the policy's predicate; undefined: all). */
export async function listBatches(db: Queryable, visible: SQL | undefined, limit: number) {
  return db.select().from(residenceBatches).where(visible).orderBy(desc(residenceBatches.createdAt), desc(residenceBatches.id)).limit(limit);
}

/** How many of the batch's items are in each status. */
export async function batchItemCounts(db: Queryable, batchId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: items.status, n: sql<number>`count(*)::int` })
    .from(items)
    .where(eq(items.batchId, batchId))
    .groupBy(items.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Of these ID numbers, those the enterprise already has an open or issued (not refused) residence permit item for. */
export async function existingResidenceIdNumbers(db: Queryable, enterpriseId: string, idNumbers: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const key = sql<string>`(${items.data}->>'idNumber')`;
  for (let i = 0; i < idNumbers.length; i += 5000) {
    const rows = await db
      .select({ id: key })
      .from(items)
      .where(and(eq(items.type, 'residence-permit'), eq(items.enterpriseId, enterpriseId), ne(items.status, 'refused'), inArray(key, idNumbers.slice(i, i + 5000))));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Serializes imports of one enterprise, so two uploads at once cannot both accept the same person. */
export async function lockEnterpriseImports(db: Queryable, enterpriseId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`residence-batch:${enterpriseId}`}))`);
}

/** The batch's items in the given statuses, without a pending transfer, locked for the batch step. */
export async function batchItemsIn(db: Queryable, batchId: string, unitId: string, statuses: string[]) {
  return db
    .select()
    .from(items)
    .where(and(eq(items.batchId, batchId), eq(items.unitId, unitId), inArray(items.status, statuses), sql`${items.pendingUnitId} is null`))
    .orderBy(items.number)
    .for('update');
}

/** One set-based update of many items that take the same step; every row's version goes up by one. */
export async function updateItemsAlike(db: Queryable, ids: string[], set: Partial<typeof items.$inferInsert>) {
  for (let i = 0; i < ids.length; i += 5000) {
    await db
      .update(items)
      .set({ ...set, version: sql`${items.version} + 1` })
      .where(inArray(items.id, ids.slice(i, i + 5000)));
  }
}

export type CertificateRow = typeof certificates.$inferSelect;

/**
 * Reserves `n` consecutive serials of a kind and year and returns the first. The counter row stays locked until the
 * transaction ends, so numbers are gapless and never given twice, across instances; a rollback gives them back.
 */
export async function reserveSerials(db: Queryable, kind: string, year: number, n: number): Promise<number> {
  const [row] = await db
    .insert(certificateCounters)
    .values({ kind, year, last: n })
    .onConflictDoUpdate({ target: [certificateCounters.kind, certificateCounters.year], set: { last: sql`${certificateCounters.last} + ${n}` } })
    .returning({ last: certificateCounters.last });
  return row.last - n + 1;
}

export async function insertCertificates(db: Queryable, rows: (typeof certificates.$inferInsert)[]) {
  await bulkInsert(db, certificates, rows);
}

/** Of these items, the certificate kinds each already has (`itemId:kind`). */
export async function issuedKinds(db: Queryable, itemIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < itemIds.length; i += 5000) {
    const rows = await db.select({ itemId: certificates.itemId, kind: certificates.kind }).from(certificates).where(inArray(certificates.itemId, itemIds.slice(i, i + 5000)));
    for (const r of rows) found.add(`${r.itemId}:${r.kind}`);
  }
  return found;
}

export async function certificatesOfItem(db: Queryable, itemId: string): Promise<CertificateRow[]> {
  return db.select().from(certificates).where(eq(certificates.itemId, itemId)).orderBy(asc(certificates.issuedAt), asc(certificates.number));
}

/** The detail of the item's latest answer (where the decision is recorded), if it was ever answered. */
export async function lastAnswerDetail(db: Queryable, itemId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ detail: itemEvents.detail })
    .from(itemEvents)
    .where(and(eq(itemEvents.itemId, itemId), eq(itemEvents.action, 'answer')))
    .orderBy(desc(itemEvents.id))
    .limit(1);
  return row?.detail as Record<string, unknown> | undefined;
}
