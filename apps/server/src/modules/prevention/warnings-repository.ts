import type { WarningAudience } from '@jqt/domain';
import { and, arrayOverlaps, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { enterprises, enterpriseTags, riskWarningDeliveries, riskWarnings, riskWarningUnitDeliveries, units, users } from '../../db/schema.ts';

export type WarningRow = typeof riskWarnings.$inferSelect;

export const tagCodes = async (db: Queryable) => new Set((await db.select({ code: enterpriseTags.code }).from(enterpriseTags)).map((r) => r.code));

/** The partner departments (units of type `partner`), a warning's possible department targets. */
export const partnerUnitIds = async (db: Queryable) => new Set((await db.select({ id: units.id }).from(units).where(eq(units.unitType, 'partner'))).map((r) => r.id));

export async function existingEnterprises(db: Queryable, ids: string[]) {
  if (!ids.length) return new Set<string>();
  return new Set((await db.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.id, ids))).map((r) => r.id));
}

export async function insertWarning(db: Queryable, w: typeof riskWarnings.$inferInsert) {
  await db.insert(riskWarnings).values(w);
}

export async function findWarning(db: Queryable, id: string, lock = false) {
  const q = db.select().from(riskWarnings).where(eq(riskWarnings.id, id)).limit(1);
  const [r] = lock ? await q.for('update') : await q;
  return r;
}

export async function updateWarning(db: Queryable, id: string, set: Partial<typeof riskWarnings.$inferInsert>) {
  await db.update(riskWarnings).set(set).where(eq(riskWarnings.id, id));
}

/** The unit's warnings (null: every unit's), newest first. */
export async function listWarnings(db: Queryable, unitId: string | null, limit: number) {
  return db
    .select()
    .from(riskWarnings)
    .where(unitId ? eq(riskWarnings.unitId, unitId) : undefined)
    .orderBy(desc(riskWarnings.createdAt), desc(riskWarnings.id))
    .limit(limit);
}

/** Enterprises an audience reaches: any of its districts, tags or industries, or named. */
export async function audienceEnterprises(db: Queryable, a: WarningAudience) {
  const any: SQL[] = [];
  if (a.industries?.length) any.push(inArray(enterprises.industry, a.industries));
  if (a.districts.length) any.push(inArray(enterprises.district, a.districts));
  if (a.tags.length) any.push(arrayOverlaps(enterprises.tags, a.tags));
  if (a.enterpriseIds.length) any.push(inArray(enterprises.id, a.enterpriseIds));
  if (!any.length) return [];
  return db.select({ id: enterprises.id }).from(enterprises).where(or(...any));
}

export async function insertDeliveries(db: Queryable, rows: (typeof riskWarningDeliveries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 2000) await db.insert(riskWarningDeliveries).values(rows.slice(i, i + 2000)).onConflictDoNothing();
}

/** The enterprise people of these enterprises, to notify. */
export async function enterpriseUserIds(db: Queryable, enterpriseIds: string[]) {
  const out: string[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 2000) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.enterpriseId, enterpriseIds.slice(i, i + 2000)), inArray(users.role, ['enterprise-admin', 'enterprise-staff']), eq(users.disabled, false)));
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

/** Delivery, acknowledgement and escalation counts per warning. */
export async function deliveryCounts(db: Queryable, warningIds: string[]) {
  if (!warningIds.length) return new Map<string, { delivered: number; acknowledged: number; escalated: number }>();
  const rows = await db
    .select({
      warningId: riskWarningDeliveries.warningId,
      delivered: sql<number>`count(*)::int`,
      acknowledged: sql<number>`count(${riskWarningDeliveries.acknowledgedAt})::int`,
      escalated: sql<number>`count(*) filter (where ${riskWarningDeliveries.escalatedAt} is not null and ${riskWarningDeliveries.acknowledgedAt} is null)::int`,
    })
    .from(riskWarningDeliveries)
    .where(inArray(riskWarningDeliveries.warningId, warningIds))
    .groupBy(riskWarningDeliveries.warningId);
  return new Map(rows.map((r) => [r.warningId, { delivered: Number(r.delivered), acknowledged: Number(r.acknowledged), escalated: Number(r.escalated) }]));
}

