import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { faqOfItem, publishFaq } from './legal-faqs.ts';
import './lectures.ts';
import * as s from './schemas.ts';

const { tags } = s;
const police = ['officer', 'unit-leader'] as const;

/** Prevention services (M15, M16, M18, M19); the lecture and legal item types' hooks are registered by the imports. */
export const preventionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/prevention/legal-faqs/items/:itemId',
    { schema: { tags, summary: '法律问答的常见问题 The FAQ entry an answered legal question became', params: s.itemParams }, config: { access: [...police, 'supervisor'] } },
    async (req) => faqOfItem(ctx, userOf(req), req.params.itemId),
  );
  app.post(
    '/prevention/legal-faqs',
    { schema: { tags, summary: '收入常见问题 Publish an answered legal question as an FAQ entry of the policy library', body: s.faqBody }, config: { access: police } },
    async (req, reply) => reply.status(201).send(await publishFaq(ctx, userOf(req), req.body, req.ip)),
  );
};
