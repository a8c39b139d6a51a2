import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // The app is built only after migrations ran, so a reachable database means ready.
  app.get('/health', { schema: { tags: ['health'], summary: '健康检查 Health' }, config: { access: 'public' } }, async () => {
    await ctx.database.db.execute(sql`select 1`);
    return { status: 'ok' };
  });
};
