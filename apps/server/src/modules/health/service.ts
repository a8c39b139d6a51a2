import type { AppContext } from '../../context.ts';
import { ping } from './repository.ts';

/** The app is built only after migrations ran, so a reachable database means ready. */
export async function checkHealth(ctx: AppContext): Promise<{ status: 'ok' }> {
  await ping(ctx.database.db);
  return { status: 'ok' };
}
