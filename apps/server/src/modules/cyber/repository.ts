import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { attachments, cyberDrillParticipants, cyberFindings, cyberInspections, enterprises, units } from '../../db/schema.ts';

export type InspectionRow = typeof cyberInspections.$inferSelect;
export type FindingRow = typeof cyberFindings.$inferSelect;

export async function unitTypeOf(db: Queryable, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [u] = await db.select({ unitType: units.unitType }).from(units).where(eq(units.id, unitId)).limit(1);
  return u?.unitType ?? null;
}

export async function enterpriseName(db: Queryable, id: string): Promise<string | null> {
  const [e] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, id)).limit(1);
  return e?.name ?? null;
}

export async function insertInspection(db: Queryable, row: typeof cyberInspections.$inferInsert) {
  await db.insert(cyberInspections).values(row);
}

export async function updateInspection(db: Queryable, id: string, set: Partial<typeof cyberInspections.$inferInsert>) {
  await db.update(cyberInspections).set(set).where(eq(cyberInspections.id, id));
}

/** One inspection with its enterprise's name; `lock` takes the row for the transaction. */
export async function findInspection(db: Queryable, id: string, lock = false) {
  const q = db
    .select({ i: cyberInspections, enterpriseName: enterprises.name })
    .from(cyberInspections)
    .innerJoin(enterprises, eq(enterprises.id, cyberInspections.enterpriseId))
    .where(eq(cyberInspections.id, id))
    .limit(1);
  const [r] = lock ? await q.for('update', { of: cyberInspections }) : await q;
  return r;
}

export async function findInspectionByNotice(db: Queryable, number: string) {
  const [r] = await db.select().from(cyberInspections).where(eq(cyberInspections.noticeNumber, number)).limit(1);
  return r;
}

