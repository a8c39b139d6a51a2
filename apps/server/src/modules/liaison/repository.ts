import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import {
  enterprises,
  enterpriseTags,
  items,
  liaisonAssignments,
  liaisonVisits,
  majorProjects,
  passCodes,
  serviceCentreBookings,
  serviceCentres,
  units,
  users,
  visitProblems,
} from '../../db/schema.ts';

export type AssignmentRow = typeof liaisonAssignments.$inferSelect;
export type VisitRow = typeof liaisonVisits.$inferSelect;
export type ProblemRow = typeof visitProblems.$inferSelect;
export type ProjectRow = typeof majorProjects.$inferSelect;
export type CentreRow = typeof serviceCentres.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;

/** A user with the unit facts the liaison rules need. */
export async function findPerson(db: Queryable, where: { id: string } | { username: string }) {
  const [r] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, disabled: users.disabled, unitId: users.unitId, unitType: units.unitType, unitDistrict: units.district, unitNameZh: units.nameZh, unitNameEn: units.nameEn, unitPhone: units.phone })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where('id' in where ? eq(users.id, where.id) : eq(users.username, where.username))
    .limit(1);
  return r;
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export async function peopleByIds(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, unitId: users.unitId, unitNameZh: units.nameZh, unitNameEn: units.nameEn, unitPhone: units.phone })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.id, ids));
}

export async function peopleByUsernames(db: Queryable, usernames: string[]) {
  if (!usernames.length) return [];
  return db
    .select({ id: users.id, username: users.username, role: users.role, disabled: users.disabled, unitType: units.unitType })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.username, usernames));
}

// Tags

export const listTags = (db: Queryable) => db.select().from(enterpriseTags).orderBy(asc(enterpriseTags.createdAt), asc(enterpriseTags.code));
export async function insertTag(db: Queryable, t: typeof enterpriseTags.$inferInsert) {
  const r = await db.insert(enterpriseTags).values(t).onConflictDoNothing().returning({ code: enterpriseTags.code });
  return r.length > 0;
}
export async function updateTag(db: Queryable, code: string, set: { nameZh?: string; nameEn?: string }) {
  const r = await db.update(enterpriseTags).set(set).where(eq(enterpriseTags.code, code)).returning();
  return r[0];
}

// Enterprises

export async function findEnterprise(db: Queryable, id: string, forUpdate = false) {
  const q = db.select().from(enterprises).where(eq(enterprises.id, id)).limit(1);
  const [e] = forUpdate ? await q.for('update') : await q;
  return e;
}

export async function enterprisesByUscc(db: Queryable, usccs: string[]) {
  if (!usccs.length) return [];
  return db.select().from(enterprises).where(inArray(enterprises.uscc, usccs));
}

export async function setProfile(db: Queryable, id: string, key: boolean, tags: string[], industry?: string | null) {
  await db.update(enterprises).set({ key, tags, ...(industry !== undefined ? { industry } : {}) }).where(eq(enterprises.id, id));
}

export interface EnterpriseFilter {
  /** null: every district. */
  district: string | null;
  /** Only those this user liaises with (officer or deputy). */
  liaisonOf?: string;
  /** Besides the district, also those this user liaises with (a reader outside the district). */
  orLiaisonOf?: string;
  tag?: string;
  key?: boolean;
  unassigned?: boolean;
  q?: string;
  afterName?: { name: string; id: string } | null;
  limit: number;
}

/** The enterprise (joined as `enterprises`) is one this user liaises with now, as officer or deputy. */
export const liaisesWith = (userId: string) =>
  sql`exists (select 1 from ${liaisonAssignments} a where a.enterprise_id = ${enterprises.id} and a.to_at is null and (a.officer_id = ${userId} or a.deputy_id = ${userId}))`;

export async function listEnterprises(db: Queryable, f: EnterpriseFilter) {
  const where: (SQL | undefined)[] = [];
  if (f.liaisonOf) where.push(liaisesWith(f.liaisonOf));
  else if (f.district && f.orLiaisonOf) where.push(sql`(${enterprises.district} = ${f.district} or ${liaisesWith(f.orLiaisonOf)})`);
  else if (f.district) where.push(eq(enterprises.district, f.district));
  else if (f.orLiaisonOf) where.push(liaisesWith(f.orLiaisonOf));
  if (f.tag) where.push(sql`${enterprises.tags} @> array[${f.tag}]::text[]`);
  if (f.key !== undefined) where.push(eq(enterprises.key, f.key));
  if (f.unassigned) where.push(isNull(enterprises.liaisonOfficerId));
  if (f.q) where.push(sql`(${enterprises.name} like ${containsPattern(f.q)} or ${enterprises.uscc} = ${f.q.toUpperCase()})`);
  if (f.afterName) where.push(sql`(${enterprises.name}, ${enterprises.id}) > (${f.afterName.name}, ${f.afterName.id}::uuid)`);
  return db
    .select()
    .from(enterprises)
    .where(and(...where))
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(f.limit);
}

