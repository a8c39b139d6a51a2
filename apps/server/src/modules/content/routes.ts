import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { publicationStatuses } from './policy.ts';
import { exportPublicationsLedger } from './ledger.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import { publicationText } from './schemas.ts';
import { createDraft, drafts, getForStaff, getPublished, listForStaff, publicationKinds, publishDraft, searchPublished, unpublish } from './service.ts';

const tags = ['content'];
const kind = z.enum(publicationKinds);
const authors = ['officer', 'unit-leader', 'supervisor'] as const;
const staffListQuery = z
  .object({ kind: kind.optional(), status: z.enum(publicationStatuses).optional(), q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
  .strict();

export const contentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/public/publications',
    {
      schema: {
        tags,
        summary: '惠企政策、案件通报、风险提示 Published texts, searchable in Chinese',
        querystring: z.object({ kind: kind.optional(), q: z.string().max(100).optional(), cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) }).strict(),
      },
      config: { access: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (req) => searchPublished(ctx, req.query),
  );
  app.get(
    '/public/publications/:id',
    { schema: { tags, summary: '详情 One published text', params: z.object({ id: z.uuid() }) }, config: { access: 'public' } },
    async (req) => getPublished(ctx, req.params.id),
  );
  app.get('/publications/drafts', { schema: { tags, summary: '草稿 Drafts of your unit (supervisors: all)' }, config: { access: [...authors, 'admin'] } }, async (req) =>
    drafts(ctx, userOf(req)),
  );
  app.post(
    '/publications',
    {
      schema: {
        tags,
        summary: '起草 Draft a policy, case bulletin or risk warning (no personal data)',
        body: publicationText.extend({ kind, district: z.string().max(20).nullable().optional() }).strict(),
      },
      config: { access: authors },
    },
    async (req, reply) => reply.status(201).send(await createDraft(ctx, userOf(req), req.body, req.ip)),
  );
  app.get(
    '/publications',
    {
      schema: {
        tags,
        summary: '信息发布管理 Every text of your unit (supervisors, admins: all) in any status, searchable in Chinese',
        querystring: staffListQuery,
      },
      config: { access: [...authors, 'admin'] },
    },
    async (req) => listForStaff(ctx, userOf(req), req.query),
  );
  app.get(
    '/publications/export.xlsx',
    { schema: { tags, summary: '导出台账 The staff list of texts as xlsx, the same filters (audited)', querystring: staffListQuery.omit({ limit: true }) }, config: { access: [...authors, 'admin'] } },
    async (req, reply) => sendLedger(reply, await exportPublicationsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );
  app.get(
    '/publications/:id',
    { schema: { tags, summary: '稿件 One text in any status, with what you may do with it', params: z.object({ id: z.uuid() }) }, config: { access: [...authors, 'admin'] } },
    async (req) => getForStaff(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/publications/:id/unpublish',
    {
      schema: {
        tags,
        summary: '撤回 Take a published text out of the public library (supervisor), with the reason',
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(2).max(200).describe('Why it is withdrawn (kept in the audit log)') }).strict(),
      },
      config: { access: ['supervisor'] },
    },
    async (req) => unpublish(ctx, userOf(req), req.params.id, req.body.reason, req.ip),
  );
  app.post(
    '/publications/:id/publish',
    { schema: { tags, summary: '发布 Publish a draft (supervisor)', params: z.object({ id: z.uuid() }) }, config: { access: ['supervisor'] } },
    async (req) => publishDraft(ctx, userOf(req), req.params.id, req.ip),
  );
};
