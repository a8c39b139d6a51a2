import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import * as access from './access.ts';
import * as s from './schemas.ts';

const tags = ['traffic'];
/** The checker is public and cheap: generous per-address limit. */
const checkerLimit = { max: 600, timeWindow: '1 minute' };

export const trafficRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/traffic/access-checks',
    {
      schema: { tags, summary: '货车通行查询 May this truck use this road now (SPEC §5, contract)', body: s.accessCheckBody },
      config: { access: 'public', rateLimit: checkerLimit },
    },
    async (req) => access.checkAccess(ctx, req.body, localeOf(req)),
  );

  app.get('/traffic/roads', { schema: { tags, summary: '道路路段 Road segments known to the checker' }, config: { access: 'public' } }, async () => ({
    roads: await access.listRoads(ctx),
  }));

  app.post(
    '/admin/traffic/roads',
    { schema: { tags, summary: '新增路段 Add a road segment', body: s.createRoadBody }, config: { access: ['admin'] } },
    async (req, reply) => reply.status(201).send(await access.createRoad(ctx, userOf(req), req.body, req.ip)),
  );

  app.put(
    '/admin/traffic/roads/:id',
    { schema: { tags, summary: '修改路段 Edit a road segment', params: s.roadParams, body: s.updateRoadBody }, config: { access: ['admin'] } },
    async (req) => access.updateRoad(ctx, userOf(req), req.params.id, req.body, req.ip),
  );

  app.get(
    '/admin/traffic/rule-sets',
    { schema: { tags, summary: '通行规则版本 Every version of the access rules' }, config: { access: ['admin'] } },
    async () => access.listRuleSets(ctx),
  );

  app.post(
    '/admin/traffic/rule-sets',
    { schema: { tags, summary: '发布通行规则新版本 Publish version N+1', body: s.ruleSetBody }, config: { access: ['admin'] } },
    async (req, reply) => reply.status(201).send(await access.createRuleSet(ctx, userOf(req), req.body, req.ip)),
  );
};
