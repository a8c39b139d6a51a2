import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, decisionForms, formJsonSchema, itemTypes, staffRoles } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import * as s from './schemas.ts';
import { publicItemStatus } from './public-status.ts';
import * as service from './service.ts';
import { itemFilterOf } from './filters.ts';
import { exportItemsLedger } from './ledger.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';
import { localeOf } from '../../plugins/problem-json.ts';

const tags = ['items'];

/** Anonymous submissions are limited per address; signed-in clients per session, far more loosely. */
export const publicFormLimit = {
  // Anonymous senders are counted for the whole deployment; a signed-in session's loose limit stays per instance.
  shared: (key: string) => key.startsWith('ip:'),
  timeWindow: '1 minute',
  keyGenerator: (req: { ip: string; headers: Record<string, unknown> }) => {
    const credential = req.headers.authorization ?? /jqt_session=([^;]+)/.exec(String(req.headers.cookie ?? ''))?.[1];
    return credential ? `auth:${String(credential).slice(-24)}` : `ip:${req.ip}`;
  },
  max: (_req: unknown, key: string) => (key.startsWith('ip:') ? 30 : 600),
};

/** The public catalog: every declaration, its clocks, its forms as JSON Schema and the documents it issues. */
function catalog() {
  return itemTypes.map((t) => {
    const decisions = decisionForms(t);
    return {
      code: t.code,
      names: t.names,
      measure: t.measure,
      submitters: t.submitters,
      routing: t.routingNote,
      deadlines: { accept: t.clocks.accept, handle: t.clocks.handle.map(({ when, rule, basis, label }) => ({ when: when ?? null, rule, basis, label: label ?? null })) },
      ratingScale: t.ratingScale,
      maxExtensionDays: t.maxExtensionDays,
      guide: t.guide,
      form: formJsonSchema(t.form),
      acceptForm: t.acceptForm ? formJsonSchema(t.acceptForm) : null,
      // Fields the answering officer gives (a survey's date, time and place; an inspection booking).
      answerForm: t.answerForm ? formJsonSchema(t.answerForm.form) : null,
      // The documents an approval issues: by the owner on its answer, or by a partner on its branch (M4's work permit).
      certificates: (t.certificates ?? []).map(({ kind, names, prefix, issuedOn }) => ({ kind, names, prefix, issuedOn })),
      // The decision (准予 / 不予许可; approved when not given) the answer takes where the type issues documents …
      answerDecisionForm: decisions.answer ? formJsonSchema(decisions.answer) : null,
      // … and completing a branch of these partners, whose approval issues a document.
      // Filed from another module's screen (申请复议 from its refused case), not from the catalog.
      filedVia: t.filedVia ?? null,
      branchDecisionForm: decisions.completeBranch ? { unitIds: decisions.completeBranch.unitIds, form: formJsonSchema(decisions.completeBranch.form) } : null,
    };
  });
}

export const itemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const types = catalog();
  app.get('/item-types', { schema: { tags, summary: '事项类型 Item type catalog (public)' }, config: { access: 'public' } }, async () => types);

  app.post(
    '/items',
    {
      schema: { tags, summary: '提交事项 Submit an item', body: s.submitBody },
      // Open to the public for 12389 complaints, so rate-limited per address.
      config: { access: 'public', rateLimit: publicFormLimit },
    },
    async (req, reply) => {
      const rawKey = req.headers['idempotency-key'];
      let idempotencyKey: string | undefined;
      if (rawKey !== undefined) {
        const parsed = s.idempotencyKey.safeParse(rawKey);
        if (!parsed.success) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'Idempotency-Key', code: 'idempotency_key_invalid' }] });
        idempotencyKey = parsed.data;
      }
      const r = await service.submitItem(ctx, req.actor, { type: req.body.type, data: req.body.data, idempotencyKey, ip: req.ip });
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).header('location', `/api/v1/items/${r.item.id}`).send(r.item);
    },
  );

  app.post(
    '/public/items/status',
    {
      schema: { tags, summary: '12389 投诉进度查询 Status of a public complaint by its number and query code', body: s.publicStatusBody },
      config: { access: 'public', rateLimit: { shared: true, max: 20, timeWindow: '1 minute' } },
    },
    async (req) => publicItemStatus(ctx, req.body.number, req.body.queryCode),
  );

  app.get(
    '/items',
    { schema: { tags, summary: '事项列表 Items visible to you, nearest deadline first', querystring: s.listQuery }, config: { access: 'user' } },
    async (req) => {
      const q = req.query;
      return service.listItems(ctx, userOf(req), { ...itemFilterOf(q), status: q.status }, q.cursor, q.limit);
    },
  );

  app.get(
    '/items/counts',
    { schema: { tags, summary: '事项合计 How many visible items match the filters, per status and overdue', querystring: s.countQuery }, config: { access: 'user' } },
    async (req) => service.countItems(ctx, userOf(req), itemFilterOf(req.query)),
  );

  app.get(
    '/items/export.xlsx',
    {
      schema: { tags, summary: '导出台账 The list as xlsx: the same filters and visibility, numbers masked unless yours, audited', querystring: s.exportQuery },
      config: { access: staffRoles },
    },
    async (req, reply) => {
      const { status, ...rest } = req.query;
      const file = await exportItemsLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, { ...itemFilterOf(rest), status }, req.query);
      return sendLedger(reply, file);
    },
  );

  app.get(
    '/items/:id',
    { schema: { tags, summary: '事项详情 An item with its timeline', params: s.idParams }, config: { access: 'user' } },
    async (req) => service.getItem(ctx, userOf(req), req.params.id, { ip: req.ip }),
  );

  app.post(
    '/items/:id/transitions',
    { schema: { tags, summary: '办理 Act on an item', params: s.idParams, body: s.transitionBody }, config: { access: 'user' } },
    async (req) => {
      const { action, version, ...fields } = req.body;
      return service.transitionItem(ctx, userOf(req), req.params.id, { action, version, fields, ip: req.ip });
    },
  );
};
