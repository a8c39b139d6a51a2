import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type FieldError } from '@jqt/domain';

/** A NUL character, or a UTF-16 surrogate that is not half of a pair: text PostgreSQL cannot store. */
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 64;

/** A key as it may be shown in a path: the offending characters written as escapes. */
const shown = (key: string) => key.replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Every path in `value` (at any depth, keys included) holding a string PostgreSQL cannot store. */
export function badTextPaths(value: unknown, path: string, out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') {
    if (BAD.test(value)) out.push(path);
  } else if (value !== null && typeof value === 'object' && depth < MAX_DEPTH && !Buffer.isBuffer(value)) {
    if (Array.isArray(value)) value.forEach((v, i) => badTextPaths(v, `${path}.${i}`, out, depth + 1));
    else
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (BAD.test(k)) out.push(`${path}.${shown(k)}`);
        else badTextPaths(v, `${path}.${k}`, out, depth + 1);
      }
  }
  return out;
}

/**
 * Issue 16: a NUL byte or a lone surrogate anywhere in a request (query, URL parameters, cookies, headers, a JSON
 * body at any depth) is refused at the edge with 422 naming the field, before any route, hook or query sees it.
 * Registered before auth, so a session cookie or bearer token is checked too.
 */
export default fp(async function textGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const paths = [
      ...badTextPaths(req.query, 'query'),
      ...badTextPaths(req.params, 'params'),
      ...badTextPaths(req.headers, 'headers'),
      ...badTextPaths(req.cookies, 'cookies'),
      ...badTextPaths(req.body, 'body'),
    ];
    if (paths.length === 0) return;
    const errors: FieldError[] = [...new Set(paths)].map((path) => ({ path, code: 'invalid_characters' }));
    throw new DomainError('validation_failed', { kind: 'invalid', errors });
  });
});
