import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readOneFile } from '../../lib/upload.ts';
import { userOf } from '../../plugins/auth.ts';
import { MAX_ATTACHMENT_BYTES } from './files.ts';
import { attachmentFor, storeAttachment } from './service.ts';

const tags = ['attachments'];

export const attachmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 } });

  app.post(
    '/attachments',
    { schema: { tags, summary: '上传附件 Upload one file (PDF, JPG, PNG, XLSX; ≤ 10 MB)' }, config: { access: 'user', rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const actor = userOf(req);
      // The whole file is read into memory before anything is stored, so a body that breaks off leaves nothing behind.
      const upload = await readOneFile(req, { code: 'attachment_too_large', max: '10 MB' });
      return reply.status(201).send(await storeAttachment(ctx, actor, { filename: upload.filename, bytes: upload.content }));
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags, summary: '下载附件 Download (the uploader, or anyone who may see an item that carries it)', params: z.object({ id: z.uuid() }) }, config: { access: 'user' } },
    async (req, reply) => {
      const actor = userOf(req);
      const a = await attachmentFor(ctx, actor, req.params.id);
      return reply
        .type(a.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.content);
    },
  );
};
