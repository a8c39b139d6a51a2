import { getTableColumns, sql, type Table } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from './client.ts';

/**
 * Inserts many rows with one parameter per statement: the rows travel as one JSON document and
 * `jsonb_to_recordset` turns them back into typed columns. Building a statement with hundreds of thousands of
 * bound parameters costs far more than the insert itself (10,000 items: seconds, not tens of seconds).
 * Keys are the table's property names; Dates become ISO instants, arrays PostgreSQL arrays, objects jsonb.
 */
export async function bulkInsert(db: Queryable, table: Table, rows: Record<string, unknown>[], chunk = 2500): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]).filter((k) => columns[k]);
  const names = keys.map((k) => `"${columns[k].name}"`);
  const typed = keys.map((k) => `"${columns[k].name}" ${columns[k].getSQLType()}`);
  const tableName = (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')];
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows.slice(i, i + chunk).map((r) => {
        const o: Record<string, unknown> = {};
        for (const k of keys) o[columns[k].name] = r[k] === undefined ? null : r[k];
        return o;
      }),
    );
    await db.execute(
      sql.raw(`insert into "${tableName}" (${names.join(', ')}) select ${names.join(', ')} from jsonb_to_recordset(`).append(sql`${json}::jsonb`).append(sql.raw(`) as x(${typed.join(', ')})`)),
    );
  }
}
