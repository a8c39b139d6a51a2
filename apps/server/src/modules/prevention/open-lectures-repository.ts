import { and, asc, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { enterprises, openLectures, openLectureSignups } from '../../db/schema.ts';

export type OpenLectureRow = typeof openLectures.$inferSelect;
export type SignupRow = typeof openLectureSignups.$inferSelect;

export async function insertLecture(db: Queryable, row: typeof openLectures.$inferInsert) {
  await db.insert(openLectures).values(row);
}

/** One lecture; `lock` takes its row, so sign-ups and cancellations of one lecture queue behind each other. */
export async function findLecture(db: Queryable, id: string, lock = false): Promise<OpenLectureRow | null> {
  const q = db.select().from(openLectures).where(eq(openLectures.id, id)).limit(1);
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function updateLecture(db: Queryable, id: string, set: Partial<typeof openLectures.$inferInsert>) {
  await db.update(openLectures).set(set).where(eq(openLectures.id, id));
}

/** The team's list: its unit's lectures (or every unit's), newest date first. */
export async function listLectures(db: Queryable, unitId: string | null, limit: number) {
  return db.select().from(openLectures).where(unitId ? eq(openLectures.unitId, unitId) : undefined).orderBy(desc(openLectures.date), desc(openLectures.createdAt)).limit(limit);
}

/** The portal's list: published lectures from today on. */
export async function upcomingLectures(db: Queryable, fromDate: string, limit: number) {
  return db.select().from(openLectures).where(and(eq(openLectures.status, 'published'), gte(openLectures.date, fromDate))).orderBy(asc(openLectures.date), asc(openLectures.startTime)).limit(limit);
}

/** Every sign-up of the lectures (cancelled too), in order of arrival, with the enterprise's name. */
export async function signupsOf(db: Queryable, lectureIds: string[]) {
  if (!lectureIds.length) return [];
  return db
    .select({ s: openLectureSignups, enterpriseName: enterprises.name, district: enterprises.district })
    .from(openLectureSignups)
    .innerJoin(enterprises, eq(enterprises.id, openLectureSignups.enterpriseId))
    .where(inArray(openLectureSignups.lectureId, lectureIds))
    .orderBy(asc(openLectureSignups.position));
}

export async function signupsOfEnterprise(db: Queryable, enterpriseId: string) {
  return db.select().from(openLectureSignups).where(eq(openLectureSignups.enterpriseId, enterpriseId)).orderBy(desc(openLectureSignups.createdAt));
}

export async function activeSignup(db: Queryable, lectureId: string, enterpriseId: string) {
  const [r] = await db
    .select()
    .from(openLectureSignups)
    .where(and(eq(openLectureSignups.lectureId, lectureId), eq(openLectureSignups.enterpriseId, enterpriseId), ne(openLectureSignups.status, 'cancelled')))
    .limit(1);
  return r ?? null;
}

export async function insertSignup(db: Queryable, row: typeof openLectureSignups.$inferInsert) {
  await db.insert(openLectureSignups).values(row);
}

export async function setSignupStatus(db: Queryable, ids: string[], status: string, at: Date) {
  if (ids.length) await db.update(openLectureSignups).set({ status, updatedAt: at }).where(inArray(openLectureSignups.id, ids));
}

/**
 * 覆盖: enterprises reached in the year, per district and topic, each enterprise once per cell. Held booked lectures
 * (safety-lecture items answered, i.e. attendance recorded, dated by their lecture day) and confirmed sign-ups of
 * open lectures that were not cancelled and whose day has come (`today`, Shanghai): a seat for a lecture still ahead
 * has reached nobody yet.
 */
export async function coverage(db: Queryable, year: number, today: string) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const r = (await db.execute(sql`
    with reached as (
      select i.enterprise_id, t.topic
      from items i, jsonb_to_recordset(coalesce(i.data->'topics', '[]'::jsonb)) as t(topic text)
      where i.type = 'safety-lecture' and i.answered_at is not null and i.enterprise_id is not null
        and i.accept_input->>'lectureDate' between ${from} and ${to}
      union
      select s.enterprise_id, unnest(l.topics) as topic
      from open_lecture_signups s join open_lectures l on l.id = s.lecture_id
      where s.status = 'confirmed' and l.status = 'published' and l.date between ${from} and ${to} and l.date <= ${today}
    )
    select e.district, r.topic, count(distinct r.enterprise_id)::int as enterprises
    from reached r join enterprises e on e.id = r.enterprise_id
    group by e.district, r.topic
    order by e.district, r.topic`)) as unknown as { rows: { district: string; topic: string; enterprises: number }[] };
  return r.rows;
}

export async function enterpriseNames(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The dashboard's counts: open lectures on a day of the period by the units in scope, and the people confirmed for them. */
export async function openLectureCounts(db: Queryable, units: readonly string[] | null, from: string, to: string) {
  const r = (await db.execute(sql`
    select count(distinct l.id)::int as lectures, coalesce(sum(s.attendees) filter (where s.status = 'confirmed'), 0)::int as attendees
    from open_lectures l left join open_lecture_signups s on s.lecture_id = l.id
    where l.status = 'published' and l.date between ${from} and ${to}
      ${units ? sql`and l.unit_id in (${sql.join(units.map((u) => sql`${u}`), sql`, `)})` : sql``}`)) as unknown as { rows: Record<string, number>[] };
  const row = r.rows[0] ?? {};
  return { lectures: Number(row.lectures ?? 0), attendees: Number(row.attendees ?? 0) };
}
