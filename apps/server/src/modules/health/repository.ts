import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

/** One round trip to the database. */
export async function ping(db: Queryable): Promise<void> {
  await db.execute(sql`select 1`);
}
