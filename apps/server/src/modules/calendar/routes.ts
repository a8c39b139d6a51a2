import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import * as s from './schemas.ts';
import { amendDay, calendarChanges, calendarDays, calendarStatus, deadlineOf, loadYear } from './service.ts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/calendar/days',
    { schema: { tags, summary: '工作日历 Statutory calendar days', querystring: s.daysQuery }, config: { access: 'public' } },
    async (req) => calendarDays(ctx, req.query),
  );

  app.get(
    '/calendar/deadline',
    { schema: { tags, summary: '期限计算 Deadline by rule', querystring: s.deadlineQuery }, config: { access: 'public' } },
    async (req) => deadlineOf(ctx, req.query),
  );

  app.get('/admin/calendar/status', { schema: { tags, summary: '日历状态 Loaded years and warnings' }, config: { access: ['admin', 'supervisor'] } }, async () =>
    calendarStatus(ctx),
  );

  app.get('/admin/calendar/changes', { schema: { tags, summary: '日历变更记录 Calendar change log' }, config: { access: ['admin'] } }, async () => ({
    changes: await calendarChanges(ctx),
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
