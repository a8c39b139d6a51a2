import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { checkHealth } from './service.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/health', { schema: { tags: ['health'], summary: '健康检查 Health' }, config: { access: 'public' } }, async () => checkHealth(ctx));
};