/** One warning's deliveries with the enterprise and the officer told of a missing acknowledgement. */
export async function deliveriesOf(db: Queryable, warningId: string) {
  return db
    .select({
      enterpriseId: riskWarningDeliveries.enterpriseId,
      enterpriseName: enterprises.name,
      district: enterprises.district,
      deliveredAt: riskWarningDeliveries.deliveredAt,
      dueAt: riskWarningDeliveries.dueAt,
      acknowledgedAt: riskWarningDeliveries.acknowledgedAt,
      escalatedAt: riskWarningDeliveries.escalatedAt,
      escalatedToName: users.displayName,
    })
    .from(riskWarningDeliveries)
    .innerJoin(enterprises, eq(enterprises.id, riskWarningDeliveries.enterpriseId))
    .leftJoin(users, eq(users.id, riskWarningDeliveries.escalatedTo))
    .where(eq(riskWarningDeliveries.warningId, warningId))
    .orderBy(asc(enterprises.name))
    .limit(2000);
}

/** The warnings delivered to one enterprise, newest first. */
export async function warningsOfEnterprise(db: Queryable, enterpriseId: string, limit: number) {
  return db
    .select({ w: riskWarnings, d: riskWarningDeliveries })
    .from(riskWarningDeliveries)
    .innerJoin(riskWarnings, eq(riskWarnings.id, riskWarningDeliveries.warningId))
    .where(eq(riskWarningDeliveries.enterpriseId, enterpriseId))
    .orderBy(desc(riskWarningDeliveries.deliveredAt), desc(riskWarnings.id))
    .limit(limit);
}

export async function findDelivery(db: Queryable, warningId: string, enterpriseId: string) {
  const [r] = await db
    .select()
    .from(riskWarningDeliveries)
    .where(and(eq(riskWarningDeliveries.warningId, warningId), eq(riskWarningDeliveries.enterpriseId, enterpriseId)))
    .limit(1);
  return r;
}

/** 已阅知: only the first acknowledgement counts. */
export async function acknowledge(db: Queryable, warningId: string, enterpriseId: string, by: string, at: Date) {
  await db
    .update(riskWarningDeliveries)
    .set({ acknowledgedAt: at, acknowledgedBy: by })
    .where(and(eq(riskWarningDeliveries.warningId, warningId), eq(riskWarningDeliveries.enterpriseId, enterpriseId), isNull(riskWarningDeliveries.acknowledgedAt)));
}

/** Deliveries past due, neither acknowledged nor escalated, claimed so two sweepers never take the same row. */
export async function claimOverdueDeliveries(tx: Queryable, now: Date, limit: number) {
  const r = (await tx.execute(sql`
    select d.warning_id, d.enterprise_id, e.name as enterprise_name, e.liaison_officer_id, w.title
    from risk_warning_deliveries d
    join enterprises e on e.id = d.enterprise_id
    join risk_warnings w on w.id = d.warning_id
    where d.acknowledged_at is null and d.escalated_at is null and d.due_at <= ${now}
    order by d.due_at
    limit ${limit}
    for update of d skip locked`)) as unknown as { rows: { warning_id: string; enterprise_id: string; enterprise_name: string; liaison_officer_id: string | null; title: string }[] };
  return r.rows;
}

export async function markEscalated(tx: Queryable, rows: { warningId: string; enterpriseId: string; to: string | null }[], at: Date) {
  for (const r of rows) {
    await tx
      .update(riskWarningDeliveries)
      .set({ escalatedAt: at, escalatedTo: r.to })
      .where(and(eq(riskWarningDeliveries.warningId, r.warningId), eq(riskWarningDeliveries.enterpriseId, r.enterpriseId), isNull(riskWarningDeliveries.escalatedAt)));
  }
}


/** Enterprises by name or USCC, for choosing a warning's audience (police; names only, no contacts). */
export async function searchEnterprises(db: Queryable, q: string, limit: number) {
  const like = containsPattern(q);
  return db
    .select({ id: enterprises.id, name: enterprises.name, district: enterprises.district, uscc: enterprises.uscc })
    .from(enterprises)
    .where(or(sql`${enterprises.name} ilike ${like}`, eq(enterprises.uscc, q.toUpperCase())))
    .orderBy(asc(enterprises.name))
    .limit(limit);
}

export async function insertUnitDeliveries(db: Queryable, rows: (typeof riskWarningUnitDeliveries.$inferInsert)[]) {
  if (rows.length) await db.insert(riskWarningUnitDeliveries).values(rows).onConflictDoNothing();
}

