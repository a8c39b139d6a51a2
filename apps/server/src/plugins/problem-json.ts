import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, formatMessage, hasMessage, type FieldError, type Locale, type MessageTable } from '@jqt/domain';
import { accountMessages } from '../modules/accounts/messages.ts';
import { calendarAdminMessages } from '../modules/calendar/messages.ts';

/** Codes only the server raises (transport errors; module use cases whose texts are not in the domain yet). */
const serverMessages: MessageTable[] = [
  {
    'zh-CN': { invalid_json: '请求内容不是有效的 JSON', unsupported_media_type: '不支持的内容类型，请以 application/json 提交' },
    en: { invalid_json: 'The request body is not valid JSON', unsupported_media_type: 'Unsupported content type; send application/json' },
  },
  accountMessages,
  calendarAdminMessages,
];

/** The localized text of a code: the domain's locale files first, then the server's own codes; never the bare code. */
export function messageOf(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  if (hasMessage(code)) return formatMessage(locale, code, params);
  const table = serverMessages.find((t) => code in t['zh-CN']);
  if (!table) return formatMessage(locale, code, params);
  const template = table[locale][code] ?? table['zh-CN'][code];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

/** Chinese unless the client asks for English first. */
export function localeOf(req: FastifyRequest): Locale {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** Maps a zod issue to our stable field error codes. */
function zodIssueToFieldError(v: { instancePath: string; keyword: string; params: Record<string, unknown> }, context: string, input: unknown): FieldError {
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
      if (context === 'body' && segments.length === 0 && !missing) return { path: '', code: 'invalid_json' };
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
      return { path: [path, ...((p.keys as string[]) ?? [])].filter(Boolean).join('.'), code: 'unknown_field' };
    case 'custom':
      code = typeof (p.params as Record<string, unknown> | undefined)?.code === 'string' ? String((p.params as Record<string, unknown>).code) : 'invalid_type';
      break;
  }
  const prefix = context === 'body' ? '' : `${context}.`;
  return { path: prefix + path || context, code, ...(params ? { params } : {}) };
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
    title: messageOf(locale, code, params),
    status,
    code,
    instance: req.url.split('?')[0],
    ...rest,
  };
  if (errors) {
    body.errors = errors.map((e) => ({ path: e.path, code: e.code, message: messageOf(locale, e.code, e.params) }));
  }
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** The one error handler: every error leaves as RFC 9457 problem+json with a localized message. */
export default fp(async function problemJson(app: FastifyInstance, opts: { spa?: boolean }) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof DomainError) {
      const { status, errors, params, ...rest } = error.details;
      return sendProblem(req, reply, status ?? (errors ? 422 : 400), error.code, { errors, params, ...rest });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const input = context === 'body' ? req.body : context === 'querystring' ? req.query : context === 'params' ? req.params : req.headers;
      const errors = error.validation.map((v) => zodIssueToFieldError(v as never, context, input));
      return sendProblem(req, reply, 422, 'validation_failed', { errors });
    }
    if (error.statusCode === 429) return sendProblem(req, reply, 429, 'rate_limited');
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return sendProblem(req, reply, 413, 'payload_too_large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(req, reply, 415, 'unsupported_media_type');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON and similar: still a field-less 4xx problem.
      return sendProblem(req, reply, error.statusCode === 400 ? 422 : error.statusCode, 'validation_failed', { errors: [{ path: '', code: 'invalid_json' }] });
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, 500, 'internal_error');
  });
  app.setNotFoundHandler((req, reply) => {
    // Any unknown non-API page is the single-page web app, which routes it in the browser.
    if (opts.spa && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(req, reply, 404, 'not_found');
  });
});
