import { createHash, randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { attachments } from '../../db/schema.ts';
import { readOneFile } from '../../lib/upload.ts';
import { userOf } from '../../plugins/auth.ts';
import { mayReadAttachment } from '../items/service.ts';
import { MAX_ATTACHMENT_BYTES, safeFilename, sniffType } from './files.ts';

const tags = ['attachments'];

export const attachmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 } });

  app.post(
    '/attachments',
    { schema: { tags, summary: '上传附件 Upload one file (PDF, JPG, PNG, XLSX; ≤ 10 MB)' }, config: { access: 'user', rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const actor = userOf(req);
      // The whole file is read into memory before anything is stored, so a body that breaks off leaves nothing behind.
      const bytes = await readOneFile(req, { code: 'attachment_too_large', max: '10 MB' });
      if (bytes.content.length === 0) throw new DomainError('validation_failed', { status: 422, errors: [{ path: 'file', code: 'required' }] });
      const filename = safeFilename(bytes.filename);
      const type = sniffType(bytes.content, filename);
      if (!type) throw new DomainError('validation_failed', { status: 422, errors: [{ path: 'file', code: 'attachment_type', params: { allowed: 'PDF, JPG, PNG, XLSX' } }] });
      const id = randomUUID();
      await ctx.database.db.insert(attachments).values({
        id,
        uploaderId: actor.id,
        filename,
        mime: type.mime,
        size: bytes.content.length,
        sha256: createHash('sha256').update(bytes.content).digest('hex'),
        content: bytes.content,
        createdAt: ctx.now(),
      });
      return reply.status(201).send({ id, filename, mime: type.mime, size: bytes.content.length });
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags, summary: '下载附件 Download (the uploader, or anyone who may see an item that carries it)', params: z.object({ id: z.uuid() }) }, config: { access: 'user' } },
    async (req, reply) => {
      const actor = userOf(req);
      const [a] = await ctx.database.db.select().from(attachments).where(eq(attachments.id, req.params.id)).limit(1);
      if (!a || !(a.uploaderId === actor.id || (await mayReadAttachment(ctx, actor, a.id)))) throw new DomainError('not_found', { status: 404 });
      return reply
        .type(a.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.content);
    },
  );
};