/** Inspections by unit or enterprise (neither: every one), nearest planned date last-first. */
export async function listInspections(db: Queryable, scope: { unitId?: string; enterpriseId?: string }, limit: number) {
  const where: SQL[] = [];
  if (scope.unitId) where.push(eq(cyberInspections.unitId, scope.unitId));
  if (scope.enterpriseId) where.push(eq(cyberInspections.enterpriseId, scope.enterpriseId));
  return db
    .select({ i: cyberInspections, enterpriseName: enterprises.name })
    .from(cyberInspections)
    .innerJoin(enterprises, eq(enterprises.id, cyberInspections.enterpriseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(cyberInspections.plannedDate), desc(cyberInspections.createdAt))
    .limit(limit);
}

export async function insertFindings(db: Queryable, rows: (typeof cyberFindings.$inferInsert)[]) {
  if (rows.length) await db.insert(cyberFindings).values(rows);
}

export async function findingsOf(db: Queryable, inspectionIds: string[]) {
  if (!inspectionIds.length) return [];
  return db.select().from(cyberFindings).where(inArray(cyberFindings.inspectionId, inspectionIds)).orderBy(asc(cyberFindings.inspectionId), asc(cyberFindings.seq));
}

export async function findFinding(db: Queryable, id: string, lock = false) {
  const q = db.select().from(cyberFindings).where(eq(cyberFindings.id, id)).limit(1);
  const [r] = lock ? await q.for('update') : await q;
  return r;
}

export async function updateFinding(db: Queryable, id: string, set: Partial<typeof cyberFindings.$inferInsert>) {
  await db.update(cyberFindings).set(set).where(eq(cyberFindings.id, id));
}

/** Of these attachment ids, those the user uploaded. */
export async function ownAttachments(db: Queryable, ids: string[], uploaderId: string) {
  if (!ids.length) return new Set<string>();
  const rows = await db.select({ id: attachments.id }).from(attachments).where(and(inArray(attachments.id, ids), eq(attachments.uploaderId, uploaderId)));
  return new Set(rows.map((r) => r.id));
}

/** The inspection whose findings' evidence carries this attachment, if any. */
export async function inspectionWithEvidence(db: Queryable, attachmentId: string) {
  const [r] = await db
    .select({ unitId: cyberInspections.unitId, enterpriseId: cyberInspections.enterpriseId })
    .from(cyberFindings)
    .innerJoin(cyberInspections, eq(cyberInspections.id, cyberFindings.inspectionId))
    .where(sql`${attachmentId}::uuid = any(${cyberFindings.answerAttachmentIds})`)
    .limit(1);
  return r;
}

/** Findings past due, waiting for the enterprise and never escalated, claimed so two sweepers never share one. */
export async function claimOverdueFindings(tx: Queryable, now: Date, limit: number) {
  const r = (await tx.execute(sql`
    select f.id, f.severity, i.unit_id, i.notice_number, e.name as enterprise_name
    from cyber_findings f
    join cyber_inspections i on i.id = f.inspection_id
    join enterprises e on e.id = i.enterprise_id
    where f.status in ('open', 'reopened') and f.escalated_at is null and f.due_at < ${now}
    order by f.due_at
    limit ${limit}
    for update of f skip locked`)) as unknown as { rows: { id: string; severity: string; unit_id: string; notice_number: string | null; enterprise_name: string }[] };
  return r.rows;
}

export async function markFindingsEscalated(tx: Queryable, ids: string[], at: Date) {
  if (ids.length) await tx.update(cyberFindings).set({ escalatedAt: at }).where(inArray(cyberFindings.id, ids));
}

export async function drillParticipants(db: Queryable, year: number) {
  return db
    .select({ enterpriseId: cyberDrillParticipants.enterpriseId, name: enterprises.name, district: enterprises.district, uscc: enterprises.uscc, markedAt: cyberDrillParticipants.markedAt })
    .from(cyberDrillParticipants)
    .innerJoin(enterprises, eq(enterprises.id, cyberDrillParticipants.enterpriseId))
    .where(eq(cyberDrillParticipants.year, year))
    .orderBy(asc(enterprises.name))
    .limit(2000);
}

/** Marks an enterprise for the year's drill; true when it was not marked before. */
export async function markDrill(db: Queryable, row: typeof cyberDrillParticipants.$inferInsert) {
  const r = await db.insert(cyberDrillParticipants).values(row).onConflictDoNothing().returning({ year: cyberDrillParticipants.year });
  return r.length > 0;
}

export async function unmarkDrill(db: Queryable, year: number, enterpriseId: string) {
  const r = await db
    .delete(cyberDrillParticipants)
    .where(and(eq(cyberDrillParticipants.year, year), eq(cyberDrillParticipants.enterpriseId, enterpriseId)))
    .returning({ year: cyberDrillParticipants.year });
  return r.length > 0;
}

/** File names of evidence attachments, for the answer's links. */
export async function attachmentNames(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: attachments.id, filename: attachments.filename }).from(attachments).where(inArray(attachments.id, ids));
  return new Map(rows.map((r) => [r.id, r.filename]));
}

/** The dashboard's counts: inspections held in the period by the units in scope; their findings open and overdue now. */
export async function cyberCounts(db: Queryable, units: readonly string[] | null, from: string, to: string, now: Date) {
  const inScope = units ? sql`and i.unit_id in (${sql.join(units.map((u) => sql`${u}`), sql`, `)})` : sql``;
  const r = (await db.execute(sql`
    select
      (select count(*)::int from cyber_inspections i where i.inspected_on between ${from}::date and ${to}::date ${inScope}) as inspected,
      count(*) filter (where f.status in ('open', 'reopened', 'answered'))::int as open_findings,
      count(*) filter (where f.status in ('open', 'reopened') and f.due_at < ${now})::int as overdue_findings
    from cyber_findings f join cyber_inspections i on i.id = f.inspection_id
    where true ${inScope}`)) as unknown as { rows: Record<string, number>[] };
  const row = r.rows[0] ?? {};
  return { inspected: Number(row.inspected ?? 0), openFindings: Number(row.open_findings ?? 0), overdueFindings: Number(row.overdue_findings ?? 0) };
}
