import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, formatMessage, type ErrorKind, type FieldError, type Locale } from '@jqt/domain';
/** Chinese unless the client asks for English first. */
export function localeOf(req: FastifyRequest): Locale {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/**
 * Maps a zod issue to our stable field error codes. A path names the field as the client wrote it: a body
 * field, a query or URL parameter by its own name ('limit', 'id'); headers as 'headers.<name>'.
 */
function zodIssueToFieldErrors(v: { instancePath: string; keyword: string; params: Record<string, unknown> }, context: string, input: unknown): FieldError[] {
  const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const p = v.params;
  // zod issues do not carry the input, so whether the field was sent is read from the request itself.
  const segments = v.instancePath.split('/').filter(Boolean);
  const value = segments.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), input);
  const missing = value === undefined;
  let code = 'invalid_type';
  let params: Record<string, unknown> | undefined;
  switch (v.keyword) {
    case 'invalid_type':
      // A body that is there but is not a JSON object (e.g. text/plain) is not a field error.
      if (context === 'body' && segments.length === 0 && !missing) return [{ path: '', code: 'invalid_json' }];
      code = missing ? 'required' : 'invalid_type';
      break;
    case 'too_big':
      code = p.origin === 'string' ? 'too_long' : 'too_large';
      params = { max: p.maximum };
      break;
    case 'too_small':
      code = p.origin === 'string' ? (Number(p.minimum) <= 1 ? 'required' : 'too_short') : 'too_small';
      params = { min: p.minimum };
      break;
    case 'invalid_value':
      code = missing ? 'required' : 'not_in_options';
      break;
    case 'invalid_format':
      code = p.format === 'date' ? 'invalid_date' : p.format === 'datetime' ? 'invalid_datetime' : 'invalid_type';
      break;
    case 'unrecognized_keys':
      // One error per unknown key, each at its own path.
      return ((p.keys as string[] | undefined) ?? []).map((k) => ({ path: [path, k].filter(Boolean).join('.'), code: 'unknown_field' }));
    case 'custom': {
      const { code: custom, ...rest } = (p.params as Record<string, unknown> | undefined) ?? {};
      if (typeof custom === 'string') {
        code = custom;
        if (Object.keys(rest).length) params = rest;
      }
      break;
    }
  }
  const prefix = context === 'headers' ? 'headers.' : '';
  return [{ path: prefix + path || context, code, ...(params ? { params } : {}) }];
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  extra: { errors?: FieldError[]; params?: Record<string, unknown>; [k: string]: unknown } = {},
) {
  const locale = localeOf(req);
  const { errors, params, ...rest } = extra;
  const body: Record<string, unknown> = {
    type: `urn:jqt:problem:${code}`,
    title: formatMessage(locale, code, params),
    status,
    code,
    instance: req.url.split('?')[0],
    ...rest,
  };
  if (errors) {
    body.errors = errors.map((e) => ({ path: e.path, code: e.code, message: formatMessage(locale, e.code, e.params) }));
  }
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** The body of a problem, for answers that have no Fastify reply (the HTTP parser's errors). */
function problemBody(locale: Locale, status: number, code: string, instance: string): Record<string, unknown> {
  return { type: `urn:jqt:problem:${code}`, title: formatMessage(locale, code), status, code, instance };
}

/**
 * Fastify's `frameworkErrors` option: errors its router raises before any route or hook runs (a malformed
 * percent-escape in the path, a URL parameter longer than `maxParamLength`), as problem+json like every other.
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(req, reply, 400, 'bad_url');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(req, reply, 414, 'uri_too_long');
  req.log.error({ err: error }, 'framework error');
  return sendProblem(req, reply, 500, 'internal_error');
}

/**
 * Fastify's `clientErrorHandler` option: the HTTP parser refused the request (headers too large, a garbage
 * request line, a bad header or chunk), so there is no request object; the socket gets problem+json and closes.
 */
export function clientErrorHandler(this: { log: FastifyBaseLogger }, err: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout'] : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'header_too_large'] : [400, 'bad_request'];
  const packet = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.toString('latin1') : '';
  const locale: Locale = /\r\naccept-language: *en/i.test(packet) ? 'en' : 'zh-CN';
  const target = /^[A-Z]+ (\/[^\s?]*)/.exec(packet)?.[1] ?? '/';
  const body = JSON.stringify(problemBody(locale, status, code, target));
  this.log.debug({ err }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** The HTTP status of each kind of domain error: the only place where a business failure becomes a status code. */
export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  unavailable: 503,
};

/** The one error handler: every error leaves as RFC 9457 problem+json with a localized message. */
export default fp(async function problemJson(app: FastifyInstance, opts: { spa?: boolean }) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof DomainError) {
      const { kind, errors, params, ...rest } = error.details;
      return sendProblem(req, reply, kind ? statusOfKind[kind] : errors ? 422 : 400, error.code, { errors, params, ...rest });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const input = context === 'body' ? req.body : context === 'querystring' ? req.query : context === 'params' ? req.params : req.headers;
      const errors = error.validation.flatMap((v) => zodIssueToFieldErrors(v as never, context, input));
      return sendProblem(req, reply, 422, 'validation_failed', { errors });
    }
    if (error.statusCode === 429) return sendProblem(req, reply, 429, 'rate_limited');
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return sendProblem(req, reply, 413, 'payload_too_large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(req, reply, 415, 'unsupported_media_type');
    if (error.statusCode === 400) {
      // Malformed JSON and similar: still a field-less 4xx problem.
      return sendProblem(req, reply, 422, 'validation_failed', { errors: [{ path: '', code: 'invalid_json' }] });
    }
    if (error.statusCode === 404) return sendProblem(req, reply, 404, 'not_found');
    if (error.statusCode && error.statusCode > 400 && error.statusCode < 500) return sendProblem(req, reply, error.statusCode, 'bad_request');
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, 500, 'internal_error');
  });
  app.setNotFoundHandler((req, reply) => {
    // Any unknown non-API page is the single-page web app, which routes it in the browser.
    if (opts.spa && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(req, reply, 404, 'not_found');
  });
});
