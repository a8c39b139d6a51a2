import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { exportXlsx, overview, prevention } from './service.ts';

const tags = ['stats'];
const period = z.object({ from: z.string().max(10).describe('YYYY-MM-DD'), to: z.string().max(10).describe('YYYY-MM-DD') }).strict();
const viewers = ['unit-leader', 'supervisor', 'admin'] as const;

export const statsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/stats/overview',
    { schema: { tags, summary: '统计 Per unit and item type: received, on time, overdue, satisfaction', querystring: period }, config: { access: viewers } },
    async (req) => overview(ctx, userOf(req), req.query.from, req.query.to),
  );
  app.get(
    '/stats/prevention',
    { schema: { tags, summary: '平安服务 Warnings, network security inspections, open lectures and disputes, in the same scope', querystring: period }, config: { access: viewers } },
    async (req) => prevention(ctx, userOf(req), req.query.from, req.query.to),
  );
  app.get(
    '/stats/export.xlsx',
    { schema: { tags, summary: '导出 The same statistics as xlsx (audited)', querystring: period }, config: { access: viewers } },
    async (req, reply) => {
      const file = await exportXlsx(ctx, userOf(req), req.query.from, req.query.to, req.ip);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="jqt-stats-${req.query.from}-${req.query.to}.xlsx"`)
        .send(file);
    },
  );
};
