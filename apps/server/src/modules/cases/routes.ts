import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import * as s from './schemas.ts';
import { exportCaseStatisticsLedger, exportCasesLedger } from './ledger.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import * as service from './service.ts';
import * as incidents from './incidents.ts';
import { publicationText } from '../content/schemas.ts';
import { caseStatistics } from './statistics.ts';

const { tags } = s;
const police = ['officer', 'unit-leader'] as const;
const staff = ['officer', 'unit-leader', 'supervisor'] as const;
const enterprise = ['enterprise-admin', 'enterprise-staff'] as const;

export const caseRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/enterprise/cases', { schema: { tags, summary: '我的报案 The enterprise’s reports and their progress' }, config: { access: [...enterprise] } }, async (req) =>
    service.listEnterpriseCases(ctx, userOf(req)),
  );
  app.get('/enterprise/cases/:id', { schema: { tags, summary: '案件进度 Progress of one report (disclosed fields only)', params: s.idParams }, config: { access: [...enterprise] } }, async (req) =>
    service.getEnterpriseCase(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/enterprise/cases/:id/reconsideration',
    { schema: { tags, summary: '申请复议 Ask for reconsideration of a refusal', params: s.idParams, body: s.body }, config: { access: [...enterprise] } },
    async (req, reply) => reply.status(201).send(await service.fileReconsideration(ctx, userOf(req), req.params.id, req.body, req.ip)),
  );

  app.get('/cases', { schema: { tags, summary: '案件列表 Cases visible to you', querystring: s.listQuery }, config: { access: [...staff] } }, async (req) =>
    service.listStaffCases(ctx, userOf(req), req.query),
  );
  app.get('/cases/export.xlsx', { schema: { tags, summary: '导出台账 The cases list as xlsx, the same filters (audited)', querystring: s.exportQuery }, config: { access: [...staff] } }, async (req, reply) =>
    sendLedger(reply, await exportCasesLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );
  app.get('/cases/statistics', { schema: { tags, summary: '案件统计 Case statistics (立案率, decision days, recoveries)' }, config: { access: ['unit-leader', 'supervisor'] } }, async (req) =>
    caseStatistics(ctx, userOf(req)),
  );
  app.get('/cases/statistics.xlsx', { schema: { tags, summary: '导出案件统计 The case statistics as xlsx (audited)' }, config: { access: ['unit-leader', 'supervisor'] } }, async (req, reply) =>
    sendLedger(reply, await exportCaseStatisticsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip })),
  );
  app.get('/cases/:id', { schema: { tags, summary: '案件详情 A case (staff view)', params: s.idParams }, config: { access: [...staff] } }, async (req) =>
    service.getStaffCase(ctx, userOf(req), req.params.id),
  );
  app.post('/cases/:id/stage', { schema: { tags, summary: '记录办理阶段 Record a stage after 立案', params: s.idParams, body: s.body }, config: { access: [...police] } }, async (req) =>
    service.recordStage(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.post('/cases/:id/recoveries', { schema: { tags, summary: '记录止损挽损 Record a loss stopped or recovered', params: s.idParams, body: s.body }, config: { access: [...police] } }, async (req) =>
    service.recordRecovery(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.put('/cases/:id/special', { schema: { tags, summary: '专案专办 Grade the case and name its team', params: s.idParams, body: s.body }, config: { access: ['unit-leader', 'supervisor'] } }, async (req) =>
    service.designateSpecial(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.get('/cases/:id/bulletin', { schema: { tags, summary: '案件通报 The bulletin a concluded case proposes, and its draft if made', params: s.idParams }, config: { access: [...staff] } }, async (req) =>
    service.bulletinProposal(ctx, userOf(req), req.params.id),
  );
  app.post('/cases/:id/bulletin', { schema: { tags, summary: '起草案件通报 Draft the case bulletin (M2), once; a supervisor publishes it', params: s.idParams, body: publicationText.strict() }, config: { access: [...staff] } }, async (req, reply) =>
    reply.status(201).send(await service.draftBulletin(ctx, userOf(req), req.params.id, req.body, req.ip)),
  );
  app.post('/incidents', { schema: { tags, summary: '接警登记 Record an enterprise incident (M10)', body: s.body }, config: { access: [...police] } }, async (req, reply) =>
    reply.status(201).send(await incidents.recordIncident(ctx, userOf(req), req.body, req.ip)),
  );
  app.post('/incidents/:id/arrival', { schema: { tags, summary: '登记到达现场时间 Record the arrival on scene, once', params: s.idParams, body: s.body }, config: { access: [...police] } }, async (req) =>
    incidents.recordArrival(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.get('/incidents/response-times', { schema: { tags, summary: '响应时间 Response times by unit (M10)' }, config: { access: ['unit-leader', 'supervisor'] } }, async (req) =>
    incidents.responseTimes(ctx, userOf(req)),
  );
  app.put('/cases/:id/investigation-note', { schema: { tags, summary: '侦查工作记录 Staff-only notes', params: s.idParams, body: s.body }, config: { access: [...police] } }, async (req) =>
    service.writeInvestigationNote(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
};
