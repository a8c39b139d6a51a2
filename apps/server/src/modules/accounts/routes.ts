import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { SESSION_COOKIE, userOf } from '../../plugins/auth.ts';
import { presentActor, presentUser } from './present.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';
import * as specialists from './specialists.ts';
import * as reset from './password-reset.ts';

const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const secure = ctx.config.env === 'production';
  // Keyed by address and username, so it must run once the body is parsed (the default onRequest hook sees no
  // body and would give every user behind one address a single shared budget).
  const loginLimit = {
    shared: true,
    max: 30,
    timeWindow: '1 minute',
    hook: 'preValidation' as const,
    keyGenerator: (req: { ip: string; body?: unknown }) => `${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
  };

  app.post(
    '/auth/login',
    { schema: { tags, summary: '登录 Sign in (session cookie)', body: s.loginBody }, config: { access: 'public', rateLimit: loginLimit } },
    async (req, reply) => {
      const r = await service.login(ctx, req.body, req.ip);
      if ('totpRequired' in r) return { totpRequired: true };
      const { token, user, passwordExpired } = r;
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: ctx.config.sessionHours * 3600 });
      return { user: presentActor(user), passwordExpired };
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: '退出 Sign out' }, config: { access: 'public' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await service.logout(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  // The web app asks who is signed in before anyone is: an answer, not a 401 in every visitor's console (issue 16).
  app.get('/auth/session', { schema: { tags, summary: '当前会话 Who is signed in (user null when nobody)' }, config: { access: 'public' } }, async (req) =>
    req.actor.id === null ? { user: null, passwordExpired: false } : { user: presentActor(userOf(req)), passwordExpired: await service.mustChangePassword(ctx, userOf(req)) },
  );

  app.get('/auth/me', { schema: { tags, summary: '当前用户 The signed-in user' }, config: { access: 'user' } }, async (req) => ({
    user: presentActor(userOf(req)),
    passwordExpired: await service.mustChangePassword(ctx, userOf(req)),
  }));

  app.put(
    '/auth/password',
    { schema: { tags, summary: '修改密码 Change your own password', body: s.changePasswordBody }, config: { access: 'user', rateLimit: { shared: true, max: 10, timeWindow: '1 minute' } } },
    async (req) => service.changePassword(ctx, userOf(req), req.body, req.cookies[SESSION_COOKIE] ?? null, req.ip),
  );

  // Forgotten passwords (issue 16 point 8): one answer whether or not the account exists; each address may ask five
  // times in 15 minutes across the deployment, and each account gets at most three links an hour (in the service).
  app.post(
    '/auth/password-reset',
    {
      schema: { tags, summary: '忘记密码 Ask for a reset link (same 202 whether or not the account exists)', body: s.passwordResetRequestBody },
      config: { access: 'public', rateLimit: { shared: true, max: 5, timeWindow: '15 minutes' } },
    },
    async (req, reply) => {
      await reset.requestPasswordReset(ctx, req.body, req.ip);
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: { tags, summary: '重置密码 Set a new password with a reset link (once, within 30 minutes)', body: s.passwordResetConfirmBody },
      config: { access: 'public', rateLimit: { shared: true, max: 10, timeWindow: '1 minute' } },
    },
    async (req) => reset.confirmPasswordReset(ctx, req.body, req.ip),
  );

  app.post(
    '/auth/tokens',
    { schema: { tags, summary: 'API 令牌 A bearer token for API clients', body: s.tokenBody }, config: { access: 'user' } },
    async (req, reply) => reply.status(201).send(await service.createToken(ctx, userOf(req), req.body.name, req.ip)),
  );

  app.post(
    '/enterprises/register',
    { schema: { tags, summary: '企业注册 Register an enterprise and its admin', body: s.registerBody }, config: { access: 'public', rateLimit: { shared: true, max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => reply.status(201).send(await service.registerEnterprise(ctx, req.body, req.ip)),
  );

  app.get('/units', { schema: { tags, summary: '单位 Police units and partner departments' }, config: { access: 'user' } }, async () => ({
    units: (await service.listUnits(ctx)).map((u) => ({ id: u.id, nameZh: u.nameZh, nameEn: u.nameEn, unitType: u.unitType, district: u.district })),
  }));

  app.get(
    '/units/:unitId/staff',
    { schema: { tags, summary: '单位承办人员 A unit\'s handling staff, to assign an item (own unit; supervisors and admins any)', params: s.unitIdParams }, config: { access: ['officer', 'unit-leader', 'supervisor', 'admin'] } },
    async (req) => specialists.unitStaff(ctx, userOf(req), req.params.unitId),
  );

  app.put(
    '/admin/units/:unitId/specialists',
    { schema: { tags, summary: '指定服务专员 Name a window\'s service specialists (audited)', params: s.unitIdParams, body: s.specialistsBody }, config: { access: ['admin'] } },
    async (req) => specialists.setSpecialists(ctx, userOf(req), req.params.unitId, req.body.userIds, req.ip),
  );

  app.get(
    '/admin/users',
    { schema: { tags, summary: '用户列表 Users', querystring: s.listUsersQuery }, config: { access: ['admin'] } },
    async (req) => {
      const { users, nextCursor } = await service.listUsers(ctx, req.query.limit, req.query.cursor ?? null);
      const now = ctx.now();
      return { users: users.map((u) => presentUser(u, now)), nextCursor };
    },
  );

  app.post(
    '/admin/users',
    { schema: { tags, summary: '创建用户 Create a user', body: s.createUserBody }, config: { access: ['admin'] } },
    async (req, reply) => reply.status(201).send(await service.createUser(ctx, userOf(req), req.body, req.ip)),
  );

  app.post(
    '/admin/users/:id/password-reset',
    { schema: { tags, summary: '重置用户密码 Give an account a temporary password, to be changed at the next sign-in (audited)', params: s.userIdParams }, config: { access: ['admin'] } },
    async (req) => reset.adminResetPassword(ctx, userOf(req), req.params.id, req.ip),
  );

  app.put(
    '/admin/users/:id/role',
    { schema: { tags, summary: '变更角色 Change a role (audited)', params: s.userIdParams, body: s.changeRoleBody }, config: { access: ['admin'] } },
    async (req) => service.changeRole(ctx, userOf(req), req.params.id, req.body.role, req.body.unitId, req.ip),
  );
};
