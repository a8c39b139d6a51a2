import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatMessage, shanghaiDate, validate, validatorKinds } from '@jqt/domain';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { localeOf } from '../../plugins/problem-json.ts';

const body = z.object({
  kind: z.enum(validatorKinds as unknown as [string, ...string[]]).describe('uscc | idcard | plate | mobile | vin'),
  value: z.string().max(100).describe('The value to check'),
});

export const validationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/validate',
    { schema: { tags: ['validation'], summary: '校验 Check a USCC, ID number, plate, mobile or VIN', body }, config: { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } } },
    async (req) => {
      const locale = localeOf(req);
      // Today in Asia/Shanghai, so an ID number born in the future is refused (issue 16).
      const r = validate(req.body.kind as never, req.body.value, { today: shanghaiDate(ctx.now()) });
      return {
        valid: r.valid,
        ...(r.normalized !== undefined ? { normalized: r.normalized } : {}),
        errors: r.errors.map((e) => ({ code: e.code, message: formatMessage(locale, e.code, e.params) })),
      };
    },
  );
};
