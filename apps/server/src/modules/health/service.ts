import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';

/** The app is built only after migrations ran, so a reachable database means ready. */
export async function checkHealth(ctx: AppContext): Promise<{ status: 'ok' }> {
  await ctx.database.db.execute(sql`select 1`);
  return { status: 'ok' };
}
