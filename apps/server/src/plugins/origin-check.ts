import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '@jqt/domain';
import { SESSION_COOKIE } from './auth.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin a browser says a request came from: Origin, else Referer's origin; null when it says nothing. */
function claimedOrigin(req: FastifyRequest): { origin: string | null } | null {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const value = typeof origin === 'string' && origin !== '' ? origin : typeof referer === 'string' && referer !== '' ? referer : undefined;
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    return { origin: url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null };
  } catch {
    // "null" (a sandboxed frame, a file: page) or garbage: present, and not ours.
    return { origin: null };
  }
}

/**
 * Issue 16, point 6: a state-changing request carried by the session cookie must come from the platform's own
 * origin (config `publicOrigin`, or the host the request was sent to). Requests with an API token
 * (`Authorization: Bearer`) are scripts and are not checked; requests that name no origin at all (curl, tests,
 * old clients) pass, since a browser always sends Origin on a cross-origin POST. Runs on onRequest, before the
 * body is read, so a body-less POST (logout) is refused as well.
 */
export default fp(async function originCheck(app: FastifyInstance, opts: { publicOrigin: string }) {
  app.addHook('onRequest', async (req) => {
    if (!STATE_CHANGING.has(req.method)) return;
    if (/^Bearer \S+$/i.test(String(req.headers.authorization ?? ''))) return;
    if (!req.cookies?.[SESSION_COOKIE]) return;
    const claimed = claimedOrigin(req);
    if (claimed === null) return;
    const own = claimed.origin !== null && (claimed.origin === opts.publicOrigin || new URL(claimed.origin).host === req.host);
    if (!own) throw new DomainError('cross_origin_refused', { kind: 'forbidden' });
  });
});
