import { sql, type SQL } from 'drizzle-orm';
import { clockRunningStatuses } from '@jqt/domain';
import type { Database } from '../../db/client.ts';

export interface Period {
  from: Date;
  to: Date;
}

/** 当前超期, as the domain's `isOverdue`: the clock runs and its deadline has passed (a paused item is not late). */
const overdueAt = (now: Date) => sql`(status in (${sql.join(clockRunningStatuses.map((x) => sql`${x}`), sql`, `)}) and active_due_at <= ${now})`;
const satisfied = sql`rating_level in ('very-satisfied','satisfied','basically-satisfied')`;
const bad = sql`rating_level in ('dissatisfied','very-dissatisfied')`;

/** `and unit_id in (…)` for a leader's units; nothing for the city. */
const inUnits = (units: readonly string[] | null) => (units ? sql`and unit_id in (${sql.join(units.map((u) => sql`${u}`), sql`, `)})` : sql``);

export interface CountRow {
  unit_id: string;
  type: string;
  /** The submitting enterprise's district; null for anonymous complaints. */
  district: string | null;
  received: number;
  accepted: number;
  answered: number;
  on_time: number;
  overdue_now: number;
  rated: number;
  satisfied: number;
  bad: number;
}

/** Counts per unit, type and district in one pass; each sub-count is a FILTER over the same rows. */
export async function countsByUnitAndType(database: Database, p: Period, now: Date, units: readonly string[] | null) {
  const inPeriod = (col: SQL) => sql`(${col} >= ${p.from} and ${col} <= ${p.to})`;
  const answeredIn = inPeriod(sql`answered_at`);
  return database.rows<CountRow>(sql`
    select unit_id, type, district,
      count(*) filter (where ${inPeriod(sql`submitted_at`)})::int as received,
      count(*) filter (where ${inPeriod(sql`accepted_at`)})::int as accepted,
      count(*) filter (where ${answeredIn})::int as answered,
      count(*) filter (where ${answeredIn} and answered_at <= due_at)::int as on_time,
      count(*) filter (where ${overdueAt(now)})::int as overdue_now,
      count(*) filter (where ${answeredIn} and rating_level is not null)::int as rated,
      count(*) filter (where ${answeredIn} and ${satisfied})::int as satisfied,
      count(*) filter (where ${answeredIn} and ${bad})::int as bad
    from items
    where (${inPeriod(sql`submitted_at`)} or ${inPeriod(sql`accepted_at`)} or ${answeredIn} or ${overdueAt(now)})
      ${inUnits(units)}
    group by unit_id, type, district`);
}

/** Acceptance and answer instants of what was answered in the period, for working-day handling times. */
export async function answeredSpans(database: Database, p: Period, units: readonly string[] | null) {
  return database.rows<{ unit_id: string; type: string; accepted_at: Date | string; answered_at: Date | string }>(sql`
    select unit_id, type, accepted_at, answered_at from items
    where answered_at >= ${p.from} and answered_at <= ${p.to} and accepted_at is not null
      ${inUnits(units)}`);
}

export async function byDay(database: Database, p: Period, units: readonly string[] | null) {
  return database.rows<{ date: string; received: number; answered: number }>(sql`
    with days as (
      select to_char(submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date, 1 as received, 0 as answered from items
        where submitted_at >= ${p.from} and submitted_at <= ${p.to} ${inUnits(units)}
      union all
      select to_char(answered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), 0, 1 from items
        where answered_at >= ${p.from} and answered_at <= ${p.to} ${inUnits(units)}
    )
    select date, sum(received)::int as received, sum(answered)::int as answered from days group by date order by date`);
}
