import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatMessage } from '@jqt/domain';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import { formatShanghai } from '@jqt/domain';
import { confirmPhoneCode, preferencesOf, requestPhoneCode, savePreferences } from './preferences.ts';
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


/** Per signed-in credential, not per address: many users sit behind one office NAT. */
const perUser = (max: number) => ({
  max,
  timeWindow: '1 minute',
  keyGenerator: (req: { ip: string; headers: Record<string, unknown> }) => {
    const credential = req.headers.authorization ?? /jqt_session=([^;]+)/.exec(String(req.headers.cookie ?? ''))?.[1];
    return credential ? `me:${String(credential).slice(-24)}` : `ip:${req.ip}`;
  },
});

const preferencesBody = z
  .object({
    email: z.boolean().describe('E-mail notices of 受理, 补正, 答复, 办结, 领取 and 超期提醒'),
    sms: z.boolean().describe('SMS notices of the same events; needs a verified phone'),
    emailAddress: z.string().max(254).nullable().optional().describe('Where e-mail notices go; required when email is true'),
  })
  .strict();

/** Every signed-in role has a profile and may choose its own channels; nobody sets another user's. */
export const preferenceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/me/notification-preferences', { schema: { tags, summary: '通知设置 Your off-site notice channels' }, config: { access: 'user' } }, async (req) => preferencesOf(ctx, userOf(req).id));

  app.put(
    '/me/notification-preferences',
    { schema: { tags, summary: '保存通知设置 Choose e-mail and SMS notices', body: preferencesBody }, config: { access: 'user', rateLimit: perUser(30) } },
    async (req) => savePreferences(ctx, userOf(req).id, req.body, localeOf(req)),
  );

  app.post(
    '/me/phone-verification',
    {
      schema: { tags, summary: '发送手机验证码 Send a 6-digit code by SMS (once a minute, 10 a day; 10 requests a minute at most)', body: z.object({ phone: z.string().min(1).max(32).describe('Mainland mobile number, 11 digits') }).strict() },
      config: { access: 'user', rateLimit: perUser(10) },
    },
    async (req, reply) => reply.status(202).send(await requestPhoneCode(ctx, userOf(req).id, req.body.phone, localeOf(req))),
  );

  app.post(
    '/me/phone-verification/confirm',
    {
      schema: { tags, summary: '验证手机号 Confirm the code (10 minutes, 5 tries)', body: z.object({ code: z.string().max(16).refine((v) => /^\d{6}$/.test(v), { params: { code: 'phone_code_format' } }).describe('The 6 digits sent by SMS') }).strict() },
      config: { access: 'user', rateLimit: perUser(20) },
    },
    async (req) => confirmPhoneCode(ctx, userOf(req).id, req.body.code),
  );
};
