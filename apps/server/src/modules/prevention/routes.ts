import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { faqOfItem, publishFaq } from './legal-faqs.ts';
import * as ol from './open-lectures.ts';
import * as warnings from './warnings.ts';
import * as disputes from './disputes.ts';
import { exportDisputesLedger } from './disputes-ledger.ts';
import * as s from './schemas.ts';
import { exportWarningsLedger } from './warnings-ledger.ts';
import { exportLectureCoverageLedger, exportOpenLecturesLedger } from './open-lectures-ledger.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';
import { localeOf } from '../../plugins/problem-json.ts';

const { tags } = s;
const police = ['officer', 'unit-leader'] as const;
const enterprise = ['enterprise-admin', 'enterprise-staff'] as const;

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

  app.get('/prevention/warnings', { schema: { tags, summary: '风险预警 Warnings of your unit (supervisors: all) with delivery and acknowledgement counts' }, config: { access: [...police, 'supervisor'] } }, async (req) =>
    warnings.listWarnings(ctx, userOf(req)),
  );
  app.get('/prevention/warnings/export.xlsx', { schema: { tags, summary: '导出台账 The warnings list as xlsx (audited)' }, config: { access: [...police, 'supervisor'] } }, async (req, reply) =>
    sendLedger(reply, await exportWarningsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip })),
  );
  app.post(
    '/prevention/warnings',
    { schema: { tags, summary: '起草风险预警 Draft a risk warning (audience by district, tag or enterprises)', body: s.warningBody }, config: { access: police } },
    async (req, reply) => reply.status(201).send(await warnings.draftWarning(ctx, userOf(req), req.body, req.ip)),
  );
  app.get(
    '/prevention/warnings/:id',
    { schema: { tags, summary: '预警详情 A warning with each delivery (read, escalated)', params: s.warningParams }, config: { access: [...police, 'supervisor'] } },
    async (req) => warnings.getWarning(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/prevention/warnings/:id/actions',
    { schema: { tags, summary: '提交审核 / 审核发布 / 退回 Submit, approve (publishes and delivers) or return a warning', params: s.warningParams, body: s.warningAction }, config: { access: police } },
    async (req) => warnings.actOnWarning(ctx, userOf(req), req.params.id, req.body.action, { note: req.body.note }, req.ip),
  );
  app.get(
    '/prevention/enterprises',
    { schema: { tags, summary: '选择预警对象 Enterprises by name or USCC, for a warning\'s audience', querystring: s.enterpriseQuery }, config: { access: police } },
    async (req) => warnings.searchAudienceEnterprises(ctx, req.query.q),
  );
  app.get('/prevention/disputes', { schema: { tags, summary: '矛盾纠纷排查 Disputes screened at enterprises (scoped as the registry)', querystring: s.disputeQuery }, config: { access: [...police, 'supervisor'] } }, async (req) =>
    disputes.listDisputes(ctx, userOf(req), req.query),
  );
  app.get(
    '/prevention/disputes/export.xlsx',
    { schema: { tags, summary: '导出台账 The disputes list as xlsx, the same filters and scope (audited)', querystring: s.disputeListQuery }, config: { access: [...police, 'supervisor'] } },
    async (req, reply) => sendLedger(reply, await exportDisputesLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );
  app.post('/prevention/disputes', { schema: { tags, summary: '登记矛盾纠纷 Record a dispute screened at an enterprise', body: s.disputeBody }, config: { access: police } }, async (req, reply) =>
    reply.status(201).send(await disputes.recordDispute(ctx, userOf(req), req.body, req.ip)),
  );
  app.post(
    '/prevention/disputes/:id/follow-ups',
    { schema: { tags, summary: '跟进 Follow a dispute up: the risk now and the next day, or resolved', params: s.disputeParams, body: s.followUpBody }, config: { access: police } },
    async (req, reply) => reply.status(201).send(await disputes.followUpDispute(ctx, userOf(req), req.params.id, req.body, req.ip)),
  );
  app.get('/enterprise/warnings', { schema: { tags, summary: '我的风险预警 Warnings delivered to your enterprise' }, config: { access: enterprise } }, async (req) =>
    warnings.enterpriseWarnings(ctx, userOf(req)),
  );
  app.get('/partner/warnings', { schema: { tags, summary: '本部门风险预警 Warnings delivered to your department (partners)' }, config: { access: ['partner'] } }, async (req) =>
    warnings.departmentWarnings(ctx, userOf(req)),
  );
  app.post(
    '/partner/warnings/:id/acknowledgement',
    { schema: { tags, summary: '已阅知 Acknowledge a warning for your department (any of its partner users, once)', params: s.warningParams }, config: { access: ['partner'] } },
    async (req) => warnings.acknowledgeForDepartment(ctx, userOf(req), req.params.id, req.ip),
  );
  app.post(
    '/enterprise/warnings/:id/acknowledgement',
    { schema: { tags, summary: '已阅知 Acknowledge a warning delivered to your enterprise', params: s.warningParams }, config: { access: enterprise } },
    async (req) => warnings.acknowledgeWarning(ctx, userOf(req), req.params.id, req.ip),
  );

  // 公开宣讲 (M19): the service decides the lecture team (403 for other police) and the enterprise's own (404).
  app.get('/public/open-lectures', { schema: { tags, summary: '公开宣讲 Upcoming open lectures with seats left (no names)' }, config: { access: 'public' } }, async () => ol.portalLectures(ctx));
  app.get('/prevention/open-lectures', { schema: { tags, summary: '公开宣讲管理 The lecture team\'s open lectures with sign-ups and waitlist' }, config: { access: police } }, async (req) =>
    ol.teamLectures(ctx, userOf(req)),
  );
  app.get(
    '/prevention/open-lectures/export.xlsx',
    { schema: { tags, summary: '导出台账 The lecture team\'s open lectures as xlsx, the same access (audited)', querystring: s.exportQuery }, config: { access: police } },
    async (req, reply) => sendLedger(reply, await exportOpenLecturesLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip })),
  );
  app.post(
    '/prevention/open-lectures',
    { schema: { tags, summary: '发布公开宣讲 Publish an open lecture on the portal', body: s.openLectureBody }, config: { access: police } },
    async (req, reply) => reply.status(201).send(await ol.publishLecture(ctx, userOf(req), req.body, req.ip)),
  );
  app.get('/prevention/open-lectures/:id', { schema: { tags, summary: '公开宣讲详情 One open lecture with its sign-ups', params: s.openLectureParams }, config: { access: police } }, async (req) =>
    ol.getTeamLecture(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/prevention/open-lectures/:id/cancellation',
    { schema: { tags, summary: '取消公开宣讲 Cancel an open lecture; enterprises signed up are told', params: s.openLectureParams }, config: { access: police } },
    async (req) => ol.cancelLecture(ctx, userOf(req), req.params.id, req.ip),
  );
  app.get(
    '/prevention/lecture-coverage',
    { schema: { tags, summary: '宣讲覆盖 Enterprises reached in a year per district and topic', querystring: s.coverageQuery }, config: { access: [...police, 'supervisor'] } },
    async (req) => ol.lectureCoverage(ctx, userOf(req), req.query.year),
  );
  app.get(
    '/prevention/lecture-coverage/export.xlsx',
    { schema: { tags, summary: '导出台账 A year\'s lecture coverage as xlsx, one row per district and topic (audited)', querystring: s.coverageQuery }, config: { access: [...police, 'supervisor'] } },
    async (req, reply) => sendLedger(reply, await exportLectureCoverageLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );
  app.get('/enterprise/open-lectures', { schema: { tags, summary: '我的宣讲报名 Your enterprise\'s open-lecture sign-ups' }, config: { access: enterprise } }, async (req) =>
    ol.enterpriseSignups(ctx, userOf(req)),
  );
  app.post(
    '/enterprise/open-lectures/:id/signups',
    { schema: { tags, summary: '报名 Sign your enterprise up (confirmed while seats last, then waitlisted)', params: s.openLectureParams, body: s.signupBody }, config: { access: enterprise } },
    async (req, reply) => reply.status(201).send(await ol.signUp(ctx, userOf(req), req.params.id, req.body.attendees, req.ip)),
  );
  app.post(
    '/enterprise/open-lecture-signups/:id/cancellation',
    { schema: { tags, summary: '取消报名 Cancel your enterprise\'s sign-up; the first waitlisted moves up', params: s.openLectureParams }, config: { access: enterprise } },
    async (req) => ol.cancelSignup(ctx, userOf(req), req.params.id, req.ip),
  );
};
