import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatShanghai } from '@jqt/domain';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { auditPage } from './repository.ts';
import { chainPendingAudit, verifyAuditChain } from './service.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/audit',
    { schema: { tags, summary: '审计日志 Audit log', querystring: z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) }) }, config: { access: ['admin'] } },
    async (req) => {
      await chainPendingAudit(ctx.database.db); // the admin reads the log as of now, not as of the chainer's last run
      const rows = await auditPage(ctx.database.db, req.query.after, req.query.limit);
      return { entries: rows.map((r) => ({ ...r, at: formatShanghai(r.at) })), nextAfter: rows.length ? rows[rows.length - 1].id : null };
    },
  );
  app.get('/admin/audit/verify', { schema: { tags, summary: '校验审计链 Verify the hash chain' }, config: { access: ['admin'] } }, async () => {
    await chainPendingAudit(ctx.database.db);
    return verifyAuditChain(ctx.database.db);
  });
};
