import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import * as access from './access.ts';
import * as passCodes from './pass-codes.ts';
import * as accidents from './accidents.ts';
import * as hazards from './hazards.ts';
import * as tia from './tia-thresholds.ts';
import * as s from './schemas.ts';
import { exportAccidentsLedger, exportHazardsLedger, exportPassCodesLedger } from './ledger.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';

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

  app.get(
    '/traffic/tia-thresholds',
    { schema: { tags, summary: '交通影响评价启动阈值版本 Every version of the TIA thresholds (admin)' }, config: { access: ['admin'] } },
    async () => tia.listTiaThresholds(ctx),
  );

  app.post(
    '/traffic/tia-thresholds',
    { schema: { tags, summary: '发布交通影响评价启动阈值新版本 Publish version N+1 (admin)', body: s.tiaThresholdsBody(ctx.now) }, config: { access: ['admin'] } },
    async (req, reply) => reply.status(201).send(await tia.createTiaThresholds(ctx, userOf(req), req.body, req.ip)),
  );

  app.get(
    '/traffic/tia-thresholds/current',
    { schema: { tags, summary: '现行交通影响评价启动阈值 The TIA thresholds in force (public, for the service guide)' }, config: { access: 'public' } },
    async () => tia.currentTiaThresholds(ctx),
  );

  app.get(
    '/public/pass-codes/:code',
    { schema: { tags, summary: '通行码核验 Verify a pass code (roadside officer scan)', params: s.codeParams, querystring: s.signatureQuery }, config: { access: 'public', rateLimit: checkerLimit } },
    async (req) => passCodes.verifyPassCode(ctx, req.params.code, req.query.s),
  );

  app.get(
    '/public/pass-codes/:code/qr.png',
    { schema: { tags, summary: '通行码二维码 QR code of the signed verification link', params: s.codeParams, querystring: s.signatureQuery }, config: { access: 'public', rateLimit: checkerLimit } },
    async (req, reply) => {
      const png = await passCodes.passCodeQr(ctx, req.params.code, req.query.s, `${req.protocol}://${req.host}`);
      return reply.type('image/png').header('cache-control', 'private, max-age=300').send(png);
    },
  );

  app.get(
    '/traffic/pass-codes',
    { schema: { tags, summary: '通行码列表 Pass codes (traffic police: all; enterprises: their own)', querystring: s.passCodeListQuery }, config: { access: ['officer', 'unit-leader', 'enterprise-admin', 'enterprise-staff'] } },
    async (req) => passCodes.listPassCodes(ctx, userOf(req), req.query.plate),
  );

  app.get(
    '/traffic/pass-codes/export.xlsx',
    { schema: { tags, summary: '导出台账 The traffic police\'s pass-code list as xlsx, the same filter (audited)', querystring: s.passCodeExportQuery }, config: { access: ['officer', 'unit-leader'] } },
    async (req, reply) => sendLedger(reply, await exportPassCodesLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );

  app.post(
    '/traffic/pass-codes/:id/revoke',
    { schema: { tags, summary: '注销通行码 Revoke a pass code', params: s.uuidParams, body: s.revokeBody }, config: { access: ['officer', 'unit-leader'] } },
    async (req) => passCodes.revokePassCode(ctx, userOf(req), req.params.id, req.body.reason, req.ip),
  );

  app.post(
    '/traffic/accidents',
    { schema: { tags, summary: '货车事故快处登记 Record a freight accident handled quickly (M7)', body: s.accidentBody }, config: { access: ['officer', 'unit-leader'] } },
    async (req, reply) => reply.status(201).send(await accidents.recordAccident(ctx, userOf(req), req.body, req.ip)),
  );

  app.get(
    '/traffic/accidents/stats',
    { schema: { tags, summary: '货车事故快处统计 Time from accident to release (M7)', querystring: s.statsQuery }, config: { access: ['officer', 'unit-leader', 'supervisor', 'admin'] } },
    async (req) => accidents.accidentStats(ctx, userOf(req), req.query),
  );

  app.get(
    '/traffic/accidents/export.xlsx',
    { schema: { tags, summary: '导出台账 The accidents behind the statistics of a period as xlsx, the same days and access (audited)', querystring: s.statsQuery.strict() }, config: { access: ['officer', 'unit-leader', 'supervisor', 'admin'] } },
    async (req, reply) => sendLedger(reply, await exportAccidentsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );

  app.post(
    '/traffic/hazard-inspections',
    { schema: { tags, summary: '重大项目周边交通安全隐患排查 Record a hazard inspection (M9)', body: s.hazardBody }, config: { access: ['officer', 'unit-leader'] } },
    async (req, reply) => reply.status(201).send(await hazards.recordHazardInspection(ctx, userOf(req), req.body, req.ip)),
  );

  app.get(
    '/traffic/hazard-inspections',
    { schema: { tags, summary: '隐患排查记录 Hazard inspections, open rectifications first', querystring: s.hazardListQuery }, config: { access: ['officer', 'unit-leader', 'supervisor', 'admin'] } },
    async (req) => hazards.listHazardInspections(ctx, userOf(req), req.query.open === 'true'),
  );

  app.get(
    '/traffic/hazard-inspections/export.xlsx',
    { schema: { tags, summary: '导出台账 The hazard inspections list as xlsx, the same filter and access (audited)', querystring: s.hazardListQuery.strict() }, config: { access: ['officer', 'unit-leader', 'supervisor', 'admin'] } },
    async (req, reply) => sendLedger(reply, await exportHazardsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );

  app.post(
    '/traffic/hazard-inspections/:id/rectification',
    { schema: { tags, summary: '隐患整改完成 Record the rectification', params: s.uuidParams, body: s.rectificationBody }, config: { access: ['officer', 'unit-leader'] } },
    async (req) => hazards.recordRectification(ctx, userOf(req), req.params.id, req.body.note, req.ip),
  );
};
