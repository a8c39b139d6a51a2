import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, computeDeadline, daysBetween, formatShanghai, isIsoDate, parseDeadlineRule, parseIsoInstant, type FieldError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import * as s from './schemas.ts';
import { amendDay, calendarOf, calendarStatus, loadYear } from './service.ts';
import { listChanges } from './repository.ts';

const tags = ['calendar'];
const MAX_DAYS = 366 * 3;

export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/calendar/days',
    { schema: { tags, summary: '工作日历 Statutory calendar days', querystring: s.daysQuery }, config: { access: 'public' } },
    async (req) => {
      const { from, to } = req.query;
      const errors: FieldError[] = [];
      if (!isIsoDate(from)) errors.push({ path: 'from', code: 'invalid_date' });
      if (!isIsoDate(to)) errors.push({ path: 'to', code: 'invalid_date' });
      if (!errors.length && to < from) errors.push({ path: 'to', code: 'calendar_range_invalid' });
      if (!errors.length && daysBetween(from, to) >= MAX_DAYS) errors.push({ path: 'to', code: 'calendar_range_too_long', params: { max: MAX_DAYS } });
      if (errors.length) throw new DomainError('validation_failed', { status: 422, errors });
      return (await calendarOf(ctx)).days(from, to);
    },
  );

  app.get(
    '/calendar/deadline',
    { schema: { tags, summary: '期限计算 Deadline by rule', querystring: s.deadlineQuery }, config: { access: 'public' } },
    async (req) => {
      const errors: FieldError[] = [];
      const at = parseIsoInstant(req.query.acceptedAt);
      if (!at) errors.push({ path: 'acceptedAt', code: 'invalid_datetime' });
      const rule = parseDeadlineRule(req.query.rule, req.query.n);
      if (!rule.ok) errors.push(...rule.errors);
      if (errors.length || !at || !rule.ok) throw new DomainError('validation_failed', { status: 422, errors });
      const d = computeDeadline(await calendarOf(ctx), rule.rule, at);
      return { due: formatShanghai(d.due), ...(d.provisional ? { provisional: true } : {}) };
    },
  );

  app.get('/admin/calendar/status', { schema: { tags, summary: '日历状态 Loaded years and warnings' }, config: { access: ['admin', 'supervisor'] } }, async () =>
    calendarStatus(ctx),
  );

  app.get('/admin/calendar/changes', { schema: { tags, summary: '日历变更记录 Calendar change log' }, config: { access: ['admin'] } }, async () => ({
    changes: await listChanges(ctx.database.db, 200),
  }));

  app.post(
    '/admin/calendar/years',
    { schema: { tags, summary: '导入年度节假日安排 Load a year', body: s.loadYearBody }, config: { access: ['admin'] } },
    async (req, reply) => reply.status(201).send(await loadYear(ctx, userOf(req), req.body, req.ip)),
  );

  app.put(
    '/admin/calendar/days/:date',
    { schema: { tags, summary: '调整单日 Amend one day', params: s.amendDayParams, body: s.amendDayBody }, config: { access: ['admin'] } },
    async (req) => amendDay(ctx, userOf(req), req.params.date, req.body, req.ip),
  );
};
