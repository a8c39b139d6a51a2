import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import * as ol from './open-lectures.ts';
import * as s from './schemas.ts';

const { tags } = s;
const police = ['officer', 'unit-leader'] as const;
const enterprise = ['enterprise-admin', 'enterprise-staff'] as const;

/** 公开宣讲 (M19): the service decides the lecture team (403 for other police) and the enterprise's own (404). */
export const openLectureRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/public/open-lectures', { schema: { tags, summary: '公开宣讲 Upcoming open lectures with seats left (no names)' }, config: { access: 'public' } }, async () => ol.portalLectures(ctx));
  app.get('/prevention/open-lectures', { schema: { tags, summary: '公开宣讲管理 The lecture team\'s open lectures with sign-ups and waitlist' }, config: { access: police } }, async (req) =>
    ol.teamLectures(ctx, userOf(req)),
  );
  app.post(
    '/prevention/open-lectures',
    { schema: { tags, summary: '发布公开宣讲 Publish an open lecture on the portal', body: s.openLectureBody }, config: { access: police } },
    async (req, reply) => reply.status(201).send(await ol.publishLecture(ctx, userOf(req), req.body, req.ip)),
  );
  app.get('/prevention/open-lectures/:id', { schema: { tags, summary: '公开宣讲详情 One open lecture with its sign-ups', params: s.openLectureParams }, config: { access: police } }, async (req) =>
    ol.getTeamLecture(ctx, userOf(req), req.params.id),
  );
  app.post(
    '/prevention/open-lectures/:id/cancellation',
    { schema: { tags, summary: '取消公开宣讲 Cancel an open lecture; enterprises signed up are told', params: s.openLectureParams }, config: { access: police } },
    async (req) => ol.cancelLecture(ctx, userOf(req), req.params.id, req.ip),
  );
  app.get(
    '/prevention/lecture-coverage',
    { schema: { tags, summary: '宣讲覆盖 Enterprises reached in a year per district and topic', querystring: s.coverageQuery }, config: { access: [...police, 'supervisor'] } },
    async (req) => ol.lectureCoverage(ctx, userOf(req), req.query.year),
  );
  app.get('/enterprise/open-lectures', { schema: { tags, summary: '我的宣讲报名 Your enterprise\'s open-lecture sign-ups' }, config: { access: enterprise } }, async (req) =>
    ol.enterpriseSignups(ctx, userOf(req)),
  );
  app.post(
    '/enterprise/open-lectures/:id/signups',
    { schema: { tags, summary: '报名 Sign your enterprise up (confirmed while seats last, then waitlisted)', params: s.openLectureParams, body: s.signupBody }, config: { access: enterprise } },
    async (req, reply) => reply.status(201).send(await ol.signUp(ctx, userOf(req), req.params.id, req.body.attendees, req.ip)),
  );
  app.post(
    '/enterprise/open-lecture-signups/:id/cancellation',
    { schema: { tags, summary: '取消报名 Cancel your enterprise\'s sign-up; the first waitlisted moves up', params: s.openLectureParams }, config: { access: enterprise } },
    async (req) => ol.cancelSignup(ctx, userOf(req), req.params.id, req.ip),
  );
};
