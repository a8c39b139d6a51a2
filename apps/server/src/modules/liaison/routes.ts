import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { MAX_SPREADSHEET_BYTES } from '../applications/spreadsheet.ts';
import * as centres from './centres.ts';
import { coverage, coverageXlsx } from './coverage.ts';
import * as s from './schemas.ts';
import { exportAssignmentsLedger, exportEnterprisesLedger, exportVisitsLedger } from './ledger.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import * as registry from './service.ts';
import * as visits from './visits.ts';
import { readOneFile } from '../../lib/upload.ts';

const { tags } = s;
const police = ['officer', 'unit-leader'] as const;
/** Readers of the registry; each service narrows to the actor's district or own enterprises. */
const staff = ['officer', 'unit-leader', 'supervisor'] as const;
/** The office: the city's supervisors, and a district bureau's leader (its district; checked in the service). */
const office = ['supervisor', 'unit-leader'] as const;
const enterprise = ['enterprise-admin', 'enterprise-staff'] as const;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const liaisonRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: MAX_SPREADSHEET_BYTES, files: 1, fields: 0 } });

  app.get('/liaison/tags', { schema: { tags, summary: '企业标签 Enterprise tags' }, config: { access: [...staff, 'admin'] } }, async () => registry.listTags(ctx));
  app.post('/liaison/tags', { schema: { tags, summary: '新增标签 Add a tag', body: s.tagBody }, config: { access: ['supervisor'] } }, async (req, reply) =>
    reply.status(201).send(await registry.createTag(ctx, userOf(req), req.body, req.ip)),
  );
  app.patch('/liaison/tags/:code', { schema: { tags, summary: '修改标签 Rename a tag', params: s.tagParams, body: s.tagPatch }, config: { access: ['supervisor'] } }, async (req) =>
    registry.updateTag(ctx, userOf(req), req.params.code, req.body, req.ip),
  );

  app.get('/liaison/enterprises', { schema: { tags, summary: '重点企业 Enterprises of the registry (scoped)', querystring: s.enterpriseQuery }, config: { access: [...staff] } }, async (req) =>
    registry.listEnterprises(ctx, userOf(req), req.query),
  );
  app.get(
    '/liaison/enterprises/export.xlsx',
    { schema: { tags, summary: '导出台账 The enterprises list as xlsx, the same filters and scope, every page (audited)', querystring: s.enterpriseQuery.omit({ cursor: true, limit: true }) }, config: { access: [...staff] } },
    async (req, reply) => sendLedger(reply, await exportEnterprisesLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );
  app.put(
    '/liaison/enterprises/:id/profile',
    { schema: { tags, summary: '标记重点企业 Key enterprise and tags (office)', params: s.idParams, body: s.profileBody }, config: { access: [...office] } },
    async (req) => registry.setEnterpriseProfile(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.get('/liaison/enterprises/:id/file', { schema: { tags, summary: '一企一档 The enterprise file (audited)', params: s.idParams }, config: { access: [...staff] } }, async (req) =>
    visits.enterpriseFile(ctx, userOf(req), req.params.id, req.ip),
  );

  app.get('/liaison/projects', { schema: { tags, summary: '重大项目 Major projects (scoped)', querystring: s.projectQuery }, config: { access: [...staff] } }, async (req) =>
    registry.listProjects(ctx, userOf(req), req.query),
  );
  app.post('/liaison/projects', { schema: { tags, summary: '登记重大项目 Register a major project (office)', body: s.projectBody }, config: { access: [...office] } }, async (req, reply) =>
    reply.status(201).send(await registry.createProject(ctx, userOf(req), req.body as Record<string, unknown>, req.ip)),
  );
  app.patch('/liaison/projects/:id', { schema: { tags, summary: '修改重大项目 Change a major project (office)', params: s.idParams, body: s.projectPatch }, config: { access: [...office] } }, async (req) =>
    registry.updateProject(ctx, userOf(req), req.params.id, req.body as Record<string, unknown>, req.ip),
  );

  app.post('/liaison/assignments', { schema: { tags, summary: '一企一警 Name a liaison officer (office)', body: s.assignBody }, config: { access: [...office] } }, async (req, reply) =>
    reply.status(201).send(await registry.assign(ctx, userOf(req), req.body, req.ip)),
  );
  app.post('/liaison/assignments/:id/end', { schema: { tags, summary: '结束联络 End an assignment (office)', params: s.idParams, body: s.endBody }, config: { access: [...office] } }, async (req) =>
    registry.endAssignment(ctx, userOf(req), req.params.id, req.body.reason, req.ip),
  );
  app.get('/liaison/assignments', { schema: { tags, summary: '联络民警变更记录 Assignment history', querystring: s.historyQuery }, config: { access: [...staff] } }, async (req) =>
    registry.assignmentHistory(ctx, userOf(req), req.query),
  );
  app.get('/liaison/assignments/export.xlsx', { schema: { tags, summary: '导出台账 The assignment history as xlsx, the same subject and scope (audited)', querystring: s.historyQuery }, config: { access: [...staff] } }, async (req, reply) =>
    sendLedger(reply, await exportAssignmentsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );
  app.get('/liaison/assignments/template.xlsx', { schema: { tags, summary: '批量指定模板 Bulk assignment template' }, config: { access: [...office] } }, async (_req, reply) =>
    reply.header('content-type', xlsx).header('content-disposition', 'attachment; filename="liaison-assignments.xlsx"').send(await registry.assignmentTemplate()),
  );
  app.post(
    '/liaison/assignments/import',
    { schema: { tags, summary: '批量指定 Bulk assignment from the template (multipart "file"; all rows or none)' }, config: { access: [...office], rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req) => {
      const { content: bytes } = await readOneFile(req, { code: 'spreadsheet_too_large', max: '5 MB' });
      return registry.importAssignments(ctx, userOf(req), bytes, req.ip);
    },
  );

  app.post('/liaison/visits', { schema: { tags, summary: '一企一策 Log a contact with an enterprise', body: s.visitBody }, config: { access: [...police] } }, async (req, reply) =>
    reply.status(201).send(await visits.logVisit(ctx, userOf(req), req.body as never, req.ip)),
  );
  app.post(
    '/liaison/visits/:id/problems/:problemId',
    { schema: { tags, summary: '问题处理 Solve an open problem or turn it into an item', params: s.problemParams, body: s.problemBody }, config: { access: [...police] } },
    async (req) => visits.resolveProblem(ctx, userOf(req), req.params.id, req.params.problemId, req.body, req.ip),
  );
  app.get('/liaison/visits', { schema: { tags, summary: '走访记录 Contacts (scoped)', querystring: s.visitQuery }, config: { access: [...staff] } }, async (req) =>
    visits.listVisits(ctx, userOf(req), req.query),
  );
  app.get('/liaison/visits/export.xlsx', { schema: { tags, summary: '导出台账 The contacts list as xlsx, the same filters and scope (audited)', querystring: s.visitQuery.omit({ limit: true }) }, config: { access: [...staff] } }, async (req, reply) =>
    sendLedger(reply, await exportVisitsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query, req.query)),
  );

  app.get('/liaison/coverage', { schema: { tags, summary: '千警联千企 Coverage (office, district leaders)', querystring: s.coverageQuery }, config: { access: [...office] } }, async (req) =>
    coverage(ctx, userOf(req), req.query),
  );
  app.get('/liaison/coverage.xlsx', { schema: { tags, summary: '导出覆盖情况 Coverage as xlsx (audited)', querystring: s.coverageQuery }, config: { access: [...office] } }, async (req, reply) =>
    reply.header('content-type', xlsx).header('content-disposition', 'attachment; filename="liaison-coverage.xlsx"').send(await coverageXlsx(ctx, userOf(req), req.query, req.ip)),
  );

  app.get('/enterprise/liaison', { schema: { tags, summary: '我的联络民警 Your liaison officer' }, config: { access: [...enterprise] } }, async (req) => registry.myLiaison(ctx, userOf(req)));
  app.post('/enterprise/liaison/ask', { schema: { tags, summary: '向联络民警反映 Ask your liaison officer (files an appeal)', body: s.askBody }, config: { access: [...enterprise] } }, async (req, reply) =>
    reply.status(201).send(await registry.askLiaison(ctx, userOf(req), req.body as Record<string, unknown>, req.ip)),
  );
  app.get('/enterprise/visits', { schema: { tags, summary: '走访记录 Contacts with your enterprise' }, config: { access: [...enterprise] } }, async (req) => visits.enterpriseVisits(ctx, userOf(req)));
  app.post(
    '/enterprise/visits/:id/confirmation',
    { schema: { tags, summary: '确认或异议 Confirm or dispute a contact record (7 days)', params: s.idParams, body: s.confirmationBody }, config: { access: [...enterprise] } },
    async (req) => visits.confirmVisit(ctx, userOf(req), req.params.id, req.body, req.ip),
  );

  app.get('/public/service-centres', { schema: { tags, summary: '驻企服务中心 Service centres in industrial parks', querystring: s.centreQuery }, config: { access: 'public' } }, async (req) =>
    centres.publicCentres(ctx, req.query.district),
  );
  app.post('/liaison/service-centres', { schema: { tags, summary: '新增服务中心 Add a service centre (office)', body: s.centreBody }, config: { access: [...office] } }, async (req, reply) =>
    reply.status(201).send(await centres.createCentre(ctx, userOf(req), req.body, req.ip)),
  );
  app.patch('/liaison/service-centres/:id', { schema: { tags, summary: '修改服务中心 Change a service centre (office)', params: s.idParams, body: s.centrePatch }, config: { access: [...office] } }, async (req) =>
    centres.updateCentre(ctx, userOf(req), req.params.id, req.body, req.ip),
  );
  app.get('/liaison/service-centres/:id/bookings', { schema: { tags, summary: '预约 Bookings of a centre (its staff, office)', params: s.idParams }, config: { access: [...staff] } }, async (req) =>
    centres.centreBookings(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/enterprise/service-centres/:id/bookings',
    { schema: { tags, summary: '预约服务中心 Book a centre visit', params: s.idParams, body: s.bookingBody }, config: { access: [...enterprise] } },
    async (req, reply) => reply.status(201).send(await centres.bookCentre(ctx, userOf(req), req.params.id, req.body, req.ip)),
  );
  app.get('/enterprise/service-centre-bookings', { schema: { tags, summary: '我的预约 Your bookings' }, config: { access: [...enterprise] } }, async (req) => centres.myBookings(ctx, userOf(req)));
};
