import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { faqOfItem, publishFaq } from './legal-faqs.ts';
import './lectures.ts';
import * as warnings from './warnings.ts';
import * as s from './schemas.ts';
import { exportWarningsLedger } from './warnings-ledger.ts';
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
  app.get('/enterprise/warnings', { schema: { tags, summary: '我的风险预警 Warnings delivered to your enterprise' }, config: { access: enterprise } }, async (req) =>
    warnings.enterpriseWarnings(ctx, userOf(req)),
  );
  app.post(
    '/enterprise/warnings/:id/acknowledgement',
    { schema: { tags, summary: '已阅知 Acknowledge a warning delivered to your enterprise', params: s.warningParams }, config: { access: enterprise } },
    async (req) => warnings.acknowledgeWarning(ctx, userOf(req), req.params.id, req.ip),
  );
};
