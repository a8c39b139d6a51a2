import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { drillList, setDrill } from './drills.ts';
import { answerFinding, reviewFinding } from './findings.ts';
import { getInspection, listInspections, planInspection, recordResult } from './inspections.ts';
import { exportDrillsLedger, exportInspectionsLedger } from './ledger.ts';
import { noticePdf } from './notice.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import * as s from './schemas.ts';

const { tags } = s;
const police = ['officer', 'unit-leader'] as const;
const readers = [...police, 'supervisor'] as const;
const enterprise = ['enterprise-admin', 'enterprise-staff'] as const;

/** 网络安全检查 (M16). The service decides the cyber unit (403 for other police) and the inspection's own (404). */
export const cyberRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/cyber/inspections', { schema: { tags, summary: '网络安全检查 The cyber unit\'s inspections (supervisors, city leaders: all)' }, config: { access: readers } }, async (req) =>
    listInspections(ctx, userOf(req)),
  );
  app.get(
    '/cyber/inspections/export.xlsx',
    { schema: { tags, summary: '导出台账 The inspections list as xlsx, the same scope (audited)', querystring: s.exportQuery }, config: { access: readers } },
    async (req, reply) => sendLedger(reply, await exportInspectionsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip })),
  );
  app.post(
    '/cyber/inspections',
    { schema: { tags, summary: '检查计划 Plan an inspection of an enterprise or major project', body: s.planBody }, config: { access: police } },
    async (req, reply) => reply.status(201).send(await planInspection(ctx, userOf(req), req.body, req.ip)),
  );
  app.get('/cyber/inspections/:id', { schema: { tags, summary: '检查详情 An inspection with its findings', params: s.idParams }, config: { access: readers } }, async (req) =>
    getInspection(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/cyber/inspections/:id/result',
    { schema: { tags, summary: '记录检查结果 Record the result; findings issue the numbered 整改通知书', params: s.idParams, body: s.resultBody }, config: { access: police } },
    async (req) => recordResult(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.get(
    '/cyber/inspections/:id/notice.pdf',
    { schema: { tags, summary: '整改通知书 PDF The rectification notice with its verification QR code', params: s.idParams }, config: { access: [...readers, ...enterprise] } },
    async (req, reply) => {
      const { pdf, filename } = await noticePdf(ctx, userOf(req), req.params.id, `${req.protocol}://${req.host}`);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'no-store').send(pdf);
    },
  );
  app.post(
    '/cyber/findings/:id/review',
    { schema: { tags, summary: '核验 / 重新整改 Verify (close) or reopen an answered finding, with a note', params: s.idParams, body: s.reviewBody }, config: { access: police } },
    async (req) => reviewFinding(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.get('/cyber/drills', { schema: { tags, summary: '护网演练 The enterprises taking part in a year\'s drill', querystring: s.drillQuery }, config: { access: readers } }, async (req) =>
    drillList(ctx, userOf(req), req.query.year),
  );
  app.get(
    '/cyber/drills/export.xlsx',
    { schema: { tags, summary: '导出台账 A year\'s drill list as xlsx, the same year and access (audited)', querystring: s.drillQuery }, config: { access: readers } },
    async (req, reply) => sendLedger(reply, await exportDrillsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );
  app.put(
    '/cyber/drills/:year/enterprises/:enterpriseId',
    { schema: { tags, summary: '标记参演 Mark an enterprise for the year\'s drill', params: s.drillParams }, config: { access: police } },
    async (req) => setDrill(ctx, userOf(req), req.params.year, req.params.enterpriseId, true, req.ip),
  );
  app.delete(
    '/cyber/drills/:year/enterprises/:enterpriseId',
    { schema: { tags, summary: '取消参演 Unmark an enterprise', params: s.drillParams }, config: { access: police } },
    async (req) => setDrill(ctx, userOf(req), req.params.year, req.params.enterpriseId, false, req.ip),
  );

  app.get('/enterprise/cyber/inspections', { schema: { tags, summary: '我的网络安全检查 Your enterprise\'s inspections and findings' }, config: { access: enterprise } }, async (req) =>
    listInspections(ctx, userOf(req)),
  );
  app.get(
    '/enterprise/cyber/inspections/:id',
    { schema: { tags, summary: '检查详情 One of your enterprise\'s inspections', params: s.idParams }, config: { access: enterprise } },
    async (req) => getInspection(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/enterprise/cyber/findings/:id/answer',
    { schema: { tags, summary: '整改答复 Answer a finding with what was done and evidence', params: s.idParams, body: s.answerBody }, config: { access: enterprise } },
    async (req) => answerFinding(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
};
