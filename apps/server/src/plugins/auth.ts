import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type Role } from '@jqt/domain';
import type { AppContext } from '../context.ts';
import { publicActor, type RequestActor, type UserActor } from '../modules/accounts/actor.ts';
import { actorFromSession, actorFromToken } from '../modules/accounts/service.ts';

export const SESSION_COOKIE = 'jqt_session';

/**
 * Who may call a route, declared on every route as `config.access`:
 * 'public' (anyone), 'user' (any signed-in user) or the list of roles.
 */
export type Access = 'public' | 'user' | readonly Role[];

/** One row of the access table: every route and who may call it, for the access-matrix tests and audits. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after this plugin, with its declared access (HEAD twins left out). */
    accessTable: readonly RouteAccess[];
  }
  interface FastifyRequest {
    actor: RequestActor;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** The signed-in actor of a request whose route requires one. */
export function userOf(req: FastifyRequest): UserActor {
  if (req.actor.id === null) throw new DomainError('unauthenticated', { kind: 'unauthenticated' });
  return req.actor;
}

/** Resolves the session cookie or bearer token to `request.actor`, then enforces the route's declared access. */
export default fp(async function auth(app: FastifyInstance, opts: { ctx: AppContext }) {
  app.decorateRequest('actor', null as never);
  const table: RouteAccess[] = [];
  app.decorate('accessTable', table);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
    // Fail closed: a route that forgot to declare who may call it is a bug, not a public route.
    // (The web app's static files are public by nature; every API route must say who may call it.)
    const api = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (api && (route.config as { access?: Access } | undefined)?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });
  app.addHook('preValidation', async (req) => {
    req.actor = publicActor;
    const bearer = /^Bearer (\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (bearer) req.actor = (await actorFromToken(opts.ctx, bearer)) ?? publicActor;
    else if (cookie) req.actor = (await actorFromSession(opts.ctx, cookie)) ?? publicActor;
    const access = (req.routeOptions.config as { access?: Access } | undefined)?.access;
    if (access === undefined || access === 'public') return;
    if (req.actor.id === null) throw new DomainError('unauthenticated', { kind: 'unauthenticated' });
    if (access !== 'user' && !access.includes(req.actor.role)) throw new DomainError('forbidden', { kind: 'forbidden' });
  });
});