/** The enabled partner users of these departments, to notify. */
export async function partnerUserIds(db: Queryable, unitIds: string[]) {
  if (!unitIds.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.role, 'partner'), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Department deliveries and acknowledgements per warning. */
export async function unitDeliveryCounts(db: Queryable, warningIds: string[]) {
  if (!warningIds.length) return new Map<string, { delivered: number; acknowledged: number }>();
  const rows = await db
    .select({
      warningId: riskWarningUnitDeliveries.warningId,
      delivered: sql<number>`count(*)::int`,
      acknowledged: sql<number>`count(${riskWarningUnitDeliveries.acknowledgedAt})::int`,
    })
    .from(riskWarningUnitDeliveries)
    .where(inArray(riskWarningUnitDeliveries.warningId, warningIds))
    .groupBy(riskWarningUnitDeliveries.warningId);
  return new Map(rows.map((r) => [r.warningId, { delivered: Number(r.delivered), acknowledged: Number(r.acknowledged) }]));
}

/** One warning's department deliveries with the department's names and who acknowledged. */
export async function unitDeliveriesOf(db: Queryable, warningId: string) {
  return db
    .select({
      unitId: riskWarningUnitDeliveries.unitId,
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      deliveredAt: riskWarningUnitDeliveries.deliveredAt,
      dueAt: riskWarningUnitDeliveries.dueAt,
      acknowledgedAt: riskWarningUnitDeliveries.acknowledgedAt,
      acknowledgedByName: users.displayName,
    })
    .from(riskWarningUnitDeliveries)
    .innerJoin(units, eq(units.id, riskWarningUnitDeliveries.unitId))
    .leftJoin(users, eq(users.id, riskWarningUnitDeliveries.acknowledgedBy))
    .where(eq(riskWarningUnitDeliveries.warningId, warningId))
    .orderBy(asc(units.id));
}

/** The warnings delivered to one partner department, newest first. */
export async function warningsOfUnit(db: Queryable, unitId: string, limit: number) {
  return db
    .select({ w: riskWarnings, d: riskWarningUnitDeliveries, by: users.displayName })
    .from(riskWarningUnitDeliveries)
    .innerJoin(riskWarnings, eq(riskWarnings.id, riskWarningUnitDeliveries.warningId))
    .leftJoin(users, eq(users.id, riskWarningUnitDeliveries.acknowledgedBy))
    .where(eq(riskWarningUnitDeliveries.unitId, unitId))
    .orderBy(desc(riskWarningUnitDeliveries.deliveredAt), desc(riskWarnings.id))
    .limit(limit);
}

export async function findUnitDelivery(db: Queryable, warningId: string, unitId: string) {
  const [r] = await db
    .select()
    .from(riskWarningUnitDeliveries)
    .where(and(eq(riskWarningUnitDeliveries.warningId, warningId), eq(riskWarningUnitDeliveries.unitId, unitId)))
    .limit(1);
  return r;
}

/** 已阅知 for the department: only the first acknowledgement counts. */
export async function acknowledgeForUnit(db: Queryable, warningId: string, unitId: string, by: string, at: Date) {
  await db
    .update(riskWarningUnitDeliveries)
    .set({ acknowledgedAt: at, acknowledgedBy: by })
    .where(and(eq(riskWarningUnitDeliveries.warningId, warningId), eq(riskWarningUnitDeliveries.unitId, unitId), isNull(riskWarningUnitDeliveries.acknowledgedAt)));
}

/** The dashboard's counts: warnings published in the period by the units in scope, and their deliveries' fate. */
export async function warningCounts(db: Queryable, units: readonly string[] | null, period: { from: Date; to: Date }) {
  const r = (await db.execute(sql`
    select count(distinct w.id)::int as published,
      count(d.enterprise_id)::int as delivered,
      count(d.acknowledged_at)::int as acknowledged,
      count(*) filter (where d.escalated_at is not null and d.acknowledged_at is null)::int as escalated
    from risk_warnings w left join risk_warning_deliveries d on d.warning_id = w.id
    where w.status = 'published' and w.published_at between ${period.from} and ${period.to}
      ${units ? sql`and w.unit_id in (${sql.join(units.map((u) => sql`${u}`), sql`, `)})` : sql``}`)) as unknown as { rows: Record<string, number>[] };
  const row = r.rows[0] ?? {};
  return { published: Number(row.published ?? 0), delivered: Number(row.delivered ?? 0), acknowledged: Number(row.acknowledged ?? 0), escalated: Number(row.escalated ?? 0) };
}
