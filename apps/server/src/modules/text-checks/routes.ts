import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { checkContext, saveSensitiveWords, sensitiveWords } from './service.ts';
import { answerReviewOf, setAnswerReview } from './answer-review.ts';

const tags = ['text-checks'];
const unitParams = z.object({ unitId: z.string().min(1).max(64) });
const reviewBody = z.object({ itemTypes: z.array(z.string().max(64)).max(100).describe('Item type codes whose answers a leader reviews before they go out') }).strict();
const wordsBody = z.object({ words: z.array(z.string().max(200)).max(5000).describe('One sensitive word or phrase each') }).strict();

export const textCheckRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/text-checks/context',
    { schema: { tags, summary: '答复检查依据 The sensitive-word list in force and your unit\'s duty phone, to check an answer as it is typed' }, config: { access: ['officer', 'unit-leader', 'partner', 'supervisor', 'admin'] } },
    async (req) => checkContext(ctx, userOf(req)),
  );
  app.get(
    '/admin/sensitive-words',
    { schema: { tags, summary: '敏感词表 The sensitive-word list in force, with its version' }, config: { access: ['admin'] } },
    async () => sensitiveWords(ctx),
  );
  app.put(
    '/admin/sensitive-words',
    { schema: { tags, summary: '保存敏感词表 Save a new version of the sensitive-word list (audited)', body: wordsBody }, config: { access: ['admin'] } },
    async (req) => saveSensitiveWords(ctx, userOf(req), req.body.words, req.ip),
  );
  app.get(
    '/units/:unitId/answer-review',
    { schema: { tags, summary: '答复审核设置 The item types whose answers a leader of the unit reviews before they go out', params: unitParams }, config: { access: ['officer', 'unit-leader', 'supervisor', 'admin'] } },
    async (req) => answerReviewOf(ctx, userOf(req), req.params.unitId),
  );
  app.put(
    '/units/:unitId/answer-review',
    { schema: { tags, summary: '保存答复审核设置 Choose them (the unit\'s leaders or an admin; audited)', params: unitParams, body: reviewBody }, config: { access: ['unit-leader', 'admin'] } },
    async (req) => setAnswerReview(ctx, userOf(req), req.params.unitId, req.body.itemTypes, req.ip),
  );
};
