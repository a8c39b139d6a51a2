import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatMessage, validate, validatorKinds } from '@jqt/domain';
import { z } from 'zod';
import { localeOf } from '../../plugins/problem-json.ts';

const body = z.object({
  kind: z.enum(validatorKinds as unknown as [string, ...string[]]).describe('uscc | idcard | plate | mobile | vin'),
  value: z.string().max(100).describe('The value to check'),
});

export const validationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/validate',
    { schema: { tags: ['validation'], summary: '校验 Check a USCC, ID number, plate, mobile or VIN', body }, config: { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } } },
    async (req) => {
      const locale = localeOf(req);
      const r = validate(req.body.kind as never, req.body.value);
      return {
        valid: r.valid,
        ...(r.normalized !== undefined ? { normalized: r.normalized } : {}),
        errors: r.errors.map((e) => ({ code: e.code, message: formatMessage(locale, e.code, e.params) })),
      };
    },
  );
};