// Assignments

export async function openAssignment(db: Queryable, subject: { enterpriseId: string } | { projectId: string }, forUpdate = false) {
  const q = db
    .select()
    .from(liaisonAssignments)
    .where(and('enterpriseId' in subject ? eq(liaisonAssignments.enterpriseId, subject.enterpriseId) : eq(liaisonAssignments.projectId, subject.projectId), isNull(liaisonAssignments.toAt)))
    .limit(1);
  const [a] = forUpdate ? await q.for('update') : await q;
  return a;
}

export async function openAssignmentsOf(db: Queryable, enterpriseIds: string[]) {
  if (!enterpriseIds.length) return [];
  return db.select().from(liaisonAssignments).where(and(inArray(liaisonAssignments.enterpriseId, enterpriseIds), isNull(liaisonAssignments.toAt)));
}

export async function openProjectAssignments(db: Queryable, projectIds: string[]) {
  if (!projectIds.length) return [];
  return db.select().from(liaisonAssignments).where(and(inArray(liaisonAssignments.projectId, projectIds), isNull(liaisonAssignments.toAt)));
}

export async function findAssignment(db: Queryable, id: string) {
  const [a] = await db.select().from(liaisonAssignments).where(eq(liaisonAssignments.id, id)).limit(1).for('update');
  return a;
}

export async function endAssignment(db: Queryable, id: string, at: Date, by: string, reason: string) {
  await db.update(liaisonAssignments).set({ toAt: at, endedBy: by, endReason: reason }).where(and(eq(liaisonAssignments.id, id), isNull(liaisonAssignments.toAt)));
}

export async function insertAssignments(db: Queryable, rows: (typeof liaisonAssignments.$inferInsert)[]) {
  if (rows.length) await db.insert(liaisonAssignments).values(rows);
}

/** Keeps the enterprise's (or project's) current officer beside the history, for coverage and the officer's list. */
export async function setCurrentOfficer(db: Queryable, subject: { enterpriseId: string } | { projectId: string }, officerId: string | null) {
  if ('enterpriseId' in subject) await db.update(enterprises).set({ liaisonOfficerId: officerId }).where(eq(enterprises.id, subject.enterpriseId));
  else await db.update(majorProjects).set({ liaisonOfficerId: officerId }).where(eq(majorProjects.id, subject.projectId));
}

export async function assignmentHistory(db: Queryable, subject: { enterpriseId: string } | { projectId: string }) {
  return db
    .select()
    .from(liaisonAssignments)
    .where('enterpriseId' in subject ? eq(liaisonAssignments.enterpriseId, subject.enterpriseId) : eq(liaisonAssignments.projectId, subject.projectId))
    // a handover ends one assignment as the next begins, often in the same millisecond: the current one first
    .orderBy(desc(liaisonAssignments.fromAt), sql`${liaisonAssignments.toAt} is null desc`, desc(liaisonAssignments.id))
    .limit(200);
}

