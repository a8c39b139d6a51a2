import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import './lectures.ts';

/** Prevention services (M15, M16, M18, M19): the item types' hooks are registered by the imports above. */
export const preventionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};
