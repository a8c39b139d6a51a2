import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import { confirmPhoneCode, preferencesOf, requestPhoneCode, savePreferences } from './preferences.ts';

const tags = ['notifications'];

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
