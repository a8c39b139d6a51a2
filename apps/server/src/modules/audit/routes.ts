import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatShanghai } from '@jqt/domain';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { auditHead, auditLog, verifyAuditLog } from './service.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/audit',
    { schema: { tags, summary: '审计日志 Audit log', querystring: z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) }) }, config: { access: ['admin'] } },
    async (req) => {
      const rows = await auditLog(ctx, req.query.after, req.query.limit); // as of now, not as of the chainer's last run
      return { entries: rows.map((r) => ({ ...r, at: formatShanghai(r.at) })), nextAfter: rows.length ? rows[rows.length - 1].id : null };
    },
  );
  app.get('/admin/audit/head', { schema: { tags, summary: '审计链锚点 The newest anchored head, signed, to keep off the database' }, config: { access: ['admin'] } }, async () => auditHead(ctx));
  app.get('/admin/audit/verify', { schema: { tags, summary: '校验审计链 Verify the hash chain' }, config: { access: ['admin'] } }, async () => verifyAuditLog(ctx));
};