/** Is this user the officer or deputy of the enterprise's (or one of its projects') open assignment? */
export async function liaises(db: Queryable, userId: string, enterpriseId: string): Promise<boolean> {
  const rows = await db
    .select({ id: liaisonAssignments.id })
    .from(liaisonAssignments)
    .leftJoin(majorProjects, eq(majorProjects.id, liaisonAssignments.projectId))
    .where(
      and(
        isNull(liaisonAssignments.toAt),
        sql`(${liaisonAssignments.officerId} = ${userId} or ${liaisonAssignments.deputyId} = ${userId})`,
        sql`(${liaisonAssignments.enterpriseId} = ${enterpriseId} or ${majorProjects.enterpriseId} = ${enterpriseId})`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

// Projects

export async function insertProject(db: Queryable, p: typeof majorProjects.$inferInsert) {
  await db.insert(majorProjects).values(p);
}
export async function findProject(db: Queryable, id: string) {
  const [p] = await db.select().from(majorProjects).where(eq(majorProjects.id, id)).limit(1);
  return p;
}
export async function updateProject(db: Queryable, id: string, set: Partial<typeof majorProjects.$inferInsert>) {
  await db.update(majorProjects).set(set).where(eq(majorProjects.id, id));
}
export async function listProjects(db: Queryable, f: { district: string | null; enterpriseId?: string; orLiaisonOf?: string }) {
  const where: (SQL | undefined)[] = [];
  if (f.enterpriseId) where.push(eq(majorProjects.enterpriseId, f.enterpriseId));
  const mine = f.orLiaisonOf
    ? sql`exists (select 1 from ${liaisonAssignments} a where a.project_id = ${majorProjects.id} and a.to_at is null and (a.officer_id = ${f.orLiaisonOf} or a.deputy_id = ${f.orLiaisonOf}))`
    : undefined;
  if (f.district && mine) where.push(sql`(${majorProjects.district} = ${f.district} or ${mine})`);
  else if (f.district) where.push(eq(majorProjects.district, f.district));
  else if (mine) where.push(mine);
  return db
    .select({ p: majorProjects, enterpriseName: enterprises.name })
    .from(majorProjects)
    .innerJoin(enterprises, eq(enterprises.id, majorProjects.enterpriseId))
    .where(and(...where))
    .orderBy(desc(majorProjects.startOn), asc(majorProjects.id))
    .limit(500);
}

// Visits

export async function insertVisit(db: Queryable, v: typeof liaisonVisits.$inferInsert, problems: (typeof visitProblems.$inferInsert)[]) {
  await db.insert(liaisonVisits).values(v);
  if (problems.length) await db.insert(visitProblems).values(problems);
  await db
    .update(enterprises)
    .set({ lastVisitOn: sql`greatest(coalesce(${enterprises.lastVisitOn}, ${v.visitedOn}::date), ${v.visitedOn}::date)` })
    .where(eq(enterprises.id, v.enterpriseId));
}

export async function findVisit(db: Queryable, id: string, forUpdate = false) {
  const q = db.select().from(liaisonVisits).where(eq(liaisonVisits.id, id)).limit(1);
  const [v] = forUpdate ? await q.for('update') : await q;
  return v;
}

export async function setVerdict(db: Queryable, id: string, v: { verdict: string; verdictNote: string | null; verdictAt: Date; verdictBy: string }) {
  const r = await db.update(liaisonVisits).set(v).where(and(eq(liaisonVisits.id, id), isNull(liaisonVisits.verdict))).returning({ id: liaisonVisits.id });
  return r.length > 0;
}

export async function findProblem(db: Queryable, visitId: string, id: string) {
  const [p] = await db.select().from(visitProblems).where(and(eq(visitProblems.id, id), eq(visitProblems.visitId, visitId))).limit(1).for('update');
  return p;
}

export async function updateProblem(db: Queryable, id: string, set: { outcome: string; resolution?: string | null; itemId?: string | null; updatedAt: Date }) {
  await db.update(visitProblems).set(set).where(eq(visitProblems.id, id));
}

export async function listVisits(db: Queryable, f: { enterpriseId?: string; officerId?: string; district?: string | null; orOfficerId?: string; limit: number }) {
  const where: (SQL | undefined)[] = [];
  if (f.enterpriseId) where.push(eq(liaisonVisits.enterpriseId, f.enterpriseId));
  if (f.officerId) where.push(eq(liaisonVisits.officerId, f.officerId));
  if (f.district && f.orOfficerId) where.push(sql`(${liaisonVisits.district} = ${f.district} or ${liaisonVisits.officerId} = ${f.orOfficerId})`);
  else if (f.district) where.push(eq(liaisonVisits.district, f.district));
  return db
    .select()
    .from(liaisonVisits)
    .where(and(...where))
    .orderBy(desc(liaisonVisits.visitedOn), desc(liaisonVisits.createdAt))
    .limit(f.limit);
}

export async function problemsOfVisits(db: Queryable, visitIds: string[]) {
  if (!visitIds.length) return [];
  return db
    .select({ p: visitProblems, itemNumber: items.number, itemStatus: items.status, itemType: items.type })
    .from(visitProblems)
    .leftJoin(items, eq(items.id, visitProblems.itemId))
    .where(inArray(visitProblems.visitId, visitIds))
    .orderBy(asc(visitProblems.visitId), asc(visitProblems.position));
}

export async function enterpriseNames(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Service centres

export async function insertCentre(db: Queryable, c: typeof serviceCentres.$inferInsert) {
  await db.insert(serviceCentres).values(c);
}
export async function findCentre(db: Queryable, id: string) {
  const [c] = await db.select().from(serviceCentres).where(eq(serviceCentres.id, id)).limit(1);
  return c;
}
export async function updateCentre(db: Queryable, id: string, set: Partial<typeof serviceCentres.$inferInsert>) {
  await db.update(serviceCentres).set(set).where(eq(serviceCentres.id, id));
}
export async function listCentres(db: Queryable, district: string | null) {
  return db
    .select()
    .from(serviceCentres)
    .where(district ? eq(serviceCentres.district, district) : undefined)
    .orderBy(asc(serviceCentres.district), asc(serviceCentres.name));
}
export async function insertBooking(db: Queryable, b: typeof serviceCentreBookings.$inferInsert) {
  await db.insert(serviceCentreBookings).values(b);
}
export async function listBookings(db: Queryable, f: { centreId?: string; enterpriseId?: string }) {
  return db
    .select({ b: serviceCentreBookings, enterpriseName: enterprises.name, centreName: serviceCentres.name })
    .from(serviceCentreBookings)
    .innerJoin(enterprises, eq(enterprises.id, serviceCentreBookings.enterpriseId))
    .innerJoin(serviceCentres, eq(serviceCentres.id, serviceCentreBookings.centreId))
    .where(f.centreId ? eq(serviceCentreBookings.centreId, f.centreId) : f.enterpriseId ? eq(serviceCentreBookings.enterpriseId, f.enterpriseId) : sql`false`)
    .orderBy(desc(serviceCentreBookings.bookedOn), desc(serviceCentreBookings.createdAt))
    .limit(200);
}

// The enterprise's file

/** The enterprise's newest 100 items, and how many it has in all. */
export async function itemsOfEnterprise(db: Queryable, enterpriseId: string) {
  const [all] = await db.select({ n: count() }).from(items).where(eq(items.enterpriseId, enterpriseId));
  const list = await db
    .select({ id: items.id, number: items.number, type: items.type, status: items.status, dueAt: items.dueAt, acceptDueAt: items.acceptDueAt, submittedAt: items.submittedAt })
    .from(items)
    .where(eq(items.enterpriseId, enterpriseId))
    .orderBy(desc(items.submittedAt))
    .limit(100);
  return { list, total: Number(all?.n ?? 0) };
}

export async function passCodesOfEnterprise(db: Queryable, enterpriseId: string) {
  return db
    .select({ code: passCodes.code, plate: passCodes.plate, kind: passCodes.kind, validFrom: passCodes.validFrom, validTo: passCodes.validTo, revokedAt: passCodes.revokedAt })
    .from(passCodes)
    .innerJoin(items, eq(items.id, passCodes.itemId))
    .where(eq(items.enterpriseId, enterpriseId))
    .orderBy(desc(passCodes.validTo))
    .limit(100);
}

// Coverage (千警联千企): a handful of aggregate scans, each over an index of its own.

export interface CoverageFacts {
  byDistrict: { district: string; keyEnterprises: number; keyWithoutOfficer: number; notVisited: number }[];
  officersByDistrict: { district: string | null; linked: number }[];
  enterprisesCovered: number;
  visitsByDistrict: { district: string; visits: number }[];
  problems: { raised: number; solved: number; items: number };
  problemsOpen: number;
}

export async function coverageFacts(db: Queryable, f: { district: string | null; notVisitedBefore: string; monthFrom: string; monthTo: string }, rows: <T>(q: SQL) => Promise<T[]>): Promise<CoverageFacts> {
  const inDistrict = (col: SQL) => (f.district ? sql`and ${col} = ${f.district}` : sql``);
  const [byDistrict, officers, covered, visits, problems, open] = await Promise.all([
    rows<{ district: string; key_enterprises: string; without_officer: string; not_visited: string }>(sql`
      select district, count(*) as key_enterprises,
             count(*) filter (where liaison_officer_id is null) as without_officer,
             count(*) filter (where last_visit_on is null or last_visit_on < ${f.notVisitedBefore}::date) as not_visited
      from enterprises where key ${inDistrict(sql`district`)} group by district`),
    // From the police users (few, by the role index) to their open assignments (partial indexes), not from the
    // assignments to every user: the union's estimate made the planner scan all users (W9).
    rows<{ district: string | null; linked: string }>(sql`
      select u.district, count(*) as linked
      from users us left join units u on u.id = us.unit_id
      where us.role in ('officer', 'unit-leader') ${f.district ? sql`and u.district = ${f.district}` : sql``}
        and (exists (select 1 from liaison_assignments a where a.to_at is null and a.officer_id = us.id)
             or exists (select 1 from liaison_assignments a where a.to_at is null and a.deputy_id = us.id))
      group by u.district`),
    rows<{ n: string }>(sql`select count(*) as n from enterprises where liaison_officer_id is not null ${inDistrict(sql`district`)}`),
    rows<{ district: string; visits: string }>(sql`
      select district, count(*) as visits from liaison_visits
      where visited_on between ${f.monthFrom}::date and ${f.monthTo}::date ${inDistrict(sql`district`)} group by district`),
    rows<{ raised: string; solved: string; items: string }>(sql`
      select count(*) as raised, count(*) filter (where outcome = 'solved') as solved, count(*) filter (where outcome = 'item') as items
      from visit_problems where visited_on between ${f.monthFrom}::date and ${f.monthTo}::date ${inDistrict(sql`district`)}`),
    rows<{ n: string }>(sql`select count(*) as n from visit_problems where outcome = 'open' ${inDistrict(sql`district`)}`),
  ]);
  return {
    byDistrict: byDistrict.map((r) => ({ district: r.district, keyEnterprises: Number(r.key_enterprises), keyWithoutOfficer: Number(r.without_officer), notVisited: Number(r.not_visited) })),
    officersByDistrict: officers.map((r) => ({ district: r.district, linked: Number(r.linked) })),
    enterprisesCovered: Number(covered[0]?.n ?? 0),
    visitsByDistrict: visits.map((r) => ({ district: r.district, visits: Number(r.visits) })),
    problems: { raised: Number(problems[0]?.raised ?? 0), solved: Number(problems[0]?.solved ?? 0), items: Number(problems[0]?.items ?? 0) },
    problemsOpen: Number(open[0]?.n ?? 0),
  };
}

export async function unassignedKey(db: Queryable, district: string | null, limit: number) {
  return db
    .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name, district: enterprises.district })
    .from(enterprises)
    .where(and(eq(enterprises.key, true), isNull(enterprises.liaisonOfficerId), district ? eq(enterprises.district, district) : undefined))
    .orderBy(asc(enterprises.district), asc(enterprises.name))
    .limit(limit);
}

export async function notVisitedKey(db: Queryable, district: string | null, before: string, limit: number) {
  return db
    .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name, district: enterprises.district, officerId: enterprises.liaisonOfficerId, lastVisitOn: enterprises.lastVisitOn })
    .from(enterprises)
    .where(and(eq(enterprises.key, true), sql`(${enterprises.lastVisitOn} is null or ${enterprises.lastVisitOn} < ${before}::date)`, district ? eq(enterprises.district, district) : undefined))
    .orderBy(sql`${enterprises.lastVisitOn} asc nulls first`, asc(enterprises.name))
    .limit(limit);
}

/**
 * Police officers (role officer) of the district's units, or the city's, with no open assignment as officer or deputy,
 * and how many there are, in one statement. Two NOT EXISTS (each a hashed anti join on its partial index) rather than
 * one with OR, which planned as a nested loop over officers × assignments (W9).
 */
export async function idleOfficers(db: Queryable, district: string | null, limit: number, rows: <T>(q: SQL) => Promise<T[]>) {
  const list = await rows<{ id: string; display_name: string; unit_id: string; name_zh: string; name_en: string; phone: string | null; total: string }>(sql`
    select us.id, us.display_name, us.unit_id, u.name_zh, u.name_en, u.phone, count(*) over () as total
    from users us join units u on u.id = us.unit_id
    where us.role = 'officer' and not us.disabled and u.unit_type <> 'partner' ${district ? sql`and u.district = ${district}` : sql``}
      and not exists (select 1 from liaison_assignments a where a.to_at is null and a.officer_id = us.id)
      and not exists (select 1 from liaison_assignments a where a.to_at is null and a.deputy_id = us.id)
    order by u.id, us.display_name limit ${limit}`);
  return { list, total: Number(list[0]?.total ?? 0) };
}
