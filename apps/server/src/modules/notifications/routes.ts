import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatMessage } from '@jqt/domain';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import { formatShanghai } from '@jqt/domain';
import { preferenceRoutes } from './preference-routes.ts';
import { listenForNotices, markAllNotificationsRead, markNotificationRead, notificationsOf } from './service.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(preferenceRoutes, { ctx });
  app.get(
    '/notifications',
    {
      schema: { tags, summary: '站内通知 Your notifications, newest first', querystring: z.object({ before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }) },
      config: { access: 'user' },
    },
    async (req) => {
      const actor = userOf(req);
      const locale = localeOf(req);
      const { unread, rows } = await notificationsOf(ctx, actor.id, req.query.before ?? null, req.query.limit);
      return {
        unread,
        notifications: rows.map((n) => ({
          id: n.id,
          itemId: n.itemId,
          kind: n.kind,
          message: formatMessage(locale, `notice.${n.kind}`, n.params as Record<string, unknown>),
          createdAt: formatShanghai(n.createdAt),
          read: n.readAt !== null,
        })),
      };
    },
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标记已读 Mark read', params: z.object({ id: z.coerce.number().int().min(1) }) }, config: { access: 'user' } },
    async (req, reply) => {
      await markNotificationRead(ctx, userOf(req).id, req.params.id);
      return reply.status(204).send();
    },
  );

  app.post('/notifications/read-all', { schema: { tags, summary: '全部已读 Mark all read' }, config: { access: 'user' } }, async (req) => markAllNotificationsRead(ctx, userOf(req).id));

  // Live notices by server-sent events; NOTIFY carries the user ids so every instance wakes its own listeners.
  app.get('/notifications/stream', { schema: { tags, summary: '实时通知 Live notices (SSE)' }, config: { access: 'user' } }, async (req, reply) => {
    const actor = userOf(req);
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    const unlisten = await listenForNotices(ctx, actor.id, () => reply.raw.write(`event: notice\ndata: {}\n\n`));
    const keepAlive = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(keepAlive);
      unlisten().catch(() => {}); // the database may already be closed on shutdown
    });
  });
};
