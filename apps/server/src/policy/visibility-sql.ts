import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Clause, Visibility } from '@jqt/domain';

/** The column that holds each fact a resource's visibility names. */
export type ColumnsOf<F extends string> = Record<F, AnyPgColumn>;

/**
 * One arm of a visibility OR, as SQL. `fenced` arms test a list column through a GIN index that cannot give a
 * queue's order: a queue reads them whole and sorts them instead of walking its deadline index.
 */
export interface VisibilityArm {
  where: SQL;
  fenced?: boolean;
}

/** A clause in SQL, exactly as `allows` evaluates it in memory. */
export function clauseSql<F extends string>(c: Clause<F>, columns: ColumnsOf<F>): VisibilityArm {
  const col = columns[c.field];
  if ('has' in c) return { where: sql`${col} @> array[${c.has}]::text[]`, fenced: true };
  if ('is' in c) return { where: eq(col, c.is) };
  return { where: c.oneOf.length ? inArray(col, [...c.oneOf]) : sql`false` };
}

/**
 * The arms of the OR; undefined means everything. An `oneOf` of a few units is split into one equality arm per
 * unit, so a queue reads each through its (unit, deadline) index in order and merges the pages.
 */
export function visibilityArms<F extends string>(v: Visibility<F>, columns: ColumnsOf<F>, splitUpTo = 8): VisibilityArm[] | undefined {
  if (v.all) return undefined;
  return v.clauses.flatMap((c) =>
    'oneOf' in c && c.oneOf.length <= splitUpTo ? c.oneOf.map((id) => clauseSql({ field: c.field, is: id }, columns)) : [clauseSql(c, columns)],
  );
}

/** The SQL predicate of a visibility; undefined means everything. */
export function visibilitySql<F extends string>(v: Visibility<F>, columns: ColumnsOf<F>): SQL | undefined {
  if (v.all) return undefined;
  const arms = v.clauses.map((c) => clauseSql(c, columns).where);
  return arms.length ? or(...arms) : sql`false`;
}
